import {
  SPEAKING_TIMINGS,
  countWords,
  isoDateTimeSchema,
  speakingPartSchema,
  speakingPhaseSchema,
  speakingPromptId,
  speakingPromptIdSchema,
  speakingSessionViewSchema,
  speakingSetSchema,
  speakingTurnInputSchema,
  type SpeakingPart,
  type SpeakingPhase,
  type SpeakingSessionView,
  type SpeakingSet,
  type SpeakingTurnInput,
} from '@ielts-genai-prep/core';
import * as z from 'zod';
import { EvaluatorError } from './evaluator-error.js';

/** Seconds of leeway past a deadline for uploads and clock drift. Default of {@link startSpeakingSession}. */
export const DEFAULT_SPEAKING_GRACE_SECONDS = 15;

/** Seconds a Part 2 rounding-off (follow-up) answer may take. */
export const FOLLOW_UP_ANSWER_SECONDS = 60;

/** What the state keeps of an answered turn: when and how long, never the audio or transcript (too big for a database item). */
export const speakingTurnRecordSchema = z.object({
  part: speakingPartSchema,
  /** Index of the prompt within its part; in Part 2, 0 is the long talk and 1… the follow-up questions. */
  prompt_index: z.int().min(0),
  /** The question or cue card the turn answered. */
  prompt: z.string(),
  asked_at: isoDateTimeSchema,
  submitted_at: isoDateTimeSchema,
  /** How long the candidate spoke, as the client measured it or the word timings show; null when unknown. */
  duration_ms: z.number().min(0).nullable(),
  has_audio: z.boolean(),
  /** Words in the transcript; null without one. */
  word_count: z.int().min(0).nullable(),
});
/** What the state keeps of an answered turn. */
export type SpeakingTurnRecord = z.infer<typeof speakingTurnRecordSchema>;

/** How a speaking test ended. */
export const speakingFinishReasonSchema = z.enum(['all_questions_answered', 'ended_by_candidate', 'time_up']);

/**
 * The state of a speaking test in progress: a plain JSON object, stored by the server in the
 * assessment's `speaking_session` and passed back into the pure functions of this module.
 */
export const speakingSessionStateSchema = z.object({
  version: z.literal(1),
  set: speakingSetSchema,
  grace_seconds: z.number().min(0).max(120),
  started_at: isoDateTimeSchema,
  phase: speakingPhaseSchema,
  phase_started_at: isoDateTimeSchema,
  /** Index of the current prompt within the current part. */
  prompt_index: z.int().min(0),
  /** When the current prompt was put to the candidate. */
  prompt_asked_at: isoDateTimeSchema,
  part_started_at: z.object({
    part1: isoDateTimeSchema,
    part2: isoDateTimeSchema.nullable(),
    part3: isoDateTimeSchema.nullable(),
  }),
  turns: z.array(speakingTurnRecordSchema),
  finished_at: isoDateTimeSchema.nullable(),
  finish_reason: speakingFinishReasonSchema.nullable(),
});
/** The state of a speaking test in progress. */
export type SpeakingSessionState = z.infer<typeof speakingSessionStateSchema>;

/** Options of {@link startSpeakingSession}. */
export interface StartSpeakingSessionOptions {
  /** Seconds of leeway past each deadline. Default {@link DEFAULT_SPEAKING_GRACE_SECONDS}. */
  graceSeconds?: number;
}

/** Starts a speaking test at `now`: Part 1, first question. */
export function startSpeakingSession(set: SpeakingSet, now: Date, options: StartSpeakingSessionOptions = {}): SpeakingSessionState {
  const parsedSet = speakingSetSchema.safeParse(set);
  if (!parsedSet.success) {
    throw new EvaluatorError('invalid_input', 'the speaking set is invalid', { details: parsedSet.error.issues.map(describeIssue) });
  }
  const at = toIso(now);
  return speakingSessionStateSchema.parse({
    version: 1,
    set: parsedSet.data,
    grace_seconds: options.graceSeconds ?? DEFAULT_SPEAKING_GRACE_SECONDS,
    started_at: at,
    phase: 'part1',
    phase_started_at: at,
    prompt_index: 0,
    prompt_asked_at: at,
    part_started_at: { part1: at, part2: null, part3: null },
    turns: [],
    finished_at: null,
    finish_reason: null,
  });
}

