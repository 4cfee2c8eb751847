#!/usr/bin/env node
// Prints the min+gzip size of the package's browser bundle with its dependencies (core, ky, zod),
// as an app creating a client pays for it. Run after `pnpm build`.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const packageDirectory = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const entry = path.join(packageDirectory, 'dist', 'index.js');
if (!existsSync(entry)) {
  console.error('dist/index.js is missing: run `pnpm --filter @ielts-genai-prep/api-client build` first');
  process.exit(1);
}

async function measure(label, contents) {
  const result = await build({
    stdin: { contents, resolveDir: packageDirectory, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    metafile: true,
  });
  const code = result.outputFiles[0].contents;
  const gzipped = gzipSync(code, { level: 9 }).length;
  console.log(
    `${label.padEnd(52)} ${(code.length / 1024).toFixed(1).padStart(7)} KiB min  ${(gzipped / 1024).toFixed(1).padStart(6)} KiB min+gzip`,
  );
  return result.metafile;
}

const metafile = await measure('@ielts-genai-prep/api-client (with core, ky, zod)', `export * from ${JSON.stringify(entry)};`);
await measure('  createApiClient only', `export { createApiClient } from ${JSON.stringify(entry)};`);

// Where the bytes come from, by package (minified input bytes, before gzip).
const byPackage = new Map();
for (const [file, { bytesInOutput }] of Object.entries(Object.values(metafile.outputs)[0].inputs)) {
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(file);
  // Workspace packages resolve through their symlink to ../<folder>/dist.
  const workspace = /^(?:\.\.\/([^/]+)\/)?dist\//.exec(file);
  const name = dependency ? dependency[1] : workspace ? `@ielts-genai-prep/${workspace[1] ?? 'api-client'}` : file;
  byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
}
for (const [name, bytes] of [...byPackage].filter(([name]) => name !== '<stdin>').sort((a, b) => b[1] - a[1])) {
  console.log(`  ${name.padEnd(50)} ${(bytes / 1024).toFixed(1).padStart(7)} KiB min`);
}
