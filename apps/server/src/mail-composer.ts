import type { OutboxMessage, Repositories } from '@ielts-genai-prep/dal-dynamodb';
import * as z from 'zod';
import type { ServerConfig } from './config.js';
import { alreadyRegisteredEmail, passwordResetEmail, resultsEmail, verificationEmail } from './email-messages.js';
import { issueEmailToken } from './email-tokens.js';
import type { EmailMessage } from './mailer.js';
import { createRateLimiter, type RateLimiter } from './rate-limiter.js';

/**
 * What the server puts in the outbox: which mail, to whom, and the ids it is composed from when
 * it is sent (never the mail, so no link with a live token waits in the table).
 */
export const mailIntentSchema = z.discriminatedUnion('kind', [
  /** A registration: the account of `user_id` was being written for `recipient`. */
  z.object({ kind: z.literal('registration'), recipient: z.string(), payload: z.object({ user_id: z.string() }) }),
  /** A new confirmation link asked for by a signed-in user. */
  z.object({ kind: z.literal('verification'), recipient: z.string(), payload: z.object({ user_id: z.string() }) }),
  /** A password reset asked for (the account may not exist: the request answers the same). */
  z.object({ kind: z.literal('password_reset'), recipient: z.string(), payload: z.object({}) }),
  /** A scored assessment's results notice. */
  z.object({ kind: z.literal('result'), recipient: z.string(), payload: z.object({ assessment_id: z.string() }) }),
]);

/** One of {@link mailIntentSchema}. */
export type MailIntent = z.infer<typeof mailIntentSchema>;

/**
 * Limits the emails one address can be sent on request (verification resends, reset links,
 * notices of a repeated registration): five an hour, enough for a person, too few to flood an
 * inbox. Counted in the rate limits table, so every instance and sender shares the count.
 */
export function createEmailLimiter(counters: Repositories['rateLimits'], clock: () => number): RateLimiter {
  return createRateLimiter({ counters, name: 'email', maxFailures: 5, windowSeconds: 3600, clock });
}

/** What composing needs. */
export interface MailComposerOptions {
  repositories: Pick<Repositories, 'users' | 'sessions' | 'assessments'>;
  config: Pick<ServerConfig, 'publicUrl' | 'tokens'>;
  emailLimiter: RateLimiter;
  /** The clock, in milliseconds since the epoch. */
  clock: () => number;
}

/**
 * Composes the mail of an outbox message from what is stored now, or answers undefined when there
 * is nothing to send: the cause was never written (a held message whose request died), the
 * address is confirmed already, notices are off, or the address had its five emails this hour.
 * The per-address limit is counted at a message's first attempt only, so retries are not refused
 * by their own earlier counts. A verification or reset token is issued at every attempt (only its
 * hash is stored; the unused ones expire).
 */
export type MailComposer = (message: OutboxMessage) => Promise<EmailMessage | undefined>;

/** Creates the {@link MailComposer}. */
export function createMailComposer(options: MailComposerOptions): MailComposer {
  const { repositories, config, emailLimiter } = options;
  const withinLimit = async (message: OutboxMessage, key: string) => message.attempts > 1 || (await emailLimiter.consume(key)) === 0;
  const verification = async (email: string, userId: string): Promise<EmailMessage | undefined> => {
    const user = await repositories.users.get(email);
    if (!user || user.user_id !== userId || user.email_verified) return undefined;
    const token = await issueEmailToken(options, user, 'email_verification');
    return verificationEmail(user.email, config.publicUrl, token, Math.round(config.tokens.verificationTtlSeconds / 3600));
  };

  return async (message) => {
    const intent = mailIntentSchema.parse({ kind: message.kind, recipient: message.recipient, payload: message.payload });
    switch (intent.kind) {
      case 'verification':
        return verification(intent.recipient, intent.payload.user_id);
      case 'registration': {
        const user = await repositories.users.get(intent.recipient);
        // The account was never written: the request died between holding this and the write.
        if (!user) return undefined;
        if (user.user_id === intent.payload.user_id) return verification(intent.recipient, intent.payload.user_id);
        // The address was taken: tell its owner, unless repeated attempts would flood their inbox.
        if (!(await withinLimit(message, `registered:${intent.recipient}`))) return undefined;
        return alreadyRegisteredEmail(intent.recipient, config.publicUrl);
      }
      case 'password_reset': {
        const user = await repositories.users.get(intent.recipient);
        // Past the limit the request's answer stays the same, but no more mail goes out.
        if (!user || !(await withinLimit(message, `reset:${intent.recipient}`))) return undefined;
        const token = await issueEmailToken(options, user, 'password_reset');
        return passwordResetEmail(user.email, config.publicUrl, token, Math.round(config.tokens.resetTtlSeconds / 60));
      }
      case 'result': {
        const assessment = await repositories.assessments.get(intent.payload.assessment_id);
        if (!assessment?.completed || assessment.user_email !== intent.recipient) return undefined;
        const user = await repositories.users.get(intent.recipient);
        if (!user?.preferences.email_notifications) return undefined;
        return resultsEmail(user.email, config.publicUrl, assessment);
      }
    }
  };
}
