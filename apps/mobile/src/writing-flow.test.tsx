// Writing Task 1 (Academic with its chart, General Training letters) and Task 2 end to end against
// the real reference server (test-support/reference-server.ts): the allowance shown before
// starting, the countdown under Jest's fake timers, the live word count, the draft kept across a
// restart (in the fake device files, test-support/fake-expo-file-system.ts), and the result with
// its criteria and the answer marked with the server's corrections.
import {
  assessmentSchema,
  formatBand,
  pageSchema,
  publicQuestionSchema,
  type PublicQuestion,
  type WritingAssessmentType,
} from '@ielts-genai-prep/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react-native';
import { barRects } from './chart-geometry';
import { createMemoryTokenStore } from './token-store';
import { TIME_UP_NOTICE } from './writing-task-screen';
import { advanceClock, waitWithClockStill } from './test-support/clock';
import { fakeFiles } from './test-support/fake-expo-file-system';
import { registerLearner, signInDirectly, type Learner } from './test-support/learners';
import { startReferenceServer, type ReferenceServer } from './test-support/reference-server';
import { renderApp, signIn } from './test-support/render-app';

let server: ReferenceServer;

beforeAll(async () => {
  server = await startReferenceServer();
});

afterAll(async () => {
  await server?.close();
});

afterEach(() => {
  jest.useRealTimers();
});

const LABELS: Record<WritingAssessmentType, string> = {
  writing_task1_academic: 'Writing Task 1 (Academic)',
  writing_task1_general_training: 'Writing Task 1 (General Training)',
  writing_task2: 'Writing Task 2',
};

/** `count` words of a report, with two misspellings the offline scorer corrects. */
function reportOf(count: number): string {
  const words =
    'The chart shows that peple aged sixteen to twenty-four spent the most time streaming video while older groups read more and the diffrence grew with age'.split(
      ' ',
    );
  return Array.from({ length: count }, (_, index) => words[index % words.length]).join(' ');
}

/** Opens the writing questions of `type` from home; returns what the server listed. */
async function openWritingList(
  type: WritingAssessmentType,
  wait: (expectation: () => unknown) => Promise<unknown> = waitFor,
): Promise<PublicQuestion[]> {
  fireEvent.press(await screen.findByRole('button', { name: `Practise ${LABELS[type]}` }));
  await wait(() => expect(server.answered('questions.list').query).toMatchObject({ type }));
  return pageSchema(publicQuestionSchema).parse(server.answered('questions.list').response).items;
}

async function signedInAs(learner?: Learner): Promise<Learner> {
  const who = learner ?? (await registerLearner(server));
  renderApp(server.url);
  await signIn(who);
  return who;
}

