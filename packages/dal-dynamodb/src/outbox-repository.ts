import { randomUUID } from 'node:crypto';
import type { GetCommandInput, PutCommandInput, QueryCommandInput, UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { emailSchema, identifierSchema, isoDateTimeSchema, normalizeEmail } from '@ielts-genai-prep/core';
import * as z from 'zod';
import { buildPutIfAbsentRequest, conditionHeld, unlessConditionFails } from './conditional-writes.js';
import { DalError } from './errors.js';
import { createExpressionBuilder } from './expressions.js';
import { buildIndexQuery } from './index-query.js';
import { bindRepositoryCalls, type RepositoryOptions, dateClock } from './request-sender.js';
import { parseInput, parseStoredItem } from './schema-boundary.js';
import { OUTBOX_STATUS_INDEX, resolveTableNames } from './table-definitions.js';

// The outbox holds what to send, not the mail itself: a kind, a recipient and a small payload
// (ids), from which the sender composes the mail when it sends it. So no emailed secret (a
// reset link) is ever at rest here, and a mail always reflects the state at sending time.
//
// No transactions (dynalite has none): a message is enqueued *before* the write that causes it,
// held (not due) until the caller has made that write and releases it. A crash in between leaves a
// held message, which becomes due when its hold ends; the sender then finds the cause written or
// not, and sends or skips. Nothing is lost, and nothing is sent for a write that never happened.

/** The partition key of the outbox table. */
export const OUTBOX_KEY_ATTRIBUTE = 'message_id';

/** Where a message is: waiting to be sent (held, due, or leased to a sender), sent (or skipped), or given up. */
export const OUTBOX_STATUSES = ['pending', 'sent', 'dead'] as const;

/** One of {@link OUTBOX_STATUSES}. */
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** Most bytes of a failure's text kept on a message; the rest is cut. */
const MAX_ERROR_LENGTH = 1000;

const payloadSchema = z
  .record(
    z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be a snake_case name'),
    z.union([z.string().max(1024), z.number(), z.boolean(), z.null()]),
  )
  .refine((payload) => Object.keys(payload).length <= 20, 'at most 20 fields');

/** What {@link OutboxRepository.enqueue} takes. */
export const outboxMessageInputSchema = z.strictObject({
  /** Unique id; a random UUID when absent. */
  message_id: identifierSchema.optional(),
  /** What to send, in the sender's terms, e.g. `password_reset`. */
  kind: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be a snake_case name of 1–64 characters'),
  /** The address it goes to (lowercased). */
  recipient: emailSchema,
  /** Small scalar facts the sender composes the mail from (ids, not secrets). */
  payload: payloadSchema.default({}),
  /** The request that caused it, for the logs. */
  request_id: z.string().max(128).nullable().default(null),
});

/** Input of {@link OutboxRepository.enqueue}. */
export type OutboxMessageInput = z.input<typeof outboxMessageInputSchema>;

const outboxItemSchema = z.object({
  message_id: identifierSchema,
  kind: z.string(),
  recipient: z.string(),
  payload: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  request_id: z.string().nullable(),
  created_at: isoDateTimeSchema,
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.int().min(0),
  next_attempt_at: z.int().min(0),
  last_error: z.string().nullable().default(null),
  sent_at: isoDateTimeSchema.nullable().default(null),
  skipped: z.boolean().default(false),
  dead_at: isoDateTimeSchema.nullable().default(null),
  lease_id: z.string().optional(),
  lease_owner: z.string().optional(),
  expires_at: z.int().optional(),
});

/** A message as stored. */
export interface OutboxMessage {
  message_id: string;
  kind: string;
  recipient: string;
  payload: Record<string, string | number | boolean | null>;
  request_id: string | null;
  created_at: string;
  status: OutboxStatus;
  /** Sending attempts so far (a claim counts one). */
  attempts: number;
  /** Epoch milliseconds: when it is due (pending), or when it was sent or given up. */
  next_attempt_at: number;
  /** The last failure's text. */
  last_error: string | null;
  sent_at: string | null;
  /** Sent with nothing to send: the sender found no mail to compose (e.g. the cause was never written). */
  skipped: boolean;
  dead_at: string | null;
}

/** A message leased to one sender by {@link OutboxRepository.claimDue}: only this lease can settle it. */
export interface OutboxClaim {
  message: OutboxMessage;
  /** The lease's id; {@link OutboxRepository.markSent} and the others need it. */
  lease_id: string;
  /** When the lease ends and the message is due again for any sender. */
  lease_ends_at: Date;
}

/** Options for {@link OutboxRepository.claimDue}. */
export interface ClaimDueOptions {
  /** Who claims (an instance id, for the logs and the item). */
  owner: string;
  /** How long the claimer has to settle each message before another may claim it: a whole number ≥ 1. Keep it well above a send's timeout. */
  leaseSeconds: number;
  /** Most messages to claim from the index. Default 10 (1–100). */
  limit?: number;
  /** Ids to try first (e.g. from a stream record), claimed by key without waiting for the index. */
  messageIds?: readonly string[];
  /** The time. Default: the repository's clock. */
  now?: Date;
}

/** The item as the public {@link OutboxMessage}: the lease and TTL fields stay inside. */
function toMessage(item: z.output<typeof outboxItemSchema>): OutboxMessage {
  const { lease_id: _leaseId, lease_owner: _leaseOwner, expires_at: _expiresAt, ...message } = item;
  return message;
}

/** PutItem of a new message; the condition refuses a `message_id` already used. Pure. */
export function buildEnqueueOutboxRequest(tableName: string, item: Record<string, unknown>): PutCommandInput {
  return buildPutIfAbsentRequest(tableName, item, OUTBOX_KEY_ATTRIBUTE);
}

/** UpdateItem making a held message due at `nowMs`: only while pending, never tried, and not due yet. Pure. */
export function buildReleaseOutboxRequest(tableName: string, messageId: string, nowMs: number): UpdateCommandInput {
  const builder = createExpressionBuilder();
  const due = builder.name('next_attempt_at');
  return {
    TableName: tableName,
    Key: { [OUTBOX_KEY_ATTRIBUTE]: messageId },
    UpdateExpression: `SET ${due} = ${builder.value(nowMs)}`,
    ConditionExpression: `${builder.name('status')} = ${builder.value('pending')} AND ${builder.name('attempts')} = ${builder.value(0)} AND ${due} > ${builder.value(nowMs)}`,
    ...builder.attributes(),
  };
}

/** Query of pending messages due at `nowMs`, oldest due first, through the status index. Pure. */
export function buildDueOutboxQuery(tableName: string, nowMs: number, limit: number): QueryCommandInput {
  const builder = createExpressionBuilder();
  return {
    TableName: tableName,
    IndexName: OUTBOX_STATUS_INDEX,
    KeyConditionExpression: `${builder.name('status')} = ${builder.value('pending')} AND ${builder.name('next_attempt_at')} <= ${builder.value(nowMs)}`,
    ScanIndexForward: true,
    Limit: limit,
    ...builder.attributes(),
  };
}

/**
 * UpdateItem leasing a due message: counts an attempt and moves `next_attempt_at` to the lease's
 * end, only while it is pending and due. Of senders racing for one message exactly one passes
 * the condition; the others fail it. A sender that dies leaves it due again at the lease's end. Pure.
 */
export function buildClaimOutboxRequest(
  tableName: string,
  messageId: string,
  lease: { leaseId: string; owner: string; nowMs: number; endsAtMs: number },
): UpdateCommandInput {
  const builder = createExpressionBuilder();
  const due = builder.name('next_attempt_at');
  const attempts = builder.name('attempts');
  return {
    TableName: tableName,
    Key: { [OUTBOX_KEY_ATTRIBUTE]: messageId },
    UpdateExpression:
      `SET ${due} = ${builder.value(lease.endsAtMs)}, ${attempts} = ${attempts} + ${builder.value(1)}, ` +
      `${builder.name('lease_id')} = ${builder.value(lease.leaseId)}, ${builder.name('lease_owner')} = ${builder.value(lease.owner)}`,
    ConditionExpression: `${builder.name('status')} = ${builder.value('pending')} AND ${due} <= ${builder.value(lease.nowMs)}`,
    ReturnValues: 'ALL_NEW',
    ...builder.attributes(),
  };
}

/**
 * UpdateItem settling a leased message: `set` applied only while `leaseId` still
 * holds it (pending, not claimed again after its lease ended). The lease is removed. Pure.
 */
export function buildSettleOutboxRequest(
  tableName: string,
  messageId: string,
  leaseId: string,
  set: Record<string, unknown>,
): UpdateCommandInput {
  const builder = createExpressionBuilder();
  const assignments = Object.entries(set).map(([attribute, value]) => `${builder.name(attribute)} = ${builder.value(value)}`);
  const lease = builder.name('lease_id');
  return {
    TableName: tableName,
    Key: { [OUTBOX_KEY_ATTRIBUTE]: messageId },
    UpdateExpression: `SET ${assignments.join(', ')} REMOVE ${lease}, ${builder.name('lease_owner')}`,
    ConditionExpression: `${lease} = ${builder.value(leaseId)} AND ${builder.name('status')} = ${builder.value('pending')}`,
    ReturnValues: 'ALL_NEW',
    ...builder.attributes(),
  };
}

/** GetItem of a message, strongly consistent. Pure. */
export function buildGetOutboxRequest(tableName: string, messageId: string): GetCommandInput {
  return { TableName: tableName, Key: { [OUTBOX_KEY_ATTRIBUTE]: messageId }, ConsistentRead: true };
}

/** Query of dead messages, newest first, through the status index. Pure. */
export function buildDeadOutboxQuery(tableName: string, limit?: number): QueryCommandInput {
  return buildIndexQuery({
    tableName,
    indexName: OUTBOX_STATUS_INDEX,
    partitionKey: 'status',
    partitionValue: 'dead',
    order: 'descending',
    limit,
  });
}

/** Options for {@link createOutboxRepository}. */
export interface OutboxRepositoryOptions extends RepositoryOptions {
  /** Physical table name. Default `ielts-genai-prep-outbox`. */
  tableName?: string;
  /** How long a sent message is kept before TTL deletes it. Default 7 days. */
  sentRetentionSeconds?: number;
  /** How long a dead message is kept before TTL deletes it. Default 30 days. */
  deadRetentionSeconds?: number;
}

/**
 * The outbox table: mail to send, durable, with leases so that of any number of senders on any
 * number of instances one sends each message. Held → due → leased → sent, or back to due at a
 * later time after a failure, or dead when the sender gives up.
 */
export interface OutboxRepository {
  /**
   * Stores a pending message, due at `availableAt` (default now). Enqueue with a later
   * `availableAt` (a hold) before writing what causes it, then {@link release} it. A `duplicate`
   * {@link DalError} when the id is taken, `validation` for bad input.
   */
  enqueue(input: OutboxMessageInput, options?: { availableAt?: Date; now?: Date }): Promise<OutboxMessage>;
  /** Makes a held message due now. False when it is not held (already due, tried, sent or absent). */
  release(messageId: string, options?: { now?: Date }): Promise<boolean>;
  /**
   * Leases due messages to `owner` for `leaseSeconds`: first `messageIds` (by key), then the
   * oldest due from the index. Each message is leased to one claimer at a time (conditional
   * updates), and each claim counts an attempt.
   */
  claimDue(options: ClaimDueOptions): Promise<OutboxClaim[]>;
  /**
   * Marks a leased message sent (`skipped`: nothing needed sending); TTL deletes it after
   * `sentRetentionSeconds`. A `conflict` {@link DalError} when the lease was lost (it ended and
   * another sender claimed the message).
   */
  markSent(claim: OutboxClaim, options?: { skipped?: boolean; now?: Date }): Promise<OutboxMessage>;
  /** Records a failed attempt and when to try again (the caller's backoff). `conflict` when the lease was lost. */
  recordFailure(claim: OutboxClaim, options: { error: string; retryAt: Date; now?: Date }): Promise<OutboxMessage>;
  /** Gives up on a leased message: dead, kept `deadRetentionSeconds` for {@link listDead}. `conflict` when the lease was lost. */
  markDead(claim: OutboxClaim, options: { error: string; now?: Date }): Promise<OutboxMessage>;
  /** A message by id (strongly consistent), or undefined. */
  get(messageId: string): Promise<OutboxMessage | undefined>;
  /** Dead messages, the most recently given up first (default 50, 1–1000). */
  listDead(options?: { limit?: number }): Promise<OutboxMessage[]>;
  /** How many dead messages the table holds (every page of the index, keys only counted). */
  countDead(): Promise<number>;
}

/** Creates the {@link OutboxRepository}. */
export function createOutboxRepository(options: OutboxRepositoryOptions): OutboxRepository {
  const tableName = options.tableName ?? resolveTableNames().outbox;
  const clock = dateClock(options);
  const sentRetentionSeconds = options.sentRetentionSeconds ?? 7 * 86_400;
  const deadRetentionSeconds = options.deadRetentionSeconds ?? 30 * 86_400;
  const storable = (id: unknown): id is string => identifierSchema.safeParse(id).success;
  const context = (operation: string, messageId?: string) => ({
    operation,
    tableName,
    ...(messageId ? { key: { [OUTBOX_KEY_ATTRIBUTE]: messageId } } : {}),
  });
  const parse = (item: Record<string, unknown>) =>
    toMessage(parseStoredItem(outboxItemSchema, item, { tableName, key: { [OUTBOX_KEY_ATTRIBUTE]: item[OUTBOX_KEY_ATTRIBUTE] } }));
  const whole = (name: string, value: unknown, low: number, high: number): number => {
    if (typeof value === 'number' && Number.isInteger(value) && value >= low && value <= high) return value;
    throw new DalError({
      code: 'validation',
      message: `${name} must be a whole number from ${low} to ${high}, not ${String(value)}`,
      tableName,
      issues: [{ path: name, message: `must be a whole number from ${low} to ${high}` }],
    });
  };
  const leaseLost = (claim: OutboxClaim) =>
    new DalError({
      code: 'conflict',
      message: `The lease on outbox message ${claim.message.message_id} was lost: it ended and the message was claimed again`,
      tableName,
      key: { [OUTBOX_KEY_ATTRIBUTE]: claim.message.message_id },
    });

  return bindRepositoryCalls<OutboxRepository>('outbox', options, (sender) => {
    const settle = async (operation: string, claim: OutboxClaim, set: Record<string, unknown>): Promise<OutboxMessage> => {
      const id = claim.message.message_id;
      const output = await unlessConditionFails(
        sender.update(context(operation, id), buildSettleOutboxRequest(tableName, id, claim.lease_id, set)),
      );
      if (!output) throw leaseLost(claim);
      return parse(output.Attributes ?? {});
    };

    return {
      async enqueue(input, enqueueOptions = {}) {
        const parsed = parseInput(outboxMessageInputSchema, input, { tableName });
        const now = enqueueOptions.now ?? clock();
        const messageId = parsed.message_id ?? randomUUID();
        const item = {
          message_id: messageId,
          kind: parsed.kind,
          recipient: normalizeEmail(parsed.recipient),
          payload: parsed.payload,
          request_id: parsed.request_id,
          created_at: now.toISOString(),
          status: 'pending',
          attempts: 0,
          next_attempt_at: Math.max(now.getTime(), (enqueueOptions.availableAt ?? now).getTime()),
          last_error: null,
          sent_at: null,
          skipped: false,
          dead_at: null,
        };
        const stored = await unlessConditionFails(
          sender.put(context('outbox.enqueue', messageId), buildEnqueueOutboxRequest(tableName, item)),
        );
        if (!stored) {
          throw new DalError({
            code: 'duplicate',
            message: `Outbox message ${messageId} exists already`,
            tableName,
            key: { [OUTBOX_KEY_ATTRIBUTE]: messageId },
          });
        }
        return parse(item);
      },

      async release(messageId, releaseOptions = {}) {
        if (!storable(messageId)) return false;
        const nowMs = (releaseOptions.now ?? clock()).getTime();
        return conditionHeld(sender.update(context('outbox.release', messageId), buildReleaseOutboxRequest(tableName, messageId, nowMs)));
      },

      async claimDue(claimOptions) {
        const leaseSeconds = whole('leaseSeconds', claimOptions.leaseSeconds, 1, 86_400);
        const limit = whole('limit', claimOptions.limit ?? 10, 1, 100);
        const owner = parseInput(z.string().min(1).max(128), claimOptions.owner, { tableName });
        const nowMs = (claimOptions.now ?? clock()).getTime();
        const endsAtMs = nowMs + leaseSeconds * 1000;
        // The index is eventually consistent: it may list a message another sender has just
        // settled, or miss one just released. The claim is a conditional update on the table
        // itself, so a stale entry only costs a failed condition; named ids need no index.
        const due = await sender.query(context('outbox.claimDue'), buildDueOutboxQuery(tableName, nowMs, limit));
        const candidates = [
          ...new Set([
            ...(claimOptions.messageIds ?? []).filter(storable),
            ...(due.Items ?? []).map((item) => String(item[OUTBOX_KEY_ATTRIBUTE])),
          ]),
        ];
        const claims: OutboxClaim[] = [];
        for (const messageId of candidates) {
          const leaseId = randomUUID();
          const output = await unlessConditionFails(
            sender.update(
              context('outbox.claimDue', messageId),
              buildClaimOutboxRequest(tableName, messageId, { leaseId, owner, nowMs, endsAtMs }),
            ),
          );
          if (output) claims.push({ message: parse(output.Attributes ?? {}), lease_id: leaseId, lease_ends_at: new Date(endsAtMs) });
        }
        return claims;
      },

      async markSent(claim, sentOptions = {}) {
        const now = sentOptions.now ?? clock();
        return settle('outbox.markSent', claim, {
          status: 'sent',
          sent_at: now.toISOString(),
          skipped: sentOptions.skipped === true,
          next_attempt_at: now.getTime(),
          expires_at: Math.ceil(now.getTime() / 1000) + sentRetentionSeconds,
        });
      },

      async recordFailure(claim, failure) {
        return settle('outbox.recordFailure', claim, {
          next_attempt_at: Math.max((failure.now ?? clock()).getTime(), failure.retryAt.getTime()),
          last_error: failure.error.slice(0, MAX_ERROR_LENGTH),
        });
      },

      async markDead(claim, failure) {
        const now = failure.now ?? clock();
        return settle('outbox.markDead', claim, {
          status: 'dead',
          dead_at: now.toISOString(),
          next_attempt_at: now.getTime(),
          last_error: failure.error.slice(0, MAX_ERROR_LENGTH),
          expires_at: Math.ceil(now.getTime() / 1000) + deadRetentionSeconds,
        });
      },

      async get(messageId) {
        if (!storable(messageId)) return undefined;
        const output = await sender.get(context('outbox.get', messageId), buildGetOutboxRequest(tableName, messageId));
        return output.Item ? parse(output.Item) : undefined;
      },

      async listDead(listOptions = {}) {
        const limit = whole('limit', listOptions.limit ?? 50, 1, 1000);
        const messages: OutboxMessage[] = [];
        let startKey: Record<string, unknown> | undefined;
        do {
          const output = await sender.query(context('outbox.listDead'), {
            ...buildDeadOutboxQuery(tableName, limit - messages.length),
            ...(startKey ? { ExclusiveStartKey: startKey } : {}),
          });
          messages.push(...(output.Items ?? []).map(parse));
          startKey = output.LastEvaluatedKey;
        } while (startKey && messages.length < limit);
        return messages;
      },

      async countDead() {
        let count = 0;
        let startKey: Record<string, unknown> | undefined;
        do {
          const output = await sender.query(context('outbox.countDead'), {
            ...buildDeadOutboxQuery(tableName),
            Select: 'COUNT',
            ...(startKey ? { ExclusiveStartKey: startKey } : {}),
          });
          count += output.Count ?? 0;
          startKey = output.LastEvaluatedKey;
        } while (startKey);
        return count;
      },
    };
  });
}
