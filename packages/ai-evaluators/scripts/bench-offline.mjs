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
import { createGrammarChecker, loadEnglishLexicon, scoreOfflineWriting } from '../dist/index.js';
import {
  createSeededRandom,
  crossValidateOfflineWriting,
  fitTaskModel,
  measureAgreement,
  measureEssays,
  parseScoredEssays,
  predictOfflineBand,
} from '../dist/offline-fit.js';

/**
 * Validations that imitate a new source: fit on one kind of essay, score the other kind, both
 * ways, per task. The gap to cross-validation shows how much the model leans on what the
 * calibration collection happens to look like. Splits: how the text was stored (paragraph breaks
 * or one block), length (below or above the task's median), and prompt family (the first word of
 * the prompt's topic sentence sorted alphabetically, two halves).
 */
export function shiftValidation(essays, lexicon) {
  const measured = measureEssays(essays, lexicon);
  const rows = [];
  for (const task of ['task1', 'task2']) {
    const taskEssays = measured.filter((item) => item.essay.task === task);
    const lengths = taskEssays.map((item) => item.features.wordCount).sort((left, right) => left - right);
    const medianLength = lengths[Math.floor(lengths.length / 2)];
    const prompts = [...new Set(taskEssays.map((item) => item.essay.prompt))].sort();
    const firstHalf = new Set(prompts.slice(0, Math.floor(prompts.length / 2)));
    const splits = [
      ['paragraphed → one block', (item) => item.features.paragraphCount > 1],
      ['one block → paragraphed', (item) => item.features.paragraphCount <= 1],
      ['short → long', (item) => item.features.wordCount < medianLength],
      ['long → short', (item) => item.features.wordCount >= medianLength],
      ['prompts A → prompts B', (item) => firstHalf.has(item.essay.prompt)],
      ['prompts B → prompts A', (item) => !firstHalf.has(item.essay.prompt)],
    ];
    for (const [name, inTraining] of splits) {
      const training = taskEssays.filter(inTraining);
      const testing = taskEssays.filter((item) => !inTraining(item));
      if (training.length < 30 || testing.length < 30) continue;
      const model = fitTaskModel(training);
      const predicted = testing.map((item) => predictOfflineBand(model, item.row).band);
      const actual = testing.map((item) => item.essay.band);
      const metrics = measureAgreement(predicted, actual);
      const bias = predicted.reduce((sum, value, index) => sum + value - actual[index], 0) / predicted.length;
      rows.push({ task, split: name, training: training.length, testing: testing.length, ...metrics, bias });
    }
  }
  return rows;
}

/**
 * The same essays stored the way other sources store them: paragraphs run together where the line
 * breaks were lost ("end.Next"), curly quotes, Windows line breaks, non-breaking spaces and
 * spaces before commas. Returns the share of essays whose band changes and the mean change.
 */
