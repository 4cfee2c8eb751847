// Listening by ear, end to end through the real api-client against the stand-in server, with the
// device's voices and audio player replaced by the fakes in test-support.
import { assessmentSchema } from '@ielts-genai-prep/core';
import { act, fireEvent, screen, within } from '@testing-library/react-native';
import { LISTENING_RATE } from './speaker-voices';
import { fakeAudio } from './test-support/fake-expo-audio';
import { fakeSpeech, fakeVoice, finishSpeaking, pendingUtterances } from './test-support/fake-expo-speech';
import { LISTENING_ANSWER_KEY, LISTENING_TEST } from './test-support/fixtures';
import { renderApp, signIn } from './test-support/render-app';
import { startStandInApiServer, type StandInApiServer } from './test-support/stand-in-api-server';

let server: StandInApiServer;

afterEach(async () => {
  expect(server.contractViolations).toEqual([]);
  await server.close();
});

const [readAloud, recorded] = LISTENING_TEST.sections as [(typeof LISTENING_TEST.sections)[0], (typeof LISTENING_TEST.sections)[0]];
/** The lines of section 1 without their speakers, in order, as the phone should say them. */
const section1Lines = [
  ['RECEPTIONIST', 'Good morning, Riverside Community Centre.'],
  ['ANNA', "Hello. I'd like to enrol on the woodwork course."],
  ['RECEPTIONIST', 'It meets on Thursday evenings.'],
  ['ANNA', 'Thursday is fine. My name is Anna Harwood.'],
] as const;

async function openTest(mode: 'test' | 'practice') {
  server = await startStandInApiServer({ questions: [LISTENING_TEST], answerKeys: { [LISTENING_TEST.question_id]: LISTENING_ANSWER_KEY } });
  renderApp(server.url);
  await signIn();
  fireEvent.press(screen.getByRole('button', { name: 'Practise Listening' }));
  fireEvent.press(await screen.findByRole('button', { name: LISTENING_TEST.title }));
  fireEvent.press(await screen.findByRole('button', { name: mode === 'test' ? 'Start in test mode' : 'Start in practice mode' }));
  await screen.findByTestId('section-1');
}

/** Lets the fake voice finish every line it is asked to say, one after another. */
async function speakToTheEnd() {
  for (let guard = 0; guard < 50; guard += 1) {
    await act(async () => {
      await Promise.resolve();
    });
    if (pendingUtterances().length === 0) return;
    await act(async () => {
      finishSpeaking();
    });
  }
  throw new Error('the voice never stopped');
}

