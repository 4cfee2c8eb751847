import { queryDefaults } from '@ielts-genai-prep/app-kit';
import { QueryClient } from '@tanstack/react-query';

/** The web app's cache of what it read from the API, with the defaults both apps share (app-kit's `queryDefaults`). */
export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: queryDefaults });
}
