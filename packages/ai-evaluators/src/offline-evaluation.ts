import type * as z from 'zod';
import { throwIfAborted } from './evaluation-options.js';
import { EvaluatorError } from './evaluator-error.js';
import { loadEnglishLexicon, type Lexicon } from './spelling-lexicon.js';

/** What an offline scorer's call begins with. */
export interface OfflineEvaluationStart {
  /** The scorer's clock, in milliseconds since the epoch. */
  clock: () => number;
  /** When the call started, on `clock`. */
  startedAt: number;
  /** The scorer's word list, or the English one loaded on first use. */
  lexicon: Lexicon;
}

/**
 * Starts one call of an offline scorer: reads its clock and loads the word list, giving up
 * (`aborted`) before and after the load when the call's signal has fired.
 */
export async function startOfflineEvaluation(
  options: { clock?: () => number; lexicon?: Lexicon },
  signal: AbortSignal | undefined,
): Promise<OfflineEvaluationStart> {
  const clock = options.clock ?? Date.now;
  const startedAt = clock();
  throwIfAborted(signal);
  const lexicon = options.lexicon ?? (await loadEnglishLexicon());
  throwIfAborted(signal);
  return { clock, startedAt, lexicon };
}

/**
 * The request checked against its schema, or an `invalid_input` error naming what was wrong
 * (`turns.0.part: …`), the same for both offline scorers.
 */
export function parseOfflineRequest<Schema extends z.ZodType>(schema: Schema, request: unknown, name: string): z.output<Schema> {
  const parsed = schema.safeParse(request);
  if (!parsed.success) {
    throw new EvaluatorError('invalid_input', `the ${name} request is invalid`, {
      details: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    });
  }
  return parsed.data;
}

/** Milliseconds to the microsecond, never negative (a clock stepped back during the call reads 0). */
export function offlineLatencyMs(latency: number): number {
  return Math.max(0, Math.round(latency * 1000) / 1000);
}

/** The provenance of an offline result: provider `offline`, one model, no tokens, no cost. */
export function offlineProvenance(modelId: string, latency: number, confidence: number) {
  return {
    provider: 'offline' as const,
    model_id: modelId,
    models_called: [modelId],
    token_usage: null,
    cost_usd: 0,
    latency_ms: offlineLatencyMs(latency),
    confidence,
  };
}
