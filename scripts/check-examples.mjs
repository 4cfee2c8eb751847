#!/usr/bin/env node
// Uses the published packages as a stranger does: packs the four (as npm would publish them),
// copies each project of examples/ to a temporary folder, installs the tarballs there with npm
// (not pnpm, not the workspace) and runs the project's `start` script, or its `build` script.
// Run after the build. Exits non-zero when an example fails to install, run or build.
// npm installs with --prefer-offline: what npm's cache already holds is not asked for again.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root } from './node-runtime.mjs';
import { packPublishedPackages } from './published-packages.mjs';

const examplesDirectory = path.join(root, 'examples');
const only = process.argv.slice(2);
const examples = readdirSync(examplesDirectory, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && (only.length === 0 || only.includes(entry.name)))
  .map((entry) => entry.name);

/** Runs a step in an example's folder; true when it exits 0 within its time. */
function step(label, command, args, cwd, timeoutMinutes) {
  console.log(`\n[${label}] ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', timeout: timeoutMinutes * 60_000, env: { ...process.env, CI: 'true' } });
  if (result.error) console.error(`[${label}] ${result.error.message}`);
  return result.status === 0;
}

const work = mkdtempSync(path.join(tmpdir(), 'ielts-examples-'));
const failures = [];
try {
  const tarballs = packPublishedPackages(path.join(work, 'tarballs'));
  for (const name of examples) {
    const folder = path.join(work, name);
    cpSync(path.join(examplesDirectory, name), folder, {
      recursive: true,
      filter: (source) => !/[\\/](node_modules|dist)$/.test(source),
    });
    // Each published package from its tarball; the packages' own dependencies on one another
    // (`@ielts-genai-prep/core`) resolve to the same tarballs through `overrides`.
    const manifestFile = path.join(folder, 'package.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    manifest.overrides = {};
    for (const [packageName, { tarball }] of tarballs) {
      if (!(packageName in (manifest.dependencies ?? {}))) continue;
      manifest.dependencies[packageName] = `file:${tarball}`;
      manifest.overrides[packageName] = `$${packageName}`;
    }
    writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);

    const script = manifest.scripts?.start ? 'start' : 'build';
    const ok =
      step(name, 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], folder, 10) &&
      step(name, 'npm', ['run', script], folder, 10);
    if (!ok) failures.push(name);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(
  `\nexamples: ${examples.length - failures.length} of ${examples.length} passed${failures.length ? `; failed: ${failures.join(', ')}` : ''}`,
);
if (failures.length > 0 || examples.length === 0) process.exit(1);
