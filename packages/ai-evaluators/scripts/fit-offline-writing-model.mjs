#!/usr/bin/env node
// Fits the offline writing model on the scored essays and writes the coefficients that the
// scorer ships with (src/offline-writing-coefficients.json). Deterministic: the same data gives
// the same file. Run after `pnpm build` (it uses the built package):
//
//   node scripts/fit-offline-writing-model.mjs [--data PATH] [--out PATH] [--check]
//
// --check compares a fresh fit with the committed file instead of writing it (exit 1 if they differ).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fitOfflineWritingModel, loadEnglishLexicon, parseScoredEssays } from '../dist/index.js';

const packageDirectory = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argumentsList = process.argv.slice(2);
const option = (name, fallback) => {
  const index = argumentsList.indexOf(name);
  return index === -1 ? fallback : argumentsList[index + 1];
};
// The data lives in shared/ beside the repository clone.
const dataPath = resolve(option('--data', resolve(packageDirectory, '../../../shared/data/essays/scored-essays.jsonl')));
const outPath = resolve(option('--out', resolve(packageDirectory, 'src/offline-writing-coefficients.json')));

const started = performance.now();
const essays = parseScoredEssays(readFileSync(dataPath, 'utf8'));
const model = fitOfflineWritingModel(essays, await loadEnglishLexicon());
const text = `${JSON.stringify(model, null, 2)}\n`;
const seconds = ((performance.now() - started) / 1000).toFixed(1);

for (const task of ['task1', 'task2']) {
  const { lambda, trainingSize, crossValidated } = model.tasks[task];
  console.log(
    `${task}: ${trainingSize} essays, lambda ${lambda}, cross-validated MAE ${crossValidated.meanAbsoluteError.toFixed(3)}, ` +
      `within ±0.5 ${(crossValidated.withinHalfBand * 100).toFixed(1)}%, QWK ${crossValidated.quadraticWeightedKappa.toFixed(3)}`,
  );
}
if (argumentsList.includes('--check')) {
  const committed = readFileSync(outPath, 'utf8');
  if (committed !== text) {
    console.error(`The committed ${outPath} differs from a fresh fit (${seconds} s). Re-run without --check and commit the result.`);
    process.exit(1);
  }
  console.log(`The committed coefficients match a fresh fit (${seconds} s).`);
} else {
  writeFileSync(outPath, text);
  console.log(`Wrote ${outPath} (${seconds} s).`);
}
