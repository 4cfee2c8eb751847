import { ApiError } from '@ielts-genai-prep/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiContract, errorEnvelopeSchema } from '@ielts-genai-prep/core';
import { REGISTERED_MESSAGE, RESET_REQUESTED_MESSAGE } from './auth-handlers.js';
import { createPasswordHasher } from './password-hasher.js';
import deriveScryptKey from './scrypt-worker.js';
import { GOOD_PASSWORD, startTestServer, type TestServer, readJson } from './test-support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const uniqueEmail = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}@example.com`;

async function expectApiError(promise: Promise<unknown>, status: number, code: string): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(ApiError.isInstance(error), `expected an ApiError, got ${String(error)}`).toBe(true);
  const apiError = error as ApiError;
  expect(apiError.status).toBe(status);
  expect(apiError.code).toBe(code);
  return apiError;
}

describe('registration', () => {
  it('stores a hashed password and sends a verification link that works once', async () => {
    const client = server.webClient();
    const email = uniqueEmail('register');
    const answer = await client.auth.register({ email: email.toUpperCase(), password: GOOD_PASSWORD, display_name: 'Ana' });
    expect(answer.message).toBe(REGISTERED_MESSAGE);

    const stored = await server.repositories.users.get(email);
    expect(stored?.email).toBe(email);
    expect(stored?.password_hash).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(stored?.password_hash).not.toContain(GOOD_PASSWORD);
    expect(stored?.email_verified).toBe(false);

    const token = await server.tokenFrom(email, 'Confirm your email');
    // Only the token's hash is stored.
    const sessions = await server.repositories.sessions.listForUser(email);
    expect(sessions.some((session) => session.session_id.includes(token))).toBe(false);

    await expect(client.auth.verifyEmail({ token })).resolves.toEqual({ ok: true });
    expect((await server.repositories.users.get(email))?.email_verified).toBe(true);
    const reused = await expectApiError(client.auth.verifyEmail({ token }), 400, 'validation_failed');
    expect(reused.details[0]?.path).toBe('token');
  });

  it('answers the same for a taken email, and tells the owner by email instead', async () => {
    const client = server.webClient();
    const email = uniqueEmail('taken');
    const first = await client.auth.register({ email, password: GOOD_PASSWORD });
    const second = await client.auth.register({ email, password: 'another good passphrase' });
    expect(second).toEqual(first);
    const mail = await server.mailTo(email);
    // Both are drained in one batch and sent side by side, so either may arrive first.
    expect(mail.map((entry) => entry.subject).sort()).toEqual([
      'Confirm your email address',
      'Someone tried to register with your email address',
    ]);
    // The original password still works: the second attempt changed nothing.
    await expect(client.auth.login({ email, password: GOOD_PASSWORD })).resolves.toMatchObject({ user: { email } });
  });

  it('refuses common and short passwords with a field detail', async () => {
    const client = server.webClient();
    const common = await expectApiError(
      client.auth.register({ email: uniqueEmail('common'), password: 'Password123' }),
      400,
      'validation_failed',
    );
    expect(common.details).toEqual([{ path: 'password', message: expect.stringContaining('too common') }]);
    const response = await server.request('/api/auth/register', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: uniqueEmail('short'), password: 'short' }),
    });
    expect(response.status).toBe(400);
    expect((await readJson(response, errorEnvelopeSchema)).error.details).toEqual([
      { path: 'password', message: 'must be at least 8 characters' },
    ]);
  });

  it('accepts a 64-character passphrase', async () => {
    const client = server.webClient();
    const email = uniqueEmail('long');
    const password = 'a long passphrase that keeps going well past sixty-four chars ok!';
    expect(password.length).toBeGreaterThanOrEqual(64);
    await client.auth.register({ email, password });
    await expect(client.auth.login({ email, password })).resolves.toMatchObject({ user: { email } });
  });
});

