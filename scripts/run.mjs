#!/usr/bin/env node
// The README's two commands (`npm start`, `npm test`) land here, so that a fresh
// machine with any Node from 18 on (and Java for DynamoDB Local) needs nothing installed
// first. Whatever Node started this script, every build, test and start step runs under
// the repository's pinned Node 24 (installed from the npm registry into .cache/ when the
// running Node is not a 24), and the packages' tests run again under Node 22.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureNode, environmentFor, nodeVersions, root } from './node-runtime.mjs';
import { workspaceFolders } from './workspaces.mjs';

const task = process.argv[2];
const repositoryMajor = Number(nodeVersions.repository.split('.')[0]);
// Turborepo asks to send telemetry on first run; nothing leaves this machine.
process.env.TURBO_TELEMETRY_DISABLED = '1';

const repositoryNode =
  Number(process.versions.node.split('.')[0]) === repositoryMajor ? process.execPath : ensureNode(nodeVersions.repository);

/** pnpm, pinned, installed beside the pinned Node rather than globally. */
function ensurePnpm(environment) {
  const prefix = path.join(root, '.cache', 'pnpm', nodeVersions.pnpm);
  const binDirectory = path.join(prefix, 'node_modules', '.bin');
  if (!existsSync(path.join(binDirectory, 'pnpm'))) {
    console.error(`Installing pnpm ${nodeVersions.pnpm} into .cache/ (corepack's signature check fails here, so npm installs it)…`);
    rmSync(prefix, { recursive: true, force: true });
    mkdirSync(prefix, { recursive: true });
    execFileSync(
      'npm',
      [
        'install',
        '--prefix',
        prefix,
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        `pnpm@${nodeVersions.pnpm}`,
      ],
      { stdio: [0, 2, 2], env: environment },
    );
  }
  return binDirectory;
}

const pnpmDirectory = ensurePnpm(environmentFor(repositoryNode));
const environment = {
  ...environmentFor(repositoryNode, [pnpmDirectory]),
  // Read by the runtime test, so a step that slipped back to the system Node fails.
  IELTS_EXPECTED_NODE_VERSION:
    process.versions.node.split('.')[0] === String(repositoryMajor) ? process.version : `v${nodeVersions.repository}`,
};

/** Runs a command and returns its exit status. */
function attempt(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: environment, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/** Runs a command and stops here with its status if it fails. */
function run(command, args, options = {}) {
  const status = attempt(command, args, options);
  if (status !== 0) process.exit(status);
}

/** The package.json of every workspace folder. */
function workspaceManifests() {
  return workspaceFolders().map((folder) => JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')));
}

function install() {
  run('pnpm', ['install', '--frozen-lockfile']);
}

if (task === 'test') {
  install();
  run('node', ['scripts/ensure-dynamodb-local.mjs']);
  run('node', ['scripts/ensure-chromium.mjs']);
  run('node', ['--version']);
  // A Node 22 report left by an earlier run must not be counted in this one.
  const oldestReport = `node-${nodeVersions.oldestSupported.split('.')[0]}.json`;
  for (const folder of workspaceFolders()) rmSync(path.join(folder, 'test-results', oldestReport), { force: true });
  // Formatting and lint of the whole repository (biome.jsonc): seconds, and a failure does not stop the suite.
  const style = attempt('pnpm', ['run', 'check']);
  // --continue: one failing package must not hide the results of the others.
  const suite = attempt('pnpm', [
    'exec',
    'turbo',
    'run',
    'build',
    'typecheck',
    'lint',
    'test',
    '--output-logs=errors-only',
    '--concurrency=2',
    '--continue',
  ]);
  // The published packages promise Node 22 too: run their tests again on the oldest supported Node.
  let oldest = 1;
  if (suite === 0) {
    const oldestNode = ensureNode(nodeVersions.oldestSupported);
    const oldestEnvironment = {
      ...environmentFor(oldestNode, [pnpmDirectory]),
      IELTS_EXPECTED_NODE_VERSION: `v${nodeVersions.oldestSupported}`,
    };
    run('node', ['--version'], { env: oldestEnvironment });
    oldest = attempt(
      'pnpm',
      ['--filter', './packages/*', '--workspace-concurrency=1', 'run', 'test', `--outputFile.json=test-results/${oldestReport}`],
      { env: oldestEnvironment },
    );
  }
  // The packages as a stranger gets them: bundle sizes (.size-limit.json) and tarball sizes, then
  // the examples/ projects installed from the packed tarballs with npm and run.
  const sizes = attempt('pnpm', ['run', 'size']);
  const examples = attempt('node', ['scripts/check-examples.mjs']);
  // What `changeset version` and `pnpm pack` would publish: one version, changelogs and READMEs for strangers.
  const release = attempt('node', ['scripts/check-release.mjs']);
  const summary = attempt('node', ['scripts/print-summary.mjs']);
  if ([style, suite, oldest, sizes, examples, release, summary].some((status) => status !== 0)) process.exit(1);
} else if (task === 'start') {
  install();
  run('pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']);
  run('pnpm', ['--filter', '@ielts-genai-prep/server', 'start']);
} else if (task === 'bench') {
  // Benchmarks print their figures; they fetch what they need and build only what they measure.
  install();
  run('node', ['scripts/ensure-dynamodb-local.mjs']);
  // Only the workspaces that have a benchmark, so turbo builds what they measure and nothing else.
  const filters = workspaceManifests()
    .filter((manifest) => manifest.scripts?.bench)
    .map((manifest) => `--filter=${manifest.name}`);
  // The server's load bench writes the one table of every route on both stores; it ends the output.
  const loadTable = path.join(root, '.cache', 'bench', 'load-table.md');
  rmSync(loadTable, { force: true });
  run('pnpm', ['exec', 'turbo', 'run', 'bench', '--concurrency=1', '--output-logs=full', ...filters]);
  console.log(
    `\nLoad on both stores, a bare Hono beside each (figures as JSON in .cache/bench/load.json):\n\n${readFileSync(loadTable, 'utf8')}`,
  );
} else if (task === 'exec') {
  // `npm run toolchain -- pnpm bench`: any command with the pinned Node and pnpm first on PATH.
  const [command, ...args] = process.argv.slice(3);
  if (!command) {
    console.error('usage: npm run toolchain -- COMMAND [ARGS…]');
    process.exit(2);
  }
  run(command, args);
} else if (task === 'env') {
  // `eval "$(node scripts/run.mjs env)"` puts the pinned Node and pnpm on this shell's PATH.
  console.log(`export PATH=${JSON.stringify(environment.PATH)}`);
} else {
  console.error('usage: node scripts/run.mjs start|test|bench|exec COMMAND…|env');
  process.exit(2);
}
