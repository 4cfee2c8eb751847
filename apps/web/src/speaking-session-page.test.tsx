import type { SpeakingSessionView, SpeakingSetup } from '@ielts-genai-prep/core';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProvider } from './app-context.js';
import { errorBody, fakeApi, type FakeRoutes, type ReceivedRequest } from './fake-api.js';
import {
  FakeRecognition,
  fakeVoice,
  installMicrophone,
  installSpeechRecognition,
  installSpeechSynthesis,
  type FakeSpeechSynthesis,
} from './fake-browser-media.js';
import { SpeakingSessionPage, turnSubmission } from './speaking-session-page.js';

const offline: SpeakingSetup = { scorer: 'offline', transcribes_audio: false, assesses_pronunciation: false };
const gemini: SpeakingSetup = { scorer: 'gemini', transcribes_audio: true, assesses_pronunciation: true };

const cueCard = {
  part: 2 as const,
  prompt_id: 'part2-0',
  text: 'Describe a place in your town or city that you enjoy visiting',
  cue_card: ['where this place is', 'how often you go there', 'and explain why you enjoy visiting it.'],
};
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const view = (fields: Partial<SpeakingSessionView>): SpeakingSessionView => ({
  assessment_id: 'test-1',
  question_id: 'sp-001',
  phase: 'part1',
  current_prompt: { part: 1, prompt_id: 'part1-0', text: 'Do you work or are you a student?', cue_card: [] },
  phase_deadline_at: at(300_000),
  turns_completed: 0,
  can_complete: false,
  ...fields,
});
const preparation = () => view({ phase: 'part2_preparation', current_prompt: cueCard, phase_deadline_at: at(60_000), turns_completed: 5 });
const talk = () => view({ phase: 'part2_talk', current_prompt: cueCard, phase_deadline_at: at(120_000), turns_completed: 5 });
const followUp = () =>
  view({
    phase: 'part2_talk',
    current_prompt: { part: 2, prompt_id: 'part2-1', text: 'Do your friends like this place too?', cue_card: [] },
    phase_deadline_at: at(60_000),
    turns_completed: 6,
  });

let synthesis: FakeSpeechSynthesis;
const cleanups: Array<() => void> = [];

beforeEach(() => {
  vi.useFakeTimers({
    now: new Date('2030-03-04T10:00:00Z'),
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
  window.sessionStorage.clear();
  const speech = installSpeechSynthesis([fakeVoice('Daniel', 'en-GB')]);
  synthesis = speech.synthesis;
  cleanups.push(speech.uninstall, installMicrophone());
});
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
  vi.useRealTimers();
});

/** Lets requests, recorder events and renders run, moving the clock on by `ms` first. */
async function elapse(ms = 0) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
  for (let round = 0; round < 25; round += 1) {
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
  }
}

function renderSession(routes: FakeRoutes, setup: SpeakingSetup = offline) {
  const { webClient, requests } = fakeApi({ 'GET /api/speaking/setup': () => ({ body: setup }), ...routes });
  render(
    <AppProvider webClient={webClient} initialUser={null}>
      <SpeakingSessionPage sessionId="test-1" />
    </AppProvider>,
  );
  return requests;
}

const turnsSent = (requests: ReceivedRequest[]) =>
  requests.filter((request) => request.method === 'POST' && request.path === '/api/speaking/sessions/test-1/turns');
const timer = () => screen.queryByRole('timer')?.textContent ?? null;