describe('sessions', () => {
  it('gives the web a HttpOnly, SameSite=Lax cookie and no token; logout ends it', async () => {
    const email = uniqueEmail('web');
    await server.webClient().auth.register({ email, password: GOOD_PASSWORD });
    const response = await server.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: GOOD_PASSWORD }),
    });
    expect(response.status).toBe(200);
    const body = await readJson(response, apiContract.auth.login.response);
    expect(body.token).toBeNull();
    const cookie = response.headers.getSetCookie()[0] ?? '';
    expect(cookie).toMatch(/^__Host-ielts_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/Path=\//);

    const token = /=([^;]+);/.exec(cookie)?.[1] ?? '';
    const sessions = await server.repositories.sessions.listForUser(email);
    const { createHash } = await import('node:crypto');
    expect(sessions.map((session) => session.session_id)).toContain(createHash('sha256').update(token).digest('hex'));

    const me = await server.request('/api/auth/me', { headers: { cookie: `__Host-ielts_session=${token}` } });
    expect(me.status).toBe(200);
    expect((await readJson(me, apiContract.auth.me.response)).user).not.toHaveProperty('password_hash');

    const logout = await server.request('/api/auth/logout', { method: 'POST', headers: { cookie: `__Host-ielts_session=${token}` } });
    expect(logout.status).toBe(200);
    expect(logout.headers.getSetCookie()[0]).toMatch(/Max-Age=0/);
    const after = await server.request('/api/auth/me', { headers: { cookie: `__Host-ielts_session=${token}` } });
    expect(after.status).toBe(401);
  });

  it('answers who is signed in with 200 either way at GET /api/auth/session: the user, or null', async () => {
    const client = server.webClient();
    const email = uniqueEmail('session');
    const signedOut = await server.request('/api/auth/session');
    expect(signedOut.status).toBe(200);
    expect(await readJson(signedOut)).toEqual({ user: null });
    // A token that is no session (expired, made up) is signed out too, not an error.
    const stale = await server.request('/api/auth/session', { headers: { cookie: `__Host-ielts_session=${'x'.repeat(43)}` } });
    expect([stale.status, await readJson(stale)]).toEqual([200, { user: null }]);

    await client.auth.register({ email, password: GOOD_PASSWORD });
    await client.auth.login({ email, password: GOOD_PASSWORD });
    const session = await client.auth.session();
    expect(session.user?.email).toBe(email);
    expect(session.user).not.toHaveProperty('password_hash');
    await client.auth.logout();
    expect((await client.auth.session()).user).toBeNull();
  });

  it('works end to end through the api-client with cookies', async () => {
    const client = server.webClient();
    const email = uniqueEmail('cookie');
    await client.auth.register({ email, password: GOOD_PASSWORD });
    const login = await client.auth.login({ email, password: GOOD_PASSWORD });
    expect(login.token).toBeNull();
    expect((await client.auth.me()).user.email).toBe(email);
    await client.auth.logout();
    await expectApiError(client.auth.me(), 401, 'unauthorized');
  });

  it('gives mobile a bearer token, a new session on every login', async () => {
    const { email, token, client } = await server.signUp();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await client.auth.me()).user.email).toBe(email);
    const again = await server.webClient().auth.login({ email, password: GOOD_PASSWORD, client: 'mobile' });
    expect(again.token).not.toBe(token);
    expect((await server.repositories.sessions.listForUser(email)).filter((session) => session.client === 'mobile')).toHaveLength(2);
    await expectApiError(server.mobileClient('not-a-real-token-but-long-enough').auth.me(), 401, 'unauthorized');

    // The token travels in the body only: no cookie for a mobile sign-in.
    const raw = await server.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: GOOD_PASSWORD, client: 'mobile' }),
    });
    expect(raw.status).toBe(200);
    expect(raw.headers.getSetCookie()).toEqual([]);
    expect((await readJson(raw, apiContract.auth.login.response)).token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('ends a session after the idle timeout and after the absolute timeout', async () => {
    const { client } = await server.signUp();
    await client.auth.me();
    server.clock.advance((server.config.session.idleTtlSeconds + 5) * 1000);
    await expectApiError(client.auth.me(), 401, 'unauthorized');

    const active = await server.signUp();
    // Used every day, the session still ends at its absolute expiry.
    const day = 24 * 3600 * 1000;
    for (let elapsed = 0; elapsed < server.config.session.absoluteTtlSeconds * 1000 - day; elapsed += day) {
      server.clock.advance(day);
      await active.client.auth.me();
    }
    server.clock.advance(2 * day);
    await expectApiError(active.client.auth.me(), 401, 'unauthorized');
  });
});