/** Reads a stored state back, throwing EvaluatorError `invalid_state` when it is not one. */
export function parseSpeakingSessionState(value: unknown): SpeakingSessionState {
  const parsed = speakingSessionStateSchema.safeParse(value);
  if (!parsed.success) {
    throw new EvaluatorError('invalid_state', 'the stored speaking session is not valid', {
      details: parsed.error.issues.map(describeIssue),
    });
  }
  return parsed.data;
}

/**
 * Applies the transitions that time forces by `now`: Part 1 or Part 3 running out, the
 * preparation minute ending (the talk starts then), the talk or a follow-up not answered in
 * time, the whole test reaching its maximum. Each happens at its deadline (plus the grace,
 * except for preparation), not at `now`, so the result does not depend on when it is asked.
 */
export function syncSpeakingSession(state: SpeakingSessionState, now: Date): SpeakingSessionState {
  const nowMs = now.getTime();
  let current = state;
  for (;;) {
    const cutoff = phaseCutoffMs(current);
    if (cutoff === null || nowMs <= cutoff) return current;
    current = timeOut(current, new Date(cutoff));
  }
}

/**
 * Records the candidate's answer to the current prompt and moves to the next prompt or phase.
 * Throws EvaluatorError `invalid_input` for a malformed turn and `invalid_state` for a turn for
 * the wrong part or, with `prompt_id`, for another prompt than the current one (the question
 * timed out meanwhile, or the client is a step behind), during Part 2 preparation, after the
 * test finished, or longer than allowed.
 */
export function applySpeakingTurn(
  state: SpeakingSessionState,
  turn: SpeakingTurnInput & { prompt_id?: string },
  now: Date,
): SpeakingSessionState {
  const { prompt_id: promptId, ...answer } = turn;
  const parsedTurn = speakingTurnInputSchema.safeParse(answer);
  const parsedPromptId = promptId === undefined ? undefined : speakingPromptIdSchema.safeParse(promptId);
  if (!parsedTurn.success || parsedPromptId?.success === false) {
    const issues = [
      ...(parsedTurn.error?.issues ?? []),
      ...(parsedPromptId?.error?.issues.map((issue) => ({ ...issue, path: ['prompt_id', ...issue.path] })) ?? []),
    ];
    throw new EvaluatorError('invalid_input', 'the speaking turn is invalid', { details: issues.map(describeIssue) });
  }
  const input = parsedTurn.data;
  const current = syncSpeakingSession(state, now);
  const nowMs = now.getTime();
  const graceMs = current.grace_seconds * 1000;

  if (current.phase === 'finished') throw new EvaluatorError('invalid_state', 'the speaking test has finished');
  if (current.phase === 'part2_preparation') {
    const until = phaseDeadlineMs(current);
    throw new EvaluatorError(
      'invalid_state',
      input.part === 2
        ? `Part 2 preparation runs until ${toIso(new Date(until ?? nowMs))}: wait for it to end or skip preparation before talking`
        : `expected the Part 2 talk after preparation, got an answer for Part ${input.part}`,
    );
  }
  const expectedPart = partOfPhase(current.phase);
  const expectedPromptId = speakingPromptId(expectedPart, current.prompt_index);
  if (promptId !== undefined && promptId !== expectedPromptId) {
    throw new EvaluatorError(
      'invalid_state',
      `this answer is for prompt ${promptId}, but the current prompt is ${expectedPromptId} ("${speakingTurnPrompt(current.set, expectedPart, current.prompt_index).split('\n')[0]}"): reload the test and answer the current question`,
    );
  }
  if (input.part !== expectedPart) {
    throw new EvaluatorError('invalid_state', `expected an answer for Part ${expectedPart}, got one for Part ${input.part}`);
  }

  const durationMs = turnDurationMs(input);
  const askedAtMs = Date.parse(current.prompt_asked_at);
  if (durationMs !== null && durationMs > nowMs - askedAtMs + graceMs) {
    throw new EvaluatorError(
      'invalid_state',
      `the answer lasts ${seconds(durationMs)} s, longer than the ${seconds(Math.max(0, nowMs - askedAtMs))} s since the question was asked`,
    );
  }
  if (current.phase === 'part2_talk') {
    const limitSeconds = current.prompt_index === 0 ? SPEAKING_TIMINGS.part2.maximumTalkSeconds : FOLLOW_UP_ANSWER_SECONDS;
    if (durationMs !== null && durationMs > limitSeconds * 1000 + graceMs) {
      const what = current.prompt_index === 0 ? 'the Part 2 talk' : 'a Part 2 follow-up answer';
      throw new EvaluatorError('invalid_state', `${what} lasted ${seconds(durationMs)} s; at most ${limitSeconds} s are allowed`);
    }
  }

  const record: SpeakingTurnRecord = {
    part: expectedPart,
    prompt_index: current.prompt_index,
    prompt: speakingTurnPrompt(current.set, expectedPart, current.prompt_index),
    asked_at: current.prompt_asked_at,
    submitted_at: toIso(now),
    duration_ms: durationMs,
    has_audio: input.audio !== undefined,
    word_count: input.transcript === undefined ? null : countWords(input.transcript.text),
  };
  const answered: SpeakingSessionState = { ...current, turns: [...current.turns, record] };
  const nextIndex = current.prompt_index + 1;
  if (nextIndex < promptCount(current.set, expectedPart)) {
    return { ...answered, prompt_index: nextIndex, prompt_asked_at: toIso(now) };
  }
  if (expectedPart === 1) return enterPart2Preparation(answered, now);
  if (expectedPart === 2) return enterPart3(answered, now);
  return finish(answered, now, 'all_questions_answered');
}

