// The parts of a speaking test the real reference server cannot take part in, against the
// stand-in server (test-support/stand-in-api-server.ts), still through the real api-client:
// - Part 2's clocks under Jest's fake timers. The app's countdowns move with the fake clock, but the
//   reference server keeps real time: a two-minute talk recorded in one real second is refused
//   ("the answer lasts 120 s, longer than the 1 s since the question was asked"), and a preparation
//   minute that ran out on the fake clock has not on the server's. The stand-in reads Jest's clock.
// - A server that transcribes the recordings itself (Gemini): the reference server does that only
//   with a Google API key, and answers audio without a transcript with a refusal offline.
// Everything else about speaking runs against the real server in speaking-flow.test.tsx.
import { assessmentSchema, speakingTurnSubmissionSchema } from '@ielts-genai-prep/core';
import { act, fireEvent, screen, within } from '@testing-library/react-native';
import { advanceClock, waitWithClockStill } from './test-support/clock';
import { fakeAudio } from './test-support/fake-expo-audio';
import { fakeSpeech } from './test-support/fake-expo-speech';
import { fakeRecognition, hearSpeech } from './test-support/fake-expo-speech-recognition';
import { LEARNER, SPEAKING_SET } from './test-support/fixtures';
import { renderApp, signIn } from './test-support/render-app';
import {
  startStandInApiServer,
  type RecordedRequest,
  type StandInApiServer,
  type StandInOptions,
} from './test-support/stand-in-api-server';

let server: StandInApiServer;

afterEach(async () => {
  jest.useRealTimers();
  expect(server.contractViolations).toEqual([]);
  await server.close();
});

const set = SPEAKING_SET.speaking!;

async function openSpeaking(options: StandInOptions = {}) {
  server = await startStandInApiServer({ questions: [SPEAKING_SET], ...options });
  renderApp(server.url);
  await signIn({ email: LEARNER.email, password: LEARNER.password, displayName: LEARNER.display_name });
  fireEvent.press(screen.getByRole('button', { name: 'Practise Speaking' }));
  await screen.findByTestId('transcript-path');
}

async function startTest() {
  fireEvent.press(await screen.findByRole('button', { name: `Start ${SPEAKING_SET.title}` }));
  await screen.findByText(set.part1.questions[0]!);
}

/** Records an answer while the fake recogniser hears `words`, then stops. */
async function recordHearing(words: string) {
  fireEvent.press(await screen.findByRole('button', { name: 'Record your answer' }));
  await screen.findByRole('button', { name: /^Stop recording/ });
  act(() => {
    hearSpeech(words);
  });
  fireEvent.press(screen.getByRole('button', { name: /^Stop recording/ }));
  await screen.findByTestId('device-transcript');
}

function submitBody(request: RecordedRequest | undefined) {
  return speakingTurnSubmissionSchema.parse(request?.body);
}

