// Renders the whole app against a stand-in server, as a device would run it, with an in-memory token store.
import { fireEvent, render, screen } from '@testing-library/react-native';
import { App } from '../app';
import { createMobileClient, type MobileClient } from '../mobile-client';
import { createMemoryTokenStore, type TokenStore } from '../token-store';
import { LEARNER } from './fixtures';

/** Fixed safe-area insets: the native measurement never arrives under Jest. */
export const TEST_SAFE_AREA = { frame: { x: 0, y: 0, width: 390, height: 844 }, insets: { top: 47, left: 0, right: 0, bottom: 34 } };

/** Renders `<App>` talking to `baseUrl`; returns the token store and client it uses. */
export function renderApp(baseUrl: string, tokenStore: TokenStore = createMemoryTokenStore()): { tokenStore: TokenStore; mobileClient: MobileClient } {
  // No retries: a failure in a test should show at once.
  const mobileClient = createMobileClient({ baseUrl, tokenStore, retry: false, timeout: 10_000 });
  render(<App mobileClient={mobileClient} safeAreaMetrics={TEST_SAFE_AREA} />);
  return { tokenStore, mobileClient };
}

/** Signs in as {@link LEARNER} on the sign-in screen and waits for home. */
export async function signIn(): Promise<void> {
  fireEvent.changeText(await screen.findByLabelText('Email'), LEARNER.email);
  fireEvent.changeText(screen.getByLabelText('Password'), LEARNER.password);
  fireEvent.press(screen.getByRole('button', { name: 'Sign in' }));
  await screen.findByText('Hello, Mai');
}
