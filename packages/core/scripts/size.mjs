#!/usr/bin/env node
// Prints the min+gzip size of the package's browser bundle, zod included, as an app
// importing everything would pay for it (and what importing only the rules costs).
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDirectory = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const entry = path.join(packageDirectory, 'dist', 'index.js');

async function measure(label, contents) {
  const result = await build({
    stdin: { contents, resolveDir: packageDirectory, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  const gzipped = gzipSync(code, { level: 9 }).length;
  console.log(
    `${label.padEnd(48)} ${(code.length / 1024).toFixed(1).padStart(7)} KiB min  ${(gzipped / 1024).toFixed(1).padStart(6)} KiB min+gzip`,
  );
}

await measure('@ielts-genai-prep/core (everything, with zod)', `export * from ${JSON.stringify(entry)};`);
await measure('  rules only (overallBand, rawScoreToBand)', `export { overallBand, rawScoreToBand } from ${JSON.stringify(entry)};`);
await measure('  apiContract', `export { apiContract } from ${JSON.stringify(entry)};`);
