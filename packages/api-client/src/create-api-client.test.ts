import { PRODUCTS, apiContract, assessmentSchema, listRoutes, publicUserSchema, summarizeAssessment } from '@ielts-genai-prep/core';
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  ApiAbortError,
  ApiClientError,
  ApiError,
  ApiInputValidationError,
  ApiNetworkError,
  ApiResponseValidationError,
  ApiTimeoutError,
  createApiClient,
  type ApiClientOptions,
} from './index.js';
import { findClosedPort, startContractTestServer, type ContractTestServer } from './test-support/contract-test-server.js';
import { errorJson, publicUserJson, speakingViewJson, writingAssessmentJson } from './test-support/fixtures.js';

let server: ContractTestServer;

beforeAll(async () => {
  server = await startContractTestServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
});

// Short waits between retries keep the suite fast; everything else is the default.
function client(options: Partial<ApiClientOptions> = {}) {
  return createApiClient({ baseUrl: server.url, retry: { delay: () => 5 }, ...options });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to reject');
}

describe('the client has one method per contract endpoint', () => {
  it('exposes every route of apiContract under its group and name', () => {
    const api = client();
    for (const { group, name } of listRoutes()) {
      expect(typeof (api as unknown as Record<string, Record<string, unknown>>)[group]?.[name]).toBe('function');
    }
    expect(Object.keys(api).sort()).toEqual(Object.keys(apiContract).sort());
  });

  it('types inputs from the schemas (z.input) and results from the response schema (z.output)', () => {
    const api = client();
    expectTypeOf(api.assessments.list).parameters.toEqualTypeOf<
      [query?: { cursor?: string | undefined; limit?: number | string | undefined }, options?: import('./index.js').CallOptions]
    >();
    expectTypeOf(api.assessments.get).parameter(0).toEqualTypeOf<{ id: string }>();
    expectTypeOf(api.writing.evaluate).parameter(0).toHaveProperty('essay').toEqualTypeOf<string>();
    expectTypeOf(api.auth.login).parameter(0).toHaveProperty('client').toEqualTypeOf<'web' | 'mobile' | undefined>();
    expectTypeOf(api.health.check).parameters.toEqualTypeOf<[options?: import('./index.js').CallOptions]>();
    expectTypeOf(api.assessments.get).returns.resolves.toEqualTypeOf<import('@ielts-genai-prep/core').Assessment>();
    expectTypeOf(api.auth.me).returns.resolves.toHaveProperty('user').toEqualTypeOf<import('@ielts-genai-prep/core').PublicUser>();
  });
});

