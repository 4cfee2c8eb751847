import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoreError } from './core-error.js';
import { COMMONLY_PUBLISHED_2024, MAXIMUM_RAW_SCORE, rawScoreToBand, type RawScoreTest } from './raw-score-tables.js';

// Every raw score 0–40 of each table, written out from IELTS-RULES.md so a change to a cut-off shows here.
const expected: Record<RawScoreTest, Array<[number, number]>> = {
  listening: [
    [40, 9],
    [39, 9],
    [38, 8.5],
    [37, 8.5],
    [36, 8],
    [35, 8],
    [34, 7.5],
    [33, 7.5],
    [32, 7.5],
    [31, 7],
    [30, 7],
    [29, 6.5],
    [28, 6.5],
    [27, 6.5],
    [26, 6.5],
    [25, 6],
    [24, 6],
    [23, 6],
    [22, 5.5],
    [21, 5.5],
    [20, 5.5],
    [19, 5.5],
    [18, 5.5],
    [17, 5],
    [16, 5],
    [15, 4.5],
    [14, 4.5],
    [13, 4.5],
    [12, 4],
    [11, 4],
    [10, 3.5],
    [9, 3.5],
    [8, 3.5],
    [7, 3],
    [6, 3],
    [5, 2.5],
    [4, 2.5],
    [3, 2],
    [2, 2],
    [1, 1],
    [0, 1],
  ],
  reading_academic: [
    [40, 9],
    [39, 9],
    [38, 8.5],
    [37, 8.5],
    [36, 8],
    [35, 8],
    [34, 7.5],
    [33, 7.5],
    [32, 7],
    [31, 7],
    [30, 7],
    [29, 6.5],
    [28, 6.5],
    [27, 6.5],
    [26, 6],
    [25, 6],
    [24, 6],
    [23, 6],
    [22, 5.5],
    [21, 5.5],
    [20, 5.5],
    [19, 5.5],
    [18, 5],
    [17, 5],
    [16, 5],
    [15, 5],
    [14, 4.5],
    [13, 4.5],
    [12, 4],
    [11, 4],
    [10, 4],
    [9, 3.5],
    [8, 3.5],
    [7, 3],
    [6, 3],
    [5, 2.5],
    [4, 2.5],
    [3, 2],
    [2, 2],
    [1, 1],
    [0, 1],
  ],
  reading_general_training: [
    [40, 9],
    [39, 8.5],
    [38, 8],
    [37, 8],
    [36, 7.5],
    [35, 7],
    [34, 7],
    [33, 6.5],
    [32, 6.5],
    [31, 6],
    [30, 6],
    [29, 5.5],
    [28, 5.5],
    [27, 5.5],
    [26, 5],
    [25, 5],
    [24, 5],
    [23, 5],
    [22, 4.5],
    [21, 4.5],
    [20, 4.5],
    [19, 4.5],
    [18, 4],
    [17, 4],
    [16, 4],
    [15, 4],
    [14, 3.5],
    [13, 3.5],
    [12, 3.5],
    [11, 3],
    [10, 3],
    [9, 3],
    [8, 2.5],
    [7, 2.5],
    [6, 2.5],
    [5, 2],
    [4, 2],
    [3, 2],
    [2, 1],
    [1, 1],
    [0, 1],
  ],
};

describe('rawScoreToBand', () => {
  for (const test of Object.keys(expected) as RawScoreTest[]) {
    it(`converts every raw score 0–40 of ${test}`, () => {
      expect(expected[test]).toHaveLength(41);
      for (const [raw, band] of expected[test]) expect(rawScoreToBand(test, raw), `${test} raw ${raw}`).toBe(band);
    });
  }

  it('meets the official anchor points', () => {
    expect(rawScoreToBand('listening', 16)).toBe(5);
    expect(rawScoreToBand('listening', 23)).toBe(6);
    expect(rawScoreToBand('listening', 30)).toBe(7);
    expect(rawScoreToBand('listening', 35)).toBe(8);
    expect(rawScoreToBand('reading_academic', 15)).toBe(5);
    expect(rawScoreToBand('reading_academic', 35)).toBe(8);
    expect(rawScoreToBand('reading_general_training', 15)).toBe(4);
    expect(rawScoreToBand('reading_general_training', 34)).toBe(7);
  });

  it('gives band 0 for a raw 0 only when nothing was attempted', () => {
    expect(rawScoreToBand('listening', 0, { attempted: false })).toBe(0);
    expect(rawScoreToBand('listening', 0)).toBe(1);
  });

  it('never decreases as the raw score rises, and covers 1–40 without gaps or overlaps', () => {
    for (const [test, rows] of Object.entries(COMMONLY_PUBLISHED_2024.tables)) {
      const covered = rows.flatMap((row) => Array.from({ length: row.maximum - row.minimum + 1 }, (_, index) => row.minimum + index));
      expect(
        covered.sort((a, b) => a - b),
        test,
      ).toEqual(Array.from({ length: MAXIMUM_RAW_SCORE }, (_, index) => index + 1));
    }
    fc.assert(
      fc.property(
        fc.constantFrom<RawScoreTest>('listening', 'reading_academic', 'reading_general_training'),
        fc.integer({ min: 0, max: 39 }),
        (test, raw) => {
          expect(rawScoreToBand(test, raw + 1)).toBeGreaterThanOrEqual(rawScoreToBand(test, raw));
        },
      ),
    );
  });

  it.each([41, -1, 12.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects a raw score of %s', (raw) => {
    expect(() => rawScoreToBand('listening', raw)).toThrow(CoreError);
    try {
      rawScoreToBand('listening', raw);
    } catch (error) {
      expect((error as CoreError).code).toBe('invalid_raw_score');
    }
  });

  it('rejects an unknown table version by name, and accepts a custom table', () => {
    expect(() => rawScoreToBand('listening', 20, { table: 'nope' })).toThrow(/unknown raw score table version "nope"/);
    const custom = {
      version: 'custom',
      description: 'everything is band 5',
      tables: {
        listening: [{ minimum: 1, maximum: 40, band: 5 }],
        reading_academic: [{ minimum: 1, maximum: 40, band: 5 }],
        reading_general_training: [{ minimum: 1, maximum: 40, band: 5 }],
      },
    };
    expect(rawScoreToBand('listening', 39, { table: custom })).toBe(5);
  });
});
