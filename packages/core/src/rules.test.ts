import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as core from './index.js';
import * as rules from './rules.js';
import { bundleSource } from './test-support/bundle-source.js';

describe('@ielts-genai-prep/core/rules', () => {
  it('imports nothing: no file behind it reaches zod', async () => {
    // zod left outside the bundle, so an import of it shows in the output's imports.
    const result = await bundleSource('rules.ts', { format: 'esm', external: ['zod'] });
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
