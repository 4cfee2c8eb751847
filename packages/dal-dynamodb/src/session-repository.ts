import type { DeleteCommandInput, GetCommandInput, PutCommandInput, QueryCommandInput, UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { epochSecondsSchema, normalizeEmail, sessionSchema, type Session } from '@ielts-genai-prep/core';
import type * as z from 'zod';
import { queryAll, writeAll } from './batch-operations.js';
import { buildPutIfAbsentRequest, unlessConditionFails } from './conditional-writes.js';
import { DalError } from './errors.js';
import { createExpressionBuilder } from './expressions.js';
import { buildIndexQuery } from './index-query.js';
import { bindRepositoryCalls, type RepositoryOptions, dateClock } from './request-sender.js';
import { parseInput, parseStoredItem } from './schema-boundary.js';
import { USER_EMAIL_INDEX, resolveTableNames } from './table-definitions.js';

/** A session to create: {@link Session} before defaults are applied. */
export type SessionInput = z.input<typeof sessionSchema>;

/** Items per page when reading a user's sessions through the GSI. */
export const SESSION_QUERY_PAGE_SIZE = 100;

/** Whether a session is over at `nowSeconds`: past its idle or its absolute expiry. Pure. */
export function isSessionExpired(session: Pick<Session, 'expires_at' | 'absolute_expires_at'>, nowSeconds: number): boolean {
  return session.expires_at <= nowSeconds || session.absolute_expires_at <= nowSeconds;
}

/** PutItem for a new session; fails the condition if the id exists. Pure. */
export function buildCreateSessionRequest(tableName: string, session: Session): PutCommandInput {
  return buildPutIfAbsentRequest(tableName, { ...session }, 'session_id');
}

/** GetItem for a session, strongly consistent (a sign-out must be seen at once). Pure. */
export function buildGetSessionRequest(tableName: string, sessionId: string): GetCommandInput {
  return { TableName: tableName, Key: { session_id: sessionId }, ConsistentRead: true };
}

/**
 * UpdateItem recording use and moving the idle expiry to `expiresAt`, only while the session
 * is alive at `nowSeconds` and `expiresAt` is within its absolute expiry: an expired item that
 * TTL has not yet deleted is never revived. Pure.
 */
export function buildTouchSessionRequest(tableName: string, sessionId: string, nowSeconds: number, expiresAt: number): UpdateCommandInput {
  const builder = createExpressionBuilder();
  const now = builder.value(nowSeconds);
  const expires = builder.name('expires_at');
  const absolute = builder.name('absolute_expires_at');
  const newExpiry = builder.value(expiresAt);
  return {
    TableName: tableName,
    Key: { session_id: sessionId },
    UpdateExpression: `SET ${builder.name('last_seen_at')} = ${now}, ${expires} = ${newExpiry}`,
    ConditionExpression: `attribute_exists(${builder.name('session_id')}) AND ${expires} > ${now} AND ${absolute} > ${now} AND ${absolute} >= ${newExpiry}`,
    ReturnValues: 'ALL_NEW',
    ...builder.attributes(),
  };
}

/** DeleteItem for one session. Pure. */
export function buildDeleteSessionRequest(tableName: string, sessionId: string): DeleteCommandInput {
  return { TableName: tableName, Key: { session_id: sessionId } };
}

/**
 * DeleteItem removing a session only while it exists and is alive at `nowSeconds`, returning
 * the deleted item (`ALL_OLD`): of two concurrent consumers, exactly one gets it. Pure.
 */
export function buildConsumeSessionRequest(tableName: string, sessionId: string, nowSeconds: number): DeleteCommandInput {
  const builder = createExpressionBuilder();
  const now = builder.value(nowSeconds);
  return {
    TableName: tableName,
    Key: { session_id: sessionId },
    ConditionExpression:
      `attribute_exists(${builder.name('session_id')}) AND ${builder.name('expires_at')} > ${now} ` +
      `AND ${builder.name('absolute_expires_at')} > ${now}`,
    ReturnValues: 'ALL_OLD',
    ...builder.attributes(),
  };
}

/** Query of a user's sessions through `user-email-index`; `keysOnly` reads just the ids. Pure. */
export function buildUserSessionsQuery(tableName: string, userEmail: string, keysOnly: boolean): QueryCommandInput {
  return buildIndexQuery({
    tableName,
    indexName: USER_EMAIL_INDEX,
    partitionKey: 'user_email',
    partitionValue: userEmail,
    limit: SESSION_QUERY_PAGE_SIZE,
    ...(keysOnly ? { projection: ['session_id'] } : {}),
  });
}

/** Options for {@link createSessionRepository}. */
export interface SessionRepositoryOptions extends RepositoryOptions {
  /** Physical table name. Default `ielts-genai-prep-sessions`. */
  tableName?: string;
}

/**
 * The sessions table. DynamoDB's TTL deletes expired items lazily (up to two days late), so
 * every read treats an expired item as absent.
 */
export interface SessionRepository {
  /** Stores a new session (`expires_at` in epoch seconds); `duplicate` if the id exists. */
  create(input: SessionInput): Promise<Session>;
  /** The live session with this id, or undefined when absent or expired. */
  get(sessionId: string): Promise<Session | undefined>;
  /**
   * Records use now and extends the idle expiry to `expiresAt`, in epoch seconds (capped at the
   * absolute expiry; milliseconds are a `validation` error). Undefined when the session is
   * absent or already expired: it is never revived.
   */
  touch(sessionId: string, options: { expiresAt: number }): Promise<Session | undefined>;
  /** Deletes one session (absent is fine). */
  delete(sessionId: string): Promise<void>;
  /**
   * Deletes a live session and returns it, in one conditional request: for single-use items
   * (emailed links) of which two concurrent uses must not both succeed. A `not_found`
   * {@link DalError} when it is absent, already consumed, or expired (an expired item is left
   * for TTL).
   */
  consume(sessionId: string): Promise<Session>;
  /**
   * A user's live sessions, every page of the GSI read. The GSI is eventually consistent: on
   * AWS a session created a moment ago may not be listed yet.
   */
  listForUser(userEmail: string): Promise<Session[]>;
  /**
   * Deletes every session of a user (sign out everywhere), found through every page of the GSI
   * (eventually consistent, like {@link listForUser}), 25 per batch with unprocessed items
   * re-sent; returns how many were deleted.
   */
  deleteAllForUser(userEmail: string): Promise<number>;
}

// Every stored session id passed core's schema (a SHA-256 hex digest): another id names no session, and is not sent.
const sessionIdSchema = sessionSchema.shape.session_id;

/** Creates the {@link SessionRepository}. */
export function createSessionRepository(options: SessionRepositoryOptions): SessionRepository {
  const tableName = options.tableName ?? resolveTableNames().sessions;
  const now = dateClock(options);
  const nowSeconds = () => Math.floor(now().getTime() / 1000);
  const parseSession = (item: Record<string, unknown>) =>
    parseStoredItem(sessionSchema, item, { tableName, key: { session_id: item.session_id } });
  const storable = (sessionId: string) => sessionIdSchema.safeParse(sessionId).success;

  return bindRepositoryCalls<SessionRepository>('sessions', options, (sender) => {
    const get = async (sessionId: string): Promise<Session | undefined> => {
      if (!storable(sessionId)) return undefined;
      const output = await sender.get(
        { operation: 'sessions.get', tableName, key: { session_id: sessionId } },
        buildGetSessionRequest(tableName, sessionId),
      );
      if (!output.Item) return undefined;
      const session = parseSession(output.Item);
      return isSessionExpired(session, nowSeconds()) ? undefined : session;
    };

    const touchOnce = async (sessionId: string, at: number, expiresAt: number) => {
      const output = await unlessConditionFails(
        sender.update(
          { operation: 'sessions.touch', tableName, key: { session_id: sessionId } },
          buildTouchSessionRequest(tableName, sessionId, at, expiresAt),
        ),
      );
      return output ? parseSession(output.Attributes ?? {}) : undefined;
    };

    return {
      async create(input) {
        // Core's schema refuses times in milliseconds, which TTL would read as thousands of years away.
        const session = parseInput(sessionSchema, { ...input, user_email: normalizeEmail(String(input.user_email ?? '')) }, { tableName });
        const stored = await unlessConditionFails(
          sender.put(
            { operation: 'sessions.create', tableName, key: { session_id: session.session_id } },
            buildCreateSessionRequest(tableName, session),
          ),
        );
        if (!stored) {
          throw new DalError({
            code: 'duplicate',
            message: 'A session with this id already exists',
            tableName,
            key: { session_id: session.session_id },
          });
        }
        return session;
      },

      get,

      async touch(sessionId, { expiresAt }) {
        parseInput(epochSecondsSchema, expiresAt, { tableName, key: { session_id: sessionId } });
        if (!storable(sessionId)) return undefined;
        const at = nowSeconds();
        const touched = await touchOnce(sessionId, at, expiresAt);
        if (touched) return touched;
        // Either the session is gone or expired, or expiresAt passes the absolute expiry.
        const current = await get(sessionId);
        if (!current || expiresAt <= current.absolute_expires_at) return undefined;
        return touchOnce(sessionId, at, current.absolute_expires_at);
      },

      async delete(sessionId) {
        if (!storable(sessionId)) return;
        await sender.delete(
          { operation: 'sessions.delete', tableName, key: { session_id: sessionId } },
          buildDeleteSessionRequest(tableName, sessionId),
        );
      },

      async consume(sessionId) {
        const key = { session_id: sessionId };
        const notFound = () =>
          new DalError({ code: 'not_found', message: 'No live session with this id: absent, expired or already used', tableName, key });
        if (!storable(sessionId)) throw notFound();
        const output = await unlessConditionFails(
          sender.delete({ operation: 'sessions.consume', tableName, key }, buildConsumeSessionRequest(tableName, sessionId, nowSeconds())),
        );
        if (!output) throw notFound();
        return parseSession(output.Attributes ?? {});
      },

      async listForUser(rawEmail) {
        const email = normalizeEmail(rawEmail);
        const items = await queryAll(
          sender,
          { operation: 'sessions.listForUser', tableName, key: { user_email: email } },
          buildUserSessionsQuery(tableName, email, false),
        );
        const at = nowSeconds();
        return items.map(parseSession).filter((session) => !isSessionExpired(session, at));
      },

      async deleteAllForUser(rawEmail) {
        const email = normalizeEmail(rawEmail);
        const context = { operation: 'sessions.deleteAllForUser', tableName, key: { user_email: email } };
        // Read every page first, then delete: deleting while paging a GSI could skip items.
        const items = await queryAll(sender, context, buildUserSessionsQuery(tableName, email, true));
        const ids = [...new Set(items.map((item) => String(item.session_id)))];
        await writeAll(
          sender,
          context,
          ids.map((id) => ({ DeleteRequest: { Key: { session_id: id } } })),
          options.retry,
        );
        return ids.length;
      },
    };
  });
}
