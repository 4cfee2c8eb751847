import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from './edit-distance.js';

describe('editDistance', () => {
  it.each([
    ['library', 'library', 0],
    ['libary', 'library', 1],
    ['libarary', 'library', 1],
    ['lirbary', 'library', 1],
    ['museum', 'musuem', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%j to %j is %i', (left, right, distance) => {
    expect(editDistance(left, right)).toBe(distance);
  });

  it('answers limit + 1 once the distance is past the limit', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('is symmetric, zero only for equal strings, and at most the longer length', () => {
    const word = fc.string({ unit: fc.constantFrom(...'abcde'), maxLength: 8 });
    fc.assert(
      fc.property(word, word, (left, right) => {
        const distance = editDistance(left, right);
        expect(editDistance(right, left)).toBe(distance);
        expect(distance === 0).toBe(left === right);
        expect(distance).toBeLessThanOrEqual(Math.max(left.length, right.length));
      }),
    );
  });
});
