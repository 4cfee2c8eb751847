import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoreError } from './core-error.js';
import { COMMONLY_PUBLISHED_2024, MAXIMUM_RAW_SCORE, rawScoreToBand, type RawScoreTest } from './raw-score-tables.js';

// The table of IELTS-RULES.md as written there, each test's raw scores for band 9, 8.5 … 2.5, then this
// version's spread of "band 1–2" below it (band 2, band 1). Copied, not computed, so a change to a cut-off shows here.
const PUBLISHED_BANDS = [9, 8.5, 8, 7.5, 7, 6.5, 6, 5.5, 5, 4.5, 4, 3.5, 3, 2.5, 2, 1];
const PUBLISHED_RAW_SCORES: Record<RawScoreTest, string> = {
  listening: '39–40 37–38 35–36 32–34 30–31 26–29 23–25 18–22 16–17 13–15 11–12 8–10 6–7 4–5 2–3 1',
  reading_academic: '39–40 37–38 35–36 33–34 30–32 27–29 23–26 19–22 15–18 13–14 10–12 8–9 6–7 4–5 2–3 1',
  reading_general_training: '40 39 37–38 36 34–35 32–33 30–31 27–29 23–26 19–22 15–18 12–14 9–11 6–8 3–5 1–2',
};

/** Each raw score 1–40 of `test` with the band the published table gives it. */
function publishedBands(test: RawScoreTest): Map<number, number> {
  const bands = new Map<number, number>();
  PUBLISHED_RAW_SCORES[test].split(' ').forEach((scores, index) => {
    const [lowest, highest = lowest] = scores.split('–').map(Number) as [number, number?];
    for (let raw = lowest; raw <= highest; raw += 1) bands.set(raw, PUBLISHED_BANDS[index]!);
  });
  return bands;
}

describe('rawScoreToBand', () => {
  it.each(Object.keys(PUBLISHED_RAW_SCORES) as RawScoreTest[])('converts every raw score 0–40 of %s', (test) => {
    const bands = publishedBands(test);
    expect([...bands.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: MAXIMUM_RAW_SCORE }, (_, index) => index + 1));
    for (const [raw, band] of bands) expect(rawScoreToBand(test, raw), `${test} raw ${raw}`).toBe(band);
    // Raw 0 with an answer given is band 1 (band 0 is for nothing attempted, below).
    expect(rawScoreToBand(test, 0), `${test} raw 0`).toBe(1);
  });

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
