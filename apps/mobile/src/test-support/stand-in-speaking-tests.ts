// The speaking tests the stand-in server keeps: the phases and prompts of the reference server's
// speaking workflow (Part 1 questions, Part 2 preparation, talk and follow-ups, Part 3 questions),
// with its rules that matter to an app: an answer names the prompt it answers (another prompt is
// a 409), `advance` names the phase it moves from (a 409 otherwise), the preparation minute ends
// by itself at its deadline. Simplified: Parts 1 and 3 and the talk do not time out by themselves
// (a test moves them on with `expirePhase`), and the server's duration checks are left out.
import {
  SPEAKING_TIMINGS,
  speakingPromptId,
  type SpeakingPart,
  type SpeakingPhase,
  type SpeakingSessionView,
  type SpeakingSet,
  type Transcript,
  type TranscriptSource,
} from '@ielts-genai-prep/core';

/** An answered turn, as the stand-in keeps it. */
export interface StandInTurn {
  part: SpeakingPart;
  prompt_id: string;
  has_audio: boolean;
  transcript: Transcript | null;
  transcript_source: TranscriptSource | null;
  duration_ms: number | null;
}

/** A speaking test in progress. */
export interface StandInSpeakingTest {
  assessment_id: string;
  question_id: string;
  email: string;
  set: SpeakingSet;
  phase: SpeakingPhase;
  prompt_index: number;
  /** When the current phase started (epoch ms). */
  phase_started_at: number;
  turns: StandInTurn[];
}

/** A request the workflow refuses, as the server's 409. */
export class SpeakingConflict extends Error {}

function promptCount(set: SpeakingSet, part: SpeakingPart): number {
  if (part === 1) return set.part1.questions.length;
  if (part === 2) return 1 + set.part2.follow_up.length;
  return set.part3.questions.length;
}

function partOf(phase: Exclude<SpeakingPhase, 'finished'>): SpeakingPart {
  if (phase === 'part1') return 1;
  if (phase === 'part3') return 3;
  return 2;
}

function enter(test: StandInSpeakingTest, phase: SpeakingPhase, at: number): void {
  test.phase = phase;
  test.prompt_index = 0;
  test.phase_started_at = at;
}

const preparationDeadline = (test: StandInSpeakingTest) => test.phase_started_at + SPEAKING_TIMINGS.part2.preparationSeconds * 1000;

/** Applies what time forces by now: the preparation minute ending starts the talk at its deadline. */
export function syncSpeakingTest(test: StandInSpeakingTest, now = Date.now()): void {
  if (test.phase === 'part2_preparation' && now >= preparationDeadline(test)) enter(test, 'part2_talk', preparationDeadline(test));
}

/** Whether each part has an answer (Part 2: the talk). */
export function canComplete(test: StandInSpeakingTest): boolean {
  const answered = (part: SpeakingPart) => test.turns.some((turn) => turn.part === part && (part !== 2 || turn.prompt_id === 'part2-0'));
  return answered(1) && answered(2) && answered(3);
}

