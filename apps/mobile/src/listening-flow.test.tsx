// Listening by ear, end to end through the real api-client against the real reference server
// (test-support/reference-server.ts) and its listening test, with the device's voices and audio
// player replaced by the fakes in test-support. The server's content has no recordings yet: the
// proxy in front of it gives section 2 one, so both ways of playing a section are exercised.
import { assessmentSchema, pageSchema, publicQuestionSchema, type PublicQuestion } from '@ielts-genai-prep/core';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react-native';
import { LISTENING_RATE } from './speaker-voices';
import { fakeAudio } from './test-support/fake-expo-audio';
import { fakeSpeech, fakeVoice, finishSpeaking, pendingUtterances } from './test-support/fake-expo-speech';
import { registerLearner } from './test-support/learners';
import { startReferenceServer, type ReferenceServer } from './test-support/reference-server';
import { renderApp, signIn } from './test-support/render-app';

let server: ReferenceServer;

beforeAll(async () => {
  server = await startReferenceServer({ recordedSections: [{ questionId: 'li-test-01', part: 2, durationSeconds: 95 }] });
});

afterAll(async () => {
  await server?.close();
});

/** A transcript's lines as the test reads them: `SPEAKER: text`, blank lines skipped. */
function linesOf(transcript: string): Array<{ speaker: string; text: string }> {
  return transcript
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = /^([A-Z][A-Z .'-]*): (.+)$/.exec(line);
      return match ? { speaker: match[1]!, text: match[2]! } : { speaker: '', text: line };
    });
}

/** Signs in, opens the server's listening test in `mode`, and returns the test as the app received it. */
async function openTest(mode: 'test' | 'practice'): Promise<PublicQuestion> {
  const learner = await registerLearner(server);
  renderApp(server.url);
  await signIn(learner);
  fireEvent.press(screen.getByRole('button', { name: 'Practise Listening' }));
  const list = await waitFor(() => {
    const call = server.requestsTo('questions.list').at(-1);
    expect(call?.status).toBe(200);
    return call;
  });
  const [listed] = pageSchema(publicQuestionSchema).parse(list?.response).items;
  fireEvent.press(await screen.findByRole('button', { name: listed!.title }));
  fireEvent.press(await screen.findByRole('button', { name: mode === 'test' ? 'Start in test mode' : 'Start in practice mode' }));
  await screen.findByTestId('section-1');
  return publicQuestionSchema.parse(server.requestsTo('questions.get').at(-1)?.response);
}

