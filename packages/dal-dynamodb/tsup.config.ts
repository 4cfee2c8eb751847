import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  // cli.ts is the `ielts-db` bin (dist/cli.js); it is built like the library so one clean run covers both.
  entry: ['src/index.ts', 'src/cli.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // `ielts-db --version` prints the version it was published as.
  define: { __IELTS_DB_VERSION__: JSON.stringify(version) },
});
