import { randomUUID } from 'node:crypto';
import {
  advanceSpeakingSession,
  applySpeakingTurn,
  finishSpeakingSession,
  parseSpeakingSessionState,
  startSpeakingSession,
  toSpeakingSessionView,
} from '@ielts-genai-prep/ai-evaluators';
import {
  speakingPartSchema,
  speakingPromptIdSchema,
  transcriptSchema,
  transcriptSourceSchema,
  type Assessment,
  type SpeakingTurnInput,
  type User,
} from '@ielts-genai-prep/core';
import { DalError } from '@ielts-genai-prep/dal-dynamodb';
import * as z from 'zod';
import type { BaseServices, MailServices, ScoringServices } from './app-services.js';
import type { ContractHandlers } from './contract-router.js';
import { ensureAllowanceLeft, reserveAssessment } from './entitlements.js';
import type { HeldMail } from './mail-outbox.js';
import { holdResultNotice, ownAssessment, questionOfKind, requestIdOf } from './learning-handlers.js';
import { createSafetyEventCollector, storeSafetyLogs } from './safety-logs.js';
import type { SpeakingAudioStore } from './speaking-audio-store.js';
import { ServerError } from './server-error.js';

/** A turn as the assessment's `submission` keeps it: the transcript, never the audio. */
const storedTurnSchema = z.object({
  part: speakingPartSchema,
  /** Absent on turns stored before prompts had ids. */
  prompt_id: speakingPromptIdSchema.optional(),
  prompt: z.string(),
  transcript: transcriptSchema.nullable(),
  transcript_source: transcriptSourceSchema.nullable().default(null),
  duration_ms: z.number().nullable(),
  has_audio: z.boolean(),
});
type StoredTurn = z.infer<typeof storedTurnSchema>;

const storedTurnsSchema = z.object({ turns: z.array(storedTurnSchema).default([]) });

// Leaves room under DynamoDB's 400 KB item limit for the state and the result.
const MAX_STORED_TURNS_BYTES = 300 * 1024;

/** Options for {@link createSpeakingHandlers}. */
export interface SpeakingHandlerOptions {
  audio: SpeakingAudioStore;
}

/** What the speaking routes use. */
type SpeakingServices = BaseServices & ScoringServices & MailServices;

