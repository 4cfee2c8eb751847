import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  // app-kit's hooks (`@ielts-genai-prep/app-kit/react`) take React as a peer; its own copy, for its
  // build, is the phone's release: run them on the web's React, as one copy must run every hook.
  resolve: { dedupe: ['react'] },
  test: {
    // Component tests run in happy-dom; the end-to-end test opts into `node` with a docblock.
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}', 'e2e/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
    testTimeout: 20_000,
    // expect.poll gives up after a second by default: too short a bound for a busy machine.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 120_000,
    maxWorkers: 2,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
