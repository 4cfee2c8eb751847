// The two CLIs as npm installs them (node_modules/.bin), with the exit codes their READMEs give:
// ielts-db against an embedded store (describe exits 1 while tables are missing; once created, every
// table is described as active)
// and ielts-eval scoring an essay offline from standard input.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { startEmbeddedDynamo } from '@ielts-genai-prep/dal-dynamodb/local';

// Not spawnSync: the embedded store answers from this process, so its event loop must keep running.
const run = (command, args, input = '') =>
  new Promise((resolve, reject) => {
    const child = spawn(`node_modules/.bin/${command}`, args);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });

const dbVersion = await run('ielts-db', ['--version']);
assert.equal(dbVersion.status, 0, dbVersion.stderr);
assert.match(dbVersion.stdout.trim(), /^\d+\.\d+\.\d+/);

const dynamo = await startEmbeddedDynamo({});
try {
  const endpoint = ['--endpoint', dynamo.endpoint, '--prefix', 'example-'];
  assert.equal((await run('ielts-db', ['describe', ...endpoint])).status, 1, 'describe exits 1 while the tables are missing');
  const created = await run('ielts-db', ['create-tables', ...endpoint]);
  assert.equal(created.status, 0, created.stderr);
  // The embedded store cannot turn TTL on (create-tables says so), so describe still reports that
  // drift and exits 1; every table is there and nothing else differs.
  const described = await run('ielts-db', ['describe', ...endpoint, '--json']);
  const tables = JSON.parse(described.stdout);
  assert.equal(tables.length, 9);
  for (const table of tables) {
    assert.equal(table.status, 'ACTIVE', table.tableName);
    for (const difference of table.differences) assert.match(difference, /^TTL is DISABLED/, table.tableName);
  }
} finally {
  await dynamo.close();
}
console.log('ielts-db: --version, describe (exit 1 while tables are missing), create-tables, describe --json');

const essay =
  'Some people think that cities should spend more on public transport than on new roads. In my view this is right, because buses and trains move more people in less space and help those who cannot afford a car. However, roads are still needed in the countryside, where distances are long and few people live. In conclusion, governments should put public transport first while keeping the roads that rural areas depend on.';
const scored = await run(
  'ielts-eval',
  ['writing'],
  `${JSON.stringify({ id: 'e1', task: 'task2', prompt: 'Should governments spend more on public transport than on roads?', essay })}\nnot json\n`,
);
assert.equal(scored.status, 0, scored.stderr);
const [first, second] = scored.stdout
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line));
assert.equal(first.id, 'e1');
assert.ok(first.overall_band >= 1 && first.overall_band <= 9, `band ${first.overall_band}`);
assert.equal(second.line, 2);
assert.ok(second.error.code, 'a bad line is an error line, and the run goes on');
assert.equal((await run('ielts-eval', ['writing', '--no-such-option'])).status, 2, 'a usage error exits 2');
console.log(`ielts-eval: an essay scored offline from stdin (band ${first.overall_band}), a bad line reported, usage error 2`);
