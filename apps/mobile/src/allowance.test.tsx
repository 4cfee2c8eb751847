// The allowance shown before a test starts, against the real reference server with no free
// assessments (FREE_ASSESSMENTS_PER_TYPE=0): every way into a test says none are left and offers
// no way to start, so no one works through a test to meet a 402.
import { ASSESSMENT_TYPES, ASSESSMENT_TYPE_NAMES } from '@ielts-genai-prep/core';
import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { registerLearner } from './test-support/learners';
import { startReferenceServer, type ReferenceServer } from './test-support/reference-server';
import { renderApp, signIn } from './test-support/render-app';

let server: ReferenceServer;

beforeAll(async () => {
  server = await startReferenceServer({ environment: { FREE_ASSESSMENTS_PER_TYPE: '0' } });
});

afterAll(async () => {
  await server?.close();
});

const none = (label: string, what: 'an answer' | 'a test') =>
  `You have no ${label} assessments left, so ${what} cannot be scored now. Buy a pack to take more.`;

it('says on home and before every test that none are left, and offers no way to start', async () => {
  const learner = await registerLearner(server);
  renderApp(server.url);
  await signIn(learner);
  for (const type of ASSESSMENT_TYPES)
    expect(await screen.findByLabelText(`${ASSESSMENT_TYPE_NAMES[type]}: 0 of 0 left`)).toBeOnTheScreen();
  const back = () => fireEvent.press(screen.getByRole('button', { name: 'Back' }));

  fireEvent.press(screen.getByRole('button', { name: 'Practise Writing Task 2' }));
  expect(await screen.findByText(none('Writing Task 2', 'an answer'))).toBeOnTheScreen();
  back();

  fireEvent.press(await screen.findByRole('button', { name: 'Practise Reading (Academic)' }));
  expect(await screen.findByText(none('Reading (Academic)', 'a test'))).toBeOnTheScreen();
  fireEvent.press(await screen.findByRole('button', { name: 'Academic Reading practice test 1' }));
  expect(await screen.findByText(none('Reading (Academic)', 'a test'))).toBeOnTheScreen();
  expect(screen.queryByRole('button', { name: 'Start the test' })).toBeNull();
  back();
  back();

  fireEvent.press(await screen.findByRole('button', { name: 'Practise Listening' }));
  fireEvent.press(await screen.findByRole('button', { name: 'Listening practice test 1' }));
  expect(await screen.findByText(none('Listening', 'a test'))).toBeOnTheScreen();
  expect(screen.queryByRole('button', { name: 'Start in test mode' })).toBeNull();
  expect(screen.queryByRole('button', { name: 'Start in practice mode' })).toBeNull();
  back();
  back();

  fireEvent.press(await screen.findByRole('button', { name: 'Practise Speaking' }));
  expect(await screen.findByText(none('Speaking', 'a test'))).toBeOnTheScreen();
  await waitFor(() => expect(server.answered('questions.list').query).toMatchObject({ type: 'speaking' }));
  expect(await screen.findByText('Places in your town')).toBeOnTheScreen();
  expect(screen.queryByRole('button', { name: /^Start / })).toBeNull();
  expect(server.requestsTo('speaking.start')).toHaveLength(0);
});
