#!/usr/bin/env node
// Runs the grammar checker (Harper, as createGrammarChecker() sets it up) on every scored essay
// and writes how many spelling and grammar findings it made on each, for the model fit
// (src/offline-writing-grammar-counts.json). Harper takes about 60 ms per essay, so the fit
// reads these counts instead of running it 1,435 times. Deterministic. After a build:
//
//   node scripts/count-grammar-findings.mjs [--data PATH] [--out PATH] [--check]
//
// --check recounts and compares with the committed file instead of writing it (exit 1 if they differ).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createGrammarChecker } from '../dist/index.js';
import { countGrammarFindings, normalizeStoredText, parseScoredEssays } from '../dist/offline-fit.js';
import { committedFileOptions, packageDirectory, writeOrCheck } from './committed-file.mjs';

const options = committedFileOptions('src/offline-writing-grammar-counts.json');
const harperVersion = JSON.parse(readFileSync(resolve(packageDirectory, 'package.json'), 'utf8')).dependencies['harper.js'];

const started = performance.now();
const essays = parseScoredEssays(readFileSync(options.dataPath, 'utf8'));
const checker = createGrammarChecker();
await checker.setup();
const counts = {};
for (const [index, essay] of essays.entries()) {
  const { spelling, grammar } = countGrammarFindings(await checker.check(normalizeStoredText(essay.essay)));
  counts[essay.id] = [spelling, grammar];
  if ((index + 1) % 200 === 0) console.log(`${index + 1} of ${essays.length} essays checked`);
}
const text = `${JSON.stringify({ harper: harperVersion, format: '[spelling, grammar] per essay id', essays: counts })}\n`;
writeOrCheck(options, text, 'count', started);