/** Lets the fake voice finish every line it is asked to say, one after another. */
async function speakToTheEnd() {
  for (let guard = 0; guard < 500; guard += 1) {
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
  fakeSpeech.voices = [
    fakeVoice('en-US-samantha', 'en-US'),
    fakeVoice('fr-FR-thomas', 'fr-FR'),
    fakeVoice('en-GB-daniel', 'en-GB'),
    fakeVoice('en-GB-serena', 'en-GB'),
  ];
  const test = await openTest('test');
  expect(test.question_id).toBe('li-test-01');
  const [readAloud, recorded] = test.sections as [PublicQuestion['sections'][0], PublicQuestion['sections'][0]];
  expect(readAloud.audio_url).toBeNull();
  expect(recorded.audio_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/test-media\//);
  const section1 = linesOf(readAloud.transcript);
  const speakers = [...new Set(section1.map((line) => line.speaker))];
  expect(speakers).toHaveLength(2);
  // The transcript is not on screen while answering.
  for (const { text } of section1) expect(screen.queryByText(text, { exact: false })).toBeNull();

  fireEvent.press(screen.getByRole('button', { name: 'Play section 1' }));
  expect(await screen.findByRole('button', { name: 'Playing section 1…' })).toBeDisabled();
  // Another section cannot start over it.
  expect(screen.getByRole('button', { name: 'Play section 2' })).toBeDisabled();
  await speakToTheEnd();
  expect(await screen.findByRole('button', { name: 'Section 1 played' })).toBeDisabled();

  // Line by line, without the speakers' names, a little slower than normal.
  const spoken = fakeSpeech.utterances;
  expect(spoken.map((utterance) => utterance.text)).toEqual(section1.map((line) => line.text));
  for (const utterance of spoken) {
    expect(utterance.options.rate).toBe(LISTENING_RATE);
    expect(utterance.options.rate).toBeGreaterThanOrEqual(0.9);
    expect(utterance.options.rate).toBeLessThanOrEqual(1);
    expect(utterance.state).toBe('done');
  }
  // One English voice per speaker (British first), never the French one; each speaker keeps theirs.
  const voicesOf = (speaker: string) =>
    new Set(spoken.filter((_, index) => section1[index]!.speaker === speaker).map((utterance) => utterance.options.voice));
  expect(voicesOf(speakers[0]!)).toEqual(new Set(['en-GB-daniel']));
  expect(voicesOf(speakers[1]!)).toEqual(new Set(['en-GB-serena']));

  // Once only in test mode.
  fireEvent.press(screen.getByRole('button', { name: 'Section 1 played' }));
  await act(async () => {
    await Promise.resolve();
  });
  expect(fakeSpeech.utterances).toHaveLength(section1.length);

  // The recorded section plays its audio_url with the audio player, not the voice.
  fireEvent.press(screen.getByRole('button', { name: 'Play section 2' }));
  await screen.findByRole('button', { name: 'Playing section 2…' });
  expect(fakeAudio.players).toHaveLength(1);
  const player = fakeAudio.players[0]!;
  expect(player.url).toBe(recorded.audio_url);
  expect(player.plays).toBe(1);
  expect(fakeSpeech.utterances).toHaveLength(section1.length);
  act(() => player.finish());
  expect(await screen.findByRole('button', { name: 'Section 2 played' })).toBeDisabled();
  expect(player.removed).toBe(true);
  fireEvent.press(screen.getByRole('button', { name: 'Section 2 played' }));
  expect(fakeAudio.players).toHaveLength(1);

  // Answers: written ones typed, letters chosen, one of them wrong.
  const questionText = (number: number) =>
    test.question_groups.flatMap((group) => group.questions).find((question) => question.number === number)!.text;
  fireEvent.changeText(screen.getByLabelText(`1. ${questionText(1)}`), ' woodwork ');
  fireEvent.changeText(screen.getByLabelText(`2. ${questionText(2)}`), 'thursday');
  fireEvent.changeText(screen.getByLabelText(`4. ${questionText(4)}`), 'Harwood');
  fireEvent.changeText(screen.getByLabelText(`5. ${questionText(5)}`), 'Kestral');
  fireEvent.press(screen.getByRole('radio', { name: 'Question 11: A' }));
  fireEvent.press(screen.getByRole('radio', { name: 'Question 12: C' }));
  expect(screen.getByRole('radio', { name: 'Question 12: C' })).toBeChecked();
  expect(screen.getByText('You have answered 6 of 40 questions. Unanswered questions are marked wrong.')).toBeOnTheScreen();
  fireEvent.press(screen.getByRole('button', { name: 'Submit answers' }));

  // The result, and now the transcripts.
  expect(await screen.findByText('Your result')).toBeOnTheScreen();
  const evaluate = server.requestsTo('listening.evaluate').at(-1);
  expect(evaluate?.body).toEqual({
    question_id: test.question_id,
    answers: { '1': 'woodwork', '2': 'thursday', '4': 'Harwood', '5': 'Kestral', '11': 'A', '12': 'C' },
    idempotency_key: expect.stringMatching(/^listening-/),
  });
  expect(evaluate?.status).toBe(201);
  const marked = assessmentSchema.parse(evaluate?.response);
  // The server's key: the three spelt right are, "Kestral" is not.
  const correct = new Set(marked.question_results.filter((result) => result.correct).map((result) => result.question_number));
  expect([1, 2, 4].every((number) => correct.has(number))).toBe(true);
  expect(correct.has(5)).toBe(false);
  expect(screen.getByText(`${marked.raw_score} of 40 correct`)).toBeOnTheScreen();
  const transcripts = screen.getByTestId('listening-transcripts');
  for (const { speaker, text } of section1) expect(within(transcripts).getAllByText(`${speaker}: ${text}`).length).toBeGreaterThan(0);
  expect(within(transcripts).getByText(`Section 1: ${readAloud.title}`)).toBeOnTheScreen();
  expect(within(transcripts).getByText(`Section 2: ${recorded.title}`)).toBeOnTheScreen();

  // Opened again from the history, the result brings its transcripts with it.
  fireEvent.press(screen.getByRole('button', { name: 'Back to home' }));
  fireEvent.press(await screen.findByRole('button', { name: 'All results' }));
  fireEvent.press(await screen.findByTestId(`assessment-${marked.assessment_id}`));
  const reloaded = await screen.findByTestId('listening-transcripts');
  const firstLine = section1[0]!;
  expect(within(reloaded).getAllByText(`${firstLine.speaker}: ${firstLine.text}`).length).toBeGreaterThan(0);
  expect(server.requestsTo('questions.get').at(-1)?.path).toBe(`/api/questions/${test.question_id}`);
});

it('replays freely in practice mode, and tells speakers apart by pitch when the phone has one English voice', async () => {
  fakeSpeech.voices = [fakeVoice('en-GB-daniel', 'en-GB')];
  const test = await openTest('practice');
  const section1 = linesOf(test.sections[0]!.transcript);
  const recordedUrl = test.sections[1]!.audio_url;

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
  expect(replay.map((utterance) => utterance.text)).toEqual(section1.map((line) => line.text));
  const pitchesOf = (speaker: string) =>
    new Set(replay.filter((_, index) => section1[index]!.speaker === speaker).map((utterance) => utterance.options.pitch));
  const [first, second] = [...new Set(section1.map((line) => line.speaker))] as [string, string];
  expect(pitchesOf(first).size).toBe(1);
  expect(pitchesOf(second).size).toBe(1);
  expect([...pitchesOf(first)][0]).not.toBe([...pitchesOf(second)][0]);
  expect(new Set(replay.map((utterance) => utterance.options.voice))).toEqual(new Set(['en-GB-daniel']));

  // A recorded section plays as often as wanted.
  for (const round of [1, 2]) {
    fireEvent.press(await screen.findByRole('button', { name: round === 1 ? 'Play section 2' : 'Play section 2 again' }));
    await screen.findByRole('button', { name: 'Stop section 2' });
    act(() => fakeAudio.players.at(-1)!.finish());
  }
  expect(await screen.findByRole('button', { name: 'Play section 2 again' })).toBeEnabled();
  expect(fakeAudio.players.map((player) => [player.url, player.plays])).toEqual([
    [recordedUrl, 1],
    [recordedUrl, 1],
  ]);
  // Still no transcript before submission.
  expect(screen.queryByTestId('listening-transcripts')).toBeNull();
  expect(screen.queryByText(section1[0]!.text, { exact: false })).toBeNull();
});
