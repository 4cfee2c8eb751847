import { describe, expect, it } from 'vitest';
import { newIdempotencyKey } from './idempotency-key.js';

describe('newIdempotencyKey', () => {
  it('starts with its kind, fits the contract’s 8–128 characters, and differs every time', () => {
    const keys = Array.from({ length: 50 }, () => newIdempotencyKey('essay'));
    for (const key of keys) {
      expect(key).toMatch(/^essay-/);
      expect(key.length).toBeGreaterThanOrEqual(8);
      expect(key.length).toBeLessThanOrEqual(128);
    }
    expect(new Set(keys).size).toBe(50);
  });

  it('works without crypto (Hermes) from the time and a random source', () => {
    const key = newIdempotencyKey('sheet', { now: () => 36 ** 3, random: () => 0.5 });
    expect(key).toBe(`sheet-1000-${'0zik0zk'.repeat(3)}`);
  });
});
