import { DEFAULT_MAX_BODY_BYTES, buildPath, errorEnvelopeSchema, listRoutes, type RouteDefinition } from '@ielts-genai-prep/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, readJson } from './test-support/test-server.js';

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  ({ token } = await server.signUp());
});
afterAll(async () => {
  await server?.close();
});

/** A body each route would accept, so that each test breaks exactly one thing. */
const validBodies: Record<string, Record<string, unknown>> = {
  'auth.register': { email: 'someone@example.com', password: 'correct horse battery staple' },
  'auth.login': { email: 'someone@example.com', password: 'whatever it is' },
  'auth.verifyEmail': { token: 'a'.repeat(43) },
  'auth.requestPasswordReset': { email: 'someone@example.com' },
  'auth.confirmPasswordReset': { token: 'a'.repeat(43), password: 'correct horse battery staple' },
  'auth.changePassword': { current_password: 'old password', new_password: 'correct horse battery staple' },
  'auth.updateProfile': { preferences: { target_band: 7 } },
  'writing.evaluate': { question_id: 'w2-001', essay: 'An essay.' },
  'speaking.start': { question_id: 'sp-001' },
  'speaking.advance': { from_phase: 'part1' },
  'speaking.submitTurn': { part: 1, prompt_id: 'part1-0', transcript: { text: 'An answer.' } },
  'reading.evaluate': { question_id: 'ra-test-01', answers: { '1': 'A' } },
  'listening.evaluate': { question_id: 'li-test-01', answers: { '1': 'A' } },
  'contentReports.create': { target: { kind: 'question', id: 'w2-001' }, reason: 'other' },
  'purchases.checkout': { product_id: 'writing-pack-5' },
  'purchases.webhook': { id: 'evt_123', type: 'checkout.session.completed' },
};

const routesWithBody = listRoutes().filter(({ route }) => route.body);

