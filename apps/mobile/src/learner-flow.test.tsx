// The app end to end through the real api-client, against a wire-level stand-in of the server on 127.0.0.1.
import { assessmentSchema, pageSchema, type Assessment } from '@ielts-genai-prep/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react-native';
import { SESSION_ENDED_NOTICE } from './app';
import { formatBand } from './labels';
import { createMemoryTokenStore } from './token-store';
import { LEARNER, WRITING_TASK2_QUESTIONS, freeAllowances, pastAssessments } from './test-support/fixtures';
import { renderApp } from './test-support/render-app';
import { startStandInApiServer, type RecordedRequest, type StandInApiServer } from './test-support/stand-in-api-server';

let server: StandInApiServer;

afterEach(async () => {
  expect(server.contractViolations).toEqual([]);
  await server.close();
});

// An essay of `count` words, with a hyphenated word that counts once.
function essayOf(count: number): string {
  const words = ['Remote', 'work', 'gives', 'employees', 'well-known', 'benefits', 'such', 'as', 'flexible', 'hours'];
  return Array.from({ length: count }, (_, index) => words[index % words.length]).join(' ');
}

async function signIn() {
  fireEvent.changeText(await screen.findByLabelText('Email'), LEARNER.email);
  fireEvent.changeText(screen.getByLabelText('Password'), LEARNER.password);
  fireEvent.press(screen.getByRole('button', { name: 'Sign in' }));
  await screen.findByText('Hello, Mai');
}

function pageOf(response: unknown): { items: Assessment[]; next_cursor: string | null } {
  return pageSchema(assessmentSchema).parse(response);
}

it('signs in, shows what is left and recent results, scores an essay, pages through the history and signs out', async () => {
  server = await startStandInApiServer({ questions: WRITING_TASK2_QUESTIONS, assessments: pastAssessments(23) });
  const { tokenStore } = renderApp(server.url);
  await signIn();

  // Mobile login: a bearer token comes back, is stored, and goes with every signed-in call.
  const login = server.requestsTo('auth.login')[0];
  expect(login?.body).toEqual({ email: LEARNER.email, password: LEARNER.password, client: 'mobile' });
  expect(login?.headers.authorization).toBeUndefined();
  const token = (login?.response as { token: string }).token;
  expect(token).toMatch(/^[\w-]{20,}$/);
  expect(await tokenStore.read()).toBe(token);
  expect(await screen.findByLabelText('Writing Task 2: 3 of 3 left')).toBeOnTheScreen();
  expect(screen.getByLabelText('Speaking: 1 of 1 left')).toBeOnTheScreen();
  for (const endpoint of ['entitlements.get', 'assessments.list']) {
    expect(server.requestsTo(endpoint)[0]?.headers.authorization).toBe(`Bearer ${token}`);
  }
  const recent = pageOf(server.requestsTo('assessments.list')[0]?.response);
  expect(recent.items).toHaveLength(5);
  for (const assessment of recent.items) expect(await screen.findByTestId(`assessment-${assessment.assessment_id}`)).toBeOnTheScreen();

  // Writing practice: list, prompt, essay with a live count, submission, result.
  fireEvent.press(screen.getByRole('button', { name: 'Practise Writing Task 2' }));
  for (const question of WRITING_TASK2_QUESTIONS) expect(await screen.findByText(question.title)).toBeOnTheScreen();
  fireEvent.press(screen.getByRole('button', { name: 'Working from home' }));
  expect(await screen.findByText(WRITING_TASK2_QUESTIONS[0]!.prompt)).toBeOnTheScreen();
  expect(screen.getByText('You should spend about 40 minutes on this task. Write at least 250 words.')).toBeOnTheScreen();
  expect(screen.getByText('0 words · 250 more to reach the minimum of 250')).toBeOnTheScreen();
  expect(screen.getByRole('button', { name: 'Submit for scoring' })).toBeDisabled();

  fireEvent.changeText(screen.getByLabelText('Your essay'), essayOf(40));
  expect(screen.getByText('40 words · 210 more to reach the minimum of 250')).toBeOnTheScreen();
  expect(screen.getByText(/Essays under 250 words lose marks/)).toBeOnTheScreen();
  const essay = essayOf(262);
  fireEvent.changeText(screen.getByLabelText('Your essay'), essay);
  expect(screen.getByText('262 words · minimum of 250 reached')).toBeOnTheScreen();
  fireEvent.press(screen.getByRole('button', { name: 'Submit for scoring' }));

  expect(await screen.findByText('Your result')).toBeOnTheScreen();
  const evaluate = server.requestsTo('writing.evaluate')[0];
  expect(evaluate?.headers.authorization).toBe(`Bearer ${token}`);
  expect(evaluate?.body).toEqual({ question_id: 'wt2-remote-work', essay, idempotency_key: expect.stringMatching(/^essay-/) });
  const scored = assessmentSchema.parse(evaluate?.response);
  expect(scored.word_count).toBe(262);
  expect(screen.getByTestId('overall-band')).toHaveTextContent(formatBand(scored.overall_band));
  for (const [criterion, score] of Object.entries(scored.criteria_scores)) {
    const row = screen.getByTestId(`criterion-${criterion}`);
    expect(within(row).getByText(formatBand(score.band))).toBeOnTheScreen();
    expect(within(row).getByText(score.feedback)).toBeOnTheScreen();
  }
  expect(screen.getByText(scored.feedback)).toBeOnTheScreen();

  // Home again: one Writing Task 2 assessment fewer, the new result first.
  fireEvent.press(screen.getByRole('button', { name: 'Back to home' }));
  expect(await screen.findByLabelText('Writing Task 2: 2 of 3 left')).toBeOnTheScreen();
  expect(await screen.findByTestId(`assessment-${scored.assessment_id}`)).toBeOnTheScreen();

  // History: every page through the cursor, nothing lost or repeated. The stand-in records a request
  // when it arrives, before it answers, so each step waits for the rows on screen, not for the request:
  // "Load more" stays busy (disabled) until the previous page is shown.
  const historyCallsBefore = server.requestsTo('assessments.list').length;
  fireEvent.press(screen.getByRole('button', { name: 'All results' }));
  await screen.findByText('Your results');
  for (const shownRows of [10, 20]) {
    // Compare counts: a failed toHaveLength on the rows pretty-prints their fibers on every poll.
    await waitFor(() => expect(screen.getAllByTestId(/^assessment-/).length).toBe(shownRows));
    const loadMore = screen.getByRole('button', { name: 'Load more' });
    expect(loadMore).toBeEnabled();
    fireEvent.press(loadMore);
  }
  expect(await screen.findByText('That is all your results.')).toBeOnTheScreen();
  expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();

  const historyCalls = server.requestsTo('assessments.list').slice(historyCallsBefore);
  expect(historyCalls.map((call) => call.query)).toEqual([
    { limit: '10' },
    { cursor: pageOf(historyCalls[0]?.response).next_cursor, limit: '10' },
    { cursor: pageOf(historyCalls[1]?.response).next_cursor, limit: '10' },
  ]);
  const shownIds = historyCalls.flatMap((call) => pageOf(call.response).items.map((item) => item.assessment_id));
  expect(shownIds).toHaveLength(24);
  expect(new Set(shownIds).size).toBe(24);
  expect(screen.getAllByTestId(/^assessment-/).map((row) => row.props.testID)).toEqual(shownIds.map((id) => `assessment-${id}`));

  // A past result opens from the history.
  const pastReading = pastAssessments(23)[1]!;
  fireEvent.press(screen.getByTestId(`assessment-${pastReading.assessment_id}`));
  expect(await screen.findByText('31 of 40 correct')).toBeOnTheScreen();
  fireEvent.press(screen.getByRole('button', { name: 'Back to home' }));

  // Sign out: the server ends the session and the token is forgotten.
  fireEvent.press(await screen.findByRole('button', { name: 'Sign out' }));
  expect(await screen.findByRole('button', { name: 'Sign in' })).toBeOnTheScreen();
  expect(server.requestsTo('auth.logout')[0]?.headers.authorization).toBe(`Bearer ${token}`);
  expect(server.activeTokens()).toEqual([]);
  expect(await tokenStore.read()).toBeNull();
});

