import type { User } from '@ielts-genai-prep/core';
import type { Repositories } from '@ielts-genai-prep/dal-dynamodb';
import type { ServerConfig } from './config.js';
import { createSecretToken, hashSecretToken, type TokenPurpose } from './secret-tokens.js';

/** What issuing an emailed token needs. */
export interface EmailTokenServices {
  repositories: Pick<Repositories, 'sessions'>;
  config: Pick<ServerConfig, 'tokens'>;
  /** The clock, in milliseconds since the epoch. */
  clock: () => number;
}

/**
 * Issues a single-use emailed token (verification or reset) and returns it: stored as a
 * session-shaped item of the sessions table (TTL, per-user index), keyed by a hash that differs
 * per purpose, so it can never be used as a login session. Only the hash is stored.
 */
export async function issueEmailToken(
  services: EmailTokenServices,
  user: User,
  purpose: Exclude<TokenPurpose, 'session'>,
): Promise<string> {
  const token = createSecretToken();
  const now = services.clock();
  const at = Math.floor(now / 1000);
  const ttl = purpose === 'email_verification' ? services.config.tokens.verificationTtlSeconds : services.config.tokens.resetTtlSeconds;
  await services.repositories.sessions.create({
    session_id: hashSecretToken(token, purpose),
    user_email: user.email,
    user_id: user.user_id,
    created_at: new Date(now).toISOString(),
    expires_at: at + ttl,
    absolute_expires_at: at + ttl,
    last_seen_at: at,
    client: 'web',
    user_agent: null,
  });
  return token;
}
