import { defineConfig, type Options } from 'tsup';

const shared: Options = {
  dts: true,
  // No source maps in the tarball: they tripled its size, and the code is not minified.
  sourcemap: false,
  // The build script empties dist first: two configs cleaning in parallel would delete each other's files.
  clean: false,
  target: 'es2022',
  // Keep `import()` as is in the CommonJS build (esbuild would turn it into `require`): harper.js
  // is ESM only, and Node's CommonJS can import ESM dynamically.
  esbuildOptions(options) {
    options.supported = { ...options.supported, 'dynamic-import': true };
  },
};

export default defineConfig([
  // The root, the `./offline-fit` subpath and the `ielts-eval` bin (dist/cli.js) as ES modules,
  // sharing their chunks; the bin is not declared (no types) and has no CommonJS copy.
  {
    ...shared,
    entry: ['src/index.ts', 'src/offline-fit.ts', 'src/cli.ts'],
    format: ['esm'],
    dts: { entry: ['src/index.ts', 'src/offline-fit.ts'] },
  },
  // Split like the ES modules, so the two CommonJS entries share their code instead of each carrying a copy.
  { ...shared, entry: ['src/index.ts', 'src/offline-fit.ts'], format: ['cjs'], splitting: true },
]);
