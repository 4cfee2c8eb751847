import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Patience, not a speed check: building an offline scorer (its lexicons, models) takes seconds
    // of CPU, many times longer on a busy machine; the tests assert on results and counts.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
