import { defineConfig, type Options } from 'tsup';

const shared: Options = {
  entry: ['src/index.ts'],
  dts: true,
  sourcemap: true,
  // The build script empties dist first: two configs cleaning in parallel would delete each other's files.
  clean: false,
  target: 'es2022',
};

export default defineConfig([
  { ...shared, format: ['esm'] },
  // ky is published as ES modules only. The CommonJS build carries its own copy, so that
  // require() works without Node's require(esm) and under Jest's Babel interop.
  { ...shared, format: ['cjs'], noExternal: ['ky'] },
]);
