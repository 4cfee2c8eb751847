// Speaking by voice, end to end through the real api-client against the real reference server
// (test-support/reference-server.ts), scored by its offline scorer from the device's transcripts,
// with the device's voice, microphone, recogniser and files replaced by the fakes in test-support.
// The Part 2 clocks under Jest's fake timers are in speaking-timing.test.tsx.
import {
  assessmentSchema,
  pageSchema,
  publicQuestionSchema,
  speakingSessionViewSchema,
  speakingTurnSubmissionSchema,
  type PublicQuestion,
} from '@ielts-genai-prep/core';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react-native';
import { IN_PROGRESS_LABEL } from './assessment-row';
import { MOVED_ON_NOTICE } from './speaking-session-screen';
import { FAKE_RECORDING_PREFIX, fakeAudio } from './test-support/fake-expo-audio';
import { fakeSpeech } from './test-support/fake-expo-speech';
import { fakeRecognition, hearSpeech } from './test-support/fake-expo-speech-recognition';
import { registerLearner, signInDirectly, type Learner } from './test-support/learners';
import { startReferenceServer, type RecordedRequest, type ReferenceServer } from './test-support/reference-server';
import { renderApp, signIn } from './test-support/render-app';

let server: ReferenceServer;

beforeAll(async () => {
  server = await startReferenceServer();
});

afterAll(async () => {
  await server?.close();
});

/** How many times the examiner has said exactly `text`. */
const timesSpoken = (text: string) => fakeSpeech.utterances.filter((utterance) => utterance.text === text).length;

/** Signs in as a new learner and opens Speaking; returns the learner and the sets the server listed. */
async function openSpeaking(): Promise<{ learner: Learner; sets: PublicQuestion[] }> {
  const learner = await registerLearner(server);
  renderApp(server.url);
  await signIn(learner);
  fireEvent.press(screen.getByRole('button', { name: 'Practise Speaking' }));
  await screen.findByTestId('transcript-path');
  const list = await waitFor(() => {
    const call = server.requestsTo('questions.list').at(-1);
    expect(call?.status).toBe(200);
    return call;
  });
  return { learner, sets: pageSchema(publicQuestionSchema).parse(list?.response).items };
}

