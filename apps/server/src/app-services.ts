import type { Repositories } from '@ielts-genai-prep/dal-dynamodb';
import type { ServerConfig } from './config.js';
import type { Evaluators } from './evaluators.js';
import type { Logger } from './logger.js';
import type { MailOutbox } from './mail-outbox.js';
import type { PasswordHasher } from './password-hasher.js';
import type { RateLimiter } from './rate-limiter.js';
import type { RecaptchaVerifier } from './recaptcha-verifier.js';
import type { SessionAuth } from './session-auth.js';

// The mail files still import the logger's type from here.
export type { Logger } from './logger.js';

/** Everything the route handlers share. */
export interface AppServices {
  config: ServerConfig;
  repositories: Repositories;
  evaluators: Evaluators;
  clock: () => Date;
  hasher: PasswordHasher;
  recaptcha: RecaptchaVerifier;
  sessions: SessionAuth;
  loginLimiters: { account: RateLimiter; client: RateLimiter };
  /** Registrations started per client address, and per email address. */
  registrationLimiters: { client: RateLimiter; account: RateLimiter };
  /** The registration being done for each address: repeats sent meanwhile share its outcome. */
  registrationsInFlight: Map<string, Promise<void>>;
  /** The first request of each idempotency key being processed here: retries wait for it. */
  idempotentInFlight: Map<string, Promise<unknown>>;
  /** Limits the emails one address can be sent on request (verification resends, reset links). */
  emailLimiter: RateLimiter;
  logger: Logger;
  /** Where requests put their mail (the outbox table): sent by the mail sender, never awaited by a request. */
  mail: MailOutbox;
}
