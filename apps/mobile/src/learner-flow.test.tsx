// The app end to end through the real api-client against the real reference server on 127.0.0.1
// (test-support/reference-server.ts), its requests read back from the recording proxy in front of it.
import { ApiError } from '@ielts-genai-prep/api-client';
import {
  assessmentSchema,
  assessmentSummarySchema,
  formatBand,
  pageSchema,
  publicQuestionSchema,
  type Assessment,
  type AssessmentSummary,
} from '@ielts-genai-prep/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react-native';
import { SESSION_ENDED_NOTICE } from './app';
import { createMemoryTokenStore } from './token-store';
import { directClient, registerLearner, signInDirectly, type Learner } from './test-support/learners';
import { startReferenceServer, type RecordedRequest, type ReferenceServer } from './test-support/reference-server';
import { renderApp, signIn } from './test-support/render-app';

// Enough free assessments of each type for a history of three pages.
const FREE_PER_TYPE = 12;

let server: ReferenceServer;

beforeAll(async () => {
  server = await startReferenceServer({ environment: { FREE_ASSESSMENTS_PER_TYPE: String(FREE_PER_TYPE) } });
});

afterAll(async () => {
  await server?.close();
});

// An essay of `count` words, with a hyphenated word that counts once.
function essayOf(count: number): string {
  const words = ['Remote', 'work', 'gives', 'employees', 'well-known', 'benefits', 'such', 'as', 'flexible', 'hours'];
  return Array.from({ length: count }, (_, index) => words[index % words.length]).join(' ');
}

function pageOf(response: unknown): { items: AssessmentSummary[]; next_cursor: string | null } {
  return pageSchema(assessmentSummarySchema).parse(response);
}

/** Past results made on another device: reading and listening answer sheets, marked by the server, newest last. */
async function pastResults(learner: Learner, count: number): Promise<Assessment[]> {
  const { client } = await signInDirectly(server, learner);
  const made: Assessment[] = [];
  for (let index = 0; index < count; index += 1) {
    const answers = { '1': index % 3 === 0 ? 'true' : 'river', '2': 'B' };
    made.push(
      index % 2 === 0
        ? await client.reading.evaluate({ question_id: 'ra-test-01', answers })
        : await client.listening.evaluate({ question_id: 'li-test-01', answers }),
    );
  }
  return made;
}

