import { request as httpRequest } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { ApiError } from '@ielts-genai-prep/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_ID_PATTERN } from './request-id.js';
import { TASK2_ESSAY } from './test-support/essays.js';
import { startFailingBedrock, type FailingBedrock } from './test-support/failing-bedrock.js';
import { startTestServer, type TestServer } from './test-support/test-server.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let bedrock: FailingBedrock;
let server: TestServer;
beforeAll(async () => {
  bedrock = await startFailingBedrock();
  // Writing goes to a Bedrock that refuses everything: a way to make the server fail on its side.
  server = await startTestServer({ env: { BEDROCK_ENABLED: 'true', BEDROCK_ENDPOINT: bedrock.url } });
});
afterAll(async () => {
  await server?.close();
  await bedrock?.close();
});

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(ApiError.isInstance(error), `expected an ApiError, got ${String(error)}`).toBe(true);
  return error as ApiError;
}

describe('x-request-id', () => {
  it('is a new UUID on every response: success, 4xx from a route, and no route at all', async () => {
    const ids = [];
    for (const path of ['/health', '/health', '/api/questions/no-such-question', '/api/nothing-here', '/api/auth/me']) {
      const response = await server.request(path);
      const id = response.headers.get('x-request-id');
      expect(id, path).toMatch(UUID);
      ids.push(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
    const preflightless = await server.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
    expect(preflightless.status).toBe(415);
    expect(preflightless.headers.get('x-request-id')).toMatch(UUID);
  });

  it('echoes a well-formed incoming id and replaces anything else', async () => {
    for (const incoming of ['0f8fad5b-d9cb-469f-a165-70867728950e', 'Root=1-67891233-abcdef012345678912345678', 'trace_01HZY.1:2']) {
      expect(REQUEST_ID_PATTERN.test(incoming)).toBe(true);
      const response = await server.request('/health', { headers: { 'x-request-id': incoming } });
      expect(response.headers.get('x-request-id')).toBe(incoming);
    }
    for (const incoming of ['short', 'x'.repeat(129), 'two words here', 'id"}{"level":"forged', 'a/b/c/d/e/f/g', '']) {
      const response = await server.request('/health', { headers: { 'x-request-id': incoming } });
      expect(response.headers.get('x-request-id'), incoming).toMatch(UUID);
    }
  });

  it('reaches the api-client as ApiError.requestId', async () => {
    const { client } = await server.signUp();
    const error = await caught(client.questions.get({ id: 'no-such-question' }));
    expect(error.status).toBe(404);
    expect(error.requestId).toMatch(UUID);
    const echoed = await caught(client.questions.get({ id: 'no-such-question' }, { headers: { 'x-request-id': 'client-chosen-id-42' } }));
    expect(echoed.requestId).toBe('client-chosen-id-42');
  });

  it('is in the error log of a request that failed on our side, and in the answer the client got', async () => {
    const { client } = await server.signUp();
    const before = bedrock.calls();
    const error = await caught(client.writing.evaluate({ question_id: 'w2-001', essay: TASK2_ESSAY }));
    expect(bedrock.calls()).toBeGreaterThan(before);
    expect(error.status).toBeGreaterThanOrEqual(500);
    expect(error.requestId).toMatch(UUID);
    const logged = server.logs.filter((line) => line.level === 'error' && line.fields?.request_id === error.requestId);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ message: 'request failed', fields: { method: 'POST', path: '/api/writing/evaluate' } });

    const traced = await caught(
      client.writing.evaluate(
        { question_id: 'w2-001', essay: TASK2_ESSAY },
        { headers: { 'x-request-id': 'trace-from-the-load-balancer' } },
      ),
    );
    expect(traced.requestId).toBe('trace-from-the-load-balancer');
    expect(server.logs.some((line) => line.level === 'error' && line.fields?.request_id === 'trace-from-the-load-balancer')).toBe(true);
  });
});

