// Renders the whole app as a device would run it, with an in-memory token store, against a server
// on loopback (the reference server through its recording proxy, see reference-server.ts).
import { fireEvent, render, screen } from '@testing-library/react-native';
import { App } from '../app';
import { createFileDraftStore } from '../draft-store';
import { createMobileClient, type MobileClient } from '../mobile-client';
import { createMemoryTokenStore, type TokenStore } from '../token-store';
import type { Learner } from './learners';

/** Fixed safe-area insets: the native measurement never arrives under Jest. */
export const TEST_SAFE_AREA = { frame: { x: 0, y: 0, width: 390, height: 844 }, insets: { top: 47, left: 0, right: 0, bottom: 34 } };

/** Renders `<App>` talking to `baseUrl`; returns the token store and client it uses. */
export function renderApp(
  baseUrl: string,
  tokenStore: TokenStore = createMemoryTokenStore(),
): { tokenStore: TokenStore; mobileClient: MobileClient } {
  // No retries: a failure in a test should show at once.
  const mobileClient = createMobileClient({ baseUrl, tokenStore, retry: false, timeout: 30_000 });
  // Drafts as on a device, in the fake files (test-support/fake-expo-file-system.ts), which outlive this render.
  render(<App mobileClient={mobileClient} safeAreaMetrics={TEST_SAFE_AREA} draftStore={createFileDraftStore()} />);
  return { tokenStore, mobileClient };
}

/** Signs in as `learner` on the sign-in screen and waits for home. */
export async function signIn(learner: Pick<Learner, 'email' | 'password' | 'displayName'>): Promise<void> {
  fireEvent.changeText(await screen.findByLabelText('Email'), learner.email);
  fireEvent.changeText(screen.getByLabelText('Password'), learner.password);
  fireEvent.press(screen.getByRole('button', { name: 'Sign in' }));
  await screen.findByText(`Hello, ${learner.displayName}`);
}