describe('login', () => {
  it('answers an unknown email exactly like a wrong password', async () => {
    const { email } = await server.signUp();
    const client = server.webClient();
    const wrong = await expectApiError(client.auth.login({ email, password: 'not the password' }), 401, 'unauthorized');
    const unknown = await expectApiError(
      client.auth.login({ email: uniqueEmail('nobody'), password: 'not the password' }),
      401,
      'unauthorized',
    );
    expect(unknown.message).toBe(wrong.message);
    expect(unknown.details).toEqual(wrong.details);
  });

  it('limits failed attempts per account with a 429 and Retry-After', async () => {
    const { email, password } = await server.signUp();
    const body = (pass: string) => JSON.stringify({ email, password: pass });
    const post = (pass: string) =>
      server.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(pass) });
    for (let attempt = 0; attempt < server.config.rateLimit.maxFailuresPerAccount; attempt += 1) {
      expect((await post('wrong password')).status).toBe(401);
    }
    const limited = await post(password);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await readJson(limited, errorEnvelopeSchema)).error.code).toBe('rate_limited');
    server.clock.advance((server.config.rateLimit.windowSeconds + 1) * 1000);
    expect((await post(password)).status).toBe(200);
  });
});

describe('equal work through the server', () => {
  // What would let an attacker tell accounts apart by timing is work done for one and skipped for
  // the other. These tests count the scrypt derivations each request makes (the server's costly
  // step) and compare the answers; timings themselves belong in the bench, not in a test.
  const derivations: Array<{ cost: number; blockSize: number; parallelization: number }> = [];
  let counted: TestServer;
  beforeAll(async () => {
    counted = await startTestServer({
      env: { LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000', LOGIN_MAX_FAILURES_PER_CLIENT: '1000' },
      passwordHasher: createPasswordHasher({
        cost: 2 ** 10,
        derive: async (task) => {
          derivations.push({ cost: task.cost, blockSize: task.blockSize, parallelization: task.parallelization });
          return deriveScryptKey(task);
        },
      }),
    });
  });
  afterAll(async () => {
    await counted?.close();
  });

  const post = async (path: string, body: object) => {
    const before = derivations.length;
    const response = await counted.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text, derivations: derivations.slice(before) };
  };

  it('derives one key at the same cost for an unknown email as for a wrong password, and answers alike', async () => {
    const { email } = await counted.signUp();
    // The dummy hash is made once at start (or on first use): make it before counting.
    await post('/api/auth/login', { email: uniqueEmail('warm-up'), password: 'not the password' });
    const wrong = await post('/api/auth/login', { email, password: 'not the password' });
    const unknown = await post('/api/auth/login', { email: uniqueEmail('nobody'), password: 'not the password' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(unknown.body.replace(/"request_id":"[^"]*"/, '')).toBe(wrong.body.replace(/"request_id":"[^"]*"/, ''));
    expect(wrong.derivations).toHaveLength(1);
    expect(unknown.derivations).toEqual(wrong.derivations);
  });

  it('derives one key for a taken email as for a new one, and answers alike', async () => {
    const { email } = await counted.signUp();
    const fresh = await post('/api/auth/register', { email: uniqueEmail('fresh'), password: GOOD_PASSWORD });
    const taken = await post('/api/auth/register', { email, password: GOOD_PASSWORD });
    expect([fresh.status, taken.status]).toEqual([202, 202]);
    expect(taken.body.replace(/"request_id":"[^"]*"/, '')).toBe(fresh.body.replace(/"request_id":"[^"]*"/, ''));
    expect(fresh.derivations).toHaveLength(1);
    expect(taken.derivations).toEqual(fresh.derivations);
  });
});

describe('login rate limits under concurrent guesses', () => {
  it('let no more than the per-account limit of guesses through when they arrive at once', async () => {
    const { email } = await server.signUp();
    const limit = server.config.rateLimit.maxFailuresPerAccount;
    const statuses = await Promise.all(
      Array.from({ length: limit * 3 }, (_, index) =>
        server
          .request('/api/auth/login', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email, password: `guess number ${index}` }),
          })
          .then((response) => response.status),
      ),
    );
    // Each guess within the limit is checked (401), unless the bounded hashing queue was full on a
    // busy machine (503, counted all the same); every guess beyond the limit is refused unchecked.
    const checked = statuses.filter((status) => status === 401).length;
    const busy = statuses.filter((status) => status === 503).length;
    expect(checked).toBeGreaterThan(0);
    expect(checked + busy).toBe(limit);
    expect(statuses.filter((status) => status === 429)).toHaveLength(limit * 2);
  });

  it('let no more than the per-client limit of guesses through across accounts', async () => {
    const limited = await startTestServer({ env: { LOGIN_MAX_FAILURES_PER_CLIENT: '4' } });
    try {
      const statuses = await Promise.all(
        Array.from({ length: 12 }, (_, index) =>
          limited
            .request('/api/auth/login', {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ email: uniqueEmail(`spray${index}`), password: 'a guessed password' }),
            })
            .then((response) => response.status),
        ),
      );
      expect(statuses.filter((status) => status === 401)).toHaveLength(4);
      expect(statuses.filter((status) => status === 429)).toHaveLength(8);
    } finally {
      await limited.close();
    }
  });

  it('let no more than the per-account limit of wrong current passwords through at a password change', async () => {
    // A slower hash, so that the guesses are all in flight while the first is being checked.
    const slow = await startTestServer({ env: { SCRYPT_COST: '16384', LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' } });
    try {
      const { client } = await slow.signUp();
      const results = await Promise.allSettled(
        Array.from({ length: 9 }, (_, index) =>
          client.auth.changePassword({ current_password: `guess number ${index}`, new_password: 'a brand new passphrase' }),
        ),
      );
      const statuses = results.map((result) =>
        result.status === 'rejected' && ApiError.isInstance(result.reason) ? result.reason.status : 0,
      );
      expect(statuses.filter((status) => status === 400)).toHaveLength(3);
      expect(statuses.filter((status) => status === 429)).toHaveLength(6);
    } finally {
      await slow.close();
    }
  });

  it('does not count a successful sign-in against the client', async () => {
    const limited = await startTestServer({ env: { LOGIN_MAX_FAILURES_PER_CLIENT: '3' } });
    try {
      const { email, password } = await limited.signUp();
      // signUp signed in once already; four more successes from the same address stay allowed.
      for (let attempt = 0; attempt < 4; attempt += 1) {
        await expect(limited.webClient().auth.login({ email, password })).resolves.toMatchObject({ user: { email } });
      }
    } finally {
      await limited.close();
    }
  });
});

describe('login rate limit per client', () => {
  it('limits failed attempts from one address across accounts', async () => {
    const limited = await startTestServer({ env: { LOGIN_MAX_FAILURES_PER_CLIENT: '5' } });
    try {
      const { email, password } = await limited.signUp();
      const post = (body: object) =>
        limited.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      for (let attempt = 0; attempt < 5; attempt += 1) {
        expect((await post({ email: uniqueEmail(`guess${attempt}`), password: 'wrong password' })).status).toBe(401);
      }
      const response = await post({ email, password });
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await limited.close();
    }
  });
});

describe('behind a trusted proxy', () => {
  it("takes the client's address from the proxy's own X-Forwarded-For entry, not from entries the client wrote", async () => {
    const proxied = await startTestServer({ env: { TRUST_PROXY: 'true', LOGIN_MAX_FAILURES_PER_CLIENT: '3' } });
    try {
      const post = (forwardedFor: string, email: string) =>
        proxied.request('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
          body: JSON.stringify({ email, password: 'a guessed password' }),
        });
      // Each guess claims another address; the proxy appended the same real one to all of them.
      for (let attempt = 0; attempt < 3; attempt += 1) {
        expect((await post(`10.0.0.${attempt}, 203.0.113.5`, uniqueEmail(`proxied${attempt}`))).status).toBe(401);
      }
      expect((await post('10.0.0.99, 203.0.113.5', uniqueEmail('proxied-last'))).status).toBe(429);
      // Another real client is not held back.
      expect((await post('203.0.113.6', uniqueEmail('neighbour'))).status).toBe(401);
    } finally {
      await proxied.close();
    }
  });
});

