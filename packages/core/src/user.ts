import * as z from 'zod';
import { assessmentTypeSchema } from './assessment-type.js';
import { bandSchema } from './band.js';
import { emailSchema, identifierSchema, isoDateTimeSchema } from './common.js';

/** Where a purchase came from. */
export const purchaseSourceSchema = z.enum(['app_store', 'google_play', 'web', 'admin', 'promotion']);

/** A purchase on a user record: it grants a number of assessments of some types. */
export const purchaseSchema = z.object({
  /** Unique per purchase (a store transaction id); adding the same id twice stores it once. */
  purchase_id: identifierSchema,
  product_id: z.string().min(1).max(128),
  /** The assessment types this purchase unlocks. */
  assessment_types: z.array(assessmentTypeSchema).min(1),
  /** How many assessments of each of those types it grants. */
  assessments: z.int().min(1).max(10_000),
  purchased_at: isoDateTimeSchema,
  /** After this time the purchase grants nothing; null when it never expires. */
  expires_at: isoDateTimeSchema.nullable().default(null),
  source: purchaseSourceSchema,
});
/** A purchase on a user record. */
export type Purchase = z.infer<typeof purchaseSchema>;

/** A learner's preferences. */
export const userPreferencesSchema = z.object({
  /** The band the learner is aiming for. */
  target_band: bandSchema.nullable().default(null),
  /** Which test the learner is preparing for. */
  exam_variant: z.enum(['academic', 'general_training']).default('academic'),
  /** Whether to email a notice when a result is ready. */
  email_notifications: z.boolean().default(true),
  locale: z.string().min(2).max(35).default('en'),
});
/** A learner's preferences. */
export type UserPreferences = z.infer<typeof userPreferencesSchema>;

/** The longest display name, in characters. */
export const MAX_DISPLAY_NAME_LENGTH = 100;

/**
 * Control, format (bidi overrides and isolates, zero-width, soft hyphen), tag, private-use and
 * line/paragraph separator characters: invisible or reordering text that lets one name pose as
 * another or break the layout and logs it is shown in.
 */
const HIDDEN_CHARACTERS = /[\p{Cc}\p{Cf}\p{Co}\u2028\u2029\u{E0000}-\u{E007F}]/u;

/**
 * A display name as a person sends it: trimmed, 1–100 characters, no control, bidi, tag or
 * zero-width characters.
 */
export const displayNameSchema = z
  .string()
  // Checked before trimming, which would quietly drop a leading byte order mark.
  .refine((name) => !HIDDEN_CHARACTERS.test(name), { error: 'must not contain control, bidi, tag or zero-width characters', abort: true })
  .trim()
  .min(1)
  .max(MAX_DISPLAY_NAME_LENGTH);

/** The fields a user record shares with its public shape. */
const publicUserShape = {
  email: emailSchema,
  user_id: z.uuid(),
  display_name: z.string().max(100).nullable().default(null),
  email_verified: z.boolean().default(false),
  created_at: isoDateTimeSchema,
  last_login: isoDateTimeSchema.nullable().default(null),
  purchases: z.array(purchaseSchema).default([]),
  preferences: userPreferencesSchema.default(() => userPreferencesSchema.parse({})),
};

/** An item of the users table (key `email`). Never send it to a client: see {@link publicUserSchema}. */
export const userSchema = z.object({
  ...publicUserShape,
  password_hash: z.string().min(1),
  /** Incremented by every update, for optimistic locking. */
  version: z.int().min(0).default(0),
});
/** An item of the users table. */
export type User = z.infer<typeof userSchema>;

/**
 * A user as clients see it. Parsing strips unknown keys, so a user record parsed
 * with this schema can never carry `password_hash`.
 */
export const publicUserSchema = z.object(publicUserShape);
/** A user as clients see it. */
export type PublicUser = z.infer<typeof publicUserSchema>;

/** The public shape of a user record, without its password hash or version. */
export function toPublicUser(user: User): PublicUser {
  return publicUserSchema.parse(user);
}
