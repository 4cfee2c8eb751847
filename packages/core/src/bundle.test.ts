import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';

const sourceDirectory = path.dirname(fileURLToPath(import.meta.url));

// core must run in browsers and React Native: bundle it as a browser would and load it
// where no Node globals exist.
describe('core bundles for browsers and React Native', () => {
  it('has no Node built-ins, reads no environment, and loads without Node globals', async () => {
    const result = await build({
      entryPoints: [path.join(sourceDirectory, 'index.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'core',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/from\s*["']node:|require\(["']node:/);
    expect(code).not.toContain('process.env');

    const context = vm.createContext({});
    vm.runInContext(`${code}; globalThis.exported = core;`, context);
    const exported = context.exported as typeof import('./index.js');
    expect(exported.overallBand({ listening: 6.5, reading: 6.5, writing: 5, speaking: 7 })).toBe(6.5);
    expect(Object.keys(exported)).toContain('apiContract');
  });
});
