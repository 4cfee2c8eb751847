import * as z from 'zod';
import { emailSchema, epochSecondsSchema, isoDateTimeSchema } from './common.js';

/** An item of the sessions table (key `session_id`, GSI `user-email-index`, TTL on `expires_at`). */
export const sessionSchema = z.object({
  /** The SHA-256 (hex) of the session token: the token itself is never stored. */
  session_id: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest'),
  user_email: emailSchema,
  user_id: z.uuid(),
  created_at: isoDateTimeSchema,
  /** When the session ends if unused (idle expiry), in epoch seconds; the table's TTL attribute. */
  expires_at: epochSecondsSchema,
  /** When the session ends however active it is, in epoch seconds. */
  absolute_expires_at: epochSecondsSchema,
  /** Last use, in epoch seconds. */
  last_seen_at: epochSecondsSchema,
  /** Which kind of client holds it: a browser cookie or a mobile bearer token. */
  client: z.enum(['web', 'mobile']).default('web'),
  user_agent: z.string().max(512).nullable().default(null),
});
/** An item of the sessions table. */
export type Session = z.infer<typeof sessionSchema>;
