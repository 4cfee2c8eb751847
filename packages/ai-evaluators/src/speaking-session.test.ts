import { SPEAKING_TIMINGS, speakingSetSchema, speakingSessionViewSchema, type SpeakingTurnInput } from '@ielts-genai-prep/core';
import { describe, expect, it } from 'vitest';
import setFixture from './__fixtures__/gemini-speaking-set.json' with { type: 'json' };
import { EvaluatorError } from './evaluator-error.js';
import {
  DEFAULT_SPEAKING_GRACE_SECONDS,
  FOLLOW_UP_ANSWER_SECONDS,
  advanceSpeakingSession,
  applySpeakingTurn,
  canCompleteSpeakingSession,
  finishSpeakingSession,
  parseSpeakingSessionState,
  skipSpeakingPreparation,
  speakingTurnPrompt,
  startSpeakingSession,
  syncSpeakingSession,
  toSpeakingSessionView,
  type SpeakingSessionState,
} from './speaking-session.js';

const set = speakingSetSchema.parse(setFixture);
const startMs = Date.parse('2026-11-25T10:00:00.000Z');
const ids = { assessment_id: 'assessment-1', question_id: 'speaking-q1' };
const grace = DEFAULT_SPEAKING_GRACE_SECONDS;

/** The instant `seconds` after the test started. */
function at(seconds: number): Date {
  return new Date(startMs + seconds * 1000);
}

function answer(part: 1 | 2 | 3, seconds = 20, text = 'I live in a small flat near the city centre with my family.'): SpeakingTurnInput {
  return { part, transcript: { text, words: [] }, duration_ms: seconds * 1000 };
}

function expectError(action: () => unknown, code: string, message?: RegExp): void {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(EvaluatorError.isInstance(caught), `expected an EvaluatorError, got ${String(caught)}`).toBe(true);
  expect((caught as EvaluatorError).code).toBe(code);
  if (message) expect((caught as EvaluatorError).message).toMatch(message);
}

/** A test driven through Part 1 (all three questions, 30 s apart), ending in preparation at 90 s. */
function throughPart1(): SpeakingSessionState {
  let state = startSpeakingSession(set, at(0));
  state = applySpeakingTurn(state, answer(1), at(30));
  state = applySpeakingTurn(state, answer(1), at(60));
  return applySpeakingTurn(state, answer(1), at(90));
}

/** Through Part 2: preparation 90–150 s, the talk answered at 260 s, the follow-up at 290 s; Part 3 starts at 290 s. */
function throughPart2(): SpeakingSessionState {
  let state = throughPart1();
  state = applySpeakingTurn(state, answer(2, 105), at(260));
  return applySpeakingTurn(state, answer(2, 20), at(290));
}

