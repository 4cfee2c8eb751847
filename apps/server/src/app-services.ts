import type { Repositories } from '@ielts-genai-prep/dal-dynamodb';
import type { ServerConfig } from './config.js';
import type { Evaluators } from './evaluators.js';
import type { Logger } from './logger.js';
import type { MailOutbox } from './mail-outbox.js';
import type { PasswordHasher } from './password-hasher.js';
import type { RateLimiter } from './rate-limiter.js';
import type { RecaptchaVerifier } from './recaptcha-verifier.js';
import type { SessionAuth } from './session-auth.js';

/** What every handler may read: the settings, the tables, the time and where to log. */
export interface BaseServices {
  config: ServerConfig;
  repositories: Repositories;
  /** The clock, in milliseconds since the epoch. */
  clock: () => number;
  logger: Logger;
}

/** Accounts: passwords, sessions, bot checks and the limits on sign-ins, registrations and emails. */
export interface AccountServices {
  hasher: PasswordHasher;
  recaptcha: RecaptchaVerifier;
  sessions: SessionAuth;
  loginLimiters: { account: RateLimiter; client: RateLimiter };
  /** Registrations started per client address, and per email address. */
  registrationLimiters: { client: RateLimiter; account: RateLimiter };
  /** The registration being done for each address: repeats sent meanwhile share its outcome. */
  registrationsInFlight: Map<string, Promise<void>>;
  /** Limits the emails one address can be sent on request (verification resends, reset links). */
  emailLimiter: RateLimiter;
}

/** Mail. */
export interface MailServices {
  /** Where requests put their mail (the outbox table): sent by the mail sender, never awaited by a request. */
  mail: MailOutbox;
}

/** Scoring: the evaluators. */
export interface ScoringServices {
  evaluators: Evaluators;
}

/** Submissions that carry an idempotency key. */
export interface IdempotencyServices {
  /** The first request of each idempotency key being processed here: retries wait for it. */
  idempotentInFlight: Map<string, Promise<unknown>>;
}

/** Everything the app builds once, by concern; each handler takes only the concerns it uses. */
export type AppServices = BaseServices & AccountServices & MailServices & ScoringServices & IdempotencyServices;