it('prepares for a minute, skips the rest, times the talk from the start of the recording, and ends with the result', async () => {
  await openSpeaking();
  await startTest();
  await recordHearing('I come from Hanoi');
  fireEvent.press(screen.getByRole('button', { name: 'Submit answer' }));
  await screen.findByText(set.part1.questions[1]!);
  await recordHearing('The food and the people');

  // From here the clock is Jest's: the countdowns move only when the test moves it.
  jest.useFakeTimers();
  fireEvent.press(screen.getByRole('button', { name: 'Submit answer' }));
  await waitWithClockStill(() => screen.getByText('One minute to prepare'));
  expect(screen.getByText(set.part2.topic)).toBeOnTheScreen();
  for (const point of set.part2.prompts) expect(screen.getByText(`• ${point}`)).toBeOnTheScreen();
  expect(fakeSpeech.utterances.at(-1)?.text).toContain(set.part2.topic);
  expect(screen.getByLabelText('Preparation time, 1:00')).toBeOnTheScreen();
  fireEvent.changeText(screen.getByLabelText('Your notes'), 'the riverside park; weekends; my friends');
  await advanceClock(20_000);
  expect(screen.getByLabelText('Preparation time, 0:40')).toBeOnTheScreen();

  // "Start talking now" ends the preparation early, bound to the phase it ends.
  fireEvent.press(screen.getByRole('button', { name: 'Start talking now' }));
  await waitWithClockStill(() => screen.getByLabelText('Talk time left, 2:00'));
  expect(server.requestsTo('speaking.advance').map((request) => request.body)).toEqual([{ from_phase: 'part2_preparation' }]);
  // The cue card and the notes stay in view during the talk.
  expect(screen.getByText(set.part2.topic)).toBeOnTheScreen();
  expect(screen.getByText(`• ${set.part2.prompts[0]}`)).toBeOnTheScreen();
  expect(within(screen.getByTestId('talk-notes')).getByText('the riverside park; weekends; my friends')).toBeOnTheScreen();
  // The cue card was read out when preparation began, not again for the talk.
  expect(fakeSpeech.utterances.filter((utterance) => utterance.text.includes(set.part2.topic))).toHaveLength(1);

  // The two minutes have not started: they start with the recording.
  await advanceClock(30_000);
  expect(screen.getByLabelText('Talk time left, 2:00')).toBeOnTheScreen();
  fireEvent.press(screen.getByRole('button', { name: 'Record your answer' }));
  await waitWithClockStill(() => screen.getByRole('button', { name: /^Stop recording/ }));
  await advanceClock(45_000);
  expect(screen.getByLabelText('Talk time left, 1:15')).toBeOnTheScreen();
  act(() => {
    hearSpeech('The place I enjoy most is the riverside park near my flat');
  });
  // At two minutes the recording stops by itself.
  await advanceClock(75_000);
  await waitWithClockStill(() => screen.getByTestId('device-transcript'));
  expect(screen.getByLabelText('Talk time left, 0:00')).toBeOnTheScreen();
  expect(screen.getByText('2:00 recorded')).toBeOnTheScreen();
  expect(fakeAudio.recorders[0]?.calls.slice(-3)).toEqual(['prepare', 'record', 'stop']);
  fireEvent.press(screen.getByRole('button', { name: 'Submit answer' }));
  await waitWithClockStill(() => screen.getByText(set.part2.follow_up[0]!));
  const talk = submitBody(server.requestsTo('speaking.submitTurn').at(-1));
  expect(talk.prompt_id).toBe('part2-0');
  expect(talk.duration_ms).toBe(120_000);
  jest.useRealTimers();

  // The follow-up, a short answer on a one-minute clock; one Part 3 question, then finish.
  expect(screen.getByLabelText('Answer time left, 1:00')).toBeOnTheScreen();
  await recordHearing('Yes, they often come with me');
  fireEvent.press(screen.getByRole('button', { name: 'Submit answer' }));
  await screen.findByText(set.part3.questions[0]!);
  await recordHearing('People like parks and cafes');
  fireEvent.press(screen.getByRole('button', { name: 'Submit answer' }));
  await screen.findByText(set.part3.questions[1]!);
  expect(server.requestsTo('speaking.submitTurn').map((request) => submitBody(request).prompt_id)).toEqual([
    'part1-0',
    'part1-1',
    'part2-0',
    'part2-1',
    'part3-0',
  ]);
  fireEvent.press(screen.getByRole('button', { name: 'Finish and get my score' }));

  // The result: scored from device transcripts, so Pronunciation is not assessed.
  expect(await screen.findByText('Your result')).toBeOnTheScreen();
  const scored = assessmentSchema.parse(server.requestsTo('speaking.complete')[0]?.response);
  expect(within(screen.getByTestId('criterion-pronunciation')).getByText('Not assessed')).toBeOnTheScreen();
  expect(within(screen.getByTestId('criterion-fluency_coherence')).getByText('6.5')).toBeOnTheScreen();
  expect(screen.getByTestId('overall-band')).toHaveTextContent(scored.overall_band!.toFixed(1));
  expect(screen.getByText('Pronunciation not assessed')).toBeOnTheScreen();
});

it('starts the talk by itself when the preparation minute runs out', async () => {
  await openSpeaking();
  await startTest();
  await recordHearing('I come from Hanoi');
  fireEvent.press(screen.getByRole('button', { name: 'Submit answer' }));
  await screen.findByText(set.part1.questions[1]!);
  await recordHearing('The food and the people');
  jest.useFakeTimers();
  fireEvent.press(screen.getByRole('button', { name: 'Submit answer' }));
  await waitWithClockStill(() => screen.getByLabelText('Preparation time, 1:00'));
  await advanceClock(59_000);
  expect(screen.getByLabelText('Preparation time, 0:01')).toBeOnTheScreen();
  expect(screen.queryByLabelText('Talk time left, 2:00')).toBeNull();
  await advanceClock(1_000);
  // The server's minute is over too: the test, read again, is at the talk; nothing was skipped.
  await waitWithClockStill(() => screen.getByLabelText('Talk time left, 2:00'));
  expect(server.requestsTo('speaking.advance')).toHaveLength(0);
  expect(server.requestsTo('speaking.get').at(-1)?.response).toMatchObject({
    phase: 'part2_talk',
    current_prompt: { prompt_id: 'part2-0' },
  });
});

it('says the examiner listens where the server transcribes, and sends the recording alone', async () => {
  await openSpeaking({ speakingSetup: { scorer: 'gemini', transcribes_audio: true, assesses_pronunciation: true } });
  expect(within(screen.getByTestId('transcript-path')).getByText('The examiner listens to your recordings')).toBeOnTheScreen();
  expect(screen.getByText(/Google Gemini/)).toBeOnTheScreen();
  await startTest();
  fireEvent.press(screen.getByRole('button', { name: 'Record your answer' }));
  fireEvent.press(await screen.findByRole('button', { name: /^Stop recording/ }));
  await screen.findByText(/recorded$/);
  fireEvent.press(screen.getByRole('button', { name: 'Submit answer' }));
  await screen.findByText(set.part1.questions[1]!);
  const body = submitBody(server.requestsTo('speaking.submitTurn')[0]);
  expect(body).toEqual({
    part: 1,
    prompt_id: 'part1-0',
    audio: { data: expect.any(String), mime_type: 'audio/mp4' },
    duration_ms: expect.any(Number),
  });
  // The recogniser is not needed when the server listens.
  expect(fakeRecognition.starts).toEqual([]);
});