describe('Part 2 on the speaking session page', () => {
  it('prepares a minute with notes, skips to the talk, records two minutes from the start of recording, then sends the talk by itself', async () => {
    cleanups.push(installSpeechRecognition());
    const requests = renderSession({
      'GET /api/speaking/sessions/test-1': () => ({ body: preparation() }),
      'POST /api/speaking/sessions/test-1/advance': () => ({ body: talk() }),
      'POST /api/speaking/sessions/test-1/turns': () => ({ body: followUp() }),
    });
    await elapse();
    // The examiner reads the cue card out once.
    expect(synthesis.spoken.map((utterance) => utterance.text)).toHaveLength(1);
    expect(synthesis.spoken[0]?.text).toContain('Describe a place in your town or city that you enjoy visiting.');
    act(() => synthesis.finishAll());

    expect(timer()).toBe('Preparation time 1:00');
    fireEvent.change(screen.getByLabelText('Your notes'), { target: { value: 'harbour\nweekends\ncoffee' } });
    await elapse(20_000);
    expect(timer()).toBe('Preparation time 0:40');

    fireEvent.click(screen.getByRole('button', { name: 'Start talking now' }));
    await elapse();
    expect(requests.find((request) => request.path.endsWith('/advance'))?.body).toEqual({ from_phase: 'part2_preparation' });
    // The talk: the cue card and the notes stay on screen, and recording has started by itself.
    expect(document.querySelector('.cue-card li')?.textContent).toBe('where this place is');
    expect(screen.getByTestId('talk-notes').textContent).toBe('harbour\nweekends\ncoffee');
    expect(screen.getByRole('button', { name: /Stop recording/ })).toBeTruthy();
    expect(timer()).toBe('Talk time left 2:00');

    const recognition = FakeRecognition.instances[0];
    expect(recognition?.lang).toBe('en-GB');
    recognition?.hear('I would like to talk about', false);
    await elapse(3_000);
    recognition?.hear('I would like to talk about the harbour', true);
    await elapse(57_000);
    expect(timer()).toBe('Talk time left 1:00');
    expect(turnsSent(requests)).toHaveLength(0);

    await elapse(60_000);
    const [sent] = turnsSent(requests);
    const body = sent?.body as Record<string, unknown> & {
      transcript: { text: string; words: Array<{ word: string; start_ms: number; end_ms: number }> };
    };
    expect(body).toMatchObject({ part: 2, prompt_id: 'part2-0', duration_ms: 120_000, transcript_source: 'device' });
    expect(body.audio).toMatchObject({ mime_type: 'audio/webm' });
    expect(body.transcript.text).toBe('I would like to talk about the harbour');
    // Word times from the phrase's first report (0 s) to its settling (3 s).
    expect(body.transcript.words.map((word) => word.word)).toEqual(['I', 'would', 'like', 'to', 'talk', 'about', 'the', 'harbour']);
    expect(body.transcript.words[0]).toEqual({ word: 'I', start_ms: 0, end_ms: 375 });
    expect(body.transcript.words[7]).toEqual({ word: 'harbour', start_ms: 2625, end_ms: 3000 });

    // The follow-up question: no talk timer any more.
    expect(screen.getByRole('heading', { name: 'Do your friends like this place too?' })).toBeTruthy();
    expect(screen.queryByText('Talk time left')).toBeNull();
    expect(timer()).toBeNull();
  });

  it('starts the talk timer when recording starts, not when the talk is shown', async () => {
    cleanups.push(installSpeechRecognition());
    const requests = renderSession({
      // A talk resumed after a reload: nothing records until the learner presses Record.
      'GET /api/speaking/sessions/test-1': () => ({ body: talk() }),
      'POST /api/speaking/sessions/test-1/turns': () => ({ body: followUp() }),
    });
    await elapse();
    act(() => synthesis.finishAll());
    expect(screen.getByRole('button', { name: /Record your answer/ })).toBeTruthy();
    await elapse(30_000);
    expect(timer()).toBeNull();
    expect(screen.getByText(/your two minutes start then/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /Record your answer/ }));
    await elapse();
    expect(timer()).toBe('Talk time left 2:00');
    FakeRecognition.instances[0]?.hear('The harbour is ten minutes from my house', true);
    await elapse(119_000);
    expect(timer()).toBe('Talk time left 0:01');
    expect(turnsSent(requests)).toHaveLength(0);
    await elapse(1_000);
    expect(turnsSent(requests)).toHaveLength(1);
    expect(turnsSent(requests)[0]?.body).toMatchObject({
      duration_ms: 120_000,
      transcript: { text: 'The harbour is ten minutes from my house' },
    });
  });

  it('moves on to the talk by itself when the preparation minute is up', async () => {
    cleanups.push(installSpeechRecognition());
    const requests = renderSession({
      'GET /api/speaking/sessions/test-1': () => ({ body: preparation() }),
      'POST /api/speaking/sessions/test-1/advance': () => ({ body: talk() }),
    });
    await elapse();
    await elapse(59_000);
    expect(requests.filter((request) => request.path.endsWith('/advance'))).toHaveLength(0);
    await elapse(1_000);
    expect(requests.filter((request) => request.path.endsWith('/advance'))).toHaveLength(1);
    expect(document.querySelector('.speaking')?.getAttribute('data-phase')).toBe('part2_talk');
    expect(screen.getByRole('button', { name: /Stop recording/ })).toBeTruthy();
  });
});

