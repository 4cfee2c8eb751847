import { queryDefaults } from '@ielts-genai-prep/app-kit';
import { QueryClient, focusManager } from '@tanstack/react-query';
import { AppState } from 'react-native';

/** The app's cache of what it read from the API, with the defaults both apps share (app-kit's `queryDefaults`). */
export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: queryDefaults });
}

/**
 * Tells react-query when the app comes back to the foreground, so what a screen shows is read afresh
 * (a browser has its tab's visibility; a phone has AppState). Returns the function that stops it.
 */
export function followAppState(): () => void {
  focusManager.setEventListener((setFocused) => {
    const subscription = AppState.addEventListener('change', (state) => setFocused(state === 'active'));
    return () => subscription.remove();
  });
  return () => focusManager.setEventListener(() => undefined);
}