/** The handlers of the speaking-test routes: how tests are scored, start, view, answer, move on, discard, score. */
export function createSpeakingHandlers(services: SpeakingServices, options: SpeakingHandlerOptions): ContractHandlers['speaking'] {
  const { repositories, clock } = services;

  const ownSpeaking = async (user: User, assessmentId: string): Promise<Assessment> => {
    const assessment = await ownAssessment(services, user, assessmentId);
    if (assessment.assessment_type !== 'speaking' || !assessment.speaking_session || !assessment.question_id) {
      throw new ServerError('not_found', `No speaking test ${assessmentId}`);
    }
    return assessment;
  };
  const idsOf = (assessment: Assessment) => ({ assessment_id: assessment.assessment_id, question_id: assessment.question_id ?? '' });
  const turnsOf = (assessment: Assessment): StoredTurn[] => storedTurnsSchema.parse(assessment.submission ?? {}).turns;

  return {
    async setup() {
      return services.evaluators.speakingSetup;
    },

    async start({ body, caller }) {
      const question = await questionOfKind(services, body.question_id, (type) => type === 'speaking', 'a speaking set');
      if (!question.speaking) throw new ServerError('not_found', `Question ${question.question_id} has no speaking set`);
      // Charged when it is scored, not now: a test that is abandoned or cannot be scored costs
      // nothing. A learner with nothing left is told before answering, not after.
      await ensureAllowanceLeft(services, caller, 'speaking');
      const now = new Date(clock());
      const state = startSpeakingSession(question.speaking, now);
      const { assessment } = await repositories.assessments.save({
        assessment_id: randomUUID(),
        user_email: caller.user.email,
        user_id: caller.user.user_id,
        question_id: question.question_id,
        assessment_type: 'speaking',
        overall_band: null,
        criteria_scores: {},
        feedback: '',
        ai_generated: false,
        content_safe: true,
        timestamp: now.toISOString(),
        completed: false,
        submission: { turns: [] },
        speaking_session: state as unknown as Record<string, unknown>,
      });
      return toSpeakingSessionView(state, idsOf(assessment), now);
    },

    async get({ params, caller }) {
      const assessment = await ownSpeaking(caller.user, params.id);
      return toSpeakingSessionView(parseSpeakingSessionState(assessment.speaking_session), idsOf(assessment), new Date(clock()));
    },

    async submitTurn({ params, body, caller }) {
      const assessment = await ownSpeaking(caller.user, params.id);
      if (assessment.completed) throw new ServerError('conflict', 'This speaking test has been scored already');
      const now = new Date(clock());
      const { transcript_source: transcriptSource, ...answer } = body;
      // An answer for another prompt than the current one is a 409 (applySpeakingTurn checks the id).
      const next = applySpeakingTurn(parseSpeakingSessionState(assessment.speaking_session), answer, now);
      const record = next.turns[next.turns.length - 1];
      const turns: StoredTurn[] = [
        ...turnsOf(assessment),
        {
          part: body.part,
          prompt_id: body.prompt_id,
          prompt: record?.prompt ?? '',
          transcript: body.transcript ? { text: body.transcript.text, words: body.transcript.words } : null,
          transcript_source: body.transcript ? (transcriptSource ?? 'device') : null,
          duration_ms: body.duration_ms ?? null,
          has_audio: body.audio !== undefined,
        },
      ];
      if (Buffer.byteLength(JSON.stringify(turns)) > MAX_STORED_TURNS_BYTES) {
        throw new ServerError('payload_too_large', 'The transcripts of this speaking test are too long to store');
      }
      if (body.audio) await options.audio.put(assessment.assessment_id, turns.length - 1, body.audio);
      // Optimistic locking: of two turns sent at once for the same state, one is a 409.
      await repositories.assessments.updateProgress(
        assessment.assessment_id,
        { speaking_session: next as unknown as Record<string, unknown>, submission: { turns } },
        { expectedVersion: assessment.version },
      );
      return toSpeakingSessionView(next, idsOf(assessment), now);
    },

    async advance({ params, body, caller }) {
      const assessment = await ownSpeaking(caller.user, params.id);
      if (assessment.completed) throw new ServerError('conflict', 'This speaking test has been scored already');
      const now = new Date(clock());
      const state = parseSpeakingSessionState(assessment.speaking_session);
      const current = toSpeakingSessionView(state, idsOf(assessment), now);
      if (current.phase !== body.from_phase) {
        throw new ServerError('conflict', `The test is in ${current.phase}, not ${body.from_phase}: it has moved on already`);
      }
      const next = advanceSpeakingSession(state, now);
      await repositories.assessments.updateProgress(
        assessment.assessment_id,
        { speaking_session: next as unknown as Record<string, unknown> },
        { expectedVersion: assessment.version },
      );
      return toSpeakingSessionView(next, idsOf(assessment), now);
    },

    async discard({ params, caller }) {
      const assessment = await ownSpeaking(caller.user, params.id);
      if (assessment.completed) throw new ServerError('conflict', 'This speaking test has been scored: a result is kept, not discarded');
      await repositories.assessments.discardInProgress(assessment.assessment_id, { expectedVersion: assessment.version });
      await options.audio.delete(assessment.assessment_id);
      return { assessment_id: assessment.assessment_id, discarded: true as const };
    },

    async complete({ params, caller, context }) {
      const assessment = await ownSpeaking(caller.user, params.id);
      if (assessment.completed) return assessment;
      const now = new Date(clock());
      const finished = finishSpeakingSession(parseSpeakingSessionState(assessment.speaking_session), now);
      const question = await questionOfKind(services, assessment.question_id ?? '', (type) => type === 'speaking', 'a speaking set');
      const stored = turnsOf(assessment);
      const turns: Array<SpeakingTurnInput & { prompt: string }> = await Promise.all(
        stored.map(async (turn, index) => {
          const audio = turn.has_audio ? await options.audio.get(assessment.assessment_id, index) : undefined;
          return {
            part: turn.part,
            prompt: turn.prompt,
            ...(turn.transcript ? { transcript: turn.transcript } : {}),
            ...(audio ? { audio } : {}),
            ...(turn.duration_ms !== null ? { duration_ms: turn.duration_ms } : {}),
          };
        }),
      );
      const rubric = await repositories.rubrics.getByType('speaking');
      const safety = createSafetyEventCollector();
      const safetyTarget = { assessmentId: assessment.assessment_id, userEmail: caller.user.email, requestId: requestIdOf(context) };
      // Charged now, before the model call (a refused learner costs no call), and given back when
      // scoring or storing fails.
      const reservation = await reserveAssessment(services, caller.user, 'speaking');
      let completed: Assessment;
      let notice: HeldMail | undefined;
      try {
        const result = await services.evaluators.speaking({
          question,
          state: finished,
          turns,
          rubric,
          onSafetyEvent: safety.onSafetyEvent,
          // A learner who goes away (the connection closed before the answer) ends the provider call.
          signal: context.req.raw.signal,
        });
        notice = await holdResultNotice(services, caller.user, assessment.assessment_id, safetyTarget.requestId);
        const saved = await repositories.assessments.updateProgress(
          assessment.assessment_id,
          { speaking_session: finished as unknown as Record<string, unknown> },
          { expectedVersion: assessment.version },
        );
        completed = await repositories.assessments.updateCompletion(assessment.assessment_id, result, {
          expectedVersion: saved.version,
          completedAt: now,
        });
      } catch (error) {
        await reservation.release();
        // Scoring that failed is logged all the same (the test stays open to be completed again),
        // but not a 409: another request changed the test first, and a completion logs its own events.
        if (!DalError.isInstance(error, 'conflict')) await storeSafetyLogs(services, safety.events, safetyTarget);
        throw error;
      }
      // Stored after the result, so a log that cannot be stored never loses it.
      await storeSafetyLogs(services, safety.events, safetyTarget);
      await options.audio.delete(assessment.assessment_id);
      await notice?.release();
      return completed;
    },
  };
}
