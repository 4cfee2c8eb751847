import { readFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

const shared: Options = {
  dts: true,
  sourcemap: true,
  // The build script empties dist first: two configs cleaning in parallel would delete each other's files.
  clean: false,
  target: 'es2022',
};

export default defineConfig([
  // The root and the `./local` subpath, for import and require.
  { ...shared, entry: ['src/index.ts', 'src/local.ts'], format: ['esm', 'cjs'] },
  // The `ielts-db` bin (dist/cli.js) runs as an ES module only, so no CommonJS copy is shipped.
  {
    ...shared,
    entry: ['src/cli.ts'],
    format: ['esm'],
    dts: false,
    // `ielts-db --version` prints the version it was published as.
    define: { __IELTS_DB_VERSION__: JSON.stringify(version) },
  },
]);
