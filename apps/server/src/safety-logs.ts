import { randomUUID } from 'node:crypto';
import type { AiSafetyEvent } from '@ielts-genai-prep/ai-evaluators';
import { aiSafetyLogSchema } from '@ielts-genai-prep/core';
import type { BaseServices } from './app-services.js';

/** Receives the safety events an evaluator raises while it scores one answer. */
export type SafetyEventSink = (event: AiSafetyEvent) => void;

/** The safety events of one request, collected while scoring (before the assessment is stored). */
export interface SafetyEventCollector {
  /** Pass to the evaluator: records each event. */
  readonly onSafetyEvent: SafetyEventSink;
  /** The events recorded so far, oldest first. */
  readonly events: readonly AiSafetyEvent[];
}

/** A new, empty {@link SafetyEventCollector}. */
export function createSafetyEventCollector(): SafetyEventCollector {
  const events: AiSafetyEvent[] = [];
  return { events, onSafetyEvent: (event) => void events.push(event) };
}

/** Whose assessment the events belong to, and the request that raised them (for the log). */
export interface SafetyLogTarget {
  assessmentId: string;
  userEmail: string;
  requestId: string | undefined;
}

/**
 * Appends each event to the AI safety logs table (`aiSafetyLogs`), checked by core's
 * `aiSafetyLogSchema`. Never throws: a log that cannot be stored is reported to the server log
 * with the request id, so that the assessment it belongs to is never lost over it.
 */
export async function storeSafetyLogs(services: BaseServices, events: readonly AiSafetyEvent[], target: SafetyLogTarget): Promise<void> {
  await Promise.all(
    events.map(async (event) => {
      try {
        const log = aiSafetyLogSchema.parse({
          ...event,
          log_id: randomUUID(),
          assessment_id: target.assessmentId,
          user_email: target.userEmail,
        });
        await services.repositories.aiSafetyLogs.append(log);
      } catch (error) {
        services.logger.error('AI safety log not stored', {
          request_id: target.requestId,
          assessment_id: target.assessmentId,
          check: event.check,
          verdict: event.verdict,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }),
  );
}
