#!/usr/bin/env node
// The web app's tests drive Debian's Chromium through playwright-core; browser
// downloads do not work here, so the system package is installed when missing.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(executable)) {
  console.log(`Chromium ready at ${executable}`);
  process.exit(0);
}
if (process.getuid?.() !== 0) {
  console.error(`Chromium is missing at ${executable}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}
console.log('Installing Debian chromium for the browser tests…');
for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
  const result = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
