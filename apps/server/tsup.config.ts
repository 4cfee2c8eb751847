import { defineConfig } from 'tsup';

export default defineConfig({
  // The Node server, the Lambda handler, the admin CLI and the password hashing worker.
  entry: ['src/main.ts', 'src/lambda.ts', 'src/grant.ts', 'src/scrypt-worker.ts'],
  format: ['esm'],
  sourcemap: true,
  clean: true,
  target: 'node24',
});