describe('requests sent', () => {
  it('writing.evaluate: POSTs the body schema output as JSON, with cookies, and parses the assessment', async () => {
    server.handle(() => ({ status: 201, json: writingAssessmentJson }));
    const credentials: RequestCredentials[] = [];
    const api = client({
      fetch: (request, init) => {
        credentials.push(request.credentials);
        return fetch(request, init);
      },
    });
    const essay = 'Some people believe that working from home is a advantage for everyone. '.repeat(5);
    const assessment = await api.writing.evaluate({
      question_id: 'wt2-remote-work',
      essay: `  ${essay}  `,
      idempotency_key: 'essay-7f3e1a2b',
    });

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/api/writing/evaluate');
    expect(request?.query).toEqual([]);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.accept).toBe('application/json');
    expect(request?.headers.authorization).toBeUndefined();
    // The body schema trims the essay: what is sent is what was validated.
    expect(request?.body).toEqual({ question_id: 'wt2-remote-work', essay: essay.trim(), idempotency_key: 'essay-7f3e1a2b' });
    expect(credentials).toEqual(['include']);

    expect(assessment).toEqual(assessmentSchema.parse(writingAssessmentJson));
    expect(assessment.overall_band).toBe(6.5);
    // Defaults the server left out are filled in by the response schema.
    expect(assessment.review).toEqual({ required: false, reasons: [] });
    expect(assessment.provenance?.models_called).toEqual([]);
  });

  it('assessments.list: GETs the query, defaults included, and walks pages with next_cursor', async () => {
    const pages: Record<string, { items: unknown[]; next_cursor: string | null }> = {
      '': { items: [summarizeAssessment(assessmentSchema.parse(writingAssessmentJson), 'Work and study')], next_cursor: 'page-2' },
      'page-2': {
        items: [summarizeAssessment(assessmentSchema.parse({ ...writingAssessmentJson, assessment_id: 'asm_2' }), null)],
        next_cursor: null,
      },
    };
    server.handle((request) => {
      const cursor = new URLSearchParams(request.query).get('cursor') ?? '';
      return { status: 200, json: pages[cursor] };
    });
    const api = client();
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.assessments.list(cursor === undefined ? undefined : { cursor });
      ids.push(...page.items.map((item) => item.assessment_id));
      cursor = page.next_cursor ?? undefined;
    } while (cursor !== undefined);

    expect(ids).toEqual(['asm_01JDX7Q2W', 'asm_2']);
    expect(server.requests.map((request) => [request.method, request.path, request.query])).toEqual([
      ['GET', '/api/assessments', [['limit', '20']]],
      [
        'GET',
        '/api/assessments',
        [
          ['cursor', 'page-2'],
          ['limit', '20'],
        ],
      ],
    ]);
    expect(server.requests[0]?.bodyText).toBe('');
  });

  it('questions.list sends its query; assessments.get fills and encodes the path parameter', async () => {
    server.handle((request) =>
      request.path === '/api/questions'
        ? { status: 200, json: { items: [], next_cursor: null } }
        : { status: 200, json: { ...writingAssessmentJson, assessment_id: 'asm:42' } },
    );
    const api = client();
    expect(await api.questions.list({ type: 'writing_task2', limit: 5 })).toEqual({ items: [], next_cursor: null });
    const assessment = await api.assessments.get({ id: 'asm:42' });
    expect(assessment.assessment_id).toBe('asm:42');
    expect(server.requests.map((request) => [request.method, request.path, request.query])).toEqual([
      [
        'GET',
        '/api/questions',
        [
          ['type', 'writing_task2'],
          ['limit', '5'],
        ],
      ],
      ['GET', '/api/assessments/asm%3A42', []],
    ]);
  });

  it('speaking.submitTurn takes params then body', async () => {
    server.handle(() => ({ status: 200, json: { ...speakingViewJson, turns_completed: 2 } }));
    const api = client();
    const view = await api.speaking.submitTurn(
      { id: 'asm_01JDX8SPK' },
      { part: 1, prompt_id: 'part1-0', transcript: { text: 'I am a student of civil engineering.' }, duration_ms: 4200 },
    );
    expect(view.turns_completed).toBe(2);
    expect(view.current_prompt?.cue_card).toEqual([]);
    const [request] = server.requests;
    expect([request?.method, request?.path]).toEqual(['POST', '/api/speaking/sessions/asm_01JDX8SPK/turns']);
    expect(request?.body).toEqual({
      part: 1,
      prompt_id: 'part1-0',
      transcript: { text: 'I am a student of civil engineering.', words: [] },
      duration_ms: 4200,
    });
  });

  it('mobile: logs in with client "mobile" and sends the token as a bearer token on user endpoints only', async () => {
    server.handle((request) => {
      if (request.path === '/api/auth/login') {
        return { status: 200, json: { user: publicUserJson, token: 'tok_9b1f7c2e4a', expires_at: '2026-12-25T08:30:00.000Z' } };
      }
      if (request.path === '/api/auth/me') return { status: 200, json: { user: publicUserJson } };
      return { status: 200, json: { ok: true } };
    });
    let token: string | null = null;
    const getToken = vi.fn(async () => token);
    const api = client({ getToken, credentials: 'omit' });

    const session = await api.auth.login({ email: 'learner@example.com', password: 'correct horse battery', client: 'mobile' });
    token = session.token;
    const me = await api.auth.me();
    await api.auth.logout();

    expect(session.token).toBe('tok_9b1f7c2e4a');
    expect(me.user).toEqual(publicUserSchema.parse(publicUserJson));
    expect(me.user.preferences.exam_variant).toBe('academic');
    const [login, meRequest, logout] = server.requests;
    expect(login?.body).toEqual({ email: 'learner@example.com', password: 'correct horse battery', client: 'mobile' });
    expect(login?.headers.authorization).toBeUndefined();
    expect(meRequest?.headers.authorization).toBe('Bearer tok_9b1f7c2e4a');
    expect([logout?.method, logout?.path, logout?.bodyText, logout?.headers.authorization]).toEqual([
      'POST',
      '/api/auth/logout',
      '',
      'Bearer tok_9b1f7c2e4a',
    ]);
    // Asked only for the two endpoints that need a user.
    expect(getToken).toHaveBeenCalledTimes(2);
  });

  it('web: the login body defaults client to "web"; client and call headers are sent', async () => {
    server.handle(() => ({ status: 200, json: { user: publicUserJson, token: null, expires_at: '2026-12-25T08:30:00.000Z' } }));
    const api = client({ headers: { 'x-app-version': '1.4.0' } });
    const session = await api.auth.login({ email: 'learner@example.com', password: 'pw' }, { headers: { 'x-trace': 'abc' } });
    expect(session.token).toBeNull();
    const [request] = server.requests;
    expect(request?.body).toEqual({ email: 'learner@example.com', password: 'pw', client: 'web' });
    expect(request?.headers['x-app-version']).toBe('1.4.0');
    expect(request?.headers['x-trace']).toBe('abc');
  });

  it('purchases: lists the products without a token, and checkout POSTs a product id on sale and parses the checkout url', async () => {
    server.handle((request) =>
      request.path === '/api/purchases/products'
        ? { status: 200, json: { products: PRODUCTS, checkout_available: true } }
        : { status: 201, json: { checkout_url: 'https://checkout.stripe.com/c/pay/cs_test_a1', checkout_session_id: 'cs_test_a1' } },
    );
    const api = client({ getToken: () => 'token-1' });
    expect(await api.purchases.products()).toEqual({ products: PRODUCTS, checkout_available: true });
    expect(await api.purchases.checkout({ product_id: 'speaking-pack-3' })).toEqual({
      checkout_url: 'https://checkout.stripe.com/c/pay/cs_test_a1',
      checkout_session_id: 'cs_test_a1',
    });
    expect(server.requests.map((request) => [request.method, request.path, request.headers.authorization, request.body])).toEqual([
      ['GET', '/api/purchases/products', undefined, undefined],
      ['POST', '/api/purchases/checkout', 'Bearer token-1', { product_id: 'speaking-pack-3' }],
    ]);
    // Only packs on sale, refused before anything is sent.
    const refused = await rejection(api.purchases.checkout({ product_id: 'free-everything' as 'speaking-pack-3' }));
    expect(ApiInputValidationError.isInstance(refused)).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it('purchases: a server that takes no payments is an ApiError purchases_not_configured (503), not retried', async () => {
    server.handle(() => ({ status: 503, json: errorJson('purchases_not_configured', 'Purchases are not configured on this server.') }));
    const error = await rejection(client().purchases.checkout({ product_id: 'writing-pack-5' }));
    expect(error).toMatchObject({ code: 'purchases_not_configured', status: 503, endpoint: 'purchases.checkout' });
    expect(server.requests).toHaveLength(1);
  });

  it('keeps a path prefix of baseUrl', async () => {
    server.handle(() => ({ status: 200, json: { status: 'ok', version: '0.1.0', time: '2026-11-25T09:00:00.000Z' } }));
    const api = createApiClient({ baseUrl: `${server.url}/ielts/` });
    expect(await api.health.check()).toEqual({ status: 'ok', version: '0.1.0', time: '2026-11-25T09:00:00.000Z' });
    expect(server.requests[0]?.path).toBe('/ielts/health');
  });
});