/**
 * The examiner moves on at `now`: Part 1 → Part 2 preparation (after at least one Part 1
 * answer), preparation → talk, talk → Part 3 (after the talk, skipping any follow-ups),
 * Part 3 → finished (after at least one Part 3 answer). Throws EvaluatorError `invalid_state` otherwise.
 */
export function advanceSpeakingSession(state: SpeakingSessionState, now: Date): SpeakingSessionState {
  const current = syncSpeakingSession(state, now);
  switch (current.phase) {
    case 'part1':
      if (!hasAnswered(current, 1)) throw new EvaluatorError('invalid_state', 'answer at least one Part 1 question before moving on');
      return enterPart2Preparation(current, now);
    case 'part2_preparation':
      return enterTalk(current, now);
    case 'part2_talk':
      if (!hasAnswered(current, 2)) throw new EvaluatorError('invalid_state', 'give the Part 2 talk before moving on');
      return enterPart3(current, now);
    case 'part3':
      if (!hasAnswered(current, 3)) throw new EvaluatorError('invalid_state', 'answer at least one Part 3 question before finishing');
      return finish(current, now, 'ended_by_candidate');
    case 'finished':
      throw new EvaluatorError('invalid_state', 'the speaking test has finished');
  }
}

/** Ends the Part 2 preparation minute early: the talk starts at `now`. Throws `invalid_state` outside preparation. */
export function skipSpeakingPreparation(state: SpeakingSessionState, now: Date): SpeakingSessionState {
  const current = syncSpeakingSession(state, now);
  if (current.phase !== 'part2_preparation') {
    throw new EvaluatorError('invalid_state', `there is no preparation to skip in phase ${current.phase}`);
  }
  return enterTalk(current, now);
}

/**
 * Ends the test at `now` so it can be scored; a test already finished stays as it was.
 * Throws `invalid_state` unless {@link canCompleteSpeakingSession}.
 */
