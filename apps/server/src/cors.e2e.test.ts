import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, startTestServer, type TestServer } from './test-support/test-server.js';

const ALLOWED = 'https://app.ielts.test';
const ALSO_ALLOWED = 'http://localhost:5173';
const STRANGER = 'https://evil.example';

const CORS_HEADERS = [
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-expose-headers',
];

function corsHeadersOf(response: Response): Record<string, string> {
  return Object.fromEntries(CORS_HEADERS.flatMap((name) => (response.headers.has(name) ? [[name, response.headers.get(name)!]] : [])));
}

function preflight(server: TestServer, origin: string, path = '/api/auth/login', method = 'POST'): Promise<Response> {
  return server.request(path, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'content-type' },
  });
}

/** Signs in on the web client shape (cookie) from `origin`; returns the cookie header to send back. */
async function signInFrom(server: TestServer, origin: string): Promise<string> {
  const { email } = await server.signUp();
  const response = await server.request('/api/auth/login', {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: GOOD_PASSWORD, client: 'web' }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  expect(cookie).toMatch(/^(__Host-)?ielts_session=/);
  return cookie!;
}

describe('with CORS_ORIGINS set', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { CORS_ORIGINS: `${ALLOWED}, ${ALSO_ALLOWED}/` } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers a preflight from a listed origin with credentials allowed for that origin only', async () => {
    for (const origin of [ALLOWED, ALSO_ALLOWED]) {
      const response = await preflight(server, origin);
      expect(response.status).toBe(204);
      expect(corsHeadersOf(response)).toEqual({
        'access-control-allow-origin': origin,
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
        'access-control-allow-headers': 'content-type, authorization, x-request-id',
      });
      expect(response.headers.get('access-control-max-age')).toBe('600');
      expect(response.headers.get('vary')).toMatch(/origin/i);
      expect(response.headers.get('x-request-id')).toBeTruthy();
    }
  });

  it('refuses a preflight from any other origin, with no CORS header', async () => {
    for (const origin of [STRANGER, 'https://app.ielts.test.evil.example', 'http://app.ielts.test', 'null']) {
      const response = await preflight(server, origin);
      expect(response.status, origin).toBe(403);
      expect(corsHeadersOf(response)).toEqual({});
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    }
  });

  it('lets a listed origin read a credentialed answer, its request id included', async () => {
    const cookie = await signInFrom(server, ALLOWED);
    const response = await server.request('/api/auth/me', { headers: { origin: ALLOWED, cookie } });
    expect(response.status).toBe(200);
    expect(corsHeadersOf(response)).toEqual({
      'access-control-allow-origin': ALLOWED,
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': 'x-request-id, retry-after',
    });
    expect(response.headers.get('vary')).toMatch(/origin/i);
    // Errors carry the same headers, so the page can read the envelope and the request id.
    const unauthorized = await server.request('/api/auth/me', { headers: { origin: ALLOWED } });
    expect(unauthorized.status).toBe(401);
    expect(corsHeadersOf(unauthorized)['access-control-allow-origin']).toBe(ALLOWED);
  });

  it('gives another origin no CORS header on a credentialed request, so a browser keeps the answer from it', async () => {
    const cookie = await signInFrom(server, ALLOWED);
    const response = await server.request('/api/auth/me', { headers: { origin: STRANGER, cookie } });
    expect(corsHeadersOf(response)).toEqual({});
    expect(response.headers.get('vary')).toMatch(/origin/i);
  });
});

describe('without CORS_ORIGINS', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('is same-origin only: no CORS header for any origin, preflight or not', async () => {
    const answer = await preflight(server, ALLOWED);
    expect(answer.status).toBe(404);
    expect(corsHeadersOf(answer)).toEqual({});
    const cookie = await signInFrom(server, ALLOWED);
    const response = await server.request('/api/auth/me', { headers: { origin: ALLOWED, cookie } });
    expect(response.status).toBe(200);
    expect(corsHeadersOf(response)).toEqual({});
  });
});
