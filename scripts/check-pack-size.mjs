#!/usr/bin/env node
// Packs the published packages as npm would and fails when a tarball passes its limit
// (what an `npm install` downloads). The bundle limits are in .size-limit.json.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { packPublishedPackages } from './published-packages.mjs';

/** Packed (gzipped tarball) limits in bytes; a package without one is only printed. */
const limits = { '@ielts-genai-prep/ai-evaluators': 300_000 };

const destination = mkdtempSync(path.join(tmpdir(), 'ielts-pack-size-'));
let failed = false;
try {
  for (const [name, { bytes }] of packPublishedPackages(destination)) {
    const limit = limits[name];
    const over = limit !== undefined && bytes > limit;
    failed ||= over;
    const verdict = limit === undefined ? '' : over ? `  over the limit of ${limit / 1000} kB` : `  (limit ${limit / 1000} kB)`;
    console.log(`${name.padEnd(36)} ${(bytes / 1000).toFixed(1).padStart(7)} kB packed${verdict}`);
  }
} finally {
  rmSync(destination, { recursive: true, force: true });
}
if (failed) {
  console.error('A tarball is over its limit: see what it ships with `pnpm pack --dry-run` in its folder.');
  process.exit(1);
}