describe('errors', () => {
  it('a 4xx envelope with details becomes an ApiError with the code, status, details and request id', async () => {
    server.handle(() => ({
      status: 400,
      headers: { 'x-request-id': 'req-123' },
      json: errorJson('validation_failed', 'The request is invalid', [{ path: 'essay', message: 'must be at least 50 words' }]),
    }));
    const error = await rejection(client().writing.evaluate({ question_id: 'wt2-remote-work', essay: 'Too short.' }));
    expect(ApiError.isInstance(error)).toBe(true);
    expect(ApiClientError.isInstance(error)).toBe(true);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.code).toBe('validation_failed');
    expect(apiError.status).toBe(400);
    expect(apiError.message).toBe('The request is invalid');
    expect(apiError.details).toEqual([{ path: 'essay', message: 'must be at least 50 words' }]);
    expect(apiError.requestId).toBe('req-123');
    expect(apiError.endpoint).toBe('writing.evaluate');
  });

  it('a 401 from a user endpoint calls onUnauthorized with the error, then rejects with it', async () => {
    server.handle(() => ({ status: 401, json: errorJson('unauthorized', 'Sign in again') }));
    const onUnauthorized = vi.fn();
    const error = await rejection(client({ onUnauthorized }).assessments.get({ id: 'asm_1' }));
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(onUnauthorized.mock.calls[0]?.[0]).toBe(error);
    expect((error as ApiError).code).toBe('unauthorized');
    expect((error as ApiError).status).toBe(401);
    // 401 is not worth retrying.
    expect(server.requests).toHaveLength(1);
  });

  it('onUnauthorized is awaited, its own failure does not hide the 401, and a wrong password does not trigger it', async () => {
    server.handle(() => ({ status: 401, json: errorJson('unauthorized', 'Wrong email or password') }));
    const order: string[] = [];
    const onUnauthorized = vi.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      order.push('handler');
      throw new Error('handler bug');
    });
    const api = client({ onUnauthorized });
    const meError = await rejection(api.auth.me());
    order.push('rejected');
    expect(ApiError.isInstance(meError) && meError.code).toBe('unauthorized');
    expect(order).toEqual(['handler', 'rejected']);

    const loginError = await rejection(api.auth.login({ email: 'learner@example.com', password: 'wrong' }));
    expect(ApiError.isInstance(loginError) && loginError.status).toBe(401);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('an error status without the envelope is an ApiError with code http_error', async () => {
    server.handle(() => ({ status: 502, text: '<html><body>Bad Gateway</body></html>' }));
    const error = await rejection(client().writing.evaluate({ question_id: 'q1', essay: 'An essay.' }));
    expect(ApiError.isInstance(error)).toBe(true);
    expect((error as ApiError).code).toBe('http_error');
    expect((error as ApiError).status).toBe(502);
    expect((error as ApiError).details).toEqual([]);
  });

  it('a closed port is an ApiNetworkError (after the retries of an idempotent call)', async () => {
    const port = await findClosedPort();
    const api = createApiClient({ baseUrl: `http://127.0.0.1:${port}`, retry: { limit: 1, delay: () => 5 } });
    const error = await rejection(api.health.check());
    expect(ApiNetworkError.isInstance(error)).toBe(true);
    expect(ApiError.isInstance(error)).toBe(false);
    expect((error as ApiNetworkError).code).toBe('network_error');
    expect((error as ApiNetworkError).cause).toBeInstanceOf(TypeError);
  });

  it('a connection dropped without an answer is an ApiNetworkError', async () => {
    server.handle(() => ({ destroy: true }));
    const error = await rejection(client().writing.evaluate({ question_id: 'q1', essay: 'An essay.' }));
    expect(ApiNetworkError.isInstance(error)).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it('a slow server is an ApiTimeoutError, not retried by default', async () => {
    // Held far beyond the test's own timeout: only the 100 ms timeout can end the request.
    server.handle(() => ({ status: 200, json: { user: publicUserJson }, delayMs: 600_000 }));
    const error = await rejection(client({ timeout: 100 }).auth.me());
    expect(ApiTimeoutError.isInstance(error)).toBe(true);
    expect((error as ApiTimeoutError).code).toBe('timeout');
    expect((error as ApiTimeoutError).timeout).toBe(100);
    expect(server.requests).toHaveLength(1);
  });

  it('the timeout is per attempt: a retried attempt gets the whole timeout again', async () => {
    // The first attempt is held past any timeout; the second is answered at once.
    server.handle((_, count) => ({ status: 200, json: { user: publicUserJson }, ...(count === 1 ? { delayMs: 20_000 } : {}) }));
    const api = client({ timeout: 1_000, retry: { limit: 1, retryOnTimeout: true, delay: () => 5 } });
    const started = Date.now();
    expect((await api.auth.me()).user.email).toBe('learner@example.com');
    // The whole timeout went to the first attempt: only a per-attempt timeout leaves the second any time.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(server.requests).toHaveLength(2);
  });

  it('a per-call timeout overrides the client timeout', async () => {
    server.handle(() => ({ status: 200, json: { user: publicUserJson }, delayMs: 300 }));
    const api = client({ timeout: 50 });
    const me = await api.auth.me({ timeout: 20_000 });
    expect(me.user.email).toBe('learner@example.com');
  });

  it('questions.get carries a listening section’s recording and duration, and refuses a recording without one', async () => {
    const section = {
      part: 1,
      title: 'Enrolling on a course',
      transcript: 'WOMAN: Good morning.',
      audio_url: 'https://cdn.example.com/li/1.mp3',
      audio_duration_seconds: 312,
    };
    const listening = {
      question_id: 'li-001',
      assessment_type: 'listening',
      title: 'Listening test 1',
      prompt: 'Answer questions 1–40.',
      time_limit: 30,
      sections: [section],
    };
    server.handle((request) => ({
      status: 200,
      json: request.path.endsWith('li-001') ? listening : { ...listening, sections: [{ ...section, audio_duration_seconds: null }] },
    }));
    const api = client();
    expect((await api.questions.get({ id: 'li-001' })).sections).toEqual([section]);
    const error = await rejection(api.questions.get({ id: 'li-002' }));
    expect(ApiResponseValidationError.isInstance(error) && error.details.map((detail) => detail.path)).toEqual([
      'sections.0.audio_duration_seconds',
    ]);
  });

  it('a response of the wrong shape is an ApiResponseValidationError naming the fields', async () => {
    server.handle(() => ({ status: 200, json: { ...writingAssessmentJson, overall_band: 6.3, completed: 'yes' } }));
    const error = await rejection(client().assessments.get({ id: 'asm_1' }));
    expect(ApiResponseValidationError.isInstance(error)).toBe(true);
    const responseError = error as ApiResponseValidationError;
    expect(responseError.code).toBe('invalid_response');
    expect(responseError.status).toBe(200);
    expect(responseError.details.map((detail) => detail.path).sort()).toEqual(['completed', 'overall_band']);
    expect(responseError.body).toMatchObject({ overall_band: 6.3 });
  });

  it('a success body that is not JSON is an ApiResponseValidationError', async () => {
    server.handle(() => ({ status: 200, text: '<html>maintenance</html>' }));
    const error = await rejection(client().health.check());
    expect(ApiResponseValidationError.isInstance(error)).toBe(true);
    expect((error as ApiResponseValidationError).body).toBe('<html>maintenance</html>');
    expect((error as ApiResponseValidationError).details).toEqual([{ path: '', message: 'body is not JSON' }]);
  });

  it('aborting through the signal is an ApiAbortError', async () => {
    const controller = new AbortController();
    // Aborted once the request has reached the server, whose answer would take 20 s: not after a
    // wall-clock wait, which a busy machine can spend before the request is even sent.
    server.handle(() => {
      controller.abort();
      return { status: 200, json: { user: publicUserJson }, delayMs: 20_000 };
    });
    const call = client().auth.me({ signal: controller.signal });
    const error = await rejection(call);
    expect(ApiAbortError.isInstance(error)).toBe(true);
    expect((error as ApiAbortError).code).toBe('aborted');
    expect(server.requests).toHaveLength(1);
  });

  it('each class is recognised only by its own isInstance, and all by the base class', () => {
    const errors = [
      new ApiError({ code: 'not_found', endpoint: 'assessments.get', message: 'Not found', status: 404 }),
      new ApiNetworkError('health.check', { cause: new TypeError('fetch failed') }),
      new ApiTimeoutError('health.check', { timeout: 10 }),
      new ApiAbortError('health.check'),
      new ApiInputValidationError('auth.login', { part: 'body', details: [{ path: 'email', message: 'Invalid email address' }] }),
      new ApiResponseValidationError('health.check', { status: 200, details: [], body: null }),
    ];
    const guards = [ApiError, ApiNetworkError, ApiTimeoutError, ApiAbortError, ApiInputValidationError, ApiResponseValidationError];
    errors.forEach((error, index) => {
      expect(ApiClientError.isInstance(error)).toBe(true);
      for (const [guardIndex, guard] of guards.entries()) expect(guard.isInstance(error)).toBe(index === guardIndex);
    });
    expect(errors.map((error) => error.code)).toEqual([
      'not_found',
      'network_error',
      'timeout',
      'aborted',
      'invalid_input',
      'invalid_response',
    ]);
    expect(ApiClientError.isInstance(new Error('x'))).toBe(false);
    expect(ApiClientError.isInstance({ code: 'timeout' })).toBe(false);
    expect(ApiClientError.isInstance(null)).toBe(false);
  });
});

describe('retries', () => {
  it('a GET is retried on 503 and then succeeds', async () => {
    server.handle((_, count) =>
      count < 3 ? { status: 503, json: errorJson('service_unavailable', 'Try again') } : { status: 200, json: { user: publicUserJson } },
    );
    const me = await client().auth.me();
    expect(me.user.user_id).toBe(publicUserJson.user_id);
    expect(server.requests.map((request) => request.method)).toEqual(['GET', 'GET', 'GET']);
  });

  it('a GET gives up after the limit with the last ApiError', async () => {
    server.handle(() => ({ status: 503, json: errorJson('service_unavailable', 'Down for maintenance') }));
    const error = await rejection(client({ retry: { limit: 1, delay: () => 5 } }).entitlements.get());
    expect((error as ApiError).code).toBe('service_unavailable');
    expect(server.requests).toHaveLength(2);
  });

  it('a POST that is not idempotent is never retried', async () => {
    server.handle(() => ({ status: 503, json: errorJson('service_unavailable', 'Try again') }));
    const error = await rejection(client().writing.evaluate({ question_id: 'q1', essay: 'An essay.' }));
    expect((error as ApiError).code).toBe('service_unavailable');
    expect(server.requests).toHaveLength(1);
  });

  it('a POST the contract marks idempotent (auth.logout) is retried', async () => {
    server.handle((_, count) =>
      count === 1 ? { status: 503, json: errorJson('service_unavailable', 'Try again') } : { status: 200, json: { ok: true } },
    );
    expect(await client().auth.logout()).toEqual({ ok: true });
    expect(server.requests.map((request) => [request.method, request.path])).toEqual([
      ['POST', '/api/auth/logout'],
      ['POST', '/api/auth/logout'],
    ]);
  });

  it('a 429 honours Retry-After; a 404 is not retried; retry: false turns retries off', async () => {
    server.handle((_, count) =>
      count === 1
        ? { status: 429, headers: { 'retry-after': '0' }, json: errorJson('rate_limited', 'Slow down') }
        : { status: 404, json: errorJson('not_found', 'No such assessment') },
    );
    const error = await rejection(client().assessments.get({ id: 'asm_1' }));
    expect((error as ApiError).code).toBe('not_found');
    expect(server.requests).toHaveLength(2);

    server.reset();
    server.handle(() => ({ status: 503, json: errorJson('service_unavailable', 'Try again') }));
    await rejection(client({ retry: false }).auth.me());
    expect(server.requests).toHaveLength(1);
  });
});

describe('input validation happens before anything is sent', () => {
  it('a bad body is an ApiInputValidationError with field details, and no request is made', async () => {
    const api = client();
    const error = await rejection(api.writing.evaluate({ question_id: 'wt2 remote work', essay: '   ' }));
    expect(ApiInputValidationError.isInstance(error)).toBe(true);
    const inputError = error as ApiInputValidationError;
    expect(inputError.code).toBe('invalid_input');
    expect(inputError.part).toBe('body');
    expect(inputError.details.map((detail) => detail.path).sort()).toEqual(['essay', 'question_id']);
    expect(inputError.details.find((detail) => detail.path === 'essay')?.message).toBe('must not be empty');
    expect(server.requests).toHaveLength(0);
  });

  it('bad params, a bad query, unknown body keys and a missing body are all refused', async () => {
    const api = client();
    const badParams = await rejection(api.assessments.get({ id: 'no/slashes' }));
    const badQuery = await rejection(api.questions.list({ type: 'toefl' as 'listening' }));
    const unknownKey = await rejection(
      api.auth.register({ email: 'learner@example.com', password: 'long enough pw', admin: true } as unknown as Parameters<
        typeof api.auth.register
      >[0]),
    );
    const missingBody = await rejection((api.auth.login as unknown as () => Promise<unknown>)());
    const noAudioNorTranscript = await rejection(api.speaking.submitTurn({ id: 'asm_1' }, { part: 2, prompt_id: 'part2-0' }));

    expect(
      [badParams, badQuery, unknownKey, missingBody, noAudioNorTranscript].map((error) => (error as ApiInputValidationError).part),
    ).toEqual(['params', 'query', 'body', 'body', 'body']);
    expect((badParams as ApiInputValidationError).details[0]?.path).toBe('id');
    expect((badQuery as ApiInputValidationError).details[0]?.path).toBe('type');
    expect((missingBody as ApiInputValidationError).details.map((detail) => detail.path).sort()).toEqual(['email', 'password']);
    expect((noAudioNorTranscript as ApiInputValidationError).details).toEqual([
      { path: 'transcript', message: 'a turn needs audio or a transcript' },
    ]);
    expect(server.requests).toHaveLength(0);
  });

  it('bad client options are refused at creation', () => {
    expect(() => createApiClient({ baseUrl: server.url, timeout: -1 })).toThrow(TypeError);
    expect(() => createApiClient({ baseUrl: server.url, retry: { limit: 1.5 } })).toThrow(TypeError);
    expect(() => createApiClient({} as ApiClientOptions)).toThrow(TypeError);
    expect(() => createApiClient({ baseUrl: '' })).toThrow(TypeError);
  });
});
