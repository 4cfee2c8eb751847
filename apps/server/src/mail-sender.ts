import { randomUUID } from 'node:crypto';
import { DalError, type OutboxClaim, type OutboxRepository, type Repositories } from '@ielts-genai-prep/dal-dynamodb';
import type { Logger } from './logger.js';
import type { ServerConfig } from './config.js';
import { createEmailLimiter, createMailComposer, type MailComposer } from './mail-composer.js';
import { createEmbeddedMetricMailMetrics, type MailMetrics } from './mail-metrics.js';
import type { Mailer } from './mailer.js';

/** What one {@link MailSender.drain} did, message by message. */
export interface DrainReport {
  /** Mail the mailer accepted. */
  sent: number;
  /** Messages with nothing to send (see {@link MailComposer}). */
  skipped: number;
  /** Failed attempts that will be tried again. */
  retried: number;
  /** Messages given up on after their last attempt. */
  dead: number;
}

/** Sends the outbox's due messages. */
export interface MailSender {
  /**
   * Claims due messages (first `messageIds`, e.g. those of a stream's records) and sends them,
   * batch after batch until none is due or `maxBatches` have gone. Never throws for a message:
   * each failure is recorded on it; a DynamoDB failure to claim is thrown.
   */
  drain(options?: { messageIds?: readonly string[]; maxBatches?: number }): Promise<DrainReport>;
}

/** Options for {@link createMailSender}. */
export interface MailSenderOptions {
  outbox: OutboxRepository;
  mailer: Mailer;
  compose: MailComposer;
  logger: Logger;
  /** Where a dead message is counted for the alarm on dead mail. Default: Embedded Metric Format lines on standard output. */
  metrics?: MailMetrics;
  /** The clock, in milliseconds since the epoch. Default `Date.now`. */
  clock?: () => number;
  /** Names this sender on the messages it leases. Default: a random id. */
  owner?: string;
  /** How long a claimed message is this sender's alone: well above the mailer's timeout (10 s for SES). Default 60. */
  leaseSeconds?: number;
  /** Attempts before a message is dead. Default 10 (with the default backoff, two to four hours of an outage). */
  maxAttempts?: number;
  /** The wait before the next attempt: `base · 2^(attempt − 1)`, capped, half of it random. Defaults 60 s and 1 h. */
  backoff?: { baseDelayMs?: number; maxDelayMs?: number };
  /** A number in [0, 1) for the backoff's jitter. Default `Math.random` (tests pass a fixed one). */
  random?: () => number;
  /** Messages claimed at once. Default 10. */
  batchSize?: number;
}

/**
 * The wait after failed attempt number `attempt` (1 for the first): exponential, capped, and half
 * of it random ("equal jitter"), so senders retrying after one outage do not all retry together,
 * and no retry comes so soon that an outage uses up the attempts in minutes.
 */
export function retryDelayMs(attempt: number, backoff: { baseDelayMs: number; maxDelayMs: number }, random: () => number): number {
  const ceiling = Math.min(backoff.maxDelayMs, backoff.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

const errorText = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/** Creates the {@link MailSender}: the same one runs in the Node process and as the Lambda stream handler. */
export function createMailSender(options: MailSenderOptions): MailSender {
  const { outbox, mailer, compose, logger } = options;
  const clock = options.clock ?? Date.now;
  const now = () => new Date(clock());
  const metrics = options.metrics ?? createEmbeddedMetricMailMetrics({ clock });
  const owner = options.owner ?? `sender-${randomUUID()}`;
  const leaseSeconds = options.leaseSeconds ?? 60;
  const maxAttempts = options.maxAttempts ?? 10;
  const backoff = { baseDelayMs: options.backoff?.baseDelayMs ?? 60_000, maxDelayMs: options.backoff?.maxDelayMs ?? 3_600_000 };
  const random = options.random ?? Math.random;
  const batchSize = options.batchSize ?? 10;

  const settle = async (claim: OutboxClaim, report: DrainReport): Promise<void> => {
    const { message } = claim;
    const fields = { message_id: message.message_id, request_id: message.request_id, kind: message.kind, attempt: message.attempts };
    try {
      let mail: Awaited<ReturnType<MailComposer>>;
      try {
        mail = await compose(message);
        if (mail) await mailer.send(mail);
      } catch (error) {
        if (message.attempts >= maxAttempts) {
          await outbox.markDead(claim, { error: errorText(error), now: now() });
          report.dead += 1;
          // The one line an operator needs: which mail, caused by which request, and why.
          logger.error('mail dead: given up after its last attempt', { ...fields, error: errorText(error) });
          metrics.deadMail({ message_id: message.message_id, kind: message.kind, request_id: message.request_id });
        } else {
          const retryAt = new Date(clock() + retryDelayMs(message.attempts, backoff, random));
          await outbox.recordFailure(claim, { error: errorText(error), retryAt, now: now() });
          report.retried += 1;
          logger.warn('mail not sent: tried again later', { ...fields, retry_at: retryAt.toISOString(), error: errorText(error) });
        }
        return;
      }
      await outbox.markSent(claim, { skipped: mail === undefined, now: now() });
      if (mail) report.sent += 1;
      else report.skipped += 1;
    } catch (error) {
      // The lease ended before this sender settled the message (it stalled), or DynamoDB failed:
      // the message is due again for any sender when its lease ends.
      logger.error(DalError.isInstance(error, 'conflict') ? 'mail lease lost: it may be sent twice' : 'mail outcome not recorded', {
        ...fields,
        error: errorText(error),
      });
    }
  };

  return {
    async drain(drainOptions = {}) {
      const report: DrainReport = { sent: 0, skipped: 0, retried: 0, dead: 0 };
      const maxBatches = drainOptions.maxBatches ?? 10;
      let messageIds = drainOptions.messageIds;
      for (let batch = 0; batch < maxBatches; batch++) {
        const claims = await outbox.claimDue({
          owner,
          leaseSeconds,
          limit: batchSize,
          now: now(),
          ...(messageIds ? { messageIds } : {}),
        });
        messageIds = undefined;
        if (claims.length === 0) break;
        await Promise.all(claims.map((claim) => settle(claim, report)));
      }
      return report;
    },
  };
}

/** Options for {@link createOutboxMailSender}. */
export interface OutboxMailSenderOptions extends Omit<MailSenderOptions, 'outbox' | 'compose'> {
  /** The server's repositories: the outbox, and what mail is composed from. */
  repositories: Repositories;
  config: Pick<ServerConfig, 'publicUrl' | 'tokens' | 'lambdaFunctionName'>;
}

/** The server's {@link MailSender}: the outbox of `repositories`, its mail composed from the same tables. */
export function createOutboxMailSender(options: OutboxMailSenderOptions): MailSender {
  const clock = options.clock ?? Date.now;
  const { repositories, config, ...senderOptions } = options;
  return createMailSender({
    ...senderOptions,
    clock,
    metrics: senderOptions.metrics ?? createEmbeddedMetricMailMetrics({ clock, functionName: config.lambdaFunctionName }),
    outbox: repositories.outbox,
    compose: createMailComposer({ repositories, config, clock, emailLimiter: createEmailLimiter(repositories.rateLimits, clock) }),
  });
}
