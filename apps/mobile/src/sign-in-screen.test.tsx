import { fireEvent, screen, within } from '@testing-library/react-native';
import { LEARNER } from './test-support/fixtures';
import { renderApp } from './test-support/render-app';
import { startStandInApiServer, type StandInApiServer } from './test-support/stand-in-api-server';

let server: StandInApiServer;

beforeEach(async () => {
  server = await startStandInApiServer();
});

afterEach(async () => {
  expect(server.contractViolations).toEqual([]);
  await server.close();
});

async function fillSignIn(email: string, password: string) {
  fireEvent.changeText(await screen.findByLabelText('Email'), email);
  fireEvent.changeText(screen.getByLabelText('Password'), password);
  fireEvent.press(screen.getByRole('button', { name: 'Sign in' }));
}

describe('sign-in errors', () => {
  it('shows the server’s field errors next to their fields and keeps the others in the banner', async () => {
    server.scriptOnce('auth.login', {
      status: 400,
      json: {
        error: {
          code: 'validation_failed',
          message: 'The request is invalid',
          details: [
            { path: 'email', message: 'this address cannot sign in here' },
            { path: 'password', message: 'must be at most 128 characters' },
            { path: 'device', message: 'is not supported' },
          ],
        },
      },
    });
    renderApp(server.url);
    await fillSignIn(LEARNER.email, LEARNER.password);

    expect(await within(screen.getByTestId('field-email')).findByText('this address cannot sign in here')).toBeOnTheScreen();
    expect(within(screen.getByTestId('field-password')).getByText('must be at most 128 characters')).toBeOnTheScreen();
    // A detail no field shows is not lost.
    expect(within(screen.getByRole('alert')).getByText('device: is not supported')).toBeOnTheScreen();
    expect(screen.getByText('Please check the form')).toBeOnTheScreen();
    expect(server.requestsTo('auth.login')).toHaveLength(1);
  });

  it('shows the contract’s own check of the email next to the field, without sending anything', async () => {
    renderApp(server.url);
    await fillSignIn('not-an-email', 'whatever-password');

    expect(await within(screen.getByTestId('field-email')).findByText('Invalid email address')).toBeOnTheScreen();
    // The password passed the check, so its field shows its label and nothing else.
    expect(within(screen.getByTestId('field-password')).getAllByText(/./).map((element) => element.props.children)).toEqual(['Password']);
    expect(server.requestsTo('auth.login')).toHaveLength(0);
  });

  it('says so when the email or password is wrong, and signs in after a correction', async () => {
    renderApp(server.url);
    await fillSignIn(LEARNER.email, 'not-my-password');

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Could not sign in')).toBeOnTheScreen();
    expect(within(alert).getByText('The email or password is incorrect')).toBeOnTheScreen();
    expect(server.requestsTo('auth.login')[0]?.status).toBe(401);

    fireEvent.changeText(screen.getByLabelText('Password'), LEARNER.password);
    fireEvent.press(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Hello, Mai')).toBeOnTheScreen();
  });

  it('says the server cannot be reached when nothing answers', async () => {
    const url = server.url;
    await server.close();
    server = await startStandInApiServer(); // for afterEach; the app talks to the closed address
    renderApp(url);
    await fillSignIn(LEARNER.email, LEARNER.password);

    expect(await screen.findByText('Cannot reach the server')).toBeOnTheScreen();
  });
});

describe('registration errors', () => {
  it('shows the server’s password rule next to the password field', async () => {
    renderApp(server.url);
    fireEvent.press(await screen.findByRole('button', { name: 'Create an account' }));
    fireEvent.changeText(await screen.findByLabelText('Email'), 'new.learner@example.com');
    fireEvent.changeText(screen.getByLabelText('Password'), 'password123');
    fireEvent.press(screen.getByRole('button', { name: 'Create account' }));

    expect(
      await within(screen.getByTestId('field-password')).findByText('is too common: choose a password that is not on lists of common passwords'),
    ).toBeOnTheScreen();
    expect(server.requestsTo('auth.register')[0]?.status).toBe(400);

    fireEvent.changeText(screen.getByLabelText('Password'), 'violet-harbour-17');
    fireEvent.press(screen.getByRole('button', { name: 'Create account' }));
    // Back on sign-in with the server's message and the address filled in.
    expect(await screen.findByText('Thanks. If this address can be registered, a confirmation link is on its way to it.')).toBeOnTheScreen();
    expect(screen.getByLabelText('Email')).toHaveDisplayValue('new.learner@example.com');
    expect(server.requestsTo('auth.register')[1]?.body).toEqual({ email: 'new.learner@example.com', password: 'violet-harbour-17' });
  });
});
