import { defineConfig } from 'tsup';

export default defineConfig({
  // cli.ts is the `ielts-db` bin (dist/cli.js); it is built like the library so one clean run covers both.
  entry: ['src/index.ts', 'src/cli.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
});
