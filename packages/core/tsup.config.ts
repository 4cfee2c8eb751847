import { defineConfig } from 'tsup';

export default defineConfig({
  // rules.ts is the zod-free `./rules` subpath.
  entry: ['src/index.ts', 'src/rules.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
});
