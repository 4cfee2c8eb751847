import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import { DalError } from './errors.js';

const payloadSchema = z.object({
  /** Version of the cursor format. */
  v: z.literal(1),
  /** Which list the cursor belongs to (hash of its owner and kind), so it cannot be replayed on another. */
  s: z.string(),
  /** DynamoDB's LastEvaluatedKey (document form). */
  k: z.record(z.string(), z.union([z.string(), z.number()])),
});

/** What a cursor is bound to: a list kind and its owner, e.g. `assessments` and a user's email. */
export interface CursorScope {
  /** The kind of list, e.g. `assessments`. */
  list: string;
  /** The partition the list reads, e.g. the user's email. */
  owner: string;
}

function scopeHash(scope: CursorScope): string {
  return createHash('sha256').update(`${scope.list}\u0000${scope.owner}`).digest('base64url').slice(0, 22);
}

function sign(secret: string | Uint8Array, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest();
}

function invalid(reason: string): DalError {
  return new DalError({ code: 'invalid_cursor', message: `Invalid cursor: ${reason}` });
}

/**
 * An opaque cursor for the next page: base64url JSON of DynamoDB's LastEvaluatedKey and a
 * hash of the scope, then `.` and an HMAC-SHA256 of that text. The key stays readable, but
 * cannot be altered or moved to another user's list without the secret.
 */
export function encodeCursor(scope: CursorScope, lastEvaluatedKey: Record<string, string | number>, secret: string | Uint8Array): string {
  const body = Buffer.from(JSON.stringify({ v: 1, s: scopeHash(scope), k: lastEvaluatedKey })).toString('base64url');
  return `${body}.${sign(secret, body).toString('base64url')}`;
}

/**
 * The LastEvaluatedKey inside a cursor made by {@link encodeCursor}; throws an
 * `invalid_cursor` {@link DalError} when the cursor is malformed, was signed with another
 * secret, was altered, or belongs to another scope.
 */
export function decodeCursor(scope: CursorScope, cursor: string, secret: string | Uint8Array): Record<string, string | number> {
  if (cursor.length > 4096) throw invalid('too long');
  const parts = cursor.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) throw invalid('malformed');
  const [body, signature] = parts as [string, string];
  const expected = sign(secret, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid('signature does not match');
  let payload: z.infer<typeof payloadSchema>;
  try {
    payload = payloadSchema.parse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
  } catch {
    throw invalid('malformed payload');
  }
  if (payload.s !== scopeHash(scope)) throw invalid('issued for another list');
  return payload.k;
}

/** A `validation` {@link DalError} unless a repository that signs cursors was given a secret. */
export function assertCursorSecret(secret: string | Uint8Array | undefined, factory: string, tableName: string): void {
  if (!secret || secret.length === 0) throw new DalError({ code: 'validation', message: `${factory} needs a cursorSecret`, tableName });
}
