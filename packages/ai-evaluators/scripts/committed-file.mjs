// What the scripts that make a committed file share: their options, where the calibration data
// lives, and writing the file or, with --check, comparing a fresh one with it.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageDirectory = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** `--data PATH` (default the scored essays in shared/ beside the repository clone), `--out PATH` (default `defaultOut` in the package) and `--check`. */
export function committedFileOptions(defaultOut) {
  const argumentsList = process.argv.slice(2);
  const option = (name, fallback) => {
    const index = argumentsList.indexOf(name);
    return index === -1 ? fallback : argumentsList[index + 1];
  };
  return {
    dataPath: resolve(option('--data', resolve(packageDirectory, '../../../shared/data/essays/scored-essays.jsonl'))),
    outPath: resolve(option('--out', resolve(packageDirectory, defaultOut))),
    check: argumentsList.includes('--check'),
  };
}

/** Writes `text` to `outPath`, or with `check` exits 1 when the committed file is not `text`. `what` names the file in messages. */
export function writeOrCheck({ outPath, check }, text, what, startedAt) {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  if (check) {
    if (readFileSync(outPath, 'utf8') !== text) {
      console.error(`The committed ${outPath} differs from a fresh ${what} (${seconds} s). Re-run without --check and commit the result.`);
      process.exit(1);
    }
    console.log(`The committed file matches a fresh ${what} (${seconds} s).`);
  } else {
    writeFileSync(outPath, text);
    console.log(`Wrote ${outPath} (${seconds} s).`);
  }
}
