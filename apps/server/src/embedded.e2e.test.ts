import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { createApiClient } from '@ielts-genai-prep/api-client';
import { errorEnvelopeSchema } from '@ielts-genai-prep/core';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Logger } from './logger.js';
import { loadConfig } from './config.js';
import { practiceQuestions } from './content/index.js';
import { createRuntime, type Runtime } from './runtime.js';
import { startMainProcess } from './test-support/main-process.js';
import { GOOD_PASSWORD, cookieFetch, readJson } from './test-support/test-server.js';

const packageDirectory = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const workDirectory = mkdtempSync(path.join(tmpdir(), 'ielts-embedded-'));
const dataDir = path.join(workDirectory, 'data');
const webDir = path.join(workDirectory, 'web');
mkdirSync(path.join(webDir, 'assets'), { recursive: true });
writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>IELTS GenAI Prep</title><div id="root"></div>');
writeFileSync(path.join(webDir, 'assets', 'app-1234.js'), 'console.log("app");');

afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const environment = { DATA_DIR: dataDir, WEB_DIST_DIR: webDir, SCRYPT_COST: '1024', PORT: '0' };

async function start(): Promise<{ runtime: Runtime; server: ServerType; baseUrl: string }> {
  const config = loadConfig(environment, { rootDirectory: workDirectory });
  const runtime = await createRuntime(config, { logger: silent });
  const server: ServerType = await new Promise((resolve) => {
    const started = serve({ fetch: runtime.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  return { runtime, server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function stop({ runtime, server }: { runtime: Runtime; server: ServerType }): Promise<void> {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await runtime.close();
}

/** Runs `node dist/main.js` with the environment until it exits on its own; its exit code and output. */
function runMainToExit(extra: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [path.join(packageDirectory, 'dist', 'main.js')], {
    env: { ...process.env, ...environment, AWS_REGION: '', DYNAMODB_ENDPOINT: '', SES_FROM_ADDRESS: '', ...extra },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => {
    // A guard against a hang, not a bound on speed: a busy machine starts a server slowly.
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** The lines a run printed, without Node's and the AWS SDK's warnings. */
const ownLines = (output: string) => output.split('\n').filter((line) => /^(Invalid configuration| {2}- )/.test(line));

/** Throws, so that `vi.waitFor` tries again. */
function assertNever(reason: string): never {
  throw new Error(reason);
}

function outbox(): string[] {
  const directory = path.join(dataDir, 'outbox');
  return readdirSync(directory)
    .sort()
    .map((name) => readFileSync(path.join(directory, name), 'utf8'));
}

// Each test starts servers (the embedded store, Harper's WebAssembly): minutes on a loaded machine.
describe('the one-command start on the embedded store', { timeout: 300_000 }, () => {
  const email = 'embedded@example.com';

  it('registers through the outbox, scores an essay, and serves the web app', async () => {
    const running = await start();
    try {
      expect(running.runtime.description.join('\n')).toMatch(/embedded DynamoDB-compatible store/);
      const client = createApiClient({ baseUrl: running.baseUrl, fetch: cookieFetch(), retry: false });
      expect((await client.health.check()).status).toBe('ok');
      await client.auth.register({ email, password: GOOD_PASSWORD });
      // Registration answers before the mail is sent (it waits in the outbox table for the poller), so it lands just after.
      const mail = await vi.waitFor(
        () => outbox().find((file) => file.includes('Subject: Confirm your email address')) ?? assertNever('no mail yet'),
        {
          timeout: 60_000,
          interval: 50,
        },
      );
      expect(mail).toContain(`To: ${email}`);
      const token = /verify-email\?token=([A-Za-z0-9_-]+)/.exec(mail ?? '')?.[1];
      expect(token).toBeDefined();
      await client.auth.verifyEmail({ token: token! });
      await client.auth.login({ email, password: GOOD_PASSWORD });
      expect((await client.auth.me()).user.email_verified).toBe(true);
      const essay = 'Cities should invest in public transport because it reduces traffic and pollution. '.repeat(20);
      const assessment = await client.writing.evaluate({ question_id: 'w2-001', essay });
      expect(assessment.provenance?.provider).toBe('offline');
      await vi.waitFor(() => expect(outbox().some((file) => file.includes('Subject: Your Writing Task 2 result'))).toBe(true), {
        timeout: 60_000,
        interval: 50,
      });

      const page = await fetch(`${running.baseUrl}/verify-email?token=abc`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(await page.text()).toContain('<div id="root">');
      const script = await fetch(`${running.baseUrl}/assets/app-1234.js`);
      expect(script.headers.get('content-type')).toMatch(/javascript/);
      expect(script.headers.get('cache-control')).toMatch(/immutable/);
      expect((await fetch(`${running.baseUrl}/..%2F..%2Fetc%2Fpasswd`)).headers.get('content-type')).toMatch(/text\/html/);
      expect((await fetch(`${running.baseUrl}/%E0%A4%A`)).status).toBe(200);
      const missingApi = await fetch(`${running.baseUrl}/api/missing`);
      expect(missingApi.status).toBe(404);
      expect((await readJson(missingApi, errorEnvelopeSchema)).error.code).toBe('not_found');
      expect((await fetch(`${running.baseUrl}/openapi.json`)).status).toBe(200);
    } finally {
      await stop(running);
    }
  });

  it('keeps data across a restart and loads the content bank only once', async () => {
    const running = await start();
    try {
      const client = createApiClient({ baseUrl: running.baseUrl, fetch: cookieFetch(), retry: false });
      await client.auth.login({ email, password: GOOD_PASSWORD });
      const history = await client.assessments.list();
      expect(history.items).toHaveLength(1);
      const listed = await client.questions.list({ type: 'writing_task2', limit: 50 });
      expect(listed.items).toHaveLength(practiceQuestions.filter((question) => question.assessment_type === 'writing_task2').length);
    } finally {
      await stop(running);
    }
  });

  it('runs as `node dist/main.js` and prints its URL', async () => {
    const { child, url } = await startMainProcess({ ...environment, AWS_REGION: '', DYNAMODB_ENDPOINT: '', SES_FROM_ADDRESS: '' });
    try {
      const health = await fetch(`${url}/health`);
      expect(await readJson(health)).toMatchObject({ status: 'ok' });

      // A second server on the same folder stops with one clear line, and the first keeps running.
      const second = await runMainToExit({ PORT: '0' });
      expect(second.code).toBe(2);
      expect(ownLines(second.output)).toEqual([
        'Invalid configuration:',
        expect.stringMatching(
          /^ {2}- DATA_DIR: another server is using .* \(its store answers at http:\/\/127\.0\.0\.1:\d+\): stop it, or choose another DATA_DIR$/,
        ),
      ]);
      expect((await fetch(`${url}/health`)).status).toBe(200);

      // A port that is taken: one clear line, no stack trace.
      const taken = await runMainToExit({ PORT: new URL(url).port, DATA_DIR: path.join(workDirectory, 'other-data') });
      expect(taken.code).toBe(2);
      expect(ownLines(taken.output)).toEqual([
        'Invalid configuration:',
        `  - PORT: ${new URL(url).port} is already in use on 127.0.0.1: stop the other server or choose another PORT`,
      ]);
      expect(taken.output).not.toMatch(/\n\s+at /);

      // The admin CLI writes through the running server's store.
      const grant = spawn(
        process.execPath,
        [path.join(packageDirectory, 'dist', 'grant.js'), '--email', email, '--product', 'pack', '--types', 'speaking', '--count', '2'],
        { env: { ...process.env, ...environment, AWS_REGION: '', DYNAMODB_ENDPOINT: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let grantOutput = '';
      grant.stdout.on('data', (chunk: Buffer) => (grantOutput += chunk.toString()));
      grant.stderr.on('data', (chunk: Buffer) => (grantOutput += chunk.toString()));
      expect(await new Promise((resolve) => grant.once('exit', resolve)), grantOutput).toBe(0);
      expect(grantOutput).toMatch(/Granted 2 × speaking/);
      const client = createApiClient({ baseUrl: url, fetch: cookieFetch(), retry: false });
      await client.auth.login({ email, password: GOOD_PASSWORD });
      const speaking = (await client.entitlements.get()).entitlements.find((entry) => entry.assessment_type === 'speaking');
      expect(speaking?.granted).toBe(5);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(undefined)));
    }
  });

  it('stops with one clear line when DATA_DIR cannot be written', async () => {
    const notAFolder = path.join(workDirectory, 'a-file');
    writeFileSync(notAFolder, 'not a folder');
    const run = await runMainToExit({ DATA_DIR: path.join(notAFolder, 'data') });
    expect(run.code).toBe(2);
    expect(ownLines(run.output)).toEqual([
      'Invalid configuration:',
      `  - DATA_DIR: cannot create or write the folder ${path.join(notAFolder, 'data')} (ENOTDIR)`,
    ]);
    expect(run.output).not.toMatch(/\n\s+at /);
  });
});
