import * as z from 'zod';

/** An ISO 8601 UTC date-time, such as `2026-11-25T19:05:32.000Z`. */
export const isoDateTimeSchema = z.iso.datetime();

// Above this a value is milliseconds, not seconds (it is the year 5138 in seconds);
// a TTL attribute in milliseconds would never expire.
const maximumEpochSeconds = 99_999_999_999;

/** Seconds since the Unix epoch (DynamoDB TTL attributes use this). Milliseconds are refused. */
export const epochSecondsSchema = z.int().min(0).max(maximumEpochSeconds, 'must be in epoch seconds, not milliseconds');

/** An email address, at most 254 characters. Stored lowercased: see {@link normalizeEmail}. */
export const emailSchema = z.email().max(254);

/** An opaque identifier: 1–128 characters of letters, digits, `_`, `-`, `.` and `:`. */
export const identifierSchema = z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'must be 1–128 letters, digits, "_", "-", "." or ":"');

/** Lowercases and trims an email, so that one address is one account. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A page of items and the opaque cursor of the next page (null on the last page). */
export function pageSchema<Item extends z.ZodType>(item: Item) {
  return z.object({ items: z.array(item), next_cursor: z.string().nullable() });
}
