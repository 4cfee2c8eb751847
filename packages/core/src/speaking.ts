import * as z from 'zod';
import { identifierSchema, isoDateTimeSchema } from './common.js';

/** The parts of the speaking test. */
export const speakingPartSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
/** A part of the speaking test: 1 (interview), 2 (cue card), 3 (discussion). */
export type SpeakingPart = z.infer<typeof speakingPartSchema>;

/** Where a speaking test stands. Part 2 has a one-minute preparation before the talk. */
export const speakingPhaseSchema = z.enum(['part1', 'part2_preparation', 'part2_talk', 'part3', 'finished']);
/** Where a speaking test stands. */
export type SpeakingPhase = z.infer<typeof speakingPhaseSchema>;

/** Audio MIME types the speaking evaluator accepts. */
export const AUDIO_MIME_TYPES = ['audio/webm', 'audio/ogg', 'audio/mpeg', 'audio/mp4', 'audio/wav', 'audio/flac', 'audio/aac'] as const;

/** Recorded audio, base64 encoded (at most about 12 MB encoded). */
export const audioInputSchema = z.object({
  data: z.base64().max(12_000_000),
  mime_type: z.enum(AUDIO_MIME_TYPES),
});

/** A word and when it was said, in milliseconds from the start of the turn. */
export const timedWordSchema = z
  .object({ word: z.string().min(1).max(100), start_ms: z.number().min(0), end_ms: z.number().min(0) })
  .refine((word) => word.end_ms >= word.start_ms, { message: 'end_ms must not be before start_ms', path: ['end_ms'] });
/** A word and when it was said. */
export type TimedWord = z.infer<typeof timedWordSchema>;

/** A transcript of a turn, with word timings when the recogniser gives them. */
export const transcriptSchema = z.object({
  text: z.string().max(20_000),
  words: z.array(timedWordSchema).max(5000).default([]),
});
/** A transcript of a turn. */
export type Transcript = z.infer<typeof transcriptSchema>;

/**
 * Which prompt of the test a turn answers: `part1-0` … for Part 1 questions, `part2-0` for the
 * Part 2 talk and `part2-1` … for its follow-ups, `part3-0` … for Part 3 questions.
 */
export const speakingPromptIdSchema = z.string().regex(/^part[123]-\d{1,2}$/, 'a prompt id such as part1-0, part2-0 or part3-2');

/** The id of the prompt at `index` within `part` (see {@link speakingPromptIdSchema}). */
export function speakingPromptId(part: SpeakingPart, index: number): string {
  return `part${part}-${index}`;
}

/** Where a turn's transcript came from: the device's speech recognition, or typed by the candidate. */
export const transcriptSourceSchema = z.enum(['device', 'typed']);
/** Where a turn's transcript came from. */
export type TranscriptSource = z.infer<typeof transcriptSourceSchema>;

const speakingTurnFields = {
  part: speakingPartSchema,
  audio: audioInputSchema.optional(),
  transcript: transcriptSchema.optional(),
  /** How long the candidate spoke, in milliseconds, as the client measured it. */
  duration_ms: z
    .number()
    .min(0)
    .max(10 * 60 * 1000)
    .optional(),
};
const hasAnAnswer = (turn: { audio?: unknown; transcript?: unknown }) => turn.audio !== undefined || turn.transcript !== undefined;
const noAnswer = { message: 'a turn needs audio or a transcript', path: ['transcript'] };

/** One turn of the speaking test: audio and/or a transcript of the candidate's answer. Unknown keys are refused, as in every request body. */
export const speakingTurnInputSchema = z.strictObject(speakingTurnFields).refine(hasAnAnswer, noAnswer);
/** One turn of the speaking test. */
export type SpeakingTurnInput = z.infer<typeof speakingTurnInputSchema>;

/**
 * A turn as a client submits it: the answer, the prompt it answers (`current_prompt.prompt_id`
 * of the view it was recorded against; another prompt is a 409, so answers can never shift onto
 * the wrong question) and where its transcript came from.
 */
export const speakingTurnSubmissionSchema = z
  .strictObject({
    ...speakingTurnFields,
    prompt_id: speakingPromptIdSchema,
    /** Where `transcript` came from; `device` when omitted with a transcript. */
    transcript_source: transcriptSourceSchema.optional(),
  })
  .refine(hasAnAnswer, noAnswer);
/** A turn as a client submits it. */
export type SpeakingTurnSubmission = z.infer<typeof speakingTurnSubmissionSchema>;

/**
 * How the server scores a speaking test, for an app to tell the learner before it starts which
 * of the three paths applies: the provider transcribes the recorded audio (and assesses
 * Pronunciation), or the app must send a transcript with each answer (recognised on the device,
 * or typed) and Pronunciation is marked not assessed.
 */
export const speakingSetupSchema = z.object({
  /** `gemini` when a provider is configured, `offline` for the embedded scorer. */
  scorer: z.enum(['gemini', 'offline']),
  /** Recorded audio alone can be scored: the provider transcribes it. */
  transcribes_audio: z.boolean(),
  /** Pronunciation gets a band (from the audio); otherwise it is marked not assessed. */
  assesses_pronunciation: z.boolean(),
});
/** How the server scores a speaking test. */
export type SpeakingSetup = z.infer<typeof speakingSetupSchema>;

/** What a client sees of a speaking test in progress: where it stands and what to ask next. */
export const speakingSessionViewSchema = z.object({
  assessment_id: identifierSchema,
  question_id: identifierSchema,
  phase: speakingPhaseSchema,
  /** What the examiner asks now; null once finished. */
  current_prompt: z
    .object({
      part: speakingPartSchema,
      /** Send it back with the answer (`prompt_id` of the turn). */
      prompt_id: speakingPromptIdSchema,
      text: z.string(),
      cue_card: z.array(z.string()).default([]),
    })
    .nullable(),
  /** When the current phase ends (preparation, talk), if it is timed. */
  phase_deadline_at: isoDateTimeSchema.nullable(),
  turns_completed: z.int().min(0),
  /** True once parts 1–3 each have at least one answer. */
  can_complete: z.boolean(),
});
/** What a client sees of a speaking test in progress. */
export type SpeakingSessionView = z.infer<typeof speakingSessionViewSchema>;
