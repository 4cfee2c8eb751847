import { randomUUID } from 'node:crypto';
import { normalizeEmail, toPublicUser, type User } from '@ielts-genai-prep/core';
import { DalError } from '@ielts-genai-prep/dal-dynamodb';
import type { AccountServices, BaseServices, MailServices } from './app-services.js';

import { clientAddress } from './client-address.js';
import type { ContractHandlers } from './contract-router.js';
import { passwordProblem } from './password-policy.js';
import { consumeAll } from './rate-limiter.js';
import { reconcileAllowance } from './entitlements.js';
import { requestIdOf } from './learning-handlers.js';
import { hashSecretToken, type TokenPurpose } from './secret-tokens.js';
import { fieldError, ServerError } from './server-error.js';

/** What the account routes use. */
type AuthServices = BaseServices & AccountServices & MailServices;

/** The answer to every registration, taken or not: it must not reveal whether an account exists. */
export const REGISTERED_MESSAGE = 'Thanks. If this address can be registered, a confirmation link is on its way to it.';
/** The answer to every password reset request. */
export const RESET_REQUESTED_MESSAGE = 'If an account uses this address, a password reset link is on its way to it.';

const INVALID_CREDENTIALS = 'The email or password is incorrect';

/**
 * Finds the item of an emailed token, runs `check` on its user (a bad new password must not use
 * up the link), then consumes it: one conditional delete, so of two confirms sent at once with
 * the same link exactly one goes on. A 400 on `token` when it is unknown, expired or used.
 */
async function redeemEmailToken(
  services: AuthServices,
  token: string,
  purpose: Exclude<TokenPurpose, 'session'>,
  check: (user: User) => void = () => undefined,
): Promise<User> {
  const sessionId = hashSecretToken(token, purpose);
  const item = await services.repositories.sessions.get(sessionId);
  const invalid = () => fieldError('token', 'is invalid or has expired: ask for a new link', 'The link is invalid or has expired');
  if (!item || item.expires_at <= Math.floor(services.clock() / 1000)) throw invalid();
  const user = await services.repositories.users.get(item.user_email);
  if (!user || user.user_id !== item.user_id) throw invalid();
  check(user);
  try {
    await services.repositories.sessions.consume(sessionId);
  } catch (error) {
    // Used meanwhile by a concurrent request (or it expired in between).
    if (DalError.isInstance(error, 'not_found')) throw invalid();
    throw error;
  }
  return user;
}

function checkNewPassword(password: string, email: string, path: string): void {
  const problem = passwordProblem(password, email);
  if (problem) throw fieldError(path, problem, 'Choose another password');
}

/** Updates a user, reading it again once if it changed in between (optimistic locking). */
async function updateUser(
  services: AuthServices,
  user: User,
  change: Parameters<AuthServices['repositories']['users']['update']>[1],
): Promise<User> {
  try {
    return await services.repositories.users.update(user.email, change, { expectedVersion: user.version });
  } catch (error) {
    if (!DalError.isInstance(error, 'conflict')) throw error;
    const fresh = await services.repositories.users.get(user.email);
    if (!fresh) throw new ServerError('not_found', 'The account no longer exists');
    return services.repositories.users.update(fresh.email, change, { expectedVersion: fresh.version });
  }
}

/** Ends every session of the user except `keepSessionId` (and every outstanding emailed token). */
async function endOtherSessions(services: AuthServices, email: string, keepSessionId: string | undefined): Promise<void> {
  if (keepSessionId === undefined) {
    await services.repositories.sessions.deleteAllForUser(email);
    return;
  }
  const sessions = await services.repositories.sessions.listForUser(email);
  await Promise.all(
    sessions
      .filter((session) => session.session_id !== keepSessionId)
      .map((session) => services.repositories.sessions.delete(session.session_id)),
  );
}

/**
 * Writes the account. Its mail is held in the outbox first and released after the write, taken
 * or not: the sender finds which it was (a confirmation link for the new account, or a notice to
 * the address's owner, at most five an hour). Both paths hash and make the same three writes, so
 * a taken address answers neither faster nor slower; neither waits for the mail service. A crash
 * between the writes loses nothing: see README.md, "Email".
 */