it('restores a stored session, and goes back to sign-in when the server ends it', async () => {
  server = await startStandInApiServer({ questions: WRITING_TASK2_QUESTIONS, assessments: pastAssessments(3) });
  const token = server.issueToken();
  const tokenStore = createMemoryTokenStore(token);
  renderApp(server.url, tokenStore);

  expect(await screen.findByText('Hello, Mai')).toBeOnTheScreen();
  expect(server.requestsTo('auth.me')[0]?.headers.authorization).toBe(`Bearer ${token}`);
  expect(server.requestsTo('auth.login')).toHaveLength(0);
  // Home has loaded everything before the session ends.
  expect(await screen.findByLabelText('Writing Task 2: 3 of 3 left')).toBeOnTheScreen();
  expect(await screen.findByTestId('assessment-asm_past_001')).toBeOnTheScreen();

  server.endAllSessions();
  fireEvent.press(await screen.findByRole('button', { name: 'All results' }));
  expect(await screen.findByText(SESSION_ENDED_NOTICE)).toBeOnTheScreen();
  expect(screen.getByRole('button', { name: 'Sign in' })).toBeOnTheScreen();
  expect(server.requestsTo('assessments.list').at(-1)?.status).toBe(401);
  expect(await tokenStore.read()).toBeNull();
});

it('asks to sign in again when the stored token is no longer accepted at start', async () => {
  server = await startStandInApiServer();
  const tokenStore = createMemoryTokenStore('a-token-the-server-forgot');
  renderApp(server.url, tokenStore);

  expect(await screen.findByText(SESSION_ENDED_NOTICE)).toBeOnTheScreen();
  expect(server.requestsTo('auth.me')[0]?.status).toBe(401);
  expect(await tokenStore.read()).toBeNull();
  await signIn();
});

