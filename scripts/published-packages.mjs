// The four published packages, and packing them as npm would publish them (`pnpm pack`
// turns `workspace:^` into the version range a stranger installs).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { root } from './node-runtime.mjs';

/** Folder and name of each published package, in dependency order. */
export const publishedPackages = ['core', 'dal-dynamodb', 'ai-evaluators', 'api-client'].map((folder) => ({
  folder: path.join(root, 'packages', folder),
  name: `@ielts-genai-prep/${folder}`,
}));

/**
 * Packs each package's built `dist` into `destination` and returns the tarballs by package name,
 * with their sizes in bytes. Run after the build: packing does not build. `from` is the checkout
 * to pack (a copy of this one, for the release rehearsal).
 */
export function packPublishedPackages(destination, { from = root } = {}) {
  mkdirSync(destination, { recursive: true });
  const tarballs = new Map();
  for (const { name, folder: ownFolder } of publishedPackages) {
    const folder = path.join(from, path.relative(root, ownFolder));
    const before = new Set(readdirSync(destination));
    execFileSync('pnpm', ['pack', '--pack-destination', destination], { cwd: folder, stdio: ['ignore', 'ignore', 'inherit'] });
    const file = readdirSync(destination).find((entry) => entry.endsWith('.tgz') && !before.has(entry));
    if (!file) throw new Error(`pnpm pack wrote no tarball for ${name}`);
    const tarball = path.join(destination, file);
    tarballs.set(name, { tarball, bytes: statSync(tarball).size });
  }
  return tarballs;
}