describe('answering on the speaking session page', () => {
  it('stops the examiner when recording starts, and sends the recording with the device transcript', async () => {
    cleanups.push(installSpeechRecognition());
    const requests = renderSession({
      'GET /api/speaking/sessions/test-1': () => ({ body: view({}) }),
      'POST /api/speaking/sessions/test-1/turns': () => ({
        body: view({
          current_prompt: { part: 1, prompt_id: 'part1-1', text: 'What do you like about it?', cue_card: [] },
          turns_completed: 1,
        }),
      }),
    });
    await elapse();
    expect(synthesis.current?.text).toBe('Do you work or are you a student?');
    fireEvent.click(screen.getByRole('button', { name: /Record your answer/ }));
    await elapse();
    expect(synthesis.current).toBeUndefined();

    FakeRecognition.instances[0]?.hear('I am a student', false);
    await elapse(1_000);
    expect(screen.getByTestId('live-transcript').textContent).toBe('I am a student');
    FakeRecognition.instances[0]?.hear('I am a student of engineering', true);
    await elapse(1_000);
    fireEvent.click(screen.getByRole('button', { name: /Stop recording/ }));
    await elapse();
    expect((screen.getByLabelText(/What was recognised/) as HTMLTextAreaElement).value).toBe('I am a student of engineering');
    fireEvent.click(screen.getByRole('button', { name: 'Submit answer' }));
    await elapse();

    expect(turnsSent(requests)[0]?.body).toMatchObject({
      part: 1,
      prompt_id: 'part1-0',
      duration_ms: 2_000,
      transcript: { text: 'I am a student of engineering' },
      transcript_source: 'device',
      audio: { mime_type: 'audio/webm' },
    });
    // The next question is read out.
    expect(synthesis.spoken.map((utterance) => utterance.text)).toEqual([
      'Do you work or are you a student?',
      'What do you like about it?',
    ]);
  });

  it('sends a corrected transcript as typed, without word times', async () => {
    cleanups.push(installSpeechRecognition());
    const requests = renderSession({
      'GET /api/speaking/sessions/test-1': () => ({ body: view({}) }),
      'POST /api/speaking/sessions/test-1/turns': () => ({
        body: view({ turns_completed: 1, current_prompt: { part: 1, prompt_id: 'part1-1', text: 'Why?', cue_card: [] } }),
      }),
    });
    await elapse();
    fireEvent.click(screen.getByRole('button', { name: /Record your answer/ }));
    await elapse();
    FakeRecognition.instances[0]?.hear('I am a stew dent', true);
    await elapse(1_000);
    fireEvent.click(screen.getByRole('button', { name: /Stop recording/ }));
    await elapse();
    fireEvent.change(screen.getByLabelText(/What was recognised/), { target: { value: 'I am a student' } });
    expect(screen.getByTestId('transcript-source').textContent).toContain('Corrected by you');
    fireEvent.click(screen.getByRole('button', { name: 'Submit answer' }));
    await elapse();
    expect(turnsSent(requests)[0]?.body).toMatchObject({ transcript: { text: 'I am a student', words: [] }, transcript_source: 'typed' });
  });

  it('sends only the recording when the server transcribes audio', async () => {
    cleanups.push(installSpeechRecognition());
    const requests = renderSession(
      {
        'GET /api/speaking/sessions/test-1': () => ({ body: view({}) }),
        'POST /api/speaking/sessions/test-1/turns': () => ({
          body: view({ turns_completed: 1, current_prompt: { part: 1, prompt_id: 'part1-1', text: 'Why?', cue_card: [] } }),
        }),
      },
      gemini,
    );
    await elapse();
    fireEvent.click(screen.getByRole('button', { name: /Record your answer/ }));
    await elapse(4_000);
    // No recogniser runs: the examiner model transcribes.
    expect(FakeRecognition.instances).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: /Stop recording/ }));
    await elapse();
    fireEvent.click(screen.getByRole('button', { name: 'Submit answer' }));
    await elapse();
    const body = turnsSent(requests)[0]?.body as Record<string, unknown>;
    expect(body).toMatchObject({ part: 1, prompt_id: 'part1-0', duration_ms: 4_000, audio: { mime_type: 'audio/webm' } });
    expect(body).not.toHaveProperty('transcript');
    expect(body).not.toHaveProperty('transcript_source');
  });

  it('on a 409 reloads the test and says the answer was not saved, without sending it for the next question', async () => {
    let current = view({});
    const requests = renderSession({
      'GET /api/speaking/sessions/test-1': () => ({ body: current }),
      'POST /api/speaking/sessions/test-1/turns': () => {
        // Another tab answered meanwhile.
        current = view({
          turns_completed: 1,
          current_prompt: { part: 1, prompt_id: 'part1-1', text: 'What do you like about it?', cue_card: [] },
        });
        return { status: 409, body: errorBody('conflict', 'this answer is for prompt part1-0, but the current prompt is part1-1') };
      },
    });
    await elapse();
    fireEvent.change(screen.getByLabelText(/Type your answer/), { target: { value: 'I am a student.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit answer' }));
    await elapse();

    expect(screen.getByTestId('speaking-notice').textContent).toContain('That answer was not saved: the test had already moved on');
    expect(screen.getByRole('heading', { name: 'What do you like about it?' })).toBeTruthy();
    expect((screen.getByLabelText(/Type your answer/) as HTMLTextAreaElement).value).toBe('');
    expect(turnsSent(requests).map((request) => (request.body as { prompt_id: string }).prompt_id)).toEqual(['part1-0']);
    expect(requests.filter((request) => request.method === 'GET' && request.path === '/api/speaking/sessions/test-1')).toHaveLength(2);
  });
});