it('explains a 402 when no assessments are left, keeps the essay and charges nothing', async () => {
  server = await startStandInApiServer({
    questions: WRITING_TASK2_QUESTIONS,
    allowances: { ...freeAllowances(), writing_task2: { granted: 3, used: 3 } },
  });
  renderApp(server.url);
  await signIn();
  expect(await screen.findByLabelText('Writing Task 2: 0 of 3 left')).toBeOnTheScreen();
  expect(screen.getByText('None left')).toBeOnTheScreen();

  fireEvent.press(screen.getByRole('button', { name: 'Practise Writing Task 2' }));
  fireEvent.press(await screen.findByRole('button', { name: 'Free museums' }));
  const essay = essayOf(255);
  fireEvent.changeText(await screen.findByLabelText('Your essay'), essay);
  fireEvent.press(screen.getByRole('button', { name: 'Submit for scoring' }));

  const alert = await screen.findByRole('alert');
  expect(within(alert).getByText('No assessments left')).toBeOnTheScreen();
  expect(
    within(alert).getByText(
      'You have used all 3 of your Writing Task 2 assessments: buy a pack to take more. Your earlier results stay in your history.',
    ),
  ).toBeOnTheScreen();
  expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  expect(screen.getByLabelText('Your essay')).toHaveDisplayValue(essay);
  expect(server.requestsTo('writing.evaluate')[0]?.status).toBe(402);
});

it('shows a problem with the essay next to it: the contract’s length limit, checked before sending', async () => {
  server = await startStandInApiServer({ questions: WRITING_TASK2_QUESTIONS });
  renderApp(server.url);
  await signIn();
  fireEvent.press(screen.getByRole('button', { name: 'Practise Writing Task 2' }));
  fireEvent.press(await screen.findByRole('button', { name: 'Traffic in cities' }));
  fireEvent.changeText(await screen.findByLabelText('Your essay'), 'congestion '.repeat(3_000));
  fireEvent.press(screen.getByRole('button', { name: 'Submit for scoring' }));

  expect(await within(screen.getByTestId('field-essay')).findByText(/30000/)).toBeOnTheScreen();
  expect(server.requestsTo('writing.evaluate')).toHaveLength(0);
});

it('sends an essay again with the same key after a lost answer, so it is scored and charged once', async () => {
  server = await startStandInApiServer({ questions: WRITING_TASK2_QUESTIONS });
  renderApp(server.url);
  await signIn();
  fireEvent.press(screen.getByRole('button', { name: 'Practise Writing Task 2' }));
  fireEvent.press(await screen.findByRole('button', { name: 'Working from home' }));
  const essay = essayOf(251);
  fireEvent.changeText(await screen.findByLabelText('Your essay'), essay);

  // The server scores the essay, but the answer never arrives.
  server.scriptOnce('writing.evaluate', { dropAnswer: true });
  fireEvent.press(screen.getByRole('button', { name: 'Submit for scoring' }));
  expect(await screen.findByText('Cannot reach the server')).toBeOnTheScreen();
  fireEvent.press(screen.getByRole('button', { name: 'Try again' }));
  expect(await screen.findByText('Your result')).toBeOnTheScreen();

  const [lost, retried] = server.requestsTo('writing.evaluate');
  expect(lost?.status).toBe(0);
  expect(retried?.status).toBe(201);
  expect(retried?.body).toEqual(lost?.body);
  const scored = assessmentSchema.parse(retried?.response);
  expect(scored.assessment_id).toBe(assessmentSchema.parse(lost?.response).assessment_id);
  fireEvent.press(screen.getByRole('button', { name: 'Back to home' }));
  expect(await screen.findByLabelText('Writing Task 2: 2 of 3 left')).toBeOnTheScreen();
});

it('sends an edited essay with a new key', async () => {
  server = await startStandInApiServer({ questions: WRITING_TASK2_QUESTIONS });
  renderApp(server.url);
  await signIn();
  fireEvent.press(screen.getByRole('button', { name: 'Practise Writing Task 2' }));
  fireEvent.press(await screen.findByRole('button', { name: 'Free museums' }));
  fireEvent.changeText(await screen.findByLabelText('Your essay'), essayOf(251));
  server.scriptOnce('writing.evaluate', {
    status: 503,
    json: { error: { code: 'service_unavailable', message: 'The scorer is busy: try again in a minute', details: [] } },
  });
  fireEvent.press(screen.getByRole('button', { name: 'Submit for scoring' }));
  expect(await screen.findByText('The scorer is busy: try again in a minute')).toBeOnTheScreen();

  fireEvent.changeText(screen.getByLabelText('Your essay'), `${essayOf(251)} Museums matter.`);
  fireEvent.press(screen.getByRole('button', { name: 'Submit for scoring' }));
  expect(await screen.findByText('Your result')).toBeOnTheScreen();
  const [first, second] = server.requestsTo('writing.evaluate') as [RecordedRequest, RecordedRequest];
  const keyOf = (request: RecordedRequest) => (request.body as { idempotency_key: string }).idempotency_key;
  expect(keyOf(second)).not.toBe(keyOf(first));
});
