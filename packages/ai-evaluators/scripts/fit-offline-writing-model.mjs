#!/usr/bin/env node
// Fits the offline writing model on the scored essays and writes the coefficients that the
// scorer ships with (src/offline-writing-coefficients.json). Deterministic: the same data gives
// the same file. Run after `pnpm build` (it uses the built package):
//
//   node scripts/fit-offline-writing-model.mjs [--data PATH] [--out PATH] [--check]
//
// --check compares a fresh fit with the committed file instead of writing it (exit 1 if they differ).
import { readFileSync } from 'node:fs';
import { loadEnglishLexicon } from '../dist/index.js';
import { fitOfflineWritingModel, parseScoredEssays } from '../dist/offline-fit.js';
import { committedFileOptions, writeOrCheck } from './committed-file.mjs';

const options = committedFileOptions('src/offline-writing-coefficients.json');

const started = performance.now();
const essays = parseScoredEssays(readFileSync(options.dataPath, 'utf8'));
const model = fitOfflineWritingModel(essays, await loadEnglishLexicon());
const text = `${JSON.stringify(model, null, 2)}\n`;

for (const task of ['task1', 'task2']) {
  const { lambda, trainingSize, crossValidated } = model.tasks[task];
  console.log(
    `${task}: ${trainingSize} essays, lambda ${lambda}, cross-validated MAE ${crossValidated.meanAbsoluteError.toFixed(3)}, ` +
      `within ±0.5 ${(crossValidated.withinHalfBand * 100).toFixed(1)}%, QWK ${crossValidated.quadraticWeightedKappa.toFixed(3)}`,
  );
}
writeOrCheck(options, text, 'fit', started);
