import { describe, expect, it } from 'vitest';
import { API_ERROR_STATUS, errorEnvelopeSchema, toFieldErrors } from './api-error.js';
import { apiContract, buildPath, listRoutes } from './contract.js';

describe('the HTTP contract', () => {
  it('names every endpoint once, with a unique method and path', () => {
    const routes = listRoutes();
    const keys = routes.map(({ route }) => `${route.method} ${route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const expected of [
      'GET /health',
      'POST /api/auth/register',
      'POST /api/auth/login',
      'POST /api/auth/logout',
      'GET /api/auth/me',
      'GET /api/questions',
      'GET /api/questions/:id',
      'POST /api/writing/evaluate',
      'POST /api/speaking/sessions',
      'POST /api/reading/evaluate',
      'POST /api/listening/evaluate',
      'GET /api/assessments',
      'GET /api/assessments/:id',
      'POST /api/content-reports',
    ]) {
      expect(keys).toContain(expected);
    }
  });

  it('gives GET routes no body and marks them idempotent', () => {
    for (const { group, name, route } of listRoutes()) {
      if (route.method === 'GET') {
        expect(route.body, `${group}.${name}`).toBeUndefined();
        expect(route.idempotent, `${group}.${name}`).toBe(true);
      }
      const parameters = [...route.path.matchAll(/:([a-z_]+)/g)].map((match) => match[1]);
      expect(Boolean(route.params), `${group}.${name} params`).toBe(parameters.length > 0);
    }
  });

  it('rejects unknown fields in request bodies', () => {
    const result = apiContract.auth.login.body.safeParse({ email: 'a@b.co', password: 'x', admin: true });
    expect(result.success).toBe(false);
  });

  it('coerces and bounds list limits from the query string', () => {
    expect(apiContract.assessments.list.query.parse({ limit: '5' }).limit).toBe(5);
    expect(apiContract.assessments.list.query.parse({}).limit).toBe(20);
    expect(apiContract.assessments.list.query.safeParse({ limit: '500' }).success).toBe(false);
  });

  it('builds paths with encoded parameters and refuses missing ones', () => {
    expect(buildPath('/api/assessments/:id', { id: 'a b' })).toBe('/api/assessments/a%20b');
    expect(() => buildPath('/api/assessments/:id')).toThrow(/missing path parameter "id"/);
  });
});

describe('the error envelope', () => {
  it('maps codes to statuses and zod issues to field details', () => {
    expect(API_ERROR_STATUS.payment_required).toBe(402);
    const parsed = apiContract.writing.evaluate.body.safeParse({ question_id: 'w2-001', essay: 5, extra: 1 });
    expect(parsed.success).toBe(false);
    const details = toFieldErrors(parsed.error?.issues ?? []);
    expect(details.map((detail) => detail.path)).toContain('essay');
    const envelope = errorEnvelopeSchema.parse({ error: { code: 'validation_failed', message: 'Invalid request', details } });
    expect(envelope.error.details.length).toBeGreaterThan(0);
  });
});
