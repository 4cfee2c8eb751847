// Sign-in and registration against the real reference server (test-support/reference-server.ts).
import { fireEvent, screen, within } from '@testing-library/react-native';
import { createServer, type AddressInfo } from 'node:net';
import { newLearner, registerLearner, type Learner } from './test-support/learners';
import { startReferenceServer, type ReferenceServer } from './test-support/reference-server';
import { renderApp } from './test-support/render-app';

let server: ReferenceServer;
let learner: Learner;

beforeAll(async () => {
  server = await startReferenceServer();
});

beforeEach(async () => {
  learner = await registerLearner(server);
});

afterAll(async () => {
  await server?.close();
});

async function fillSignIn(email: string, password: string) {
  fireEvent.changeText(await screen.findByLabelText('Email'), email);
  fireEvent.changeText(screen.getByLabelText('Password'), password);
  fireEvent.press(screen.getByRole('button', { name: 'Sign in' }));
}

describe('sign-in errors', () => {
  it('shows the server’s field errors next to their fields and keeps the others in the banner', async () => {
    // The api-client checks a login against the same schema as the server, so no request it sends
    // can draw these details from the real server: the proxy answers this once as a server would.
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
    await fillSignIn(learner.email, learner.password);

    expect(await within(screen.getByTestId('field-email')).findByText('this address cannot sign in here')).toBeOnTheScreen();
    expect(within(screen.getByTestId('field-password')).getByText('must be at most 128 characters')).toBeOnTheScreen();
    // A detail no field shows is not lost.
    expect(within(screen.getByRole('alert')).getByText('The device is not supported.')).toBeOnTheScreen();
    expect(screen.getByText('Please check the form')).toBeOnTheScreen();
    expect(server.requestsTo('auth.login').at(-1)?.status).toBe(400);
  });

  it('shows the contract’s own check of the email next to the field, without sending anything', async () => {
    const before = server.requestsTo('auth.login').length;
    renderApp(server.url);
    await fillSignIn('not-an-email', 'whatever-password');

    expect(await within(screen.getByTestId('field-email')).findByText('Invalid email address')).toBeOnTheScreen();
    // The password passed the check, so its field shows its label and nothing else.
    expect(
      within(screen.getByTestId('field-password'))
        .getAllByText(/./)
        .map((element) => element.props.children),
    ).toEqual(['Password']);
    expect(server.requestsTo('auth.login')).toHaveLength(before);
  });

  it('says so when the email or password is wrong, and signs in after a correction', async () => {
    renderApp(server.url);
    await fillSignIn(learner.email, 'not-my-password');

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Could not sign in')).toBeOnTheScreen();
    expect(within(alert).getByText('The email or password is incorrect')).toBeOnTheScreen();
    expect(server.requestsTo('auth.login').at(-1)?.status).toBe(401);

    fireEvent.changeText(screen.getByLabelText('Password'), learner.password);
    fireEvent.press(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Hello, Mai')).toBeOnTheScreen();
  });

  it('says the server cannot be reached when nothing answers', async () => {
    // A loopback port nothing listens on any more.
    const listener = createServer();
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const { port } = listener.address() as AddressInfo;
    await new Promise((resolve) => listener.close(resolve));
    renderApp(`http://127.0.0.1:${port}`);
    await fillSignIn(learner.email, learner.password);

    expect(await screen.findByText('You seem to be offline')).toBeOnTheScreen();
  });
});

describe('registration errors', () => {
  it('shows the server’s password rule next to the password field', async () => {
    renderApp(server.url);
    fireEvent.press(await screen.findByRole('button', { name: 'Create an account' }));
    const { email } = newLearner('Lan');
    fireEvent.changeText(await screen.findByLabelText('Email'), email);
    fireEvent.changeText(screen.getByLabelText('Password'), 'password123');
    fireEvent.press(screen.getByRole('button', { name: 'Create account' }));

    expect(
      await within(screen.getByTestId('field-password')).findByText(
        'is too common: choose a password that is not on lists of common passwords',
      ),
    ).toBeOnTheScreen();
    expect(server.requestsTo('auth.register').at(-1)?.status).toBe(400);

    fireEvent.changeText(screen.getByLabelText('Password'), 'violet-harbour-17');
    fireEvent.press(screen.getByRole('button', { name: 'Create account' }));
    // Back on sign-in with the server's message and the address filled in.
    expect(
      await screen.findByText('Thanks. If this address can be registered, a confirmation link is on its way to it.'),
    ).toBeOnTheScreen();
    expect(screen.getByLabelText('Email')).toHaveDisplayValue(email);
    expect(server.requestsTo('auth.register').at(-1)?.body).toEqual({ email, password: 'violet-harbour-17' });
    expect(server.requestsTo('auth.register').at(-1)?.status).toBe(202);
    // The server sent the confirmation link.
    expect((await server.linkSentTo(email, '/verify-email')).searchParams.get('token')).toMatch(/^\S{16,}$/);
  });
});