it('signs in, shows what is left and recent results, scores an essay, pages through the history and signs out', async () => {
  const learner = await registerLearner(server);
  const past = await pastResults(learner, 23);
  const { tokenStore } = renderApp(server.url);
  await signIn(learner);

  // Mobile login: a bearer token comes back, is stored, and goes with every signed-in call.
  const login = server.requestsTo('auth.login').at(-1);
  expect(login?.body).toEqual({ email: learner.email, password: learner.password, client: 'mobile' });
  expect(login?.headers.authorization).toBeUndefined();
  expect(login?.headers.cookie).toBeUndefined();
  const token = (login?.response as { token: string } | undefined)?.token;
  expect(token).toMatch(/^[\w-]{20,}$/);
  expect(await tokenStore.read()).toBe(token);
  expect(await screen.findByLabelText(`Writing Task 2: ${FREE_PER_TYPE} of ${FREE_PER_TYPE} left`)).toBeOnTheScreen();
  expect(screen.getByLabelText(`Reading (Academic): ${FREE_PER_TYPE - 12} of ${FREE_PER_TYPE} left`)).toBeOnTheScreen();
  expect(screen.getByLabelText(`Listening: ${FREE_PER_TYPE - 11} of ${FREE_PER_TYPE} left`)).toBeOnTheScreen();
  const signedInCalls = server.requests.filter((request) => request.endpoint !== 'auth.login' && request.endpoint !== 'health.check');
  expect(signedInCalls.length).toBeGreaterThanOrEqual(2);
  for (const request of signedInCalls) expect(request.headers.authorization).toBe(`Bearer ${token}`);
  const recent = pageOf((await waitFor(() => server.answered('assessments.list'))).response);
  expect(recent.items.map((item) => item.assessment_id)).toEqual(
    past
      .slice(-5)
      .reverse()
      .map((item) => item.assessment_id),
  );
  for (const assessment of recent.items) expect(await screen.findByTestId(`assessment-${assessment.assessment_id}`)).toBeOnTheScreen();

  // Writing practice: the server's questions, a prompt, an essay with a live count, submission, result.
  fireEvent.press(screen.getByRole('button', { name: 'Practise Writing Task 2' }));
  await waitFor(() => expect(server.requestsTo('questions.list').at(-1)?.status).toBe(200));
  const questions = pageSchema(publicQuestionSchema).parse(server.requestsTo('questions.list').at(-1)?.response).items;
  expect(server.requestsTo('questions.list').at(-1)?.query).toMatchObject({ type: 'writing_task2' });
  expect(questions.length).toBeGreaterThan(0);
  for (const question of questions) expect(await screen.findByRole('button', { name: question.title })).toBeOnTheScreen();
  const question = questions[0]!;
  fireEvent.press(screen.getByRole('button', { name: question.title }));
  // The prompt, paragraph by paragraph.
  for (const paragraph of question.prompt.split(/\n\s*\n/)) expect(await screen.findByText(paragraph.trim())).toBeOnTheScreen();
  expect(screen.getByText('You should spend about 40 minutes on this task. Write at least 250 words.')).toBeOnTheScreen();
  expect(screen.getByText('0 words · 250 more to reach the minimum of 250')).toBeOnTheScreen();
  expect(screen.getByRole('button', { name: 'Submit for scoring' })).toBeDisabled();

  fireEvent.changeText(screen.getByLabelText('Your essay'), essayOf(40));
  expect(screen.getByText('40 words · 210 more to reach the minimum of 250')).toBeOnTheScreen();
  expect(screen.getByText(/Answers under 250 words lose marks for Task Response/)).toBeOnTheScreen();
  const essay = essayOf(262);
  fireEvent.changeText(screen.getByLabelText('Your essay'), essay);
  expect(screen.getByText('262 words · minimum of 250 reached')).toBeOnTheScreen();
  fireEvent.press(screen.getByRole('button', { name: 'Submit for scoring' }));

  expect(await screen.findByText('Your result')).toBeOnTheScreen();
  const evaluate = server.requestsTo('writing.evaluate').at(-1);
  expect(evaluate?.headers.authorization).toBe(`Bearer ${token}`);
  expect(evaluate?.body).toEqual({ question_id: question.question_id, essay, idempotency_key: expect.stringMatching(/^essay-/) });
  expect(evaluate?.status).toBe(201);
  const scored = assessmentSchema.parse(evaluate?.response);
  // The server counts words as the app does.
  expect(scored.word_count).toBe(262);
  expect(screen.getByTestId('overall-band')).toHaveTextContent(formatBand(scored.overall_band));
  for (const [criterion, score] of Object.entries(scored.criteria_scores)) {
    const row = screen.getByTestId(`criterion-${criterion}`);
    expect(within(row).getByText(formatBand(score.band))).toBeOnTheScreen();
    if (score.feedback) expect(within(row).getByText(score.feedback)).toBeOnTheScreen();
  }
  expect(screen.getByText(scored.feedback)).toBeOnTheScreen();

  // Home again: one Writing Task 2 assessment fewer, the new result first.
  fireEvent.press(screen.getByRole('button', { name: 'Back to home' }));
  expect(await screen.findByLabelText(`Writing Task 2: ${FREE_PER_TYPE - 1} of ${FREE_PER_TYPE} left`)).toBeOnTheScreen();
  expect(await screen.findByTestId(`assessment-${scored.assessment_id}`)).toBeOnTheScreen();

  // History: every page through the server's cursors, nothing lost or repeated. "Load more" stays
  // busy (disabled) until the previous page is shown, so each step waits for the rows on screen.
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

  // The progress card reads the 50 latest results once; the list pages by 10.
  const historyCalls = server
    .requestsTo('assessments.list')
    .slice(historyCallsBefore)
    .filter((call) => call.query.limit === '10');
  expect(
    server
      .requestsTo('assessments.list')
      .slice(historyCallsBefore)
      .filter((call) => call.query.limit === '50'),
  ).toHaveLength(1);
  expect(historyCalls.map((call) => call.query)).toEqual([
    { limit: '10' },
    { cursor: pageOf(historyCalls[0]?.response).next_cursor, limit: '10' },
    { cursor: pageOf(historyCalls[1]?.response).next_cursor, limit: '10' },
  ]);
  expect(pageOf(historyCalls[2]?.response).next_cursor).toBeNull();
  const shownIds = historyCalls.flatMap((call) => pageOf(call.response).items.map((item) => item.assessment_id));
  expect(shownIds).toEqual([scored, ...[...past].reverse()].map((item) => item.assessment_id));
  expect(screen.getAllByTestId(/^assessment-/).map((row) => row.props.testID)).toEqual(shownIds.map((id) => `assessment-${id}`));

  // Progress, with the figures of the server's results: latest and best per skill, and each band on the chart.
  const readings = past.filter((item) => item.assessment_type === 'reading_academic');
  const listenings = past.filter((item) => item.assessment_type === 'listening');
  const bandsOf = (items: Assessment[]) => items.map((item) => item.overall_band as number);
  const progress = screen.getByTestId('progress');
  expect(
    within(progress).getByLabelText(
      `Reading: band ${formatBand(readings.at(-1)!.overall_band)}, best ${formatBand(Math.max(...bandsOf(readings)))}, 12 taken`,
    ),
  ).toBeOnTheScreen();
  expect(
    within(progress).getByLabelText(
      `Listening: band ${formatBand(listenings.at(-1)!.overall_band)}, best ${formatBand(Math.max(...bandsOf(listenings)))}, 11 taken`,
    ),
  ).toBeOnTheScreen();
  expect(
    within(progress).getByLabelText(`Writing: band ${formatBand(scored.overall_band)}, best ${formatBand(scored.overall_band)}, 1 taken`),
  ).toBeOnTheScreen();
  expect(within(progress).getByLabelText('Speaking: not yet')).toBeOnTheScreen();
  expect(within(progress).getByLabelText('Estimated overall band: not yet')).toBeOnTheScreen();
  expect(within(progress).getAllByTestId(/^band-point-reading-/)).toHaveLength(12);
  expect(within(progress).getAllByTestId(/^band-point-listening-/)).toHaveLength(11);
  expect(within(progress).getAllByTestId(/^band-point-writing-/)).toHaveLength(1);
  // Oldest on the left, the essay just scored on the right edge.
  const readingXs = readings.map((_, index) => within(progress).getByTestId(`band-point-reading-${index}`).props.cx as number);
  expect([...readingXs].sort((a, b) => a - b)).toEqual(readingXs);
  expect(within(progress).getByTestId('band-point-writing-0').props.cx).toBeGreaterThan(readingXs.at(-1)!);

  // A past result opens from the history.
  const pastReading = past[0]!;
  fireEvent.press(screen.getByTestId(`assessment-${pastReading.assessment_id}`));
  expect(await screen.findByText(`${pastReading.raw_score} of 40 correct`)).toBeOnTheScreen();
  fireEvent.press(screen.getByRole('button', { name: 'Back to home' }));

  // Sign out: the server ends the session and the token is forgotten.
  fireEvent.press(await screen.findByRole('button', { name: 'Sign out' }));
  expect(await screen.findByRole('button', { name: 'Sign in' })).toBeOnTheScreen();
  expect(server.requestsTo('auth.logout').at(-1)?.headers.authorization).toBe(`Bearer ${token}`);
  expect(server.requestsTo('auth.logout').at(-1)?.status).toBe(200);
  expect(await tokenStore.read()).toBeNull();
  const ended = await directClient(server, token)
    .auth.me()
    .catch((error: unknown) => error);
  expect(ApiError.isInstance(ended) && ended.status).toBe(401);
});