describe('the security headers', () => {
  it('are on every answer: success, 4xx, no route, a refused body, the OpenAPI document and a failure on our side', async () => {
    const { token } = await server.signUp();
    const answers: Array<[string, Response]> = [
      ['/health', await server.request('/health')],
      ['/openapi.json', await server.request('/openapi.json')],
      ['a missing question', await server.request('/api/questions/no-such-question')],
      ['no route', await server.request('/api/nothing-here')],
      [
        'a text/plain login',
        await server.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }),
      ],
    ];
    for (const [what, response] of answers) {
      expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), what).toBe('no-referrer');
      expect(response.headers.get('x-frame-options'), what).toBe('DENY');
      expect(response.headers.get('content-security-policy'), what).toContain("default-src 'self'");
      expect(response.headers.get('x-request-id'), what).toBeTruthy();
    }
    // A 500 (the Bedrock stand-in refuses): the same headers.
    const failed = await server.request('/api/writing/evaluate', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ question_id: 'w2-001', essay: TASK2_ESSAY }),
    });
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(failed.headers.get('x-content-type-options')).toBe('nosniff');
    expect(failed.headers.get('x-frame-options')).toBe('DENY');
    expect(failed.headers.get('x-request-id')).toMatch(UUID);
  });

  it('are once on a web sign-in with its cookie, a sign-out clearing it, and a gzipped question list', async () => {
    const { email, password } = await server.signUp();
    const login = await server.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, client: 'web' }),
    });
    expect(login.status).toBe(200);
    const [cookie, ...others] = login.headers.getSetCookie();
    expect(others).toEqual([]);
    expect(cookie).toMatch(/^(__Host-)?ielts_session=[^;]+; Max-Age=\d+; Path=\/; HttpOnly(; Secure)?; SameSite=Lax$/);
    const session = cookie!.split(';')[0]!;
    // Compression wraps the answer in a new body after the handler: the headers must survive it.
    const questions = await server.request('/api/questions?type=writing_task2', {
      headers: { cookie: session, 'accept-encoding': 'gzip' },
    });
    expect(questions.status).toBe(200);
    expect(questions.headers.get('content-encoding')).toBe('gzip');
    const logout = await server.request('/api/auth/logout', { method: 'POST', headers: { cookie: session } });
    expect(logout.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^(__Host-)?ielts_session=; Max-Age=0; Path=\/; HttpOnly(; Secure)?; SameSite=Lax$/),
    ]);
    for (const [what, response] of [
      ['web sign-in', login],
      ['gzipped question list', questions],
      ['sign-out', logout],
    ] as const) {
      // Once each: a header given twice would read as "a, a".
      expect(response.headers.get('x-request-id'), what).toMatch(UUID);
      expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
      expect(response.headers.get('cache-control'), what).toBe('no-store');
      expect(response.headers.get('content-security-policy'), what).toContain("default-src 'self'");
    }
  });
});

describe('compression', () => {
  it('gzips the large answers (the OpenAPI document, lists) for a client that asks, and leaves small answers and other clients alone', async () => {
    // Node's fetch decodes gzip itself; node:http shows the bytes as sent.
    const raw = (pathname: string, headers: Record<string, string>) =>
      new Promise<{ encoding: string | undefined; bytes: Buffer }>((resolve, reject) => {
        const outgoing = httpRequest(`${server.baseUrl}${pathname}`, { headers }, (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () => resolve({ encoding: incoming.headers['content-encoding'], bytes: Buffer.concat(chunks) }));
        });
        outgoing.on('error', reject);
        outgoing.end();
      });
    const plain = await raw('/openapi.json', {});
    expect(plain.encoding).toBeUndefined();
    const gzipped = await raw('/openapi.json', { 'accept-encoding': 'gzip' });
    expect(gzipped.encoding).toBe('gzip');
    expect(gzipped.bytes.length).toBeLessThan(plain.bytes.length / 3);
    expect(gunzipSync(gzipped.bytes).equals(plain.bytes)).toBe(true);
    const history = await raw('/api/assessments', { 'accept-encoding': 'gzip' });
    expect(history.encoding).toBe('gzip');
    // Small answers keep the server's fast path: never wrapped for compression.
    expect((await raw('/health', { 'accept-encoding': 'gzip' })).encoding).toBeUndefined();
  });
});
