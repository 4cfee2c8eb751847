// Accounts end to end against the real reference server (test-support/reference-server.ts): the
// emailed links are read from the server's outbox and opened as a phone opens them, through
// React Native's Linking (test-support/fake-linking.ts).
import { ApiError } from '@ielts-genai-prep/api-client';
import { fireEvent, screen, waitFor, within } from '@testing-library/react-native';
import { PASSWORD_CHANGED } from './change-password-screen';
import { CONFIRM_EMAIL_NOTICE } from './home-screen';
import { PASSWORDS_DIFFER } from './new-password-fields';
import { PASSWORD_RESET_DONE } from './reset-password-screen';
import { EMAIL_CONFIRMED } from './verify-email-screen';
import { launchWithLink, openLink } from './test-support/fake-linking';
import { directClient, newLearner, registerLearner, signInDirectly } from './test-support/learners';
import { startReferenceServer, type ReferenceServer } from './test-support/reference-server';
import { renderApp, signIn } from './test-support/render-app';

let server: ReferenceServer;

beforeAll(async () => {
  server = await startReferenceServer();
});

afterAll(async () => {
  await server?.close();
});

/** The token of the newest link to `linkPath` emailed to `email`, as the app's own link. */
async function appLink(email: string, linkPath: '/verify-email' | '/reset-password'): Promise<string> {
  const emailed = await server.linkSentTo(email, linkPath);
  return `ielts-genai-prep:/${linkPath}?token=${encodeURIComponent(emailed.searchParams.get('token') ?? '')}`;
}

async function emailsWithLink(email: string, linkPath: string): Promise<number> {
  return (await server.emailsTo(email)).filter((mail) => mail.text.includes(`${linkPath}?token=`)).length;
}

it('registers, signs in unconfirmed with nothing to take yet, sends the link again, and confirms the address from it', async () => {
  const learner = newLearner('Lan');
  renderApp(server.url);
  fireEvent.press(await screen.findByRole('button', { name: 'Create an account' }));
  fireEvent.changeText(await screen.findByLabelText('Name (optional)'), learner.displayName);
  fireEvent.changeText(screen.getByLabelText('Email'), learner.email);
  fireEvent.changeText(screen.getByLabelText('Password'), learner.password);
  fireEvent.press(screen.getByRole('button', { name: 'Create account' }));
  const registered = await waitFor(() => server.answered('auth.register'));
  expect(registered.status).toBe(202);
  expect(await screen.findByText((registered.response as { message: string }).message)).toBeOnTheScreen();
  // The server sends its mail after answering.
  await waitFor(async () => expect(await emailsWithLink(learner.email, '/verify-email')).toBe(1));

  // Signed in before confirming: home says why nothing is left yet.
  fireEvent.changeText(screen.getByLabelText('Password'), learner.password);
  fireEvent.press(screen.getByRole('button', { name: 'Sign in' }));
  expect(await screen.findByText(CONFIRM_EMAIL_NOTICE)).toBeOnTheScreen();
  expect(await screen.findByLabelText('Writing Task 2: 0 of 0 left')).toBeOnTheScreen();

  fireEvent.press(screen.getByRole('button', { name: 'Send the link again' }));
  expect(await screen.findByText('A new confirmation link is on its way.')).toBeOnTheScreen();
  expect(server.requestsTo('auth.resendVerification').at(-1)?.status).toBe(202);
  await waitFor(async () => expect(await emailsWithLink(learner.email, '/verify-email')).toBe(2));

  // The newest link, tapped in the mail app, opens the app and confirms the address.
  openLink(await appLink(learner.email, '/verify-email'));
  expect(await screen.findByText(EMAIL_CONFIRMED)).toBeOnTheScreen();
  const verify = server.requestsTo('auth.verifyEmail').at(-1);
  expect(verify?.status).toBe(200);
  expect((verify?.body as { token: string } | undefined)?.token).toBe(
    (await server.linkSentTo(learner.email, '/verify-email')).searchParams.get('token'),
  );
  fireEvent.press(screen.getByRole('button', { name: 'Continue' }));
  expect(await screen.findByLabelText('Writing Task 2: 3 of 3 left')).toBeOnTheScreen();
  expect(screen.queryByText(CONFIRM_EMAIL_NOTICE)).toBeNull();
});

it('confirms the address when the link launches the app signed out, and says so when a link was used already', async () => {
  const learner = await registerLearner(server, { verified: false });
  const link = await appLink(learner.email, '/verify-email');
  launchWithLink(link);
  renderApp(server.url);
  expect(await screen.findByText(EMAIL_CONFIRMED)).toBeOnTheScreen();
  fireEvent.press(screen.getByRole('button', { name: 'Sign in to start practising' }));
  await signIn(learner);
  expect(await screen.findByLabelText('Writing Task 2: 3 of 3 left')).toBeOnTheScreen();

  // The same link again: a token works once.
  const before = server.requestsTo('auth.verifyEmail').length;
  openLink(link);
  expect(await screen.findByText(/The link may have expired or been used already/)).toBeOnTheScreen();
  expect(
    server
      .requestsTo('auth.verifyEmail')
      .slice(before)
      .map((request) => request.status),
  ).toEqual([400]);
  fireEvent.press(screen.getByRole('button', { name: 'Back to home' }));
  expect(await screen.findByText('Hello, Mai')).toBeOnTheScreen();
});

