import { defineConfig } from 'tsup';

export default defineConfig({
  // The CDK app (`node dist/app.js` synthesises to cdk.out/) and the stack for other CDK apps to reuse.
  entry: ['src/app.ts', 'src/ielts-stack.ts'],
  format: ['esm'],
  sourcemap: true,
  clean: true,
  target: 'node24',
});
