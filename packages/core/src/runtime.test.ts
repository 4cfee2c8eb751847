import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The repository pins the Node it builds and tests on (node-versions.json); `npm test` runs the
// packages' tests on the pinned Node 24 and again on the oldest supported Node 22. A step that
// slipped back to the machine's own Node would fail here.
const versions = JSON.parse(readFileSync(new URL('../../../node-versions.json', import.meta.url), 'utf8')) as {
  repository: string;
  oldestSupported: string;
};

describe('the Node these tests run on', () => {
  it('is one the packages support: the pinned Node 24 or the oldest supported Node 22', () => {
    console.log(`node --version: ${process.version}`);
    expect([`v${versions.repository}`, `v${versions.oldestSupported}`]).toContain(process.version);
  });

  it('is the one the test command chose, when it says which', () => {
    const expected = process.env.IELTS_EXPECTED_NODE_VERSION;
    if (expected === undefined) return;
    expect(process.version).toBe(expected);
  });
});