it('restores a stored session, and goes back to sign-in when the server ends it', async () => {
  const learner = await registerLearner(server);
  const { client: otherDevice, token } = await signInDirectly(server, learner);
  const tokenStore = createMemoryTokenStore(token);
  const loginsBefore = server.requestsTo('auth.login').length;
  renderApp(server.url, tokenStore);

  expect(await screen.findByText('Hello, Mai')).toBeOnTheScreen();
  expect(server.requestsTo('auth.me').at(-1)?.headers.authorization).toBe(`Bearer ${token}`);
  expect(server.requestsTo('auth.login')).toHaveLength(loginsBefore);
  // Home has loaded everything before the session ends.
  expect(await screen.findByLabelText(`Writing Task 2: ${FREE_PER_TYPE} of ${FREE_PER_TYPE} left`)).toBeOnTheScreen();
  expect(await screen.findByText(/No results yet/)).toBeOnTheScreen();

  // The same session is signed out elsewhere: the server refuses the token from now on.
  await otherDevice.auth.logout();
  fireEvent.press(await screen.findByRole('button', { name: 'Practise Writing Task 2' }));
  expect(await screen.findByText(SESSION_ENDED_NOTICE)).toBeOnTheScreen();
  expect(screen.getByRole('button', { name: 'Sign in' })).toBeOnTheScreen();
  expect(server.requestsTo('questions.list').at(-1)?.status).toBe(401);
  expect(await tokenStore.read()).toBeNull();
});