async function registerAccount(
  services: AuthServices,
  {
    email,
    password,
    displayName,
    requestId,
  }: { email: string; password: string; displayName: string | null; requestId: string | undefined },
): Promise<void> {
  const passwordHash = await services.hasher.hash(password);
  const userId = randomUUID();
  const mail = await services.mail.hold({ kind: 'registration', recipient: email, payload: { user_id: userId } }, { requestId });
  try {
    await services.repositories.users.create({
      email,
      user_id: userId,
      display_name: displayName,
      email_verified: false,
      created_at: new Date(services.clock()).toISOString(),
      password_hash: passwordHash,
    });
  } catch (error) {
    if (!DalError.isInstance(error, 'duplicate')) throw error;
  }
  await mail.release();
}

/** The handlers of the `auth` routes. */
export function createAuthHandlers(services: AuthServices): ContractHandlers['auth'] {
  const { repositories, hasher, clock, config } = services;

  return {
    async register({ body, context }) {
      const captcha = await services.recaptcha.verify(body.recaptcha_token, clientAddress(context, config.trustProxy));
      if (!captcha.ok) {
        services.logger.warn('reCAPTCHA rejected a registration', { reason: captcha.reason });
        throw fieldError('recaptcha_token', 'the reCAPTCHA check failed: try again', 'The reCAPTCHA check failed');
      }
      const email = normalizeEmail(body.email);
      checkNewPassword(body.password, email, 'password');
      // Repeats sent while the first is being done share its outcome: one hash, one user, one mail
      // (or one 429). Marked in flight before anything is awaited, so repeats cannot slip past.
      const inFlight = services.registrationsInFlight.get(email);
      if (inFlight) {
        await inFlight;
        return { message: REGISTERED_MESSAGE };
      }
      const clientKey = clientAddress(context, config.trustProxy) ?? 'unknown';
      const limiters = services.registrationLimiters;
      const work = (async () => {
        // The same for a taken address as for a new one, so the 429 tells nothing about accounts.
        const wait = await consumeAll([
          [limiters.client, clientKey],
          [limiters.account, email],
        ]);
        if (wait > 0) {
          throw new ServerError('rate_limited', `Too many registrations: try again in ${wait} seconds`, {
            headers: { 'retry-after': String(wait) },
          });
        }
        await registerAccount(services, {
          email,
          password: body.password,
          displayName: body.display_name ?? null,
          requestId: requestIdOf(context),
        });
      })();
      services.registrationsInFlight.set(email, work);
      try {
        await work;
      } finally {
        services.registrationsInFlight.delete(email);
      }
      return { message: REGISTERED_MESSAGE };
    },

    async login({ body, context }) {
      const email = normalizeEmail(body.email);
      const clientKey = clientAddress(context, config.trustProxy) ?? 'unknown';
      // Counted as a failure before the password is checked, in one atomic step per limit (shared
      // by every instance): guesses sent at once cannot all pass while the first is being hashed.
      // A success gives it back.
      const wait = await consumeAll([
        [services.loginLimiters.account, email],
        [services.loginLimiters.client, clientKey],
      ]);
      if (wait > 0) {
        throw new ServerError('rate_limited', `Too many failed sign-in attempts: try again in ${wait} seconds`, {
          headers: { 'retry-after': String(wait) },
        });
      }
      const user = await repositories.users.get(email);
      // An unknown email costs the same scrypt work as a wrong password, and answers the same.
      const valid = user ? await hasher.verify(body.password, user.password_hash) : await hasher.verifyDummy(body.password);
      if (!user || !valid) throw new ServerError('unauthorized', INVALID_CREDENTIALS);
      await Promise.all([services.loginLimiters.account.reset(email), services.loginLimiters.client.release(clientKey)]);
      let current = user;
      if (hasher.needsRehash(user.password_hash)) {
        current = await updateUser(services, user, { password_hash: await hasher.hash(body.password) });
      }
      current = await repositories.users.recordLogin(email, new Date(clock()));
      await reconcileAllowance(services, email);
      // Session fixation: whatever session the client came with ends here.
      await services.sessions.endPresented(context);
      const { token, session } = await services.sessions.start(current, body.client, context.req.header('user-agent'));
      if (body.client === 'web') services.sessions.setCookie(context, token);
      return {
        user: toPublicUser(current),
        token: body.client === 'mobile' ? token : null,
        expires_at: new Date(session.expires_at * 1000).toISOString(),
      };
    },

    async logout({ caller, context }) {
      await repositories.sessions.delete(caller.session.session_id);
      services.sessions.clearCookie(context);
      return { ok: true as const };
    },

    async me({ caller }) {
      return { user: toPublicUser(caller.user) };
    },

    async updateProfile({ body, caller }) {
      const change = {
        ...(body.display_name !== undefined ? { display_name: body.display_name } : {}),
        ...(body.preferences ? { preferences: body.preferences } : {}),
      };
      return { user: toPublicUser(await updateUser(services, caller.user, change)) };
    },

    // Like `me`, but a signed-out caller is an answer, not an error: a page asks at every load.
    async session({ context }) {
      const caller = await services.sessions.authenticate(context);
      return { user: caller ? toPublicUser(caller.user) : null };
    },

    async verifyEmail({ body }) {
      const user = await redeemEmailToken(services, body.token, 'email_verification');
      if (!user.email_verified) await updateUser(services, user, { email_verified: true });
      return { ok: true as const };
    },

    async resendVerification({ caller, context }) {
      if (caller.user.email_verified) return { message: 'Your email address is already confirmed.' };
      const wait = await services.emailLimiter.consume(`verify:${caller.user.email}`);
      if (wait > 0) {
        throw new ServerError('rate_limited', `Too many emails asked for: try again in ${wait} seconds`, {
          headers: { 'retry-after': String(wait) },
        });
      }
      await services.mail.enqueue(
        { kind: 'verification', recipient: caller.user.email, payload: { user_id: caller.user.user_id } },
        { requestId: requestIdOf(context) },
      );
      return { message: 'A new confirmation link is on its way.' };
    },

    async requestPasswordReset({ body, context }) {
      const email = normalizeEmail(body.email);
      // Answered before the account is even looked up: known and unknown addresses do the same
      // work before the answer (one outbox write), so its timing tells nothing. The sender looks
      // the account up and counts the address's limit.
      await services.mail.enqueue({ kind: 'password_reset', recipient: email, payload: {} }, { requestId: requestIdOf(context) });
      return { message: RESET_REQUESTED_MESSAGE };
    },

    async confirmPasswordReset({ body }) {
      const user = await redeemEmailToken(services, body.token, 'password_reset', (owner) =>
        checkNewPassword(body.password, owner.email, 'password'),
      );
      // Following the emailed link proves the address too.
      await updateUser(services, user, { password_hash: await hasher.hash(body.password), email_verified: true });
      await endOtherSessions(services, user.email, undefined);
      await services.loginLimiters.account.reset(user.email);
      return { ok: true as const };
    },

    async changePassword({ body, caller }) {
      const { user, session } = caller;
      const account = services.loginLimiters.account;
      // Counted before checking, like a sign-in, so that guesses sent at once cannot pass together.
      const wait = await account.consume(user.email);
      if (wait > 0) {
        throw new ServerError('rate_limited', `Too many wrong passwords: try again in ${wait} seconds`, {
          headers: { 'retry-after': String(wait) },
        });
      }
      if (!(await hasher.verify(body.current_password, user.password_hash))) {
        throw fieldError('current_password', 'is incorrect', 'The current password is incorrect');
      }
      await account.release(user.email);
      checkNewPassword(body.new_password, user.email, 'new_password');
      await updateUser(services, user, { password_hash: await hasher.hash(body.new_password) });
      await endOtherSessions(services, user.email, session.session_id);
      return { ok: true as const };
    },
  };
}
