#!/usr/bin/env node
// The README's two commands (`npm start`, `npm test`) land here, so that a fresh
// machine with only Node 20 (and Java for DynamoDB Local) needs nothing installed first.
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const pnpmVersion = '10.34.9';
const task = process.argv[2];
// Turborepo asks to send telemetry on first run; nothing leaves this machine.
process.env.TURBO_TELEMETRY_DISABLED = '1';
// The AWS SDK warns on every client that Node 20 support ends in 2027; this machine has Node 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function installedPnpmVersion() {
  try {
    return execFileSync('pnpm', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

function ensurePnpm() {
  if (installedPnpmVersion() === pnpmVersion) return;
  console.log(`Installing pnpm ${pnpmVersion} (corepack's signature check fails here, so npm installs it)…`);
  run('npm', ['install', '--global', `pnpm@${pnpmVersion}`]);
}

ensurePnpm();
run('pnpm', ['install', '--frozen-lockfile']);

if (task === 'test') {
  run('node', ['scripts/ensure-dynamodb-local.mjs']);
  run('node', ['scripts/ensure-chromium.mjs']);
  run('pnpm', ['exec', 'turbo', 'run', 'build', 'typecheck', 'lint', 'test', '--output-logs=errors-only', '--concurrency=2']);
  run('node', ['scripts/print-summary.mjs']);
} else if (task === 'start') {
  run('pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']);
  run('pnpm', ['--filter', '@ielts-genai-prep/server', 'start']);
} else {
  console.error('usage: node scripts/run.mjs start|test');
  process.exit(2);
}
