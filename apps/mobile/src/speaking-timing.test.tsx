// Speaking by voice, end to end through the real api-client against the stand-in server, with the
// device's voice, microphone, recogniser and files replaced by the fakes in test-support.
import { assessmentSchema, speakingTurnSubmissionSchema } from '@ielts-genai-prep/core';
import { act, fireEvent, screen, within } from '@testing-library/react-native';
import { IN_PROGRESS_LABEL } from './assessment-row';
import { MOVED_ON_NOTICE } from './speaking-session-screen';
import { advanceClock, waitWithClockStill } from './test-support/clock';
import { FAKE_RECORDING_PREFIX, fakeAudio } from './test-support/fake-expo-audio';
import { fakeSpeech } from './test-support/fake-expo-speech';
import { fakeRecognition, hearSpeech } from './test-support/fake-expo-speech-recognition';
import { SPEAKING_SET } from './test-support/fixtures';
import { renderApp, signIn } from './test-support/render-app';
import { startStandInApiServer, type RecordedRequest, type StandInApiServer, type StandInOptions } from './test-support/stand-in-api-server';

let server: StandInApiServer;

afterEach(async () => {
  jest.useRealTimers();
  expect(server.contractViolations).toEqual([]);
  await server.close();
});

const set = SPEAKING_SET.speaking!;

/** How many times the examiner has said exactly `text`. */
const timesSpoken = (text: string) => fakeSpeech.utterances.filter((utterance) => utterance.text === text).length;

async function openSpeaking(options: StandInOptions = {}) {
  server = await startStandInApiServer({ questions: [SPEAKING_SET], ...options });
  renderApp(server.url);
  await signIn();
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

it('says before the test how answers are transcribed, on each server and device', async () => {
  await openSpeaking();
  expect(within(screen.getByTestId('transcript-path')).getByText('Your phone writes down what you say')).toBeOnTheScreen();
  expect(screen.getByText(/Pronunciation is not assessed/)).toBeOnTheScreen();
  screen.unmount();
  await server.close();

  await openSpeaking({ speakingSetup: { scorer: 'gemini', transcribes_audio: true, assesses_pronunciation: true } });
  expect(within(screen.getByTestId('transcript-path')).getByText('The examiner listens to your recordings')).toBeOnTheScreen();
  expect(screen.getByText(/Google Gemini/)).toBeOnTheScreen();
  screen.unmount();
  await server.close();

  fakeRecognition.available = false;
  await openSpeaking();
  expect(within(screen.getByTestId('transcript-path')).getByText('You type your answers')).toBeOnTheScreen();
  screen.unmount();
  await server.close();

  // A server without the setup route: a transcript is sent, as every server accepts one.
  fakeRecognition.available = true;
  await openSpeaking({ speakingSetup: null });
  expect(server.requestsTo('speaking.setup')[0]?.status).toBe(404);
  expect(within(screen.getByTestId('transcript-path')).getByText('Your phone writes down what you say')).toBeOnTheScreen();
});

it('speaks each question, repeats it once, and submits a recorded answer with its prompt id and the device transcript', async () => {
  await openSpeaking();
  await startTest();
  const first = set.part1.questions[0]!;

  // The examiner asks the question aloud, in British English.
  expect(timesSpoken(first)).toBe(1);
  expect(fakeSpeech.utterances[0]?.options.language).toBe('en-GB');

  // "Repeat the question" works once, then is disabled.
  const repeat = screen.getByRole('button', { name: 'Repeat the question' });
  expect(repeat).toBeEnabled();
  fireEvent.press(repeat);
  expect(timesSpoken(first)).toBe(2);
  expect(screen.getByRole('button', { name: 'Repeat the question' })).toBeDisabled();
  fireEvent.press(screen.getByRole('button', { name: 'Repeat the question' }));
  expect(timesSpoken(first)).toBe(2);

  // Recording stops the examiner's voice; the recogniser's words show as they come.
  fireEvent.press(screen.getByRole('button', { name: 'Record your answer' }));
  await screen.findByRole('button', { name: /^Stop recording/ });
  expect(fakeSpeech.utterances.every((utterance) => utterance.state !== 'speaking')).toBe(true);
  expect(fakeRecognition.starts).toEqual([expect.objectContaining({ lang: 'en-GB', interimResults: true, continuous: true })]);
  act(() => {
    hearSpeech('I come from', { interim: true });
  });
  expect(screen.getByTestId('heard-live')).toHaveTextContent('Heard: I come from');
  let segments: ReturnType<typeof hearSpeech> = [];
  act(() => {
    segments = hearSpeech('I come from Hanoi in the north of Vietnam');
  });
  fireEvent.press(screen.getByRole('button', { name: /^Stop recording/ }));
  expect(await screen.findByText('I come from Hanoi in the north of Vietnam')).toBeOnTheScreen();
  expect(fakeAudio.recorders[0]?.calls).toEqual(['prepare', 'record', 'stop']);

  fireEvent.press(screen.getByRole('button', { name: 'Submit answer' }));
  const second = set.part1.questions[1]!;
  expect(await screen.findByText(second)).toBeOnTheScreen();
  expect(timesSpoken(second)).toBe(1);
  // A new question may be repeated once again.
  expect(screen.getByRole('button', { name: 'Repeat the question' })).toBeEnabled();

  // What the server received: the answer bound to the question it answers, with the audio and the device's timed transcript.
  const [submitted] = server.requestsTo('speaking.submitTurn');
  expect(submitted?.status).toBe(200);
  const body = submitBody(submitted);
  expect(body).toEqual({
    part: 1,
    prompt_id: 'part1-0',
    audio: { data: Buffer.from(`${FAKE_RECORDING_PREFIX}1`).toString('base64'), mime_type: 'audio/mp4' },
    duration_ms: expect.any(Number),
    transcript: {
      text: 'I come from Hanoi in the north of Vietnam',
      words: segments.map((segment) => ({ word: segment.segment, start_ms: segment.startTimeMillis, end_ms: segment.endTimeMillis })),
    },
    transcript_source: 'device',
  });
  expect(body.transcript?.words).toHaveLength(9);
  expect(server.speakingTest(submitted!.path.split('/')[4]!)?.turns[0]).toMatchObject({ prompt_id: 'part1-0', transcript_source: 'device', has_audio: true });
});

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
  expect(server.requestsTo('speaking.get').at(-1)?.response).toMatchObject({ phase: 'part2_talk', current_prompt: { prompt_id: 'part2-0' } });
});