export function finishSpeakingSession(state: SpeakingSessionState, now: Date): SpeakingSessionState {
  const current = syncSpeakingSession(state, now);
  if (!canCompleteSpeakingSession(current)) {
    throw new EvaluatorError('invalid_state', 'the test needs at least one answer in each of Parts 1, 2 and 3 before it can be scored');
  }
  return current.phase === 'finished' ? current : finish(current, now, 'ended_by_candidate');
}

/** True once Parts 1, 2 (the talk) and 3 each have at least one answer: the test can be scored. */
export function canCompleteSpeakingSession(state: SpeakingSessionState): boolean {
  return hasAnswered(state, 1) && hasAnswered(state, 2) && hasAnswered(state, 3);
}

/** The identifiers a session view carries. */
export interface SpeakingSessionIds {
  assessment_id: string;
  question_id: string;
}

/**
 * What a client sees of the test. Pass `now` to apply the transitions time forced first
 * (the stored state may be older than the preparation minute, say).
 */
export function toSpeakingSessionView(state: SpeakingSessionState, ids: SpeakingSessionIds, now?: Date): SpeakingSessionView {
  const current = now === undefined ? state : syncSpeakingSession(state, now);
  const deadline = phaseDeadlineMs(current);
  return speakingSessionViewSchema.parse({
    assessment_id: ids.assessment_id,
    question_id: ids.question_id,
    phase: current.phase,
    current_prompt: currentPrompt(current),
    phase_deadline_at: deadline === null ? null : toIso(new Date(deadline)),
    turns_completed: current.turns.length,
    can_complete: canCompleteSpeakingSession(current),
  });
}

/**
 * The prompt a turn answers: in Part 1 and Part 3 the question at `index`; in Part 2, index 0 is
 * the cue card (topic, points and closing line) and index 1… the follow-up questions.
 */
export function speakingTurnPrompt(set: SpeakingSet, part: SpeakingPart, index: number): string {
  if (part === 2) {
    if (index === 0) return [set.part2.topic, 'You should say:', ...set.part2.prompts, set.part2.closing].join('\n');
    return set.part2.follow_up[index - 1] ?? '';
  }
  const questions = part === 1 ? set.part1.questions : set.part3.questions;
  return questions[index] ?? '';
}

/** The Part 1 / Part 3 question or Part 2 card the candidate faces now; null once finished. */
function currentPrompt(state: SpeakingSessionState): SpeakingSessionView['current_prompt'] {
  const { set } = state;
  const question = (part: SpeakingPart, text: string | undefined) => ({
    part,
    prompt_id: speakingPromptId(part, state.prompt_index),
    text: text ?? '',
    cue_card: [],
  });
  const cueCard = () => ({
    part: 2 as const,
    prompt_id: speakingPromptId(2, 0),
    text: set.part2.topic,
    cue_card: [...set.part2.prompts, set.part2.closing],
  });
  switch (state.phase) {
    case 'part1':
      return question(1, set.part1.questions[state.prompt_index]);
    case 'part2_preparation':
      return cueCard();
    case 'part2_talk':
      return state.prompt_index === 0 ? cueCard() : question(2, set.part2.follow_up[state.prompt_index - 1]);
    case 'part3':
      return question(3, set.part3.questions[state.prompt_index]);
    case 'finished':
      return null;
  }
}

function promptCount(set: SpeakingSet, part: SpeakingPart): number {
  if (part === 1) return set.part1.questions.length;
  if (part === 2) return 1 + set.part2.follow_up.length;
  return set.part3.questions.length;
}

function partOfPhase(phase: Exclude<SpeakingPhase, 'finished'>): SpeakingPart {
  if (phase === 'part1') return 1;
  if (phase === 'part3') return 3;
  return 2;
}

function hasAnswered(state: SpeakingSessionState, part: SpeakingPart): boolean {
  // Part 2 counts only once the long talk (prompt 0) is given.
  return state.turns.some((turn) => turn.part === part && (part !== 2 || turn.prompt_index === 0));
}