it('asks to sign in again when the stored token is no longer accepted at start', async () => {
  const learner = await registerLearner(server);
  const tokenStore = createMemoryTokenStore('a-token-the-server-never-gave-out');
  renderApp(server.url, tokenStore);

  expect(await screen.findByText(SESSION_ENDED_NOTICE)).toBeOnTheScreen();
  expect(server.requestsTo('auth.me').at(-1)?.status).toBe(401);
  expect(await tokenStore.read()).toBeNull();
  await signIn(learner);
});

it('explains a 402 when the last assessment was used on another device meanwhile, keeps the essay and charges nothing', async () => {
  const learner = await registerLearner(server);
  renderApp(server.url);
  await signIn(learner);
  fireEvent.press(await screen.findByRole('button', { name: 'Practise Writing Task 2' }));
  const list = await waitFor(() => {
    const call = server.requestsTo('questions.list').at(-1);
    expect(call?.status).toBe(200);
    return call;
  });
  const [first, second] = pageSchema(publicQuestionSchema).parse(list?.response).items;
  if (!first || !second) throw new Error('the server lists fewer than two Writing Task 2 questions');
  fireEvent.press(await screen.findByRole('button', { name: first.title }));
  const essay = essayOf(255);
  fireEvent.changeText(await screen.findByLabelText('Your essay'), essay);

  // Meanwhile, on another device, the learner uses every Writing Task 2 assessment left.
  const { client: otherDevice } = await signInDirectly(server, learner);
  for (let used = 0; used < FREE_PER_TYPE; used += 1) {
    await otherDevice.writing.evaluate({ question_id: second.question_id, essay: `${essayOf(120)} attempt ${used}` });
  }

  fireEvent.press(screen.getByRole('button', { name: 'Submit for scoring' }));
  const alert = await screen.findByRole('alert');
  expect(within(alert).getByText('No assessments of this kind left')).toBeOnTheScreen();
  expect(
    within(alert).getByText(
      `You have used all ${FREE_PER_TYPE} of your Writing Task 2 assessments: buy a pack to take more. Once you have bought one, try again: your earlier results stay available in your history.`,
    ),
  ).toBeOnTheScreen();
  expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  expect(screen.getByLabelText('Your essay')).toHaveDisplayValue(essay);
  expect(server.requestsTo('writing.evaluate').at(-1)?.status).toBe(402);
  const writing = (await otherDevice.entitlements.get()).entitlements.find((entry) => entry.assessment_type === 'writing_task2');
  expect(writing).toMatchObject({ used: FREE_PER_TYPE, remaining: 0 });
});

