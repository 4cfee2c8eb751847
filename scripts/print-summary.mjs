#!/usr/bin/env node
// Adds up the JSON reports every package's vitest run writes, and prints one
// closing line that CI reads: "tests: N passed, N failed".
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
let passed = 0;
let failed = 0;
let skipped = 0;
/** Every workspace folder: the packages, the apps, and infra/. */
function workspaceFolders() {
  const folders = [];
  for (const group of ['packages', 'apps']) {
    const groupDirectory = path.join(root, group);
    if (!existsSync(groupDirectory)) continue;
    for (const name of readdirSync(groupDirectory)) folders.push(`${group}/${name}`);
  }
  folders.push('infra');
  return folders;
}

for (const folder of workspaceFolders()) {
  const reportDirectory = path.join(root, folder, 'test-results');
  if (!existsSync(reportDirectory)) continue;
  for (const file of readdirSync(reportDirectory).filter((entry) => entry.endsWith('.json'))) {
    const report = JSON.parse(readFileSync(path.join(reportDirectory, file), 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    console.log(`${folder} (${file}): ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
  }
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (failed > 0 || passed === 0) process.exit(1);