describe('password reset', () => {
  it('resets with a single-use emailed token and ends every session', async () => {
    const { email, client } = await server.signUp();
    const anonymous = server.webClient();
    expect((await anonymous.auth.requestPasswordReset({ email })).message).toBe(RESET_REQUESTED_MESSAGE);
    expect((await anonymous.auth.requestPasswordReset({ email: uniqueEmail('ghost') })).message).toBe(RESET_REQUESTED_MESSAGE);
    const token = await server.tokenFrom(email, 'Reset your password');

    await expectApiError(anonymous.auth.confirmPasswordReset({ token, password: 'password1' }), 400, 'validation_failed');
    await expect(anonymous.auth.confirmPasswordReset({ token, password: 'a brand new passphrase' })).resolves.toEqual({ ok: true });
    await expectApiError(anonymous.auth.confirmPasswordReset({ token, password: 'yet another passphrase' }), 400, 'validation_failed');

    await expectApiError(client.auth.me(), 401, 'unauthorized');
    await expectApiError(anonymous.auth.login({ email, password: GOOD_PASSWORD }), 401, 'unauthorized');
    await expect(anonymous.auth.login({ email, password: 'a brand new passphrase' })).resolves.toMatchObject({ user: { email } });
  });

  it('lets exactly one of several confirms sent at once with the same link succeed', async () => {
    const { email } = await server.signUp();
    const anonymous = server.webClient();
    await anonymous.auth.requestPasswordReset({ email });
    const token = await server.tokenFrom(email, 'Reset your password');
    const passwords = ['first new passphrase', 'second new passphrase', 'third new passphrase', 'fourth new passphrase'];
    const results = await Promise.allSettled(
      passwords.map((password) => server.webClient().auth.confirmPasswordReset({ token, password })),
    );
    const succeeded = results.flatMap((result, index) => (result.status === 'fulfilled' ? [passwords[index]!] : []));
    expect(succeeded).toHaveLength(1);
    for (const result of results) {
      if (result.status === 'rejected') {
        expect(ApiError.isInstance(result.reason) && result.reason.status).toBe(400);
        expect((result.reason as ApiError).details[0]?.path).toBe('token');
      }
    }
    // The password stored is the winner's, and only the winner's works.
    await expect(anonymous.auth.login({ email, password: succeeded[0]! })).resolves.toMatchObject({ user: { email } });
    for (const password of passwords.filter((candidate) => candidate !== succeeded[0])) {
      await expectApiError(anonymous.auth.login({ email, password }), 401, 'unauthorized');
    }
  });

  it('lets exactly one of two email confirmations sent at once with the same link succeed', async () => {
    const email = uniqueEmail('verify-race');
    await server.webClient().auth.register({ email, password: GOOD_PASSWORD });
    const token = await server.tokenFrom(email, 'Confirm your email');
    const results = await Promise.allSettled([
      server.webClient().auth.verifyEmail({ token }),
      server.webClient().auth.verifyEmail({ token }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(ApiError.isInstance(refused?.reason) && refused.reason.status).toBe(400);
    expect((await server.repositories.users.get(email))?.email_verified).toBe(true);
  });

  it('refuses an expired reset token', async () => {
    const { email } = await server.signUp();
    const anonymous = server.webClient();
    await anonymous.auth.requestPasswordReset({ email });
    const token = await server.tokenFrom(email, 'Reset your password');
    server.clock.advance((server.config.tokens.resetTtlSeconds + 1) * 1000);
    await expectApiError(anonymous.auth.confirmPasswordReset({ token, password: 'a brand new passphrase' }), 400, 'validation_failed');
  });

  it('never accepts an emailed token as a session', async () => {
    const { email } = await server.signUp();
    await server.webClient().auth.requestPasswordReset({ email });
    const token = await server.tokenFrom(email, 'Reset your password');
    await expectApiError(server.mobileClient(token).auth.me(), 401, 'unauthorized');
  });
});

describe('profile', () => {
  it('changes the name and the preferences given, keeps the others, and refuses what may not be changed', async () => {
    const { email, client, token } = await server.signUp();
    const { user } = await client.auth.updateProfile({ preferences: { target_band: 7 } });
    expect(user.preferences).toEqual({ target_band: 7, exam_variant: 'academic', email_notifications: true, locale: 'en' });
    const renamed = await client.auth.updateProfile({
      display_name: 'Ada L.',
      preferences: { exam_variant: 'general_training', email_notifications: false },
    });
    expect(renamed.user).toMatchObject({
      email,
      display_name: 'Ada L.',
      preferences: { target_band: 7, exam_variant: 'general_training', email_notifications: false },
    });
    await expect(client.auth.me()).resolves.toMatchObject({ user: { display_name: 'Ada L.', preferences: { target_band: 7 } } });
    // The target can be cleared again; a band that is not one is refused before anything is written.
    expect((await client.auth.updateProfile({ preferences: { target_band: null } })).user.preferences.target_band).toBeNull();
    const patch = (body: unknown) =>
      server.request('/api/auth/me', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    for (const [body, path] of [
      [{ preferences: { target_band: 7.3 } }, 'preferences.target_band'],
      [{ email_verified: true }, ''],
      [{ preferences: { locale: 'fr', role: 'admin' } }, 'preferences'],
      [{}, ''],
    ] as const) {
      const response = await patch(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const envelope = await readJson(response, errorEnvelopeSchema);
      expect(envelope.error.code).toBe('validation_failed');
      expect(envelope.error.details.map((detail) => detail.path).join(' ')).toContain(path);
    }
    expect((await server.repositories.users.get(email))?.preferences.target_band).toBeNull();
  });
});

describe('password change', () => {
  it('needs the current password, keeps this session and ends the others', async () => {
    const { email, client } = await server.signUp();
    const other = await server.webClient().auth.login({ email, password: GOOD_PASSWORD, client: 'mobile' });
    const otherClient = server.mobileClient(other.token);

    const wrong = await expectApiError(
      client.auth.changePassword({ current_password: 'not it at all', new_password: 'a brand new passphrase' }),
      400,
      'validation_failed',
    );
    expect(wrong.details[0]?.path).toBe('current_password');
    await expect(client.auth.changePassword({ current_password: GOOD_PASSWORD, new_password: 'a brand new passphrase' })).resolves.toEqual({
      ok: true,
    });
    await expect(client.auth.me()).resolves.toMatchObject({ user: { email } });
    await expectApiError(otherClient.auth.me(), 401, 'unauthorized');
    await expect(server.webClient().auth.login({ email, password: 'a brand new passphrase' })).resolves.toMatchObject({ user: { email } });
  });
});

describe('requested emails', () => {
  it('are limited per address: resends answer 429, reset requests stop sending but answer the same', async () => {
    const { email, client } = await server.signUp({ verified: false });
    for (let index = 0; index < 5; index += 1) await client.auth.resendVerification();
    const limited = await expectApiError(client.auth.resendVerification(), 429, 'rate_limited');
    expect(limited.message).toMatch(/try again/);

    const anonymous = server.webClient();
    for (let index = 0; index < 7; index += 1) {
      expect((await anonymous.auth.requestPasswordReset({ email })).message).toBe(RESET_REQUESTED_MESSAGE);
    }
    expect((await server.mailTo(email)).filter((mail) => mail.subject === 'Reset your password')).toHaveLength(5);

    for (let index = 0; index < 7; index += 1) await anonymous.auth.register({ email, password: GOOD_PASSWORD });
    expect((await server.mailTo(email)).filter((mail) => mail.subject.startsWith('Someone tried to register'))).toHaveLength(5);
  });
});

describe('resend verification', () => {
  it('sends a fresh link, and says so once verified', async () => {
    const { email, client } = await server.signUp({ verified: false });
    await client.auth.resendVerification();
    const token = await server.tokenFrom(email, 'Confirm your email');
    expect((await server.mailTo(email)).filter((mail) => mail.subject.includes('Confirm'))).toHaveLength(2);
    await server.webClient().auth.verifyEmail({ token });
    expect((await client.auth.resendVerification()).message).toMatch(/already confirmed/);
    expect((await client.auth.me()).user.email_verified).toBe(true);
  });
});