it('reads each line in its speaker’s voice, plays a recorded section, once each in test mode, and shows the transcript only after submission', async () => {
  fakeSpeech.voices = [fakeVoice('en-US-samantha', 'en-US'), fakeVoice('fr-FR-thomas', 'fr-FR'), fakeVoice('en-GB-daniel', 'en-GB'), fakeVoice('en-GB-serena', 'en-GB')];
  await openTest('test');
  // The transcript is not on screen while answering.
  for (const [, text] of section1Lines) expect(screen.queryByText(text, { exact: false })).toBeNull();
  expect(screen.queryByText(/map room\./)).toBeNull();

  fireEvent.press(screen.getByRole('button', { name: 'Play section 1' }));
  expect(await screen.findByRole('button', { name: 'Playing section 1…' })).toBeDisabled();
  // Another section cannot start over it.
  expect(screen.getByRole('button', { name: 'Play section 2' })).toBeDisabled();
  await speakToTheEnd();
  expect(await screen.findByRole('button', { name: 'Section 1 played' })).toBeDisabled();

  // Line by line, without the speakers' names, a little slower than normal.
  const spoken = fakeSpeech.utterances;
  expect(spoken.map((utterance) => utterance.text)).toEqual(section1Lines.map(([, text]) => text));
  for (const utterance of spoken) {
    expect(utterance.options.rate).toBe(LISTENING_RATE);
    expect(utterance.options.rate).toBeGreaterThanOrEqual(0.9);
    expect(utterance.options.rate).toBeLessThanOrEqual(1);
    expect(utterance.state).toBe('done');
  }
  // One English voice per speaker (British first), never the French one; each speaker keeps theirs.
  const voiceOf = (speaker: string) => new Set(spoken.filter((_, index) => section1Lines[index]![0] === speaker).map((utterance) => utterance.options.voice));
  expect(voiceOf('RECEPTIONIST')).toEqual(new Set(['en-GB-daniel']));
  expect(voiceOf('ANNA')).toEqual(new Set(['en-GB-serena']));

  // Once only in test mode.
  fireEvent.press(screen.getByRole('button', { name: 'Section 1 played' }));
  await act(async () => {
    await Promise.resolve();
  });
  expect(fakeSpeech.utterances).toHaveLength(section1Lines.length);

  // The recorded section plays its audio_url with the audio player, not the voice.
  fireEvent.press(screen.getByRole('button', { name: 'Play section 2' }));
  await screen.findByRole('button', { name: 'Playing section 2…' });
  expect(fakeAudio.players).toHaveLength(1);
  const player = fakeAudio.players[0]!;
  expect(player.url).toBe(recorded.audio_url);
  expect(player.plays).toBe(1);
  expect(fakeSpeech.utterances).toHaveLength(section1Lines.length);
  act(() => player.finish());
  expect(await screen.findByRole('button', { name: 'Section 2 played' })).toBeDisabled();
  expect(player.removed).toBe(true);
  fireEvent.press(screen.getByRole('button', { name: 'Section 2 played' }));
  expect(fakeAudio.players).toHaveLength(1);

  // Answers: written ones typed, letters chosen.
  fireEvent.changeText(screen.getByLabelText('1. Course: introduction to ____'), ' woodwork ');
  fireEvent.changeText(screen.getByLabelText('2. Day of the class: ____'), 'thursday');
  fireEvent.changeText(screen.getByLabelText('3. Surname: Anna ____'), 'Harwood');
  fireEvent.press(screen.getByRole('radio', { name: 'Question 4: A' }));
  fireEvent.press(screen.getByRole('radio', { name: 'Question 5: C' }));
  expect(screen.getByRole('radio', { name: 'Question 5: C' })).toBeChecked();
  expect(screen.getByText('You have answered 5 of 6 questions. Unanswered questions are marked wrong.')).toBeOnTheScreen();
  fireEvent.press(screen.getByRole('button', { name: 'Submit answers' }));

  // The result, and now the transcripts.
  expect(await screen.findByText('Your result')).toBeOnTheScreen();
  const [evaluate] = server.requestsTo('listening.evaluate');
  expect(evaluate?.body).toEqual({
    question_id: LISTENING_TEST.question_id,
    answers: { '1': 'woodwork', '2': 'thursday', '3': 'Harwood', '4': 'A', '5': 'C' },
    idempotency_key: expect.stringMatching(/^listening-/),
  });
  const marked = assessmentSchema.parse(evaluate?.response);
  expect(marked.raw_score).toBe(4);
  expect(screen.getByText('4 of 40 correct')).toBeOnTheScreen();
  const transcripts = screen.getByTestId('listening-transcripts');
  for (const [speaker, text] of section1Lines) expect(within(transcripts).getAllByText(`${speaker}: ${text}`).length).toBeGreaterThan(0);
  expect(within(transcripts).getByText('GUIDE: Welcome to the museum. The tour starts in the map room.')).toBeOnTheScreen();
  expect(within(transcripts).getByText(`Section 1: ${readAloud.title}`)).toBeOnTheScreen();

  // Opened again from the history, the result brings its transcripts with it.
  fireEvent.press(screen.getByRole('button', { name: 'Back to home' }));
  fireEvent.press(await screen.findByRole('button', { name: 'All results' }));
  fireEvent.press(await screen.findByTestId(`assessment-${marked.assessment_id}`));
  const reloaded = await screen.findByTestId('listening-transcripts');
  expect(within(reloaded).getByText('GUIDE: Welcome to the museum. The tour starts in the map room.')).toBeOnTheScreen();
  expect(server.requestsTo('questions.get').at(-1)?.path).toBe(`/api/questions/${LISTENING_TEST.question_id}`);
});

it('replays freely in practice mode, and tells speakers apart by pitch when the phone has one English voice', async () => {
  fakeSpeech.voices = [fakeVoice('en-GB-daniel', 'en-GB')];
  await openTest('practice');

  fireEvent.press(screen.getByRole('button', { name: 'Play section 1' }));
  await screen.findByRole('button', { name: 'Stop section 1' });
  // Stopped after two lines.
  await act(async () => {
    finishSpeaking();
  });
  await act(async () => {
    await Promise.resolve();
  });
  fireEvent.press(screen.getByRole('button', { name: 'Stop section 1' }));
  expect(await screen.findByRole('button', { name: 'Play section 1 again' })).toBeEnabled();
  expect(fakeSpeech.utterances.map((utterance) => utterance.state)).toEqual(['done', 'stopped']);

  // Again from the start, to the end.
  fireEvent.press(screen.getByRole('button', { name: 'Play section 1 again' }));
  await speakToTheEnd();
  const replay = fakeSpeech.utterances.slice(2);
  expect(replay.map((utterance) => utterance.text)).toEqual(section1Lines.map(([, text]) => text));
  const pitches = replay.map((utterance) => utterance.options.pitch);
  expect(pitches[0]).toBe(pitches[2]);
  expect(pitches[1]).toBe(pitches[3]);
  expect(pitches[0]).not.toBe(pitches[1]);
  expect(new Set(replay.map((utterance) => utterance.options.voice))).toEqual(new Set(['en-GB-daniel']));

  // A recorded section plays as often as wanted.
  for (const round of [1, 2]) {
    fireEvent.press(await screen.findByRole('button', { name: round === 1 ? 'Play section 2' : 'Play section 2 again' }));
    await screen.findByRole('button', { name: 'Stop section 2' });
    act(() => fakeAudio.players.at(-1)!.finish());
  }
  expect(await screen.findByRole('button', { name: 'Play section 2 again' })).toBeEnabled();
  expect(fakeAudio.players.map((player) => [player.url, player.plays])).toEqual([
    [recorded.audio_url, 1],
    [recorded.audio_url, 1],
  ]);
  // Still no transcript before submission.
  expect(screen.queryByTestId('listening-transcripts')).toBeNull();
  expect(screen.queryByText(/Riverside Community Centre/)).toBeNull();
});
