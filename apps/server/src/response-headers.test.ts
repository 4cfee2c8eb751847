import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from './app-env.js';
import { addResponseCookie, applyResponseHeaders, jsonAnswer, startResponseHeaders } from './response-headers.js';

/** An app whose first middleware gathers two headers, as createApp's does. */
function appGathering(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', async (context, next) => {
    startResponseHeaders(context, { 'x-content-type-options': 'nosniff', 'x-request-id': 'request-0001' });
    await next();
    applyResponseHeaders(context);
  });
  return app;
}

describe('response headers', () => {
  it('are written into a JSON answer with no-store, its own extra headers and its status', async () => {
    const app = appGathering();
    app.get('/limited', (context) => jsonAnswer(context, { error: 'slow down' }, 429, { 'retry-after': '30' }));
    const response = await app.request('/limited');
    expect(response.status).toBe(429);
    expect(Object.fromEntries(response.headers)).toEqual({
      'x-content-type-options': 'nosniff',
      'x-request-id': 'request-0001',
      'content-type': 'application/json',
      'cache-control': 'no-store',
      'retry-after': '30',
    });
    expect(await response.json()).toEqual({ error: 'slow down' });
  });

  it('keep every cookie a handler adds as its own Set-Cookie field', async () => {
    const app = appGathering();
    app.post('/login', (context) => {
      addResponseCookie(context, 'session=abc; Path=/; HttpOnly');
      addResponseCookie(context, 'theme=dark; Path=/');
      return jsonAnswer(context, { ok: true }, 200);
    });
    const response = await app.request('/login', { method: 'POST' });
    expect(response.headers.getSetCookie()).toEqual(['session=abc; Path=/; HttpOnly', 'theme=dark; Path=/']);
    expect(response.headers.get('x-request-id')).toBe('request-0001');
  });

  it('are added after the handler to an answer built another way, without replacing what it set', async () => {
    const app = appGathering();
    app.get('/file', (context) => {
      addResponseCookie(context, 'seen=1');
      return context.body('<p>hello</p>', 200, { 'content-type': 'text/html', 'x-content-type-options': 'nosniff' });
    });
    app.get('/own-id', (context) => context.text('mine', 200, { 'x-request-id': 'set-by-the-handler' }));
    const file = await app.request('/file');
    expect(file.headers.get('content-type')).toBe('text/html');
    expect(file.headers.get('x-request-id')).toBe('request-0001');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.getSetCookie()).toEqual(['seen=1']);
    expect((await app.request('/own-id')).headers.get('x-request-id')).toBe('set-by-the-handler');
  });

  it('are on the answer of a handler that threw, through onError', async () => {
    const app = appGathering();
    app.onError((_error, context) => jsonAnswer(context, { error: 'internal' }, 500));
    app.get('/broken', () => {
      throw new Error('broken');
    });
    const response = await app.request('/broken');
    expect(response.status).toBe(500);
    expect(response.headers.get('x-request-id')).toBe('request-0001');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('are set by no handler with context.header or hono/cookie, which an answer built by jsonAnswer would drop', () => {
    const sourceDirectory = path.dirname(fileURLToPath(import.meta.url));
    const setters = /\b(context|c)\.header\(|import\s*\{[^}]*\b(setCookie|deleteCookie|setSignedCookie)\b[^}]*\}\s*from\s*'hono\/cookie'/;
    const offenders = readdirSync(sourceDirectory, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.startsWith('test-support'))
      .filter((file) => setters.test(readFileSync(path.join(sourceDirectory, file), 'utf8')));
    // These two set headers after the handler, on whatever answer it gave: the only safe place.
    expect(offenders.sort()).toEqual(['cors-policy.ts', 'response-headers.ts']);
  });
});