it('reloads the test when it moved on before the answer arrived, and never files the answer under another question', async () => {
  await openSpeaking();
  await startTest();
  await recordHearing('I come from Hanoi');

  // A 409 for this very question (an answer longer than allowed, say): the server's reason, the answer kept.
  server.scriptOnce('speaking.submitTurn', {
    status: 409,
    json: { error: { code: 'conflict', message: 'the answer lasts 400 s, longer than the 30 s since the question was asked', details: [] } },
  });
  fireEvent.press(screen.getByRole('button', { name: 'Submit answer' }));
  expect(await screen.findByText('the answer lasts 400 s, longer than the 30 s since the question was asked')).toBeOnTheScreen();
  expect(screen.queryByText(MOVED_ON_NOTICE)).toBeNull();
  expect(screen.getByText(set.part1.questions[0]!)).toBeOnTheScreen();
  expect(screen.getByTestId('device-transcript')).toBeOnTheScreen();
  expect(server.requestsTo('speaking.get').length).toBeGreaterThanOrEqual(2);

  const assessmentId = server.requestsTo('speaking.start')[0]!.response as { assessment_id: string };
  // Part 1 runs out of time on the server while the learner is still answering.
  server.expireSpeakingPhase(assessmentId.assessment_id);
  const getsBefore = server.requestsTo('speaking.get').length;
  fireEvent.press(screen.getByRole('button', { name: 'Submit answer' }));

  expect(await screen.findByText(MOVED_ON_NOTICE)).toBeOnTheScreen();
  expect(await screen.findByText('One minute to prepare')).toBeOnTheScreen();
  const [, refused] = server.requestsTo('speaking.submitTurn');
  expect(refused?.status).toBe(409);
  expect(submitBody(refused).prompt_id).toBe('part1-0');
  expect(server.requestsTo('speaking.get').length).toBeGreaterThan(getsBefore);
  // Nothing stored, nothing sent again: the answer is not carried to the cue card.
  expect(server.speakingTest(assessmentId.assessment_id)?.turns).toEqual([]);
  expect(server.requestsTo('speaking.submitTurn')).toHaveLength(2);
  expect(screen.queryByTestId('device-transcript')).toBeNull();
  // The examiner reads the new prompt.
  expect(fakeSpeech.utterances.at(-1)?.text).toContain(set.part2.topic);
});

