import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as core from './index.js';
import * as rules from './rules.js';

const sourceDirectory = path.dirname(fileURLToPath(import.meta.url));

describe('@ielts-genai-prep/core/rules', () => {
  it('imports nothing: no file behind it reaches zod', async () => {
    const result = await build({
      entryPoints: [path.join(sourceDirectory, 'rules.ts')],
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      // zod left outside the bundle, so an import of it shows in the output's imports.
      external: ['zod'],
      metafile: true,
      write: false,
      logLevel: 'silent',
    });
    const [output] = Object.values(result.metafile.outputs);
    expect(output!.imports).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs).map((file) => path.basename(file));
    expect(inputs).toContain('band-rules.ts');
    expect(inputs).not.toContain('band.ts');
  });

  it('gives the same rules as the root', () => {
    // biome-ignore lint/performance/noDynamicNamespaceImportAccess: the test walks every export of the subpath; nothing here is bundled
    for (const name of Object.keys(rules) as (keyof typeof rules)[]) expect(rules[name], name).toBe(core[name]);
    expect(rules.overallBand({ listening: 6.5, reading: 6.5, writing: 5, speaking: 7 })).toBe(6.5);
    expect(rules.rawScoreToBand('listening', 30)).toBe(core.rawScoreToBand('listening', 30));
  });
});
