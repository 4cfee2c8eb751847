import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The Bedrock and Gemini SDKs are optional peers: an offline-only user has neither installed, so
// the published declarations must not import from them (TS2307 without skipLibCheck, `any` with it).
describe('the published type declarations', () => {
  // Every declaration file: the root's, the `./offline-fit` subpath's and the chunks they share.
  const files = readdirSync(new URL('../dist/', import.meta.url)).filter((file) => /\.d\.c?ts$/.test(file));
  it('covers the root and the subpath', () => {
    expect(files).toEqual(expect.arrayContaining(['index.d.ts', 'index.d.cts', 'offline-fit.d.ts', 'offline-fit.d.cts']));
  });
  for (const file of files) {
    it(`${file} imports nothing from an optional peer`, () => {
      const declarations = readFileSync(new URL(`../dist/${file}`, import.meta.url), 'utf8');
      const imported = [...declarations.matchAll(/from ['"]([^'"]+)['"]/g)].map((match) => match[1]);
      expect(
        imported.filter(
          (specifier) => specifier?.startsWith('@aws-sdk/') || specifier?.startsWith('@google/genai') || specifier?.startsWith('@smithy/'),
        ),
      ).toEqual([]);
    });
  }
});
