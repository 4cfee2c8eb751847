import { aiSafetyLogSchema, type AiSafetyLog } from '@ielts-genai-prep/core';

/**
 * An AI safety log entry as an evaluator reports it: everything but the ids the caller fills
 * when it stores the entry (`log_id`, `assessment_id`, `user_email`).
 */
export type AiSafetyEvent = Omit<AiSafetyLog, 'log_id' | 'assessment_id' | 'user_email'>;

const safetyEventSchema = aiSafetyLogSchema.omit({ log_id: true, assessment_id: true, user_email: true });

/** What {@link buildSafetyEvent} needs. */
export interface SafetyEventInput {
  /** Which check ran. */
  check: AiSafetyEvent['check'];
  /** `pass`, `flagged` (scored anyway, marked) or `blocked` (not scored). */
  verdict: AiSafetyEvent['verdict'];
  /** What triggered it; cut to the log's limits (20 items of 1,000 characters). */
  evidence: readonly string[];
  /** The provider of the evaluator (`bedrock`, `gemini`). */
  provider: string;
  /** The model involved; null for checks that ran in code before any model call. */
  model_id: string | null;
  /** When the check ran. */
  created_at: Date;
}

/** An {@link AiSafetyEvent} that parses with core's AI safety log schema, evidence cut to its limits. */
export function buildSafetyEvent(input: SafetyEventInput): AiSafetyEvent {
  const evidence = input.evidence.slice(0, 20).map((item) => (item.length > 1000 ? `${item.slice(0, 997)}...` : item));
  return safetyEventSchema.parse({ ...input, evidence, created_at: input.created_at.toISOString() });
}