it('types the answers where the phone cannot recognise speech, and sends audio alone where the server transcribes it', async () => {
  fakeRecognition.available = false;
  await openSpeaking();
  await startTest();
  fireEvent.changeText(screen.getByLabelText('Your answer (typed)'), '  I am from Hanoi, the capital.  ');
  fireEvent.press(screen.getByRole('button', { name: 'Submit answer' }));
  await screen.findByText(set.part1.questions[1]!);
  expect(submitBody(server.requestsTo('speaking.submitTurn')[0])).toEqual({
    part: 1,
    prompt_id: 'part1-0',
    transcript: { text: 'I am from Hanoi, the capital.', words: [] },
    transcript_source: 'typed',
  });
  expect(fakeRecognition.starts).toEqual([]);
  screen.unmount();
  await server.close();

  fakeRecognition.available = true;
  await openSpeaking({ speakingSetup: { scorer: 'gemini', transcribes_audio: true, assesses_pronunciation: true } });
  await startTest();
  fireEvent.press(screen.getByRole('button', { name: 'Record your answer' }));
  fireEvent.press(await screen.findByRole('button', { name: /^Stop recording/ }));
  await screen.findByText(/recorded$/);
  fireEvent.press(screen.getByRole('button', { name: 'Submit answer' }));
  await screen.findByText(set.part1.questions[1]!);
  const body = submitBody(server.requestsTo('speaking.submitTurn')[0]);
  expect(body).toEqual({ part: 1, prompt_id: 'part1-0', audio: { data: expect.any(String), mime_type: 'audio/mp4' }, duration_ms: expect.any(Number) });
  // The recogniser is not needed when the server listens.
  expect(fakeRecognition.starts).toEqual([]);
});

it('lists an unscored speaking test as in progress, resumes it, and discards it at no cost', async () => {
  server = await startStandInApiServer({ questions: [SPEAKING_SET] });
  const started = server.startSpeakingTest(SPEAKING_SET.question_id);
  renderApp(server.url);
  await signIn();
  expect(await screen.findByLabelText('Speaking: 1 of 1 left')).toBeOnTheScreen();
  // On home it resumes the test.
  fireEvent.press(await screen.findByTestId(`assessment-${started.assessment_id}`));
  expect(await screen.findByText(set.part1.questions[0]!)).toBeOnTheScreen();
  fireEvent.press(screen.getByRole('button', { name: 'Back' }));

  fireEvent.press(await screen.findByRole('button', { name: 'All results' }));
  const row = await screen.findByTestId(`assessment-${started.assessment_id}`);
  expect(within(row).getByText(IN_PROGRESS_LABEL)).toBeOnTheScreen();
  fireEvent.press(within(row).getByRole('button', { name: 'Resume' }));
  expect(await screen.findByText(set.part1.questions[0]!)).toBeOnTheScreen();
  expect(server.requestsTo('speaking.get').at(-1)?.path).toBe(`/api/speaking/sessions/${started.assessment_id}`);
  fireEvent.press(screen.getByRole('button', { name: 'Back' }));

  const again = await screen.findByTestId(`assessment-${started.assessment_id}`);
  fireEvent.press(within(again).getByRole('button', { name: 'Discard' }));
  // Asked first; "Keep it" changes nothing.
  fireEvent.press(within(again).getByRole('button', { name: 'Keep it' }));
  expect(server.requestsTo('speaking.discard')).toHaveLength(0);
  fireEvent.press(within(screen.getByTestId(`assessment-${started.assessment_id}`)).getByRole('button', { name: 'Discard' }));
  fireEvent.press(within(screen.getByTestId(`assessment-${started.assessment_id}`)).getByRole('button', { name: 'Yes, discard it' }));
  expect(await screen.findByText(/was discarded\.$/)).toBeOnTheScreen();
  expect(screen.queryByTestId(`assessment-${started.assessment_id}`)).toBeNull();
  const [discard] = server.requestsTo('speaking.discard');
  expect(discard?.method).toBe('DELETE');
  expect(discard?.path).toBe(`/api/speaking/sessions/${started.assessment_id}`);
  expect(discard?.status).toBe(200);
  expect(server.speakingTest(started.assessment_id)).toBeUndefined();

  fireEvent.press(screen.getByRole('button', { name: 'Back' }));
  expect(await screen.findByLabelText('Speaking: 1 of 1 left')).toBeOnTheScreen();
});