it('practises an Academic Task 1 report on a bar chart drawn from the data: 150 words, the criteria and the answer marked', async () => {
  await signedInAs();
  const questions = await openWritingList('writing_task1_academic');
  expect(new Set(questions.map((question) => question.chart?.chart_type))).toEqual(
    new Set(['bar', 'line', 'pie', 'table', 'process', 'map']),
  );
  expect(
    await screen.findByText('3 of 3 Writing Task 1 (Academic) assessments left. This one counts once it is scored.'),
  ).toBeOnTheScreen();
  const bar = questions.find((question) => question.chart?.chart_type === 'bar')!;
  // The clock stands still while the task comes up, so its 20 minutes read in full however long a busy machine takes to draw it.
  jest.useFakeTimers();
  fireEvent.press(screen.getByRole('button', { name: bar.title }));

  // The chart, drawn from the question's figures: a bar for each.
  expect(await waitWithClockStill(() => screen.getByTestId('chart-bar'))).toBeOnTheScreen();
  const expectedBars = barRects(bar.chart!).bars;
  expect(screen.getAllByTestId(/^bar-\d+-\d+$/)).toHaveLength(expectedBars.length);
  for (const drawn of expectedBars)
    expect(screen.getByTestId(`bar-${drawn.series}-${drawn.category}`).props.height).toBeCloseTo(drawn.height);
  expect(screen.getByText('You should spend about 20 minutes on this task. Write at least 150 words.')).toBeOnTheScreen();
  expect(await waitWithClockStill(() => screen.getByText('0 words · 150 more to reach the minimum of 150'))).toBeOnTheScreen();
  expect(screen.getByLabelText('Time left, 20:00')).toBeOnTheScreen();
  jest.useRealTimers();

  fireEvent.changeText(screen.getByLabelText('Your report'), reportOf(120));
  expect(screen.getByText('120 words · 30 more to reach the minimum of 150')).toBeOnTheScreen();
  expect(screen.getByText(/Answers under 150 words lose marks for Task Achievement/)).toBeOnTheScreen();
  const report = reportOf(163);
  fireEvent.changeText(screen.getByLabelText('Your report'), report);
  expect(screen.getByText('163 words · minimum of 150 reached')).toBeOnTheScreen();
  fireEvent.press(screen.getByRole('button', { name: 'Submit for scoring' }));

  expect(await screen.findByText('Your result')).toBeOnTheScreen();
  const scored = assessmentSchema.parse(server.answered('writing.evaluate').response);
  expect(server.answered('writing.evaluate').body).toMatchObject({ question_id: bar.question_id, essay: report });
  expect(scored.assessment_type).toBe('writing_task1_academic');
  expect(scored.word_count).toBe(163);
  expect(screen.getByTestId('overall-band')).toHaveTextContent(formatBand(scored.overall_band));
  const achievement = screen.getByTestId('criterion-task_achievement');
  expect(within(achievement).getByText('Task Achievement')).toBeOnTheScreen();
  expect(within(achievement).getByText(formatBand(scored.criteria_scores.task_achievement!.band))).toBeOnTheScreen();
  // The server's corrections, marked in the report where they occur.
  const misspellings = scored.inline_corrections.filter((correction) => correction.category === 'spelling');
  expect(misspellings.map((correction) => correction.quote.toLowerCase()).sort()).toEqual(['diffrence', 'peple']);
  const marked = screen.getByTestId('marked-answer');
  for (const correction of scored.inline_corrections) {
    const number = scored.inline_corrections.indexOf(correction) + 1;
    expect(
      within(marked).getAllByLabelText(
        `${correction.quote}, correction ${number}${correction.suggestion ? `: ${correction.suggestion}` : ''}`,
      ).length,
    ).toBeGreaterThan(0);
  }
  // Scored: the draft is gone.
  expect([...fakeFiles.keys()].filter((uri) => uri.includes('draft-'))).toEqual([]);
});

it('shows a General Training letter’s points, and keeps the letter and its clock across a restart', async () => {
  const learner = await registerLearner(server);
  const { token } = await signInDirectly(server, learner);
  const tokenStore = createMemoryTokenStore(token);
  renderApp(server.url, tokenStore);
  await screen.findByText('Hello, Mai');
  // From here the clock is Jest's: the countdown moves only when the test moves it.
  jest.useFakeTimers();
  const [letter] = await openWritingList('writing_task1_general_training', waitWithClockStill);
  fireEvent.press(await waitWithClockStill(() => screen.getByRole('button', { name: letter!.title })));
  const points = await waitWithClockStill(() => screen.getByTestId('letter-points'));
  for (const point of letter!.letter_points) expect(within(points).getByText(`• ${point}`)).toBeOnTheScreen();
  await waitWithClockStill(() => screen.getByLabelText('Time left, 20:00'));

  const text = 'Dear Sir or Madam, I am writing to complain about the roadworks outside my home.';
  fireEvent.changeText(screen.getByLabelText('Your letter'), text);
  await advanceClock(5 * 60_000);
  expect(screen.getByLabelText('Time left, 15:00')).toBeOnTheScreen();
  // Written to the phone's files a moment after typing stopped.
  const saved = [...fakeFiles.entries()].find(([uri]) => uri.includes(letter!.question_id));
  expect(saved && JSON.parse(Buffer.from(saved[1]).toString('utf8'))).toMatchObject({ essay: text, attempt: null });

  // The app is closed and opened again: the session and the draft come back, and the clock has kept running.
  screen.unmount();
  await advanceClock(60_000);
  renderApp(server.url, tokenStore);
  await waitWithClockStill(() => screen.getByText('Hello, Mai'));
  await openWritingList('writing_task1_general_training', waitWithClockStill);
  fireEvent.press(await waitWithClockStill(() => screen.getByRole('button', { name: letter!.title })));
  expect(await waitWithClockStill(() => screen.getByLabelText('Your letter'))).toHaveDisplayValue(text);
  expect(screen.getByText(/Your draft is back, as you left it/)).toBeOnTheScreen();
  expect(screen.getByLabelText('Time left, 14:00')).toBeOnTheScreen();
  expect(screen.getByText('15 words · 135 more to reach the minimum of 150')).toBeOnTheScreen();

  // Starting again clears the letter and restarts the clock.
  fireEvent.press(screen.getByRole('button', { name: 'Start again' }));
  expect(screen.getByLabelText('Your letter')).toHaveDisplayValue('');
  expect(screen.getByLabelText('Time left, 20:00')).toBeOnTheScreen();
});

