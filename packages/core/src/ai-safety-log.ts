import * as z from 'zod';
import { emailSchema, identifierSchema, isoDateTimeSchema } from './common.js';

/** The safety checks run around model calls. */
export const aiSafetyCheckSchema = z.enum([
  'prompt_injection',
  'input_normalization',
  'output_validation',
  'content_filter',
  'score_divergence',
  'off_topic',
]);

/** An item of the AI safety logs table: which check ran on which assessment, its verdict and evidence. */
export const aiSafetyLogSchema = z.object({
  log_id: identifierSchema,
  assessment_id: identifierSchema,
  user_email: emailSchema.nullable().default(null),
  check: aiSafetyCheckSchema,
  verdict: z.enum(['pass', 'flagged', 'blocked']),
  /** What triggered it: quoted spans, rule names, the model's raw refusal. */
  evidence: z.array(z.string().max(1000)).max(20).default([]),
  provider: z.string().max(40).nullable().default(null),
  model_id: z.string().max(200).nullable().default(null),
  created_at: isoDateTimeSchema,
});
/** An item of the AI safety logs table. */
export type AiSafetyLog = z.infer<typeof aiSafetyLogSchema>;
