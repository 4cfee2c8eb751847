import { build, type BuildOptions } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const sourceDirectory = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/**
 * Bundles `file` of core's `src` in memory, as a bundler for no particular runtime would (esbuild's
 * neutral platform, so nothing Node-only is filled in), with `options` for the output a test reads.
 * The result has the code (`outputFiles`) and what went in and out (`metafile`).
 */
export function bundleSource(file: string, options: Omit<BuildOptions, 'entryPoints' | 'write' | 'metafile'>) {
  return build({
    entryPoints: [path.join(sourceDirectory, file)],
    bundle: true,
    platform: 'neutral',
    logLevel: 'silent',
    ...options,
    write: false,
    metafile: true,
  });
}