it('resets a forgotten password from the emailed link, which signs the account out everywhere', async () => {
  const learner = await registerLearner(server);
  const { token: otherDevice } = await signInDirectly(server, learner);
  renderApp(server.url);
  fireEvent.changeText(await screen.findByLabelText('Email'), learner.email);
  fireEvent.press(screen.getByRole('button', { name: 'Forgot your password?' }));
  // The address comes along.
  expect(await screen.findByLabelText('Email')).toHaveDisplayValue(learner.email);
  fireEvent.press(screen.getByRole('button', { name: 'Send reset link' }));
  const requested = await waitFor(() => server.answered('auth.requestPasswordReset'));
  expect(await screen.findByText((requested.response as { message: string }).message)).toBeOnTheScreen();
  expect(requested.body).toEqual({ email: learner.email });

  openLink(await appLink(learner.email, '/reset-password'));
  expect(await screen.findByText('Choose a new password')).toBeOnTheScreen();
  // Two different passwords: nothing is sent.
  fireEvent.changeText(screen.getByLabelText('New password'), 'amber-orchard-93');
  fireEvent.changeText(screen.getByLabelText('Confirm new password'), 'amber-orchard-39');
  fireEvent.press(screen.getByRole('button', { name: 'Set new password' }));
  expect(within(screen.getByTestId('field-confirmation')).getByText(PASSWORDS_DIFFER)).toBeOnTheScreen();
  expect(server.requestsTo('auth.confirmPasswordReset')).toHaveLength(0);
  // A common password: the server's rule under the field.
  fireEvent.changeText(screen.getByLabelText('New password'), 'password123');
  fireEvent.changeText(screen.getByLabelText('Confirm new password'), 'password123');
  fireEvent.press(screen.getByRole('button', { name: 'Set new password' }));
  expect(await within(screen.getByTestId('field-password')).findByText(/is too common/)).toBeOnTheScreen();
  expect(server.requestsTo('auth.confirmPasswordReset').at(-1)?.status).toBe(400);

  fireEvent.changeText(screen.getByLabelText('New password'), 'amber-orchard-93');
  fireEvent.changeText(screen.getByLabelText('Confirm new password'), 'amber-orchard-93');
  fireEvent.press(screen.getByRole('button', { name: 'Set new password' }));
  expect(await screen.findByText(PASSWORD_RESET_DONE)).toBeOnTheScreen();
  expect(server.requestsTo('auth.confirmPasswordReset').at(-1)?.status).toBe(200);
  // The other device was signed out; the old password no longer works, the new one does.
  const ended = await directClient(server, otherDevice)
    .auth.me()
    .catch((error: unknown) => error);
  expect(ApiError.isInstance(ended) && ended.status).toBe(401);
  fireEvent.changeText(screen.getByLabelText('Email'), learner.email);
  fireEvent.changeText(screen.getByLabelText('Password'), learner.password);
  fireEvent.press(screen.getByRole('button', { name: 'Sign in' }));
  expect(await screen.findByText('Could not sign in')).toBeOnTheScreen();
  await signIn({ ...learner, password: 'amber-orchard-93' });
});

it('refuses an expired or unknown reset link and offers a new one', async () => {
  launchWithLink('ielts-genai-prep://reset-password?token=this-token-was-never-issued-by-the-server');
  renderApp(server.url);
  fireEvent.changeText(await screen.findByLabelText('New password'), 'amber-orchard-93');
  fireEvent.changeText(screen.getByLabelText('Confirm new password'), 'amber-orchard-93');
  fireEvent.press(screen.getByRole('button', { name: 'Set new password' }));
  expect(await screen.findByText(/This reset link cannot be used: it is invalid or has expired/)).toBeOnTheScreen();
  fireEvent.press(screen.getByRole('button', { name: 'Ask for a new link' }));
  expect(await screen.findByRole('button', { name: 'Send reset link' })).toBeOnTheScreen();
});

it('changes the password while signed in, keeps this session and ends the others', async () => {
  const learner = await registerLearner(server);
  const { token: otherDevice } = await signInDirectly(server, learner);
  renderApp(server.url);
  await signIn(learner);
  fireEvent.press(await screen.findByRole('button', { name: 'Change password' }));

  // A wrong current password: the server says so under that field, and the learner stays signed in.
  fireEvent.changeText(await screen.findByLabelText('Current password'), 'not-my-password');
  fireEvent.changeText(screen.getByLabelText('New password'), 'amber-orchard-93');
  fireEvent.changeText(screen.getByLabelText('Confirm new password'), 'amber-orchard-93');
  fireEvent.press(screen.getByRole('button', { name: 'Change password' }));
  expect(await within(screen.getByTestId('field-current_password')).findByText('is incorrect')).toBeOnTheScreen();
  expect(server.requestsTo('auth.changePassword').at(-1)?.status).toBe(400);

  fireEvent.changeText(screen.getByLabelText('Current password'), learner.password);
  fireEvent.press(screen.getByRole('button', { name: 'Change password' }));
  expect(await screen.findByText(PASSWORD_CHANGED)).toBeOnTheScreen();
  const ended = await directClient(server, otherDevice)
    .auth.me()
    .catch((error: unknown) => error);
  expect(ApiError.isInstance(ended) && ended.status).toBe(401);
  // This phone's session goes on.
  fireEvent.press(screen.getByRole('button', { name: 'Back to home' }));
  expect(await screen.findByLabelText('Writing Task 2: 3 of 3 left')).toBeOnTheScreen();
  fireEvent.press(screen.getByRole('button', { name: 'Sign out' }));
  await signIn({ ...learner, password: 'amber-orchard-93' });
});
