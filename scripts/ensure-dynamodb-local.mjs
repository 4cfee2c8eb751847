#!/usr/bin/env node
// DynamoDB Local (the official emulator) ships inside the npm package
// amplify-dynamodb-simulator. Depending on that package pulls ~350 MB of aws-cdk-lib,
// so we `npm pack` it and keep only its emulator folder, in an ignored cache.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, renameSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const version = '2.9.30';
const target = path.join(root, '.cache', 'dynamodb-local');
const jar = path.join(target, 'DynamoDBLocal.jar');

if (existsSync(jar)) {
  console.log(`DynamoDB Local ready at ${path.relative(root, target)}`);
  process.exit(0);
}
const work = path.join(root, '.cache', 'dynamodb-local-download');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
console.log(`Fetching DynamoDB Local from amplify-dynamodb-simulator@${version}…`);
const tarball = execFileSync('npm', ['pack', `amplify-dynamodb-simulator@${version}`, '--silent'], {
  cwd: work,
  encoding: 'utf8',
})
  .trim()
  .split('\n')
  .pop();
execFileSync('tar', ['-xzf', tarball, 'package/emulator'], { cwd: work });
rmSync(target, { recursive: true, force: true });
renameSync(path.join(work, 'package', 'emulator'), target);
rmSync(work, { recursive: true, force: true });
if (!existsSync(jar)) {
  console.error(`DynamoDBLocal.jar not found after extraction; found: ${readdirSync(target).join(', ')}`);
  process.exit(1);
}
console.log(`DynamoDB Local ready at ${path.relative(root, target)}`);