it('counts down the 40 minutes of Task 2, says when time is up, and still takes the essay', async () => {
  await signedInAs();
  jest.useFakeTimers();
  const [question] = await openWritingList('writing_task2', waitWithClockStill);
  fireEvent.press(await waitWithClockStill(() => screen.getByRole('button', { name: question!.title })));
  await waitWithClockStill(() => screen.getByLabelText('Time left, 40:00'));
  fireEvent.changeText(screen.getByLabelText('Your essay'), reportOf(260));
  await advanceClock(39 * 60_000);
  expect(screen.getByLabelText('Time left, 1:00')).toBeOnTheScreen();
  expect(screen.queryByText(TIME_UP_NOTICE)).toBeNull();
  await advanceClock(50_000);
  expect(screen.getByLabelText('Time left, 0:10')).toBeOnTheScreen();
  await advanceClock(10_000);
  expect(screen.getByLabelText('Time left, Time is up')).toBeOnTheScreen();
  expect(screen.getByText(TIME_UP_NOTICE)).toBeOnTheScreen();

  fireEvent.press(screen.getByRole('button', { name: 'Submit for scoring' }));
  await waitWithClockStill(() => screen.getByText('Your result'));
  expect(server.answered('writing.evaluate').status).toBe(201);
});

it('says before starting when none of a task is left, and offers no answer box', async () => {
  const learner = await registerLearner(server);
  const { client } = await signInDirectly(server, learner);
  const [letter] = (await client.questions.list({ type: 'writing_task1_general_training', limit: 1 })).items;
  for (let used = 0; used < 3; used += 1)
    await client.writing.evaluate({ question_id: letter!.question_id, essay: `${reportOf(160)} ${used}` });
  await signedInAs(learner);
  await openWritingList('writing_task1_general_training');
  const none =
    'You have no Writing Task 1 (General Training) assessments left, so an answer cannot be scored now. Buy a pack to take more.';
  expect(await screen.findByText(none)).toBeOnTheScreen();
  fireEvent.press(screen.getByRole('button', { name: letter!.title }));
  expect(await screen.findByText(none)).toBeOnTheScreen();
  expect(screen.queryByLabelText('Your letter')).toBeNull();
  expect(screen.queryByRole('button', { name: 'Submit for scoring' })).toBeNull();
  // The other tasks are untouched.
  fireEvent.press(screen.getByRole('button', { name: 'Back to the questions' }));
  fireEvent.press(await screen.findByRole('button', { name: 'Back' }));
  await openWritingList('writing_task2');
  expect(await screen.findByText('3 of 3 Writing Task 2 assessments left. This one counts once it is scored.')).toBeOnTheScreen();
});
