import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The reference server serves `dist` at `/` on the API's own origin; `npm run dev` proxies the
// API to a server on port 3000 so the session cookie stays first-party.
export default defineConfig({
  plugins: [react()],
  // app-kit's hooks (`@ielts-genai-prep/app-kit/react`) take React as a peer; its own copy, for its
  // build, is the phone's release: run them on the web's React, as one copy must run every hook.
  resolve: { dedupe: ['react'] },
  build: { outDir: 'dist', sourcemap: true, target: 'es2022' },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/health': 'http://127.0.0.1:3000',
    },
  },
});
