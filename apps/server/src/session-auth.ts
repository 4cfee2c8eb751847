import type { Session, User } from '@ielts-genai-prep/core';
import type { Repositories } from '@ielts-genai-prep/dal-dynamodb';
import type { Context } from 'hono';
import { generateCookie, getCookie } from 'hono/cookie';
import type { AppEnv } from './app-env.js';
import type { ServerConfig } from './config.js';
import type { Caller } from './contract-router.js';
import { addResponseCookie } from './response-headers.js';
import { createSecretToken, hashSecretToken } from './secret-tokens.js';

/** The session cookie's name: `__Host-` (host-only, Secure, path /) when the cookie is Secure. */
export function sessionCookieName(config: Pick<ServerConfig, 'cookie'>): string {
  return config.cookie.secure ? '__Host-ielts_session' : 'ielts_session';
}

// A session's idle expiry moves at most once a minute, so reads do not each cost a write.
const TOUCH_INTERVAL_SECONDS = 60;

/** Options for {@link createSessionAuth}. */
export interface SessionAuthOptions {
  config: ServerConfig;
  repositories: Repositories;
  /** The clock, in milliseconds since the epoch. */
  clock: () => number;
}

/** Creates, finds and ends login sessions. */
export interface SessionAuth {
  /** Starts a session for the user; returns the token (to hand to the client once) and the session. */
  start(user: User, client: 'web' | 'mobile', userAgent: string | undefined): Promise<{ token: string; session: Session }>;
  /** The caller of a request: a bearer token, else the session cookie. */
  authenticate(context: Context): Promise<Caller | undefined>;
  /** Sets the session cookie on the response. */
  setCookie(context: Context<AppEnv>, token: string): void;
  /** Clears the session cookie. */
  clearCookie(context: Context<AppEnv>): void;
  /**
   * Ends the session whose token the request presents (cookie or bearer), whoever it belongs
   * to: a new sign-in must not leave a planted or stale session alive. A no-op without one.
   */
  endPresented(context: Context): Promise<void>;
}

/** Creates {@link SessionAuth}: 256-bit tokens, only their SHA-256 stored, idle and absolute expiry. */
export function createSessionAuth(options: SessionAuthOptions): SessionAuth {
  const { config, repositories, clock } = options;
  const cookieName = sessionCookieName(config);
  const nowSeconds = () => Math.floor(clock() / 1000);

  const tokenOf = (context: Context): string | undefined => {
    const authorization = context.req.header('authorization');
    if (authorization) {
      const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/i.exec(authorization.trim());
      return match?.[1];
    }
    const cookie = getCookie(context, cookieName);
    return cookie && /^[A-Za-z0-9_-]{20,200}$/.test(cookie) ? cookie : undefined;
  };

  return {
    async start(user, client, userAgent) {
      const token = createSecretToken();
      const at = nowSeconds();
      const session = await repositories.sessions.create({
        session_id: hashSecretToken(token, 'session'),
        user_email: user.email,
        user_id: user.user_id,
        created_at: new Date(clock()).toISOString(),
        expires_at: at + config.session.idleTtlSeconds,
        absolute_expires_at: at + config.session.absoluteTtlSeconds,
        last_seen_at: at,
        client,
        user_agent: userAgent ? userAgent.slice(0, 512) : null,
      });
      return { token, session };
    },

    async endPresented(context) {
      const token = tokenOf(context);
      if (token) await repositories.sessions.delete(hashSecretToken(token, 'session'));
    },

    async authenticate(context) {
      const token = tokenOf(context);
      if (!token) return undefined;
      const sessionId = hashSecretToken(token, 'session');
      let session = await repositories.sessions.get(sessionId);
      if (!session) return undefined;
      const at = nowSeconds();
      // The repository drops expired sessions on read; checked again here with the server's clock.
      if (session.expires_at <= at || session.absolute_expires_at <= at) return undefined;
      if (at - session.last_seen_at >= TOUCH_INTERVAL_SECONDS) {
        const expiresAt = Math.min(at + config.session.idleTtlSeconds, session.absolute_expires_at);
        session = await repositories.sessions.touch(sessionId, { expiresAt });
        if (!session) return undefined;
      }
      const account = await repositories.users.getWithAllowanceUsage(session.user_email);
      if (!account || account.user.user_id !== session.user_id) return undefined;
      return { ...account, session };
    },

    setCookie(context, token) {
      addResponseCookie(
        context,
        generateCookie(cookieName, token, {
          httpOnly: true,
          secure: config.cookie.secure,
          sameSite: 'Lax',
          path: '/',
          maxAge: config.session.absoluteTtlSeconds,
        }),
      );
    },

    clearCookie(context) {
      addResponseCookie(
        context,
        generateCookie(cookieName, '', { path: '/', secure: config.cookie.secure, httpOnly: true, sameSite: 'Lax', maxAge: 0 }),
      );
    },
  };
}
