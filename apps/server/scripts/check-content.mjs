#!/usr/bin/env node
// `pnpm --filter @ielts-genai-prep/server check-content [content-module]`: checks the practice
// content bank with the rules of `src/content/content-checks.ts` (core's schemas, ids, keys, the
// minimum counts and each kind's rules), prints how many items of each kind it holds, and exits 1
// with one line per problem when an item breaks a rule.
//
// The module defaults to `src/content/index.ts`; any module exporting `practiceQuestions` and
// `practiceRubrics` can be checked instead (a draft bank, or a test's broken copy). It is bundled
// with esbuild on the fly, so the check reads the source as it is now, with no server build; the
// workspace packages (core, ai-evaluators) are read from their built `dist`.
import { build } from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const serverDirectory = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const checksModule = path.join(serverDirectory, 'src', 'content', 'content-checks.ts');

function fail(lines) {
  for (const line of lines) console.error(line);
  process.exit(1);
}

const [moduleArgument, ...rest] = process.argv.slice(2);
if (rest.length > 0 || moduleArgument === '--help') {
  fail(['usage: check-content.mjs [content-module]  (default: src/content/index.ts)']);
}
const contentModule = path.resolve(moduleArgument ?? path.join(serverDirectory, 'src', 'content', 'index.ts'));

let bundled;
try {
  const result = await build({
    stdin: {
      contents: [
        `export { checkContent, countContent, CONTENT_MINIMUMS } from ${JSON.stringify(checksModule)};`,
        `export * as bank from ${JSON.stringify(contentModule)};`,
      ].join('\n'),
      resolveDir: serverDirectory,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    // Packages stay imports, resolved from the server's node_modules when the bundle runs.
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  bundled = result.outputFiles[0]?.text ?? '';
} catch (error) {
  const messages = (error.errors ?? []).map((problem) => {
    const where = problem.location ? `${path.relative(process.cwd(), problem.location.file)}:${problem.location.line}: ` : '';
    return `  ${where}${problem.text}`;
  });
  fail([`✗ the content module could not be read (${path.relative(process.cwd(), contentModule)}):`, ...messages]);
}

// Written inside the server's node_modules so that the bundle's package imports resolve there.
const cacheDirectory = path.join(serverDirectory, 'node_modules', '.cache', 'check-content');
await mkdir(cacheDirectory, { recursive: true });
const bundleFile = path.join(cacheDirectory, `check-${process.pid}-${Date.now()}.mjs`);
await writeFile(bundleFile, bundled);
let loaded;
let loadError;
try {
  loaded = await import(pathToFileURL(bundleFile).href);
} catch (error) {
  loadError = error;
} finally {
  await rm(bundleFile, { force: true });
}
if (loadError) fail([`✗ the content module failed to load: ${loadError instanceof Error ? loadError.message : String(loadError)}`]);

const { checkContent, countContent, CONTENT_MINIMUMS, bank } = loaded;
if (!Array.isArray(bank.practiceQuestions) || !Array.isArray(bank.practiceRubrics)) {
  fail([`✗ ${path.relative(process.cwd(), contentModule)} must export the arrays practiceQuestions and practiceRubrics`]);
}

const counts = countContent(bank.practiceQuestions);
const width = Math.max(...Object.keys(counts).map((type) => type.length));
console.log('Practice content:');
for (const [type, count] of Object.entries(counts)) {
  const minimum = CONTENT_MINIMUMS[type];
  console.log(`  ${type.padEnd(width)}  ${String(count).padStart(3)}${minimum === undefined ? '' : `  (at least ${minimum})`}`);
}
console.log(`  ${'rubrics'.padEnd(width)}  ${String(bank.practiceRubrics.length).padStart(3)}`);

const problems = checkContent({ questions: bank.practiceQuestions, rubrics: bank.practiceRubrics });
if (problems.length > 0) {
  fail([
    `✗ ${problems.length} problem${problems.length === 1 ? '' : 's'} in the content:`,
    ...problems.map((problem) => `  ${problem.item}: ${problem.message}`),
  ]);
}
console.log(`✓ every item passes the content check (${bank.practiceQuestions.length} questions, ${bank.practiceRubrics.length} rubrics)`);