function send(route: RouteDefinition, body: string | undefined, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const path = buildPath(route.path, { id: 'some-id' });
  return server.request(path, {
    method: route.method,
    headers: { ...headers, ...(route.auth === 'user' ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
}

async function expectValidationError(response: Response, path: string): Promise<void> {
  expect(response.status).toBe(400);
  const envelope = await readJson(response, errorEnvelopeSchema);
  expect(envelope.error.code).toBe('validation_failed');
  expect(envelope.error.details.map((detail) => detail.path)).toContain(path);
  expect(JSON.stringify(envelope)).not.toMatch(/\n\s+at /);
}

describe('every route with a body', () => {
  it('has an example body in this test', () => {
    expect(routesWithBody.map(({ group, name }) => `${group}.${name}`).sort()).toEqual(Object.keys(validBodies).sort());
  });

  for (const { group, name, route } of routesWithBody) {
    const routeName = `${group}.${name}`;
    const valid = () => structuredClone(validBodies[routeName]!);

    describe(routeName, () => {
      it('reports each missing field', async () => {
        for (const field of Object.keys(valid())) {
          if (routeName === 'speaking.submitTurn' && field === 'transcript') continue; // audio could stand in; checked below
          const body = valid();
          delete body[field];
          await expectValidationError(await send(route, JSON.stringify(body)), field);
        }
      });

      it('reports each field of the wrong type', async () => {
        for (const field of Object.keys(valid())) {
          await expectValidationError(await send(route, JSON.stringify({ ...valid(), [field]: [1] })), field);
        }
      });

      it(
        route.rawBody ? 'lets through fields its schema does not name (a provider adds fields to its events)' : 'refuses unknown fields',
        async () => {
          const response = await send(route, JSON.stringify({ ...valid(), is_admin: true }));
          if (!route.rawBody) return expectValidationError(response, 'is_admin');
          // This server takes no payments: past validation, the webhook says so.
          expect(response.status).toBe(503);
          expect((await readJson(response, errorEnvelopeSchema)).error.code).toBe('purchases_not_configured');
        },
      );

      it('refuses a body that is not JSON, or not declared as JSON', async () => {
        await expectValidationError(await send(route, '{"unterminated": '), '');
        const plain = await send(route, JSON.stringify(valid()), { 'content-type': 'text/plain' });
        expect(plain.status).toBe(415);
        // The body was not read: the client must not send its next request down this connection.
        expect(plain.headers.get('connection')).toBe('close');
        expect((await readJson(plain, errorEnvelopeSchema)).error.code).toBe('unsupported_media_type');
        const missing = await send(route, undefined, {});
        expect(missing.status).toBe(415);
      });

      it('refuses an oversized body with 413', async () => {
        const limit = route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
        const padding = 'x'.repeat(limit + 1);
        const response = await send(route, JSON.stringify({ ...valid(), padding }));
        expect(response.status).toBe(413);
        expect(response.headers.get('connection')).toBe('close');
        expect(await readJson(response)).toEqual({
          error: { code: 'payload_too_large', message: `The request body is larger than ${limit} bytes`, details: [] },
        });
      });
    });
  }

  it('needs audio or a transcript in a speaking turn', async () => {
    const route = listRoutes().find(({ name, group }) => group === 'speaking' && name === 'submitTurn')!.route;
    await expectValidationError(await send(route, JSON.stringify({ part: 1, prompt_id: 'part1-0' })), 'transcript');
  });

  it('refuses a streamed body past the limit even without Content-Length', async () => {
    const route = listRoutes().find(({ name, group }) => group === 'auth' && name === 'register')!.route;
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > DEFAULT_MAX_BODY_BYTES * 2) controller.close();
        else {
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        }
      },
    });
    const response = await server.request(route.path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
  });
});

describe('params and queries', () => {
  const get = (path: string) => server.request(path, { headers: { authorization: `Bearer ${token}` } });

  it('checks path parameters', async () => {
    await expectValidationError(await get('/api/assessments/has%20spaces'), 'id');
    await expectValidationError(await get(`/api/questions/${'x'.repeat(200)}`), 'id');
    await expectValidationError(await get('/api/speaking/sessions/bad%24id'), 'id');
  });

  it('checks queries: missing, wrong, repeated and unknown parameters', async () => {
    await expectValidationError(await get('/api/questions'), 'type');
    await expectValidationError(await get('/api/questions?type=cooking'), 'type');
    await expectValidationError(await get('/api/questions?type=listening&limit=abc'), 'limit');
    await expectValidationError(await get('/api/questions?type=listening&limit=500'), 'limit');
    await expectValidationError(await get('/api/assessments?limit=1&limit=2'), 'limit');
    await expectValidationError(await get('/api/assessments?sort=asc'), 'sort');
  });

  it('answers unknown routes with the envelope', async () => {
    const response = await get('/api/nothing-here');
    expect(response.status).toBe(404);
    expect((await readJson(response, errorEnvelopeSchema)).error.code).toBe('not_found');
  });
});

describe('every route', () => {
  const call = (route: RouteDefinition, path: string, init: RequestInit = {}) =>
    server.request(path, {
      ...init,
      method: route.method,
      headers: { ...(init.headers as Record<string, string>), ...(route.auth === 'user' ? { authorization: `Bearer ${token}` } : {}) },
    });
  const bodyFor = (group: string, name: string) => JSON.stringify(validBodies[`${group}.${name}`] ?? {});
  const jsonHeaders = { 'content-type': 'application/json' };

  it('refuses a path parameter of the wrong form', async () => {
    for (const { group, name, route } of listRoutes().filter(({ route: candidate }) => candidate.params)) {
      const response = await call(route, buildPath(route.path, { id: 'not valid!' }), {
        ...(route.body ? { headers: jsonHeaders, body: bodyFor(group, name) } : {}),
      });
      await expectValidationError(response, 'id');
    }
  });

  it('refuses query parameters it does not take, with or without a query of its own', async () => {
    for (const { group, name, route } of listRoutes()) {
      const path = `${buildPath(route.path, { id: 'some-id' })}?${route.query ? 'type=listening&' : ''}unexpected=1`;
      const response = await call(route, path, route.body ? { headers: jsonHeaders, body: bodyFor(group, name) } : {});
      await expectValidationError(response, 'unexpected');
    }
  });

  it('refuses a body on a route that takes none', async () => {
    for (const { route } of listRoutes().filter(({ route: candidate }) => !candidate.body && candidate.method !== 'GET')) {
      const response = await call(route, buildPath(route.path, { id: 'some-id' }), {
        headers: jsonHeaders,
        body: JSON.stringify({ surprise: true }),
      });
      await expectValidationError(response, '');
    }
    // A GET with a body, which fetch will not send: raw HTTP.
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const outgoing = request(
        `${server.baseUrl}/health`,
        { method: 'GET', headers: { 'content-type': 'application/json', 'content-length': '2' } },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      outgoing.on('error', reject);
      outgoing.end('{}');
    });
    expect(status).toBe(400);
  });
});

describe('authentication comes before validation', () => {
  it('answers 401 to a bad body without a session', async () => {
    const response = await server.request('/api/writing/evaluate', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nonsense: true }),
    });
    expect(response.status).toBe(401);
  });
});
