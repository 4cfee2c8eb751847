// Reading end to end against the real reference server (test-support/reference-server.ts) and its
// Academic Reading test: the allowance before starting, passages and questions in tabs on a phone
// and side by side on a tablet, the answer sheet and its hour kept across a restart, and the
// result question by question with the answers the server's key accepts.
import { assessmentSchema, publicQuestionSchema, type PublicQuestion, type QuestionResult } from '@ielts-genai-prep/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react-native';
import { passageParagraphs, READING_TIME_UP } from './reading-test-screen';
import { createMemoryTokenStore } from './token-store';
import { advanceClock, waitWithClockStill } from './test-support/clock';
import { registerLearner, signInDirectly, type Learner } from './test-support/learners';
import { startReferenceServer, type ReferenceServer } from './test-support/reference-server';
import { renderApp, signIn } from './test-support/render-app';
import { TABLET, setScreenSize } from './test-support/screen-size';

let server: ReferenceServer;
/** The answers the server's key accepts, learnt from a blank sheet sent by another learner. */
let key: Map<number, QuestionResult>;

beforeAll(async () => {
  server = await startReferenceServer();
  const { client } = await signInDirectly(server, await registerLearner(server, { displayName: 'Probe' }));
  const blank = await client.reading.evaluate({ question_id: 'ra-test-01', answers: {} });
  key = new Map(blank.question_results.map((result) => [result.question_number, result]));
});

afterAll(async () => {
  await server?.close();
});

afterEach(() => {
  jest.useRealTimers();
});

const questionOf = (test: PublicQuestion, number: number) => {
  const group = test.question_groups.find((candidate) => candidate.questions.some((question) => question.number === number))!;
  return { group, question: group.questions.find((question) => question.number === number)! };
};

/** Opens the Academic Reading test from home; returns it as the app received it. */
async function openTest(wait: <Value>(expectation: () => Value) => Promise<Value> = waitFor): Promise<PublicQuestion> {
  fireEvent.press(await wait(() => screen.getByRole('button', { name: 'Practise Reading (Academic)' })));
  fireEvent.press(await wait(() => screen.getByRole('button', { name: 'Academic Reading practice test 1' })));
  await wait(() => expect(server.answered('questions.get').path).toBe('/api/questions/ra-test-01'));
  await wait(() => screen.getByRole('header', { name: 'Academic Reading practice test 1' }));
  return publicQuestionSchema.parse(server.answered('questions.get').response);
}

async function signedIn(): Promise<Learner> {
  const learner = await registerLearner(server);
  renderApp(server.url);
  await signIn(learner);
  return learner;
}

it('shows each passage and its questions in tabs, marks the sheet, and lists every question with the accepted answers', async () => {
  await signedIn();
  const test = await openTest();
  expect(screen.getByText(/3 passages · 40 questions · 60 minutes/)).toBeOnTheScreen();
  expect(await screen.findByText('3 of 3 Reading (Academic) assessments left. This one counts once it is scored.')).toBeOnTheScreen();
  expect(screen.getByRole('button', { name: 'Start the test' })).toBeEnabled();
  // The clock stands still while the test comes up, so the hour reads in full however long a busy machine takes to draw it.
  jest.useFakeTimers();
  fireEvent.press(screen.getByRole('button', { name: 'Start the test' }));
  await waitWithClockStill(() => screen.getByLabelText('Time left, 60:00'));
  jest.useRealTimers();

  // Passage 1 first, its text paragraph by paragraph; the questions behind their tab.
  const [first, second] = test.passages as [PublicQuestion['passages'][0], PublicQuestion['passages'][0]];
  expect(screen.getByRole('tab', { name: 'Passage 1' })).toBeSelected();
  expect(within(screen.getByTestId('passage-1')).getByText(first.title)).toBeOnTheScreen();
  expect(screen.getByText(passageParagraphs(first.text)[0]!)).toBeOnTheScreen();
  expect(screen.queryByTestId('questions-1')).toBeNull();
  fireEvent.press(screen.getByRole('tab', { name: 'Questions 1–13' }));
  expect(screen.queryByTestId('passage-1')).toBeNull();

  // Question 1 answered right (a TRUE/FALSE/NOT GIVEN choice), question 2 wrong, a written one right.
  const right1 = key.get(1)!.expected[0]!;
  const wrong2 = ['TRUE', 'FALSE', 'NOT GIVEN'].find((choice) => !key.get(2)!.expected.includes(choice))!;
  fireEvent.press(screen.getByRole('radio', { name: `Question 1: ${right1}` }));
  fireEvent.press(screen.getByRole('radio', { name: `Question 2: ${wrong2}` }));
  const written = [7, 8, 9, 10, 11, 12, 13].find((number) => questionOf(test, number).group.answer_format.kind === 'words')!;
  const writtenAnswer = key.get(written)!.expected[0]!.replace(/[()]/g, '');
  fireEvent.changeText(screen.getByLabelText(`${written}. ${questionOf(test, written).question.text}`), ` ${writtenAnswer} `);

  // Passage 2 and its questions.
  fireEvent.press(screen.getByRole('tab', { name: 'Passage 2' }));
  fireEvent.press(screen.getByRole('tab', { name: 'Passage' }));
  expect(within(screen.getByTestId('passage-2')).getByText(second.title)).toBeOnTheScreen();
  fireEvent.press(screen.getByRole('tab', { name: 'Questions 14–26' }));
  const letter = questionOf(test, 14);
  const letterAnswer = key.get(14)!.expected[0]!;
  expect(letter.group.answer_format.kind).toBe('letter');
  fireEvent.press(screen.getByRole('radio', { name: `Question 14: ${letterAnswer}` }));
  expect(screen.getByText('You have answered 4 of 40 questions. Unanswered questions are marked wrong.')).toBeOnTheScreen();
  fireEvent.press(screen.getByRole('button', { name: 'Submit answers' }));

  expect(await screen.findByText('Your result')).toBeOnTheScreen();
  const evaluate = server.answered('reading.evaluate');
  expect(evaluate.status).toBe(201);
  expect(evaluate.body).toEqual({
    question_id: test.question_id,
    answers: { '1': right1, '2': wrong2, [String(written)]: writtenAnswer, '14': letterAnswer },
    idempotency_key: expect.stringMatching(/^reading-/),
  });
  const marked = assessmentSchema.parse(evaluate.response);
  expect(marked.raw_score).toBe(3);
  expect(screen.getByText('3 of 40 correct')).toBeOnTheScreen();
  expect(screen.getAllByTestId(/^question-result-/)).toHaveLength(40);
  for (const result of marked.question_results) {
    const given = result.given.trim() === '' ? 'no answer' : `"${result.given}"`;
    expect(
      within(screen.getByTestId(`question-result-${result.question_number}`)).getByLabelText(
        new RegExp(
          `^Question ${result.question_number}: ${result.correct ? 'correct' : 'wrong'}\\. You wrote ${given.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\. Accepted: `,
        ),
      ),
    ).toBeOnTheScreen();
  }
  expect(
    screen.getByLabelText(`Question 1: correct. You wrote "${right1}". Accepted: ${key.get(1)!.expected.join(' / ')}.`),
  ).toBeOnTheScreen();
  expect(within(screen.getByTestId('question-result-2')).getByText(`Accepted: ${key.get(2)!.expected.join(' / ')}`)).toBeOnTheScreen();
  fireEvent.press(screen.getByRole('button', { name: 'Back to home' }));
  expect(await screen.findByLabelText('Reading (Academic): 2 of 3 left')).toBeOnTheScreen();
});

