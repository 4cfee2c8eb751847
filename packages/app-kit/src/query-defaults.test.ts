import { describe, expect, it } from 'vitest';
import { queryDefaults } from './query-defaults.js';

describe('queryDefaults', () => {
  it('never retries on top of the api-client, reads afresh on focus and ignores the platform’s online flag', () => {
    expect(queryDefaults).toEqual({
      queries: { retry: false, refetchOnWindowFocus: true, networkMode: 'always' },
      mutations: { retry: false, networkMode: 'always' },
    });
  });
});
