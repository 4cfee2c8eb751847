import { errorEnvelopeSchema } from '@ielts-genai-prep/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecaptchaVerifier } from './recaptcha-verifier.js';
import { startLoopbackServer, type LoopbackServer } from './test-support/loopback-server.js';
import { GOOD_PASSWORD, startTestServer, type TestServer, readJson } from './test-support/test-server.js';

/** A local stand-in for Google's siteverify: answers by the token it is sent. */
let siteverify: LoopbackServer;
let siteverifyUrl: string;
const received: URLSearchParams[] = [];

beforeAll(async () => {
  siteverify = await startLoopbackServer((request, response) => {
    const form = new URLSearchParams(request.body);
    received.push(form);
    const token = form.get('response');
    if (form.get('secret') !== 'test-secret') {
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ success: false, 'error-codes': ['invalid-input-secret'] }));
    } else if (token === 'solved') {
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ success: true, hostname: 'app.ielts.test', challenge_ts: new Date().toISOString() }));
    } else if (token === 'solved-elsewhere') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ success: true, hostname: 'evil.example' }));
    } else if (token === 'server-error') {
      response.writeHead(500).end('oops');
    } else if (token === 'garbage') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"unexpected": true}');
    } else {
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ success: false, 'error-codes': ['invalid-input-response'] }));
    }
  });
  siteverifyUrl = `${siteverify.url}/recaptcha/api/siteverify`;
});
afterAll(async () => {
  await siteverify.close();
});

describe('reCAPTCHA verifier', () => {
  const verifier = () => createRecaptchaVerifier({ secret: 'test-secret', verifyUrl: siteverifyUrl, hostnames: ['app.ielts.test'] });

  it('accepts a solved challenge from the expected host, sending secret, token and client address', async () => {
    expect(await verifier().verify('solved', '203.0.113.9')).toEqual({ ok: true });
    const form = received.at(-1)!;
    expect(form.get('secret')).toBe('test-secret');
    expect(form.get('response')).toBe('solved');
    expect(form.get('remoteip')).toBe('203.0.113.9');
  });

  it('fails closed: unsolved, another host, a server error, an odd answer, no token, no server', async () => {
    for (const token of ['unsolved', 'solved-elsewhere', 'server-error', 'garbage', undefined]) {
      expect((await verifier().verify(token, undefined)).ok, String(token)).toBe(false);
    }
    const nowhere = createRecaptchaVerifier({
      secret: 'test-secret',
      verifyUrl: 'http://127.0.0.1:1/siteverify',
      hostnames: ['app.ielts.test'],
    });
    expect(await nowhere.verify('solved', undefined)).toMatchObject({ ok: false, reason: expect.stringMatching(/siteverify failed/) });
  });

  it('is skipped when no secret is configured', async () => {
    const disabled = createRecaptchaVerifier({ secret: undefined, hostnames: [] });
    expect(disabled.enabled).toBe(false);
    expect(await disabled.verify(undefined, undefined)).toEqual({ ok: true });
  });
});

describe('registration with reCAPTCHA configured', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { RECAPTCHA_SECRET: 'test-secret', RECAPTCHA_VERIFY_URL: siteverifyUrl } });
  });
  afterAll(async () => {
    await server?.close();
  });

  const register = (email: string, recaptchaToken?: string) =>
    server.request('/api/auth/register', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: GOOD_PASSWORD, ...(recaptchaToken ? { recaptcha_token: recaptchaToken } : {}) }),
    });

  it('registers with a solved challenge', async () => {
    expect((await register('captcha-ok@example.com', 'solved')).status).toBe(202);
    expect(await server.repositories.users.get('captcha-ok@example.com')).toBeDefined();
  });

  it('refuses without a token or with a failed one, and creates nothing', async () => {
    for (const token of [undefined, 'unsolved', 'solved-elsewhere', 'server-error']) {
      const email = `captcha-${token ?? 'none'}@example.com`;
      const response = await register(email, token);
      expect(response.status, String(token)).toBe(400);
      expect((await readJson(response, errorEnvelopeSchema)).error.details).toEqual([
        { path: 'recaptcha_token', message: 'the reCAPTCHA check failed: try again' },
      ]);
      expect(await server.repositories.users.get(email)).toBeUndefined();
    }
  });
});
