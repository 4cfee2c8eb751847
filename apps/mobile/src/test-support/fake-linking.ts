// React Native's Linking (the links that open the app) is a native module; React Native's Jest
// preset replaces it with bare jest.fn()s. This gives those the behaviour a device has: the link
// that launched the app (`getInitialURL`) and links opened while it runs (`url` events), which a
// test sets and sends with `launchWithLink` and `openLink`.
import { act } from '@testing-library/react-native';
import { Linking } from 'react-native';

type UrlListener = (event: { url: string }) => void;

/** What the fake holds; {@link resetFakeLinking} empties it before each test. */
export const fakeLinking = { initialUrl: null as string | null, listeners: new Set<UrlListener>() };

/** Empties the fake and wires it into the mocked Linking (jest.setup-after-env.js calls it before each test). */
export function resetFakeLinking(): void {
  fakeLinking.initialUrl = null;
  fakeLinking.listeners = new Set();
  const mocked = Linking as unknown as Record<'getInitialURL' | 'addEventListener', jest.Mock>;
  mocked.getInitialURL.mockImplementation(async () => fakeLinking.initialUrl);
  mocked.addEventListener.mockImplementation((type: string, listener: UrlListener) => {
    if (type === 'url') fakeLinking.listeners.add(listener);
    return { remove: () => fakeLinking.listeners.delete(listener) };
  });
}

/** The app will be launched by `url` (set it before rendering). */
export function launchWithLink(url: string): void {
  fakeLinking.initialUrl = url;
}

/** The learner taps `url` (in an email, say) while the app runs. */
export function openLink(url: string): void {
  if (fakeLinking.listeners.size === 0) throw new Error('the app is not listening for links');
  act(() => {
    for (const listener of [...fakeLinking.listeners]) listener({ url });
  });
}
