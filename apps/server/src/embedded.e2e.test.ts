import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { createApiClient } from '@ielts-genai-prep/api-client';
import { afterAll, describe, expect, it } from 'vitest';
import type { Logger } from './app-services.js';
import { loadConfig } from './config.js';
import { practiceQuestions } from './content/index.js';
import { createRuntime, type Runtime } from './runtime.js';
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

function outbox(): string[] {
  const directory = path.join(dataDir, 'outbox');
  return readdirSync(directory)
    .sort()
    .map((name) => readFileSync(path.join(directory, name), 'utf8'));
}

describe('the one-command start on the embedded store', () => {
  const email = 'embedded@example.com';

  it('registers through the outbox, scores an essay, and serves the web app', async () => {
    const running = await start();
    try {
      expect(running.runtime.description.join('\n')).toMatch(/embedded DynamoDB-compatible store/);
      const client = createApiClient({ baseUrl: running.baseUrl, fetch: cookieFetch(), retry: false });
      expect((await client.health.check()).status).toBe('ok');
      await client.auth.register({ email, password: GOOD_PASSWORD });
      const mail = outbox().find((file) => file.includes('Subject: Confirm your email address'));
      expect(mail).toContain(`To: ${email}`);
      const token = /verify-email\?token=([A-Za-z0-9_-]+)/.exec(mail ?? '')?.[1];
      expect(token).toBeDefined();
      await client.auth.verifyEmail({ token: token! });
      await client.auth.login({ email, password: GOOD_PASSWORD });
      expect((await client.auth.me()).user.email_verified).toBe(true);
      const essay = 'Cities should invest in public transport because it reduces traffic and pollution. '.repeat(20);
      const assessment = await client.writing.evaluate({ question_id: 'w2-001', essay });
      expect(assessment.provenance?.provider).toBe('offline');
      expect(outbox().some((file) => file.includes('Subject: Your Writing Task 2 result'))).toBe(true);

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
      expect((await readJson(missingApi)).error.code).toBe('not_found');
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
    const child = spawn(process.execPath, [path.join(packageDirectory, 'dist', 'main.js')], {
      env: { ...process.env, ...environment, AWS_REGION: '', DYNAMODB_ENDPOINT: '', SES_FROM_ADDRESS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 20_000);
        const collect = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening on (http:\/\/\S+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        };
        child.stdout.on('data', collect);
        child.stderr.on('data', collect);
        child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
      });
      const health = await fetch(`${url}/health`);
      expect(await readJson(health)).toMatchObject({ status: 'ok' });

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
});
