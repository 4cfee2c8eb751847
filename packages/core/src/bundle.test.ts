import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { bundleSource } from './test-support/bundle-source.js';

// core must run in browsers and React Native: bundle it as a browser would and load it
// where no Node globals exist.
describe('core bundles for browsers and React Native', () => {
  it('has no Node built-ins, reads no environment, and loads without Node globals', async () => {
    const result = await bundleSource('index.ts', { format: 'iife', globalName: 'core', mainFields: ['module', 'main'] });
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