describe('turnSubmission', () => {
  const audio = { data: 'AAAA', mime_type: 'audio/webm' as const, durationMs: 5_000 };
  const recognised = { text: 'I live by the sea', words: [{ word: 'I', start_ms: 0, end_ms: 100 }] };
  it('carries the prompt id, the audio with its duration, and where the transcript came from', () => {
    expect(turnSubmission({ part: 1, promptId: 'part1-0', path: 'device', audio, text: 'I live by the sea', recognised })).toEqual({
      part: 1,
      prompt_id: 'part1-0',
      audio: { data: 'AAAA', mime_type: 'audio/webm' },
      duration_ms: 5_000,
      transcript: { text: 'I live by the sea', words: recognised.words },
      transcript_source: 'device',
    });
    expect(
      turnSubmission({ part: 1, promptId: 'part1-0', path: 'typed', audio, text: ' I live by the sea ', recognised: null }),
    ).toMatchObject({
      transcript: { text: 'I live by the sea', words: [] },
      transcript_source: 'typed',
    });
    expect(turnSubmission({ part: 3, promptId: 'part3-0', path: 'server', text: 'Typed instead', recognised: null })).toEqual({
      part: 3,
      prompt_id: 'part3-0',
      transcript: { text: 'Typed instead', words: [] },
      transcript_source: 'typed',
    });
    expect(turnSubmission({ part: 3, promptId: 'part3-0', path: 'server', audio, text: '', recognised: null })).toEqual({
      part: 3,
      prompt_id: 'part3-0',
      audio: { data: 'AAAA', mime_type: 'audio/webm' },
      duration_ms: 5_000,
    });
  });
});
