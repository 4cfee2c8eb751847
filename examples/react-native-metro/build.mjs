// Bundles the app for Android with Metro, as `react-native bundle --platform android --dev false`
// does, then checks what went into the bundle. Exits non-zero when Metro fails or warns while
// resolving, or when the packages did not arrive as their exports maps say.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Metro from 'metro';

const projectRoot = import.meta.dirname;
const require = createRequire(import.meta.url);

// Resolver warnings are how Metro reports an exports map it could not use before falling back
// to file-based resolution; the build still succeeds, so they are collected and fail the check.
const warnings = [];
const reporter = {
  update(event) {
    if (event.type === 'resolver_warning') warnings.push(event.message);
    if (event.type === 'bundling_error') console.error(event.error);
  },
};

const loaded = await Metro.loadConfig({ cwd: projectRoot, config: path.join(projectRoot, 'metro.config.js') });
const output = mkdtempSync(path.join(tmpdir(), 'ielts-metro-'));
// No watchman on a CI machine. No transform cache: Metro's cache keys hold the project's absolute
// paths, which differ in each temporary copy, so a cache would never be read, only left behind;
// the file map's cache goes to the output folder, removed with it, for the same reason.
const config = Metro.mergeConfig(loaded, {
  reporter,
  resolver: { useWatchman: false },
  cacheStores: [],
  fileMapCacheDirectory: output,
});

try {
  const bundleFile = path.join(output, 'index.android.bundle');
  const { code } = await Metro.runBuild(config, {
    entry: 'index.js',
    platform: 'android',
    dev: false,
    minify: true,
    bundleOut: bundleFile,
    sourceMap: true,
    sourceMapOut: `${bundleFile}.map`,
    sourceMapUrl: 'index.android.bundle.map',
  });
  assert.deepEqual(warnings, [], 'Metro resolved every import without falling back');
  assert.ok(existsSync(bundleFile) && statSync(bundleFile).size > 0, 'the bundle was written');
  assert.equal(readFileSync(bundleFile, 'utf8'), code);

  // Strings only our packages hold: core's contract and rules, the api-client's error codes.
  for (const text of ['/api/auth/login', 'invalid_band', 'invalid_response', 'IeltsExample']) {
    assert.ok(code.includes(text), `the bundle contains ${JSON.stringify(text)}`);
  }

  // Which of our files Metro took, from the source map: each entry the app imports is the file its
  // exports map names for an ES import, and no package arrives twice (its ESM and CJS builds both),
  // which would give the app two copies of core's schemas and errors.
  const map = JSON.parse(readFileSync(`${bundleFile}.map`, 'utf8'));
  const sources = (map.sections ? map.sections.flatMap((section) => section.map.sources) : map.sources).map((source) =>
    path.relative(projectRoot, source).split(path.sep).join('/'),
  );
  const ours = sources.filter((source) => source.startsWith('node_modules/@ielts-genai-prep/'));
  for (const [packageName, subpath] of [
    ['@ielts-genai-prep/core', '.'],
    ['@ielts-genai-prep/core', './rules'],
    ['@ielts-genai-prep/api-client', '.'],
  ]) {
    const manifest = require(`${packageName}/package.json`);
    const target = manifest.exports[subpath].import.default;
    const expected = path.posix.join('node_modules', packageName, target);
    assert.ok(ours.includes(expected), `${packageName} ${subpath} was bundled from ${target} (bundled: ${ours.join(', ')})`);
  }
  assert.deepEqual(
    ours.filter((source) => source.endsWith('.cjs')),
    [],
    'no CommonJS build of our packages was bundled beside the ES one',
  );

  const kilobytes = (Buffer.byteLength(code) / 1024).toFixed(1);
  console.log(`react-native-metro: android bundle of ${kilobytes} KB; bundled from our packages: ${ours.join(', ')}`);
} finally {
  rmSync(output, { recursive: true, force: true });
}
