// The repository builds, tests and runs on pinned Node.js releases that it brings
// itself: the npm registry ships Node as the package `node-<platform>-<arch>`, so a
// machine with an older system Node (this one has 20) needs nothing installed first.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, renameSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** The Node the repository runs on (its `engines`), and the oldest one the packages support. */
export const nodeVersions = JSON.parse(readFileSync(path.join(root, 'node-versions.json'), 'utf8'));

function platformPackage(version) {
  return `node-${process.platform}-${process.arch}@${version}`;
}

/** The folder where a pinned Node is kept, ignored by git. */
export function nodeDirectory(version) {
  return path.join(root, '.cache', 'node', version);
}

/** Path of the `node` binary of a pinned version, installing it from the npm registry when missing. */
export function ensureNode(version) {
  const directory = nodeDirectory(version);
  const binary = path.join(directory, 'bin', 'node');
  if (existsSync(binary)) return binary;
  const work = `${directory}.download`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  console.error(`Installing Node ${version} from the npm registry (${platformPackage(version)})…`);
  execFileSync(
    'npm',
    [
      'install',
      '--prefix',
      work,
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      platformPackage(version),
    ],
    { stdio: [0, 2, 2] },
  );
  const installed = path.join(work, 'node_modules', `node-${process.platform}-${process.arch}`);
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(path.dirname(directory), { recursive: true });
  renameSync(installed, directory);
  rmSync(work, { recursive: true, force: true });
  const printed = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  if (printed !== `v${version}`) throw new Error(`Node from ${platformPackage(version)} printed ${printed}, expected v${version}`);
  return binary;
}

/** An environment whose PATH finds the given Node (and the tools installed for it) first. */
export function environmentFor(nodeBinary, extraPaths = []) {
  return {
    ...process.env,
    PATH: [path.dirname(nodeBinary), ...extraPaths, process.env.PATH].join(path.delimiter),
  };
}