it('shows a problem with the essay next to it: the contract’s length limit, checked before sending', async () => {
  await openFirstWritingQuestion();
  const before = server.requestsTo('writing.evaluate').length;
  fireEvent.changeText(screen.getByLabelText('Your essay'), 'congestion '.repeat(3_000));
  fireEvent.press(screen.getByRole('button', { name: 'Submit for scoring' }));

  expect(await within(screen.getByTestId('field-essay')).findByText(/30000/)).toBeOnTheScreen();
  expect(server.requestsTo('writing.evaluate')).toHaveLength(before);
});

/** Signs in as a new learner and opens the first Writing Task 2 question. */
async function openFirstWritingQuestion(): Promise<Learner> {
  const learner = await registerLearner(server);
  renderApp(server.url);
  await signIn(learner);
  fireEvent.press(screen.getByRole('button', { name: 'Practise Writing Task 2' }));
  const list = await waitFor(() => {
    const call = server.requestsTo('questions.list').at(-1);
    expect(call?.status).toBe(200);
    return call;
  });
  const [question] = pageSchema(publicQuestionSchema).parse(list?.response).items;
  fireEvent.press(await screen.findByRole('button', { name: question!.title }));
  await screen.findByLabelText('Your essay');
  return learner;
}

it('sends an essay again with the same key after a lost answer, so it is scored and charged once', async () => {
  const learner = await openFirstWritingQuestion();
  const essay = essayOf(251);
  fireEvent.changeText(screen.getByLabelText('Your essay'), essay);

  // The server scores the essay, but its answer never arrives.
  const before = server.requestsTo('writing.evaluate').length;
  server.scriptOnce('writing.evaluate', { dropAnswer: true });
  fireEvent.press(screen.getByRole('button', { name: 'Submit for scoring' }));
  expect(await screen.findByText('You seem to be offline')).toBeOnTheScreen();
  fireEvent.press(screen.getByRole('button', { name: 'Try again' }));
  expect(await screen.findByText('Your result')).toBeOnTheScreen();

  const [lost, retried] = server.requestsTo('writing.evaluate').slice(before);
  expect(lost?.status).toBe(0);
  expect(retried?.body).toEqual(lost?.body);
  const scored = assessmentSchema.parse(retried?.response);
  expect(scored.assessment_id).toBe(assessmentSchema.parse(lost?.response).assessment_id);
  fireEvent.press(screen.getByRole('button', { name: 'Back to home' }));
  expect(await screen.findByLabelText(`Writing Task 2: ${FREE_PER_TYPE - 1} of ${FREE_PER_TYPE} left`)).toBeOnTheScreen();
  const { client } = await signInDirectly(server, learner);
  expect((await client.assessments.list({ limit: 5 })).items.map((item) => item.assessment_id)).toEqual([scored.assessment_id]);
});

it('sends an edited essay with a new key', async () => {
  await openFirstWritingQuestion();
  fireEvent.changeText(screen.getByLabelText('Your essay'), essayOf(251));
  const before = server.requestsTo('writing.evaluate').length;
  // A busy scorer: the proxy answers as an overloaded server would.
  server.scriptOnce('writing.evaluate', {
    status: 503,
    json: { error: { code: 'service_unavailable', message: 'The scorer is busy: try again in a minute', details: [] } },
  });
  fireEvent.press(screen.getByRole('button', { name: 'Submit for scoring' }));
  expect(await screen.findByText('The scorer is busy: try again in a minute')).toBeOnTheScreen();

  fireEvent.changeText(screen.getByLabelText('Your essay'), `${essayOf(251)} Museums matter.`);
  fireEvent.press(screen.getByRole('button', { name: 'Submit for scoring' }));
  expect(await screen.findByText('Your result')).toBeOnTheScreen();
  const [first, second] = server.requestsTo('writing.evaluate').slice(before) as [RecordedRequest, RecordedRequest];
  const keyOf = (request: RecordedRequest) => (request.body as { idempotency_key: string }).idempotency_key;
  expect(keyOf(second)).not.toBe(keyOf(first));
  expect(second.status).toBe(201);
});
