#!/usr/bin/env node
// Measures the offline writing scorer against the human bands of the scored essays:
// mean absolute error, share within ±0.5 band and quadratic weighted kappa, all cross-validated
// (nested k-fold grouped by prompt: every essay is scored by a model fitted without its fold,
// and the ridge penalty is chosen inside the training folds), beside constant baselines that
// predict the training folds' mean or median band. Then essays scored per second.
//
// Standalone: node scripts/bench-offline.mjs [--data PATH] [--folds 5] [--json]
// From another script: import { benchOfflineScorer } from './bench-offline.mjs'
// Needs the built package (pnpm build).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSeededRandom, crossValidateOfflineWriting, loadEnglishLexicon, parseScoredEssays, scoreOfflineWriting } from '../dist/index.js';

/**
 * The swap test of relevance: each of `count` essays per task is scored against its own prompt
 * and against a randomly drawn other prompt (seeded); returns the shares flagged off topic.
 */
export function swapTest(essays, lexicon, { count = 300, seed = 20261203 } = {}) {
  const random = createSeededRandom(seed);
  const results = {};
  for (const task of ['task1', 'task2']) {
    const pool = essays.filter((essay) => essay.task === task);
    const sample = pool.slice(0, count);
    const assessmentType = task === 'task1' ? 'writing_task1_academic' : 'writing_task2';
    let own = 0;
    let swapped = 0;
    for (const essay of sample) {
      let other;
      do other = pool[Math.floor(random() * pool.length)];
      while (other.prompt === essay.prompt);
      if (scoreOfflineWriting({ assessmentType, prompt: essay.prompt, essay: essay.essay }, { lexicon }).flags.includes('off_topic')) own++;
      if (scoreOfflineWriting({ assessmentType, prompt: other.prompt, essay: essay.essay }, { lexicon }).flags.includes('off_topic')) swapped++;
    }
    results[task] = { essays: sample.length, flaggedAgainstOwnPrompt: own / sample.length, flaggedAgainstOtherPrompt: swapped / sample.length };
  }
  return results;
}

const packageDirectory = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The default data: shared/ beside the repository clone. */
export const DEFAULT_ESSAYS_PATH = resolve(packageDirectory, '../../../shared/data/essays/scored-essays.jsonl');

/**
 * Runs the offline benchmark and returns its figures; prints a table unless `print` is false.
 * @param {{ dataPath?: string, folds?: number, seed?: number, print?: boolean, log?: (line: string) => void }} [options]
 */
export async function benchOfflineScorer(options = {}) {
  const log = options.log ?? ((line) => console.log(line));
  const print = options.print ?? true;
  const essays = parseScoredEssays(readFileSync(options.dataPath ?? DEFAULT_ESSAYS_PATH, 'utf8'));
  const lexicon = await loadEnglishLexicon();

  const cvStarted = performance.now();
  const crossValidation = crossValidateOfflineWriting(essays, lexicon, { ...(options.folds ? { folds: options.folds } : {}), ...(options.seed ? { seed: options.seed } : {}) });
  const cvSeconds = (performance.now() - cvStarted) / 1000;

  // Throughput of the shipped scorer (committed coefficients, full result with feedback and schema check).
  const started = performance.now();
  for (const essay of essays) {
    scoreOfflineWriting(
      { assessmentType: essay.task === 'task1' ? 'writing_task1_academic' : 'writing_task2', prompt: essay.prompt, essay: essay.essay },
      { lexicon },
    );
  }
  const seconds = (performance.now() - started) / 1000;
  const essaysPerSecond = essays.length / seconds;

  const relevance = swapTest(essays, lexicon);
  const figures = {
    relevance,
    essays: essays.length,
    folds: crossValidation.folds,
    seed: crossValidation.seed,
    results: crossValidation.results,
    essaysPerSecond,
    crossValidationSeconds: cvSeconds,
  };
  if (print) {
    log(`Offline writing scorer — ${crossValidation.folds}-fold cross-validation (grouped by prompt, seed ${crossValidation.seed}) on ${essays.length} human-scored essays`);
    log('');
    log('| set   | predictor                    |   MAE | within ±0.5 |   QWK |');
    log('|-------|------------------------------|------:|------------:|------:|');
    for (const set of ['task1', 'task2', 'all']) {
      const result = crossValidation.results[set];
      for (const [name, metrics] of [
        ['offline model', result.model],
        ['baseline: training mean', result.baselineMean],
        ['baseline: training median', result.baselineMedian],
      ]) {
        log(
          `| ${set.padEnd(5)} | ${name.padEnd(28)} | ${metrics.meanAbsoluteError.toFixed(3)} | ${`${(metrics.withinHalfBand * 100).toFixed(1)}%`.padStart(11)} | ${(Math.abs(metrics.quadraticWeightedKappa) < 5e-4 ? 0 : metrics.quadraticWeightedKappa).toFixed(3).padStart(5)} |`,
        );
      }
    }
    log('');
    log('Relevance swap test (each essay scored against its own prompt and a random other one; thresholds chosen on these essays):');
    for (const task of ['task1', 'task2']) {
      const { essays: count, flaggedAgainstOwnPrompt, flaggedAgainstOtherPrompt } = relevance[task];
      log(`  ${task}: ${count} essays — off_topic against another prompt ${(flaggedAgainstOtherPrompt * 100).toFixed(1)}%, against their own ${(flaggedAgainstOwnPrompt * 100).toFixed(1)}%`);
    }
    log('');
    log(`Throughput: ${essaysPerSecond.toFixed(0)} essays/s (${essays.length} essays in ${seconds.toFixed(2)} s, one core, full results with feedback).`);
    log(`Cross-validation took ${cvSeconds.toFixed(1)} s.`);
  }
  return figures;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argumentsList = process.argv.slice(2);
  const option = (name) => {
    const index = argumentsList.indexOf(name);
    return index === -1 ? undefined : argumentsList[index + 1];
  };
  const folds = option('--folds');
  const json = argumentsList.includes('--json');
  const figures = await benchOfflineScorer({ dataPath: option('--data'), folds: folds ? Number(folds) : undefined, print: !json });
  if (json) console.log(JSON.stringify(figures, null, 2));
}
