import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Patience, not a speed check: some tests start Node or bundle the package, which takes many
    // times longer on a busy machine; they assert on what comes back, never on how long it took.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
