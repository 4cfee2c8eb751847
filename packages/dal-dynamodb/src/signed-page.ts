import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, type CursorScope } from './cursor.js';
import { DalError } from './errors.js';
import type { RequestSender } from './request-sender.js';
import type { CallContext } from './retry-policy.js';

/** One page of a list, in core's page shape. */
export interface Page<Item> {
  /** The items on this page. */
  items: Item[];
  /** Pass to the next call for the next page; null on the last page. */
  next_cursor: string | null;
}

/** A `validation` {@link DalError} unless `limit` is a whole number from 1 to `maxLimit`. */
export function assertPageLimit(limit: number, maxLimit: number, tableName: string): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    throw new DalError({
      code: 'validation',
      message: `limit must be 1–${maxLimit}, not ${limit}`,
      tableName,
      issues: [{ path: 'limit', message: `must be a whole number from 1 to ${maxLimit}` }],
    });
  }
}

/** What {@link readSignedPage} reads, and how. */
export interface SignedPageRequest<Item> {
  /** Sends the Query. */
  sender: RequestSender;
  /** The repository call, for errors and capacity reports. */
  context: CallContext;
  /** The Query for up to `limit` items from `exclusiveStartKey` (undefined: the first page). */
  query: (limit: number, exclusiveStartKey: Record<string, unknown> | undefined) => QueryCommandInput;
  /** The partition being listed: its key attribute and value. A cursor must carry the same. */
  partition: { name: string; value: string };
  /** What cursors are bound to: a cursor made for another scope is refused. */
  scope: CursorScope;
  /** Signs and checks cursors. */
  cursorSecret: string | Uint8Array;
  /** Items on the page. */
  limit: number;
  /** The largest `limit` allowed. */
  maxLimit: number;
  /** The previous page's `next_cursor`, or nothing for the first page. */
  cursor: string | null | undefined;
  /** Parses an item read back (a `DalError` for one that does not match its schema). */
  parse: (item: Record<string, unknown>) => Item;
  /** The table and index key of an item: the next page starts after it. */
  keyOf: (item: Item) => Record<string, string | number>;
}

/**
 * One page of a GSI partition and the signed cursor for the next. A cursor that was altered,
 * forged, or made for another scope or partition is an `invalid_cursor` {@link DalError}
 * (nothing is sent). One item more than the page holds is read, so that the last page says it
 * is the last (`next_cursor: null`) instead of leading to an empty one.
 */
export async function readSignedPage<Item>(request: SignedPageRequest<Item>): Promise<Page<Item>> {
  const { context, limit, partition, scope, cursorSecret } = request;
  assertPageLimit(limit, request.maxLimit, context.tableName);
  const startKey = request.cursor ? decodeCursor(scope, request.cursor, cursorSecret) : undefined;
  if (startKey && startKey[partition.name] !== partition.value) {
    throw new DalError({ code: 'invalid_cursor', message: 'Invalid cursor: issued for another list', tableName: context.tableName });
  }
  const output = await request.sender.query(context, request.query(limit + 1, startKey));
  const read = output.Items ?? [];
  // The extra item only tells that there is a next page: it is not parsed or returned.
  const items = read.slice(0, limit).map(request.parse);
  let lastKey: Record<string, string | number> | undefined;
  if (read.length > limit) {
    lastKey = request.keyOf(items[limit - 1]!);
  } else if (output.LastEvaluatedKey) {
    lastKey = output.LastEvaluatedKey as Record<string, string | number>;
  }
  return { items, next_cursor: lastKey ? encodeCursor(scope, lastKey, cursorSecret) : null };
}
