import * as z from 'zod';
import { emailSchema, identifierSchema, isoDateTimeSchema } from './common.js';

/** Where a content report stands. */
export const contentReportStatusSchema = z.enum(['open', 'in_review', 'resolved', 'dismissed']);
/** Where a content report stands. */
export type ContentReportStatus = z.infer<typeof contentReportStatusSchema>;

/** Why a learner reports something. */
export const contentReportReasonSchema = z.enum([
  'score_seems_wrong',
  'feedback_unhelpful',
  'inappropriate_content',
  'answer_key_wrong',
  'question_error',
  'technical_problem',
  'other',
]);

/** What a report is about. Strict: an unknown key is refused, not silently dropped. */
export const contentReportTargetSchema = z.strictObject({
  kind: z.enum(['assessment', 'question', 'feedback']),
  id: identifierSchema,
});

/** An item of the content reports table: who reported what, why, and where it stands. */
export const contentReportSchema = z.object({
  report_id: identifierSchema,
  reporter_email: emailSchema,
  reporter_user_id: z.uuid(),
  target: contentReportTargetSchema,
  reason: contentReportReasonSchema,
  details: z.string().max(2000).default(''),
  status: contentReportStatusSchema,
  created_at: isoDateTimeSchema,
  updated_at: isoDateTimeSchema,
  /** What a moderator decided, once resolved or dismissed. */
  resolution_note: z.string().max(2000).nullable().default(null),
  version: z.int().min(0).default(0),
});
/** An item of the content reports table. */
export type ContentReport = z.infer<typeof contentReportSchema>;
