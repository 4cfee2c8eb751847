import { defineConfig } from 'tsup';

export default defineConfig({
  // The Node server, the Lambda handler and the admin CLI.
  entry: ['src/main.ts', 'src/lambda.ts', 'src/grant.ts'],
  format: ['esm'],
  sourcemap: true,
  clean: true,
  target: 'node24',
});
