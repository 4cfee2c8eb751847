#!/usr/bin/env node
// Runs the grammar checker (Harper, as createGrammarChecker() sets it up) on every scored essay
// and writes how many spelling and grammar findings it made on each, for the model fit
// (src/offline-writing-grammar-counts.json). Harper takes about 60 ms per essay, so the fit
// reads these counts instead of running it 1,435 times. Deterministic. After a build:
//
//   node scripts/count-grammar-findings.mjs [--data PATH] [--out PATH] [--check]
//
// --check recounts and compares with the committed file instead of writing it (exit 1 if they differ).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countGrammarFindings, createGrammarChecker, normalizeStoredText, parseScoredEssays } from '../dist/index.js';

const packageDirectory = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argumentsList = process.argv.slice(2);
const option = (name, fallback) => {
  const index = argumentsList.indexOf(name);
  return index === -1 ? fallback : argumentsList[index + 1];
};
const dataPath = resolve(option('--data', resolve(packageDirectory, '../../../shared/data/essays/scored-essays.jsonl')));
const outPath = resolve(option('--out', resolve(packageDirectory, 'src/offline-writing-grammar-counts.json')));
const harperVersion = JSON.parse(readFileSync(resolve(packageDirectory, 'package.json'), 'utf8')).dependencies['harper.js'];

const started = performance.now();
const essays = parseScoredEssays(readFileSync(dataPath, 'utf8'));
const checker = createGrammarChecker();
await checker.setup();
const counts = {};
for (const [index, essay] of essays.entries()) {
  const { spelling, grammar } = countGrammarFindings(await checker.check(normalizeStoredText(essay.essay)));
  counts[essay.id] = [spelling, grammar];
  if ((index + 1) % 200 === 0) console.log(`${index + 1} of ${essays.length} essays checked`);
}
const text = `${JSON.stringify({ harper: harperVersion, format: '[spelling, grammar] per essay id', essays: counts })}\n`;
const seconds = ((performance.now() - started) / 1000).toFixed(0);
if (argumentsList.includes('--check')) {
  if (readFileSync(outPath, 'utf8') !== text) {
    console.error(`The committed ${outPath} differs from a fresh count (${seconds} s). Re-run without --check and commit the result.`);
    process.exit(1);
  }
  console.log(`The committed grammar counts match a fresh count (${seconds} s).`);
} else {
  writeFileSync(outPath, text);
  console.log(`Wrote ${outPath} (${essays.length} essays, ${seconds} s).`);
}
