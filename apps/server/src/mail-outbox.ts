import { DalError, type OutboxRepository } from '@ielts-genai-prep/dal-dynamodb';
import type { Logger } from './logger.js';
import type { MailIntent } from './mail-composer.js';

/**
 * How long a held message waits for its request to release it. Longer than any write it waits
 * for (a repository call gives up after 15 s by default), so a live request always releases its
 * message first; after it, the message of a request that died is due and composed from what was
 * stored (or skipped when nothing was).
 */
export const MAIL_HOLD_SECONDS = 60;

/** A message held until the write that causes it is done. */
export interface HeldMail {
  /** Makes the message due now. Never throws: a message not released falls due when its hold ends. */
  release(): Promise<void>;
}

/** Where requests put their mail: the outbox table; no request waits for the mail service. */
export interface MailOutbox {
  /**
   * Writes a message before its cause (no transactions on the embedded store): held, so no
   * sender composes it before the cause is written; {@link HeldMail.release} it after the write.
   * A fixed `messageId` makes it once per cause (a result notice per assessment): a second hold
   * of the id holds nothing new and releases the first.
   */
  hold(intent: MailIntent, options?: { requestId?: string; messageId?: string }): Promise<HeldMail>;
  /** Writes a message due now: its cause is the request itself, or was written before. */
  enqueue(intent: MailIntent, options?: { requestId?: string }): Promise<void>;
}

/** Options for {@link createMailOutbox}. */
export interface MailOutboxOptions {
  outbox: OutboxRepository;
  logger: Logger;
  /** The clock, in milliseconds since the epoch. */
  clock: () => number;
  /** Called when a message is due, e.g. to wake the in-process sender. Default: nothing. */
  onDue?: () => void;
}

/** Creates the {@link MailOutbox}. */
export function createMailOutbox(options: MailOutboxOptions): MailOutbox {
  const { outbox, logger, clock } = options;
  const due = () => options.onDue?.();
  return {
    async hold(intent, holdOptions = {}) {
      const now = clock();
      let messageId = holdOptions.messageId;
      try {
        const held = await outbox.enqueue(
          { ...intent, ...(messageId ? { message_id: messageId } : {}), request_id: holdOptions.requestId ?? null },
          { now: new Date(now), availableAt: new Date(now + MAIL_HOLD_SECONDS * 1000) },
        );
        messageId = held.message_id;
      } catch (error) {
        // The same cause held before (a retried request): that message is the one to release.
        if (!(messageId && DalError.isInstance(error, 'duplicate'))) throw error;
      }
      const id = messageId;
      return {
        async release() {
          try {
            await outbox.release(id, { now: new Date(clock()) });
            due();
          } catch (error) {
            logger.warn('mail not released: it is sent when its hold ends', {
              message_id: id,
              request_id: holdOptions.requestId,
              error: error instanceof Error ? error.message : String(error),
            });
          }
        },
      };
    },

    async enqueue(intent, enqueueOptions = {}) {
      await outbox.enqueue({ ...intent, request_id: enqueueOptions.requestId ?? null }, { now: new Date(clock()) });
      due();
    },
  };
}