function deepFreeze<Value>(value: Value): Value {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe('startSpeakingSession', () => {
  it('opens Part 1 on the first question with the five-minute deadline', () => {
    const state = startSpeakingSession(set, at(0));
    expect(state.phase).toBe('part1');
    expect(state.turns).toEqual([]);
    const view = toSpeakingSessionView(state, ids);
    expect(speakingSessionViewSchema.parse(view)).toEqual(view);
    expect(view).toEqual({
      ...ids,
      phase: 'part1',
      current_prompt: { part: 1, prompt_id: 'part1-0', text: 'Do you live in a house or a flat?', cue_card: [] },
      phase_deadline_at: at(SPEAKING_TIMINGS.part1.maximumSeconds).toISOString(),
      turns_completed: 0,
      can_complete: false,
    });
  });

  it('rejects an invalid set and an invalid date as invalid_input', () => {
    expectError(() => startSpeakingSession({ ...set, part1: { topic: 'x', questions: [] } }, at(0)), 'invalid_input');
    expectError(() => startSpeakingSession(set, new Date('not a date')), 'invalid_input');
  });

  it('is a plain JSON object that survives a round trip through storage', () => {
    const state = throughPart2();
    const stored = JSON.parse(JSON.stringify(state)) as Record<string, unknown>;
    expect(parseSpeakingSessionState(stored)).toEqual(state);
    expectError(() => parseSpeakingSessionState({ ...stored, phase: 'part4' }), 'invalid_state');
    expectError(() => parseSpeakingSessionState(null), 'invalid_state');
  });
});

describe('Part 1', () => {
  it('moves through the questions in order and records each turn without audio or transcript', () => {
    let state = startSpeakingSession(set, at(0));
    state = applySpeakingTurn(state, answer(1, 25), at(30));
    expect(state.phase).toBe('part1');
    expect(state.prompt_index).toBe(1);
    expect(toSpeakingSessionView(state, ids).current_prompt?.text).toBe('What do you like most about your neighbourhood?');
    expect(state.turns).toEqual([
      {
        part: 1,
        prompt_index: 0,
        prompt: 'Do you live in a house or a flat?',
        asked_at: at(0).toISOString(),
        submitted_at: at(30).toISOString(),
        duration_ms: 25_000,
        has_audio: false,
        word_count: 13,
      },
    ]);
  });

  it('goes to Part 2 preparation after the last question, with the cue card and a one-minute deadline', () => {
    const state = throughPart1();
    expect(state.phase).toBe('part2_preparation');
    const view = toSpeakingSessionView(state, ids);
    expect(view.current_prompt).toEqual({
      part: 2,
      prompt_id: 'part2-0',
      text: 'Describe a time when you helped someone.',
      cue_card: ['who you helped', 'what the situation was', 'how you helped them', 'and explain how you felt about helping this person.'],
    });
    expect(view.phase_deadline_at).toBe(at(90 + SPEAKING_TIMINGS.part2.preparationSeconds).toISOString());
    expect(view.turns_completed).toBe(3);
  });

  it('rejects answers for Part 2 or Part 3 as invalid_state', () => {
    const state = startSpeakingSession(set, at(0));
    expectError(() => applySpeakingTurn(state, answer(2), at(10)), 'invalid_state', /Part 1/);
    expectError(() => applySpeakingTurn(state, answer(3), at(10)), 'invalid_state', /Part 1/);
  });

  it('binds each answer to its prompt: an answer for another prompt is invalid_state and changes nothing', () => {
    const state = startSpeakingSession(set, at(0));
    const first = applySpeakingTurn(state, { ...answer(1, 10), prompt_id: 'part1-0' }, at(15));
    expect(toSpeakingSessionView(first, ids).current_prompt?.prompt_id).toBe('part1-1');
    // A client a step behind sends its answer for the question already answered.
    expectError(() => applySpeakingTurn(first, { ...answer(1, 10), prompt_id: 'part1-0' }, at(30)), 'invalid_state');
    expect(() => applySpeakingTurn(first, { ...answer(1, 10), prompt_id: 'part1-0' }, at(30))).toThrow(/current prompt is part1-1/);
    expectError(() => applySpeakingTurn(first, { ...answer(1, 10), prompt_id: 'part3-1' }, at(30)), 'invalid_state');
    expect(first.turns).toHaveLength(1);
    expectError(() => applySpeakingTurn(first, { ...answer(1, 10), prompt_id: 'question one' }, at(30)), 'invalid_input');
    expect(applySpeakingTurn(first, { ...answer(1, 10), prompt_id: 'part1-1' }, at(30)).turns).toHaveLength(2);
  });

  it('rejects a malformed turn as invalid_input', () => {
    const state = startSpeakingSession(set, at(0));
    expectError(() => applySpeakingTurn(state, { part: 1 } as SpeakingTurnInput, at(10)), 'invalid_input');
    expectError(() => applySpeakingTurn(state, { part: 4 } as unknown as SpeakingTurnInput, at(10)), 'invalid_input');
  });

  it('rejects an answer longer than the time since the question was asked', () => {
    const state = startSpeakingSession(set, at(0));
    expectError(() => applySpeakingTurn(state, answer(1, 60), at(30)), 'invalid_state', /longer than/);
    // Within the grace it is accepted (client clocks and uploads are not exact).
    expect(applySpeakingTurn(state, answer(1, 30 + grace), at(30)).turns).toHaveLength(1);
  });

  it('takes the duration from the word timings when the client sends none', () => {
    const state = startSpeakingSession(set, at(0));
    const turn: SpeakingTurnInput = {
      part: 1,
      transcript: {
        text: 'I live in a flat',
        words: [
          { word: 'I', start_ms: 0, end_ms: 200 },
          { word: 'live', start_ms: 250, end_ms: 500 },
          { word: 'in', start_ms: 550, end_ms: 650 },
          { word: 'a', start_ms: 700, end_ms: 750 },
          { word: 'flat', start_ms: 800, end_ms: 41_000 },
        ],
      },
    };
    expect(applySpeakingTurn(state, turn, at(45)).turns[0]?.duration_ms).toBe(41_000);
    expectError(() => applySpeakingTurn(state, turn, at(20)), 'invalid_state', /longer than/);
  });

  it('ends by time five minutes (plus grace) after it started, and the next phases start then', () => {
    let state = startSpeakingSession(set, at(0));
    state = applySpeakingTurn(state, answer(1), at(60));
    const cutoff = SPEAKING_TIMINGS.part1.maximumSeconds + grace;
    expect(syncSpeakingSession(state, at(cutoff)).phase).toBe('part1');
    const late = syncSpeakingSession(state, at(cutoff + 1));
    expect(late.phase).toBe('part2_preparation');
    expect(late.phase_started_at).toBe(at(cutoff).toISOString());
    expectError(() => applySpeakingTurn(state, answer(1), at(cutoff + 1)), 'invalid_state');
  });

  it('can be left early by the examiner after at least one answer', () => {
    const fresh = startSpeakingSession(set, at(0));
    expectError(() => advanceSpeakingSession(fresh, at(10)), 'invalid_state', /at least one Part 1/);
    const answered = applySpeakingTurn(fresh, answer(1), at(30));
    const advanced = advanceSpeakingSession(answered, at(40));
    expect(advanced.phase).toBe('part2_preparation');
    expect(toSpeakingSessionView(advanced, ids).phase_deadline_at).toBe(at(100).toISOString());
  });
});

describe('Part 2', () => {
  it('rejects the talk during the preparation minute', () => {
    const state = throughPart1();
    expectError(() => applySpeakingTurn(state, answer(2, 10), at(120)), 'invalid_state', /preparation runs until 2026-11-25T10:02:30.000Z/);
    expectError(() => applySpeakingTurn(state, answer(1, 10), at(120)), 'invalid_state');
    expectError(() => applySpeakingTurn(state, answer(3, 10), at(120)), 'invalid_state');
  });

  it('starts the talk by itself when the preparation minute ends', () => {
    const state = throughPart1();
    const view = toSpeakingSessionView(state, ids, at(151));
    expect(view.phase).toBe('part2_talk');
    expect(view.phase_deadline_at).toBe(at(150 + SPEAKING_TIMINGS.part2.maximumTalkSeconds).toISOString());
    const talked = applySpeakingTurn(state, answer(2, 110), at(265));
    expect(talked.turns.at(-1)).toMatchObject({ part: 2, prompt_index: 0, asked_at: at(150).toISOString(), duration_ms: 110_000 });
  });

  it('lets the candidate skip the rest of preparation and talk at once', () => {
    const state = skipSpeakingPreparation(throughPart1(), at(100));
    expect(state.phase).toBe('part2_talk');
    expect(toSpeakingSessionView(state, ids).phase_deadline_at).toBe(at(220).toISOString());
    expect(applySpeakingTurn(state, answer(2, 90), at(195)).phase).toBe('part2_talk');
    expectError(() => skipSpeakingPreparation(state, at(101)), 'invalid_state', /no preparation/);
    expectError(() => skipSpeakingPreparation(startSpeakingSession(set, at(0)), at(1)), 'invalid_state');
  });

  it('advancing during preparation starts the talk', () => {
    expect(advanceSpeakingSession(throughPart1(), at(100)).phase).toBe('part2_talk');
  });

  it('allows a talk of at most two minutes plus the grace', () => {
    const talking = syncSpeakingSession(throughPart1(), at(150));
    const limit = SPEAKING_TIMINGS.part2.maximumTalkSeconds;
    expectError(() => applySpeakingTurn(talking, answer(2, limit + grace + 1), at(150 + limit + grace)), 'invalid_state', /at most 120 s/);
    expect(applySpeakingTurn(talking, answer(2, limit + grace), at(150 + limit + grace)).turns).toHaveLength(4);
  });

  it('closes the talk when it was not given in time and moves to Part 3', () => {
    const state = throughPart1();
    const cutoff = 150 + SPEAKING_TIMINGS.part2.maximumTalkSeconds + grace;
    expectError(() => applySpeakingTurn(state, answer(2, 100), at(cutoff + 1)), 'invalid_state', /Part 3/);
    const moved = syncSpeakingSession(state, at(cutoff + 1));
    expect(moved.phase).toBe('part3');
    expect(moved.part_started_at.part3).toBe(at(cutoff).toISOString());
    expect(canCompleteSpeakingSession(moved)).toBe(false);
  });

  it('asks the follow-up question after the talk, then goes to Part 3', () => {
    let state = throughPart1();
    state = applySpeakingTurn(state, answer(2, 105), at(260));
    expect(state.phase).toBe('part2_talk');
    const view = toSpeakingSessionView(state, ids);
    expect(view.current_prompt).toEqual({ part: 2, prompt_id: 'part2-1', text: 'Do you often help other people?', cue_card: [] });
    expect(view.phase_deadline_at).toBe(at(260 + FOLLOW_UP_ANSWER_SECONDS).toISOString());
    expectError(() => applySpeakingTurn(state, answer(2, FOLLOW_UP_ANSWER_SECONDS + grace + 1), at(260 + 59)), 'invalid_state');
    state = applySpeakingTurn(state, answer(2, 20), at(290));
    expect(state.phase).toBe('part3');
    expect(state.turns.at(-1)).toMatchObject({ part: 2, prompt_index: 1, prompt: 'Do you often help other people?' });
    expect(toSpeakingSessionView(state, ids).current_prompt?.text).toBe('Why do some people enjoy volunteering while others do not?');
  });

  it('a follow-up not answered in time moves the test on to Part 3', () => {
    const state = applySpeakingTurn(throughPart1(), answer(2, 105), at(260));
    expect(syncSpeakingSession(state, at(260 + FOLLOW_UP_ANSWER_SECONDS + grace + 1)).phase).toBe('part3');
  });

  it('the examiner may skip the follow-up, but not the talk', () => {
    const talking = syncSpeakingSession(throughPart1(), at(150));
    expectError(() => advanceSpeakingSession(talking, at(160)), 'invalid_state', /Part 2 talk/);
    const talked = applySpeakingTurn(talking, answer(2, 100), at(255));
    expect(advanceSpeakingSession(talked, at(256)).phase).toBe('part3');
  });
});

describe('Part 3 and completion', () => {
  it('finishes after the last question and can then be completed', () => {
    let state = throughPart2();
    expect(canCompleteSpeakingSession(state)).toBe(false);
    state = applySpeakingTurn(state, answer(3, 40), at(340));
    expect(canCompleteSpeakingSession(state)).toBe(true);
    expect(toSpeakingSessionView(state, ids).can_complete).toBe(true);
    state = applySpeakingTurn(state, answer(3, 40), at(390));
    expect(state.phase).toBe('finished');
    expect(state.finish_reason).toBe('all_questions_answered');
    expect(state.finished_at).toBe(at(390).toISOString());
    const view = toSpeakingSessionView(state, ids);
    expect(view).toMatchObject({
      phase: 'finished',
      current_prompt: null,
      phase_deadline_at: null,
      turns_completed: 7,
      can_complete: true,
    });
    expectError(() => applySpeakingTurn(state, answer(3), at(400)), 'invalid_state', /finished/);
    expectError(() => advanceSpeakingSession(state, at(400)), 'invalid_state', /finished/);
  });

  it('rejects Part 1 and Part 2 answers during Part 3', () => {
    const state = throughPart2();
    expectError(() => applySpeakingTurn(state, answer(1), at(300)), 'invalid_state', /Part 3/);
    expectError(() => applySpeakingTurn(state, answer(2), at(300)), 'invalid_state', /Part 3/);
  });

  it('can be ended by the candidate after one Part 3 answer', () => {
    const state = throughPart2();
    expectError(() => advanceSpeakingSession(state, at(300)), 'invalid_state', /Part 3/);
    expectError(() => finishSpeakingSession(state, at(300)), 'invalid_state');
    const answered = applySpeakingTurn(state, answer(3, 30), at(330));
    const ended = finishSpeakingSession(answered, at(335));
    expect(ended).toMatchObject({ phase: 'finished', finish_reason: 'ended_by_candidate', finished_at: at(335).toISOString() });
    expect(finishSpeakingSession(ended, at(500))).toEqual(ended);
    expect(advanceSpeakingSession(answered, at(335)).finish_reason).toBe('ended_by_candidate');
  });

  it('ends Part 3 five minutes after it started', () => {
    const state = applySpeakingTurn(throughPart2(), answer(3, 30), at(330));
    const cutoff = 290 + SPEAKING_TIMINGS.part3.maximumSeconds + grace;
    expect(syncSpeakingSession(state, at(cutoff)).phase).toBe('part3');
    const ended = syncSpeakingSession(state, at(cutoff + 1));
    expect(ended).toMatchObject({ phase: 'finished', finish_reason: 'time_up', finished_at: at(cutoff).toISOString() });
    expect(canCompleteSpeakingSession(ended)).toBe(true);
  });

  it('ends Part 3 when the whole test reaches its maximum', () => {
    // Part 1 runs its full five minutes, preparation and talk use their full time, and the follow-up its minute.
    let state = startSpeakingSession(set, at(0));
    state = applySpeakingTurn(state, answer(1, 100), at(100));
    state = applySpeakingTurn(state, answer(1, 100), at(200));
    state = applySpeakingTurn(state, answer(1, 90), at(300));
    // Preparation 300–360 s; the talk and the follow-up each arrive at the last moment the grace allows.
    state = applySpeakingTurn(state, answer(2, 120), at(360 + 120 + grace));
    state = applySpeakingTurn(state, answer(2, 60), at(495 + 60 + grace));
    expect(state.phase).toBe('part3');
    expect(state.part_started_at.part3).toBe(at(570).toISOString());
    const testEnd = SPEAKING_TIMINGS.total.maximumSeconds;
    const view = toSpeakingSessionView(state, ids);
    expect(view.phase_deadline_at).toBe(at(testEnd).toISOString());
    expect(syncSpeakingSession(state, at(testEnd + grace + 1)).finish_reason).toBe('time_up');
  });

  it('a test left alone runs out phase by phase and cannot be completed', () => {
    const abandoned = syncSpeakingSession(startSpeakingSession(set, at(0)), at(3600));
    expect(abandoned.phase).toBe('finished');
    expect(abandoned.finish_reason).toBe('time_up');
    expect(canCompleteSpeakingSession(abandoned)).toBe(false);
    expectError(() => finishSpeakingSession(abandoned, at(3600)), 'invalid_state');
  });
});

describe('purity', () => {
  it('never changes the state it is given and gives the same answer for the same input', () => {
    const frozen = deepFreeze(throughPart1());
    const first = applySpeakingTurn(frozen, answer(2, 100), at(255));
    const second = applySpeakingTurn(frozen, answer(2, 100), at(255));
    expect(second).toEqual(first);
    expect(frozen.phase).toBe('part2_preparation');
    expect(() => skipSpeakingPreparation(frozen, at(100))).not.toThrow();
    expect(() => syncSpeakingSession(frozen, at(10_000))).not.toThrow();
  });
});

describe('speakingTurnPrompt', () => {
  it('names the question, the cue card or the follow-up a turn answers', () => {
    expect(speakingTurnPrompt(set, 1, 2)).toBe('Is there anything you would like to change about where you live?');
    expect(speakingTurnPrompt(set, 2, 0)).toBe(
      'Describe a time when you helped someone.\nYou should say:\nwho you helped\nwhat the situation was\nhow you helped them\nand explain how you felt about helping this person.',
    );
    expect(speakingTurnPrompt(set, 2, 1)).toBe('Do you often help other people?');
    expect(speakingTurnPrompt(set, 3, 1)).toBe('Should schools require students to do community service?');
  });
});