it('shows the passage and its questions side by side on a tablet', async () => {
  setScreenSize(TABLET);
  await signedIn();
  await openTest();
  await screen.findByText(/^3 of 3 Reading \(Academic\) assessments left/);
  fireEvent.press(screen.getByRole('button', { name: 'Start the test' }));
  expect(await screen.findByTestId('passage-1')).toBeOnTheScreen();
  expect(screen.getByTestId('questions-1')).toBeOnTheScreen();
  expect(screen.queryByRole('tab', { name: 'Questions 1–13' })).toBeNull();
  fireEvent.press(screen.getByRole('tab', { name: 'Passage 3' }));
  expect(screen.getByTestId('passage-3')).toBeOnTheScreen();
  expect(screen.getByTestId('questions-3')).toBeOnTheScreen();
});

it('keeps the answers and the hour across a restart, and says when the hour is over', async () => {
  const learner = await registerLearner(server);
  const { token } = await signInDirectly(server, learner);
  const tokenStore = createMemoryTokenStore(token);
  renderApp(server.url, tokenStore);
  await screen.findByText('Hello, Mai');
  jest.useFakeTimers();
  await openTest(waitWithClockStill);
  await waitWithClockStill(() => screen.getByText(/^3 of 3 Reading \(Academic\) assessments left/));
  fireEvent.press(screen.getByRole('button', { name: 'Start the test' }));
  await waitWithClockStill(() => screen.getByLabelText('Time left, 60:00'));
  fireEvent.press(screen.getByRole('tab', { name: 'Questions 1–13' }));
  fireEvent.press(screen.getByRole('radio', { name: 'Question 3: NOT GIVEN' }));
  await advanceClock(10 * 60_000);
  expect(screen.getByLabelText('Time left, 50:00')).toBeOnTheScreen();

  screen.unmount();
  renderApp(server.url, tokenStore);
  await waitWithClockStill(() => screen.getByText('Hello, Mai'));
  await openTest(waitWithClockStill);
  await waitWithClockStill(() => screen.getByText('Your answers are back, as you left them. The clock has kept running.'));
  expect(screen.getByLabelText('Time left, 50:00')).toBeOnTheScreen();
  fireEvent.press(screen.getByRole('tab', { name: 'Questions 1–13' }));
  expect(screen.getByRole('radio', { name: 'Question 3: NOT GIVEN' })).toBeChecked();
  expect(screen.getByText('You have answered 1 of 40 questions. Unanswered questions are marked wrong.')).toBeOnTheScreen();

  await advanceClock(50 * 60_000);
  expect(screen.getByLabelText('Time left, Time is up')).toBeOnTheScreen();
  expect(screen.getByText(READING_TIME_UP)).toBeOnTheScreen();
  fireEvent.press(screen.getByRole('button', { name: 'Submit answers' }));
  await waitWithClockStill(() => screen.getByText('Your result'));
  expect(server.answered('reading.evaluate').body).toMatchObject({ answers: { '3': 'NOT GIVEN' } });
});