/** Starts the first set and waits for its first question; returns the set. */
async function startTest(sets: PublicQuestion[]): Promise<NonNullable<PublicQuestion['speaking']>> {
  const [first] = sets;
  fireEvent.press(await screen.findByRole('button', { name: `Start ${first!.title}` }));
  await screen.findByText(first!.speaking!.part1.questions[0]!);
  return first!.speaking!;
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

/** Records and submits an answer, and waits for `next` on screen. */
async function answerWith(words: string, next: string) {
  await recordHearing(words);
  fireEvent.press(screen.getByRole('button', { name: 'Submit answer' }));
  await screen.findByText(next);
}

function submitBody(request: RecordedRequest | undefined) {
  return speakingTurnSubmissionSchema.parse(request?.body);
}

const ANSWER = 'Well I grew up in a fairly small town near the coast and what I liked most was that everybody knew each other';

it('says before the test how answers are transcribed: by the phone, typed without a recogniser, and by the phone on a server without the setup route', async () => {
  await openSpeaking();
  expect(server.requestsTo('speaking.setup').at(-1)?.response).toEqual({
    scorer: 'offline',
    transcribes_audio: false,
    assesses_pronunciation: false,
  });
  expect(within(screen.getByTestId('transcript-path')).getByText('Your phone writes down what you say')).toBeOnTheScreen();
  expect(screen.getByText(/Pronunciation is not assessed/)).toBeOnTheScreen();
  screen.unmount();

  fakeRecognition.available = false;
  await openSpeaking();
  expect(within(screen.getByTestId('transcript-path')).getByText('You type your answers')).toBeOnTheScreen();
  screen.unmount();

  // An older server without the setup route: a transcript is sent, as every server accepts one.
  fakeRecognition.available = true;
  server.scriptOnce('speaking.setup', { status: 404, json: { error: { code: 'not_found', message: 'Not found', details: [] } } });
  await openSpeaking();
  expect(server.requestsTo('speaking.setup').at(-1)?.status).toBe(404);
  expect(within(screen.getByTestId('transcript-path')).getByText('Your phone writes down what you say')).toBeOnTheScreen();
});

it('speaks each question, repeats it once, sends recorded answers with their prompt ids and the device transcripts, and ends with the offline score', async () => {
  const { sets } = await openSpeaking();
  const set = await startTest(sets);
  const first = set.part1.questions[0]!;

  // The examiner asks the question aloud, in British English.
  expect(timesSpoken(first)).toBe(1);
  expect(fakeSpeech.utterances[0]?.options.language).toBe('en-GB');

  // "Repeat the question" works once, then is disabled.
  fireEvent.press(screen.getByRole('button', { name: 'Repeat the question' }));
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
  expect(screen.getByRole('button', { name: 'Repeat the question' })).toBeEnabled();

  // What the server received and accepted: the answer bound to its question, with the audio and the device's timed transcript.
  const submitted = server.requestsTo('speaking.submitTurn').at(-1);
  expect(submitted?.status).toBe(200);
  expect(submitBody(submitted)).toEqual({
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
  expect(speakingSessionViewSchema.parse(submitted?.response)).toMatchObject({
    phase: 'part1',
    turns_completed: 1,
    current_prompt: { prompt_id: 'part1-1' },
  });

  // The rest of Part 1.
  for (let index = 1; index < set.part1.questions.length - 1; index += 1) await answerWith(ANSWER, set.part1.questions[index + 1]!);
  await recordHearing(ANSWER);
  fireEvent.press(screen.getByRole('button', { name: 'Submit answer' }));

  // Part 2: the cue card read out, notes, and "Start talking now" ends the preparation minute early.
  expect(await screen.findByText('One minute to prepare')).toBeOnTheScreen();
  expect(screen.getByText(set.part2.topic)).toBeOnTheScreen();
  for (const point of set.part2.prompts) expect(screen.getByText(`• ${point}`)).toBeOnTheScreen();
  expect(fakeSpeech.utterances.at(-1)?.text).toContain(set.part2.topic);
  fireEvent.changeText(screen.getByLabelText('Your notes'), 'the riverside park; weekends; my friends');
  fireEvent.press(screen.getByRole('button', { name: 'Start talking now' }));
  expect(await screen.findByLabelText('Talk time left, 2:00')).toBeOnTheScreen();
  expect(server.requestsTo('speaking.advance').at(-1)).toMatchObject({ body: { from_phase: 'part2_preparation' }, status: 200 });
  expect(within(screen.getByTestId('talk-notes')).getByText('the riverside park; weekends; my friends')).toBeOnTheScreen();
  await recordHearing('The place I enjoy most is the riverside park near my flat because it is quiet and green');
  fireEvent.press(screen.getByRole('button', { name: 'Submit answer' }));

  // The follow-ups, then Part 3 until the server lets the test be scored.
  for (const followUp of set.part2.follow_up) {
    await screen.findByText(followUp);
    await recordHearing('Yes they often come with me at weekends');
    fireEvent.press(screen.getByRole('button', { name: 'Submit answer' }));
  }
  await answerWith('People like parks and cafes where they can meet friends', set.part3.questions[1]!);
  expect(server.requestsTo('speaking.submitTurn').map((request) => [submitBody(request).prompt_id, request.status])).toEqual([
    ...set.part1.questions.map((_, index) => [`part1-${index}`, 200]),
    ['part2-0', 200],
    ...set.part2.follow_up.map((_, index) => [`part2-${index + 1}`, 200]),
    ['part3-0', 200],
  ]);
  fireEvent.press(screen.getByRole('button', { name: 'Finish and get my score' }));

  // The result: scored offline from device transcripts, so Pronunciation is not assessed.
  expect(await screen.findByText('Your result')).toBeOnTheScreen();
  const complete = server.requestsTo('speaking.complete').at(-1);
  expect(complete?.status).toBe(200);
  const scored = assessmentSchema.parse(complete?.response);
  expect(scored.provenance?.provider).toBe('offline');
  expect(scored.criteria_scores.pronunciation?.band).toBeNull();
  expect(within(screen.getByTestId('criterion-pronunciation')).getByText('Not assessed')).toBeOnTheScreen();
  for (const criterion of ['fluency_coherence', 'lexical_resource', 'grammatical_range_accuracy'] as const) {
    expect(
      within(screen.getByTestId(`criterion-${criterion}`)).getByText(scored.criteria_scores[criterion]!.band!.toFixed(1)),
    ).toBeOnTheScreen();
  }
  expect(screen.getByTestId('overall-band')).toHaveTextContent(scored.overall_band!.toFixed(1));
  expect(screen.getByText('Pronunciation not assessed')).toBeOnTheScreen();
});

it('shows the server’s reason for refusing an answer to this question, and reloads the test when it moved on before the answer arrived', async () => {
  const { learner, sets } = await openSpeaking();
  const set = await startTest(sets);
  await recordHearing(ANSWER);

  // A 409 for this very question (a phone whose clock ran ahead, say): the server's reason, the answer kept.
  // The proxy answers it: the real server's clock and this test's agree.
  server.scriptOnce('speaking.submitTurn', {
    status: 409,
    json: {
      error: { code: 'conflict', message: 'the answer lasts 400 s, longer than the 30 s since the question was asked', details: [] },
    },
  });
  fireEvent.press(screen.getByRole('button', { name: 'Submit answer' }));
  expect(await screen.findByText('the answer lasts 400 s, longer than the 30 s since the question was asked')).toBeOnTheScreen();
  expect(screen.queryByText(MOVED_ON_NOTICE)).toBeNull();
  expect(screen.getByText(set.part1.questions[0]!)).toBeOnTheScreen();
  expect(screen.getByTestId('device-transcript')).toBeOnTheScreen();

  // The same test answered on another device meanwhile: the server has moved on to the second question.
  const assessmentId = speakingSessionViewSchema.parse(server.requestsTo('speaking.start').at(-1)?.response).assessment_id;
  const { client: otherDevice } = await signInDirectly(server, learner);
  await otherDevice.speaking.submitTurn(
    { id: assessmentId },
    { part: 1, prompt_id: 'part1-0', transcript: { text: 'Answered on the tablet.' }, transcript_source: 'typed' },
  );
  const before = server.requestsTo('speaking.submitTurn').length;
  fireEvent.press(screen.getByRole('button', { name: 'Submit answer' }));

  expect(await screen.findByText(MOVED_ON_NOTICE)).toBeOnTheScreen();
  expect(await screen.findByText(set.part1.questions[1]!)).toBeOnTheScreen();
  const refused = server.requestsTo('speaking.submitTurn').at(-1);
  expect(refused?.status).toBe(409);
  expect(submitBody(refused).prompt_id).toBe('part1-0');
  // Nothing resent: the answer is not carried to the next question.
  expect(server.requestsTo('speaking.submitTurn')).toHaveLength(before + 1);
  expect(screen.queryByTestId('device-transcript')).toBeNull();
  expect((await otherDevice.speaking.get({ id: assessmentId })).turns_completed).toBe(1);
  // The examiner reads the new question.
  expect(fakeSpeech.utterances.at(-1)?.text).toBe(set.part1.questions[1]);
});

it('types the answers where the phone cannot recognise speech', async () => {
  fakeRecognition.available = false;
  const { sets } = await openSpeaking();
  const set = await startTest(sets);
  fireEvent.changeText(screen.getByLabelText('Your answer (typed)'), '  I am from Hanoi, the capital.  ');
  fireEvent.press(screen.getByRole('button', { name: 'Submit answer' }));
  await screen.findByText(set.part1.questions[1]!);
  const submitted = server.requestsTo('speaking.submitTurn').at(-1);
  expect(submitted?.status).toBe(200);
  expect(submitBody(submitted)).toEqual({
    part: 1,
    prompt_id: 'part1-0',
    transcript: { text: 'I am from Hanoi, the capital.', words: [] },
    transcript_source: 'typed',
  });
  expect(fakeRecognition.starts).toEqual([]);
});

it('lists an unscored speaking test as in progress, resumes it, and discards it at no cost', async () => {
  const learner = await registerLearner(server);
  const { client: otherDevice } = await signInDirectly(server, learner);
  const [set] = (await otherDevice.questions.list({ type: 'speaking', limit: 1 })).items;
  const started = await otherDevice.speaking.start({ question_id: set!.question_id });
  const firstQuestion = set!.speaking!.part1.questions[0]!;
  renderApp(server.url);
  await signIn(learner);
  expect(await screen.findByLabelText('Speaking: 3 of 3 left')).toBeOnTheScreen();
  // On home it resumes the test.
  fireEvent.press(await screen.findByTestId(`assessment-${started.assessment_id}`));
  expect(await screen.findByText(firstQuestion)).toBeOnTheScreen();
  fireEvent.press(screen.getByRole('button', { name: 'Back' }));

  fireEvent.press(await screen.findByRole('button', { name: 'All results' }));
  const row = await screen.findByTestId(`assessment-${started.assessment_id}`);
  expect(within(row).getByText(IN_PROGRESS_LABEL)).toBeOnTheScreen();
  fireEvent.press(within(row).getByRole('button', { name: 'Resume' }));
  expect(await screen.findByText(firstQuestion)).toBeOnTheScreen();
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
  const discard = server.requestsTo('speaking.discard').at(-1);
  expect(discard?.method).toBe('DELETE');
  expect(discard?.path).toBe(`/api/speaking/sessions/${started.assessment_id}`);
  expect(discard?.status).toBe(200);
  const gone = await otherDevice.speaking.get({ id: started.assessment_id }).catch((error: unknown) => error);
  expect((gone as { status?: number }).status).toBe(404);

  fireEvent.press(screen.getByRole('button', { name: 'Back' }));
  expect(await screen.findByLabelText('Speaking: 3 of 3 left')).toBeOnTheScreen();
});