/** What the app sees of the test. */
export function speakingView(test: StandInSpeakingTest): SpeakingSessionView {
  syncSpeakingTest(test);
  const { set } = test;
  const cueCard = [...set.part2.prompts, set.part2.closing];
  let prompt: SpeakingSessionView['current_prompt'] = null;
  let deadline: number | null = null;
  switch (test.phase) {
    case 'part1':
      prompt = {
        part: 1,
        prompt_id: speakingPromptId(1, test.prompt_index),
        text: set.part1.questions[test.prompt_index] ?? '',
        cue_card: [],
      };
      break;
    case 'part2_preparation':
      prompt = { part: 2, prompt_id: speakingPromptId(2, 0), text: set.part2.topic, cue_card: cueCard };
      deadline = preparationDeadline(test);
      break;
    case 'part2_talk':
      prompt =
        test.prompt_index === 0
          ? { part: 2, prompt_id: speakingPromptId(2, 0), text: set.part2.topic, cue_card: cueCard }
          : {
              part: 2,
              prompt_id: speakingPromptId(2, test.prompt_index),
              text: set.part2.follow_up[test.prompt_index - 1] ?? '',
              cue_card: [],
            };
      if (test.prompt_index === 0) deadline = test.phase_started_at + SPEAKING_TIMINGS.part2.maximumTalkSeconds * 1000;
      break;
    case 'part3':
      prompt = {
        part: 3,
        prompt_id: speakingPromptId(3, test.prompt_index),
        text: set.part3.questions[test.prompt_index] ?? '',
        cue_card: [],
      };
      break;
    case 'finished':
      break;
  }
  return {
    assessment_id: test.assessment_id,
    question_id: test.question_id,
    phase: test.phase,
    current_prompt: prompt,
    phase_deadline_at: deadline === null ? null : new Date(deadline).toISOString(),
    turns_completed: test.turns.length,
    can_complete: canComplete(test),
  };
}

/** Records an answer to the current prompt and moves on, or throws {@link SpeakingConflict}. */
export function answerSpeakingTest(test: StandInSpeakingTest, turn: StandInTurn, now = Date.now()): void {
  syncSpeakingTest(test, now);
  if (test.phase === 'finished') throw new SpeakingConflict('The speaking test has finished');
  if (test.phase === 'part2_preparation') {
    throw new SpeakingConflict(
      `Part 2 preparation runs until ${new Date(preparationDeadline(test)).toISOString()}: wait for it to end or skip preparation before talking`,
    );
  }
  const part = partOf(test.phase);
  const expected = speakingPromptId(part, test.prompt_index);
  if (turn.prompt_id !== expected) {
    throw new SpeakingConflict(
      `This answer is for prompt ${turn.prompt_id}, but the current prompt is ${expected}: reload the test and answer the current question`,
    );
  }
  if (turn.part !== part) throw new SpeakingConflict(`Expected an answer for Part ${part}, got one for Part ${turn.part}`);
  test.turns.push(turn);
  if (test.prompt_index + 1 < promptCount(test.set, part)) {
    test.prompt_index += 1;
    return;
  }
  enter(test, part === 1 ? 'part2_preparation' : part === 2 ? 'part3' : 'finished', now);
}

/** Moves on from `fromPhase` as the examiner would, or throws {@link SpeakingConflict}. */
export function advanceSpeakingTest(test: StandInSpeakingTest, fromPhase: SpeakingPhase, now = Date.now()): void {
  syncSpeakingTest(test, now);
  if (test.phase !== fromPhase) throw new SpeakingConflict(`The test is in ${test.phase}, not ${fromPhase}: it has moved on already`);
  const answered = (part: SpeakingPart) => test.turns.some((turn) => turn.part === part);
  switch (test.phase) {
    case 'part1':
      if (!answered(1)) throw new SpeakingConflict('Answer at least one Part 1 question before moving on');
      enter(test, 'part2_preparation', now);
      return;
    case 'part2_preparation':
      enter(test, 'part2_talk', now);
      return;
    case 'part2_talk':
      if (!answered(2)) throw new SpeakingConflict('Give the Part 2 talk before moving on');
      enter(test, 'part3', now);
      return;
    case 'part3':
      if (!answered(3)) throw new SpeakingConflict('Answer at least one Part 3 question before finishing');
      enter(test, 'finished', now);
      return;
    case 'finished':
      throw new SpeakingConflict('The speaking test has finished');
  }
}

/** The current phase runs out of time now, as the server's clock would end it. */
export function expireSpeakingPhase(test: StandInSpeakingTest, now = Date.now()): void {
  const next: Record<SpeakingPhase, SpeakingPhase> = {
    part1: 'part2_preparation',
    part2_preparation: 'part2_talk',
    part2_talk: 'part3',
    part3: 'finished',
    finished: 'finished',
  };
  enter(test, next[test.phase], now);
}
