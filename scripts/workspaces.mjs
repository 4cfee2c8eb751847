// The workspace folders of pnpm-workspace.yaml (packages/*, apps/*, infra), for the scripts that
// visit each of them.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { root } from './node-runtime.mjs';

/** Every workspace folder that has a package.json, as absolute paths. */
export function workspaceFolders() {
  const grouped = ['packages', 'apps'].flatMap((group) => readdirSync(path.join(root, group)).map((name) => path.join(root, group, name)));
  return [...grouped, path.join(root, 'infra')].filter((folder) => existsSync(path.join(folder, 'package.json')));
}