/** When the current phase (or, in Part 2 follow-ups, the current question) ends, nominally; null once finished. */
function phaseDeadlineMs(state: SpeakingSessionState): number | null {
  const minute = 60_000;
  switch (state.phase) {
    case 'part1':
      return Date.parse(state.part_started_at.part1) + SPEAKING_TIMINGS.part1.maximumSeconds * 1000;
    case 'part2_preparation':
      return Date.parse(state.phase_started_at) + SPEAKING_TIMINGS.part2.preparationSeconds * 1000;
    case 'part2_talk':
      if (state.prompt_index === 0) return Date.parse(state.phase_started_at) + SPEAKING_TIMINGS.part2.maximumTalkSeconds * 1000;
      return Date.parse(state.prompt_asked_at) + FOLLOW_UP_ANSWER_SECONDS * 1000;
    case 'part3': {
      const partEnd = Date.parse(state.part_started_at.part3 ?? state.phase_started_at) + SPEAKING_TIMINGS.part3.maximumSeconds * 1000;
      const testEnd = Date.parse(state.started_at) + SPEAKING_TIMINGS.total.maximumSeconds * 1000;
      return Math.max(Math.min(partEnd, testEnd), Date.parse(state.phase_started_at) + minute);
    }
    case 'finished':
      return null;
  }
}

/** When time forces the phase to end: the deadline, plus the grace except for preparation. */
function phaseCutoffMs(state: SpeakingSessionState): number | null {
  const deadline = phaseDeadlineMs(state);
  if (deadline === null) return null;
  return state.phase === 'part2_preparation' ? deadline : deadline + state.grace_seconds * 1000;
}

function timeOut(state: SpeakingSessionState, at: Date): SpeakingSessionState {
  switch (state.phase) {
    case 'part1':
      return enterPart2Preparation(state, at);
    case 'part2_preparation':
      return enterTalk(state, at);
    case 'part2_talk':
      return enterPart3(state, at);
    case 'part3':
    case 'finished':
      return finish(state, at, 'time_up');
  }
}

/** The state as a phase begins at `at`: its first prompt asked then, and the part's start stamped when the phase opens a part. */
function enterPhase(
  state: SpeakingSessionState,
  phase: 'part2_preparation' | 'part2_talk' | 'part3',
  at: Date,
  opensPart?: 'part2' | 'part3',
): SpeakingSessionState {
  const iso = toIso(at);
  return {
    ...state,
    phase,
    phase_started_at: iso,
    prompt_index: 0,
    prompt_asked_at: iso,
    ...(opensPart ? { part_started_at: { ...state.part_started_at, [opensPart]: iso } } : {}),
  };
}

const enterPart2Preparation = (state: SpeakingSessionState, at: Date) => enterPhase(state, 'part2_preparation', at, 'part2');
const enterTalk = (state: SpeakingSessionState, at: Date) => enterPhase(state, 'part2_talk', at);
const enterPart3 = (state: SpeakingSessionState, at: Date) => enterPhase(state, 'part3', at, 'part3');

function finish(state: SpeakingSessionState, at: Date, reason: z.infer<typeof speakingFinishReasonSchema>): SpeakingSessionState {
  const iso = toIso(at);
  return { ...state, phase: 'finished', phase_started_at: iso, prompt_asked_at: iso, finished_at: iso, finish_reason: reason };
}

/** The client's duration, else the end of the last timed word; null when neither is known. */
function turnDurationMs(turn: SpeakingTurnInput): number | null {
  if (turn.duration_ms !== undefined) return turn.duration_ms;
  const words = turn.transcript?.words ?? [];
  if (words.length === 0) return null;
  return Math.max(...words.map((word) => word.end_ms));
}

function toIso(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new EvaluatorError('invalid_input', 'the time given is not a valid date');
  return date.toISOString();
}

function seconds(milliseconds: number): string {
  return (milliseconds / 1000).toFixed(1).replace(/\.0$/, '');
}

function describeIssue(issue: { path: readonly PropertyKey[]; message: string }): string {
  return `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`;
}
