import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDirectory = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

// ky ships ES modules only; the CommonJS entry must not depend on Node's require(esm)
// (off before Node 20.19, and absent under Jest's Babel interop).
describe('the CommonJS entry', () => {
  it('loads and builds a client where require() cannot load ES modules', () => {
    const script = [
      "const { createApiClient } = require('./dist/index.cjs');",
      "const client = createApiClient({ baseUrl: 'http://127.0.0.1:9' });",
      'console.log(typeof client.auth.login, typeof client.writing.evaluate);',
    ].join('\n');
    const output = execFileSync(process.execPath, ['--no-experimental-require-module', '-e', script], {
      cwd: packageDirectory,
      encoding: 'utf8',
    });
    expect(output.trim()).toBe('function function');
  });

  it('carries its own copy of ky rather than requiring it', async () => {
    const { readFile } = await import('node:fs/promises');
    const commonjs = await readFile(path.join(packageDirectory, 'dist', 'index.cjs'), 'utf8');
    expect(commonjs).not.toMatch(/require\(["']ky["']\)/);
  });
});