export function storageShift(essays, lexicon) {
  const restored = (text) => text.replace(/\r?\n+/g, '').replace(/'/g, '\u2019');
  const exported = (text) =>
    text
      .replace(/\n/g, '\r\n\r\n')
      .replace(/ /g, (space, offset) => (offset % 9 === 0 ? '\u00a0' : space))
      .replace(/,/g, ' ,');
  let changed = 0;
  let total = 0;
  let count = 0;
  for (const essay of essays) {
    const assessmentType = essay.task === 'task1' ? 'writing_task1_academic' : 'writing_task2';
    const band = scoreOfflineWriting({ assessmentType, prompt: essay.prompt, essay: essay.essay }, { lexicon }).overall_band;
    for (const transform of [restored, exported]) {
      const other = scoreOfflineWriting({ assessmentType, prompt: essay.prompt, essay: transform(essay.essay) }, { lexicon }).overall_band;
      count++;
      total += Math.abs(other - band);
      if (other !== band) changed++;
    }
  }
  return { scored: count, changedShare: changed / count, meanAbsoluteChange: total / count };
}

/** Harper's load time and its latency per essay on the first `count` essays. */
export async function benchGrammarChecker(essays, { count = 100 } = {}) {
  const checker = createGrammarChecker();
  const setupStarted = performance.now();
  await checker.setup();
  const setupSeconds = (performance.now() - setupStarted) / 1000;
  const durations = [];
  let findings = 0;
  let words = 0;
  for (const essay of essays.slice(0, count)) {
    const started = performance.now();
    findings += (await checker.check(essay.essay)).length;
    durations.push(performance.now() - started);
    words += essay.essay.split(/\s+/).filter(Boolean).length;
  }
  durations.sort((left, right) => left - right);
  // Hand-checked corrections (src/__fixtures__/grammar-corrections-checked.json): how many the
  // checker still shows, and how many of those a person judged right.
  const checked = JSON.parse(
    readFileSync(resolve(packageDirectory, 'src/__fixtures__/grammar-corrections-checked.json'), 'utf8'),
  ).corrections;
  const texts = new Map(essays.map((essay) => [essay.id, essay.essay]));
  let shown = 0;
  let right = 0;
  for (const entry of checked) {
    const text = texts.get(entry.id);
    if (text === undefined) continue;
    const findings = await checker.check(text);
    if (
      findings.some((finding) => finding.start === entry.start && finding.quote === entry.quote && finding.suggestion === entry.suggestion)
    ) {
      shown++;
      if (entry.correct) right++;
    }
  }
  return {
    handChecked: { entries: checked.length, shown, right, precision: shown === 0 ? 0 : right / shown },
    setupSeconds,
    essays: durations.length,
    medianMilliseconds: durations[Math.floor(durations.length / 2)],
    p95Milliseconds: durations[Math.floor(durations.length * 0.95)],
    findingsPer100Words: (findings / words) * 100,
  };
}

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
      if (scoreOfflineWriting({ assessmentType, prompt: other.prompt, essay: essay.essay }, { lexicon }).flags.includes('off_topic'))
        swapped++;
    }
    results[task] = {
      essays: sample.length,
      flaggedAgainstOwnPrompt: own / sample.length,
      flaggedAgainstOtherPrompt: swapped / sample.length,
    };
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
  const crossValidation = crossValidateOfflineWriting(essays, lexicon, {
    ...(options.folds ? { folds: options.folds } : {}),
    ...(options.seed ? { seed: options.seed } : {}),
  });
  const cvSeconds = (performance.now() - cvStarted) / 1000;

  // Throughput of the shipped scorer (committed coefficients, full result with feedback and schema check).
  const started = performance.now();
  const latencies = [];
  for (const essay of essays) {
    const essayStarted = performance.now();
    scoreOfflineWriting(
      { assessmentType: essay.task === 'task1' ? 'writing_task1_academic' : 'writing_task2', prompt: essay.prompt, essay: essay.essay },
      { lexicon },
    );
    latencies.push(performance.now() - essayStarted);
  }
  const seconds = (performance.now() - started) / 1000;
  const essaysPerSecond = essays.length / seconds;
  latencies.sort((left, right) => left - right);
  const latency = {
    p50Milliseconds: latencies[Math.floor(latencies.length * 0.5)],
    p99Milliseconds: latencies[Math.floor(latencies.length * 0.99)],
  };

  const relevance = swapTest(essays, lexicon);
  const shifts = shiftValidation(essays, lexicon);
  const storage = storageShift(essays, lexicon);
  const grammar = await benchGrammarChecker(essays);
  const figures = {
    relevance,
    shifts,
    storage,
    grammar,
    essays: essays.length,
    folds: crossValidation.folds,
    seed: crossValidation.seed,
    results: crossValidation.results,
    essaysPerSecond,
    latency,
    crossValidationSeconds: cvSeconds,
  };
  if (print) {
    log(
      `Offline writing scorer — ${crossValidation.folds}-fold cross-validation (grouped by prompt, seed ${crossValidation.seed}) on ${essays.length} human-scored essays`,
    );
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
    log('Spread of the cross-validated bands (ridge predictions spread by a linear calibration fitted inside each training fold):');
    log('');
    log('| set   | SD predicted | SD human | ratio | bias  | humans ≤ 4.5: mean predicted | humans ≥ 8: mean predicted |');
    log('|-------|-------------:|---------:|------:|------:|-----------------------------:|---------------------------:|');
    for (const set of ['task1', 'task2', 'all']) {
      const spread = crossValidation.results[set].spread;
      log(
        `| ${set.padEnd(5)} | ${spread.predictedStandardDeviation.toFixed(2).padStart(12)} | ${spread.humanStandardDeviation.toFixed(2).padStart(8)} | ${spread.standardDeviationRatio.toFixed(2).padStart(5)} | ${(spread.bias >= 0 ? '+' : '') + spread.bias.toFixed(2)} | ${`${spread.lowBands.meanPredicted.toFixed(2)} (${spread.lowBands.count} essays)`.padStart(28)} | ${`${spread.highBands.meanPredicted.toFixed(2)} (${spread.highBands.count} essays)`.padStart(26)} |`,
      );
    }
    log('');
    log(
      `Storage: the ${storage.scored / 2} essays stored two other ways (paragraphs run together with curly quotes; Windows line breaks, non-breaking spaces, spaces before commas): ` +
        `${(storage.changedShare * 100).toFixed(1)}% of bands change, by ${storage.meanAbsoluteChange.toFixed(3)} band on average.`,
    );
    log('');
    log('Validation imitating a new source (fit on one kind of essay, score the other; compare with the cross-validated rows above):');
    log('');
    log('| task  | split                     | train | test |   MAE | within ±0.5 |   QWK |  bias |');
    log('|-------|---------------------------|------:|-----:|------:|------------:|------:|------:|');
    for (const row of shifts) {
      log(
        `| ${row.task.padEnd(5)} | ${row.split.padEnd(25)} | ${String(row.training).padStart(5)} | ${String(row.testing).padStart(4)} | ${row.meanAbsoluteError.toFixed(3)} | ${`${(row.withinHalfBand * 100).toFixed(1)}%`.padStart(11)} | ${row.quadraticWeightedKappa.toFixed(3).padStart(5)} | ${(row.bias >= 0 ? '+' : '') + row.bias.toFixed(2)} |`,
      );
    }
    log('');
    log('Relevance swap test (each essay scored against its own prompt and a random other one; thresholds chosen on these essays):');
    for (const task of ['task1', 'task2']) {
      const { essays: count, flaggedAgainstOwnPrompt, flaggedAgainstOtherPrompt } = relevance[task];
      log(
        `  ${task}: ${count} essays — off_topic against another prompt ${(flaggedAgainstOtherPrompt * 100).toFixed(1)}%, against their own ${(flaggedAgainstOwnPrompt * 100).toFixed(1)}%`,
      );
    }
    log('');
    log(
      `Grammar checker (Harper + part-of-speech rules): setup ${grammar.setupSeconds.toFixed(1)} s (once per process, at server start); ` +
        `${grammar.essays} essays: median ${grammar.medianMilliseconds.toFixed(0)} ms, p95 ${grammar.p95Milliseconds.toFixed(0)} ms per essay, ${grammar.findingsPer100Words.toFixed(2)} findings per 100 words.`,
    );
    log(
      `Hand-checked corrections: ${grammar.handChecked.shown} of ${grammar.handChecked.entries} still shown, ${grammar.handChecked.right} right: precision ${(grammar.handChecked.precision * 100).toFixed(0)}%.`,
    );
    log('');
    log(
      `Throughput: ${essaysPerSecond.toFixed(0)} essays/s (${essays.length} essays in ${seconds.toFixed(2)} s, one core, full results with feedback); per essay p50 ${latency.p50Milliseconds.toFixed(1)} ms, p99 ${latency.p99Milliseconds.toFixed(1)} ms (spelling suggestions remembered across essays).`,
    );
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
