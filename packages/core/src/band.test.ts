import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BANDS, assertBand, isBand, meanBand, overallBand, roundToHalfBand, writingBand, writingTaskBand } from './band.js';
import { CoreError } from './core-error.js';

const band = fc.constantFrom(...BANDS);

describe('roundToHalfBand (nearest, the overall-band rule)', () => {
  it.each([
    [6.25, 6.5],
    [6.125, 6],
    [6.75, 7],
    [3.875, 4],
    [6.375, 6.5],
    [6.625, 6.5],
    [6.875, 7],
    [0, 0],
    [9, 9],
  ])('%s → %s', (score, expected) => {
    expect(roundToHalfBand(score)).toBe(expected);
  });

  it('rounds down to the half band below with `down`', () => {
    expect(roundToHalfBand(6.75, 'down')).toBe(6.5);
    expect(roundToHalfBand(6.4999999999, 'down')).toBe(6.5);
    expect(roundToHalfBand(6.49, 'down')).toBe(6);
  });

  it('always lands on a band within a quarter band (nearest) or a half band below (down)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 9, noNaN: true }), (score) => {
        const nearest = roundToHalfBand(score);
        const down = roundToHalfBand(score, 'down');
        expect(isBand(nearest)).toBe(true);
        expect(isBand(down)).toBe(true);
        expect(Math.abs(nearest - score)).toBeLessThanOrEqual(0.25 + 1e-9);
        expect(score - down).toBeGreaterThanOrEqual(-1e-9);
        expect(score - down).toBeLessThan(0.5);
      }),
    );
  });

  it('is monotonic', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 9, noNaN: true }), fc.double({ min: 0, max: 9, noNaN: true }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(roundToHalfBand(low)).toBeLessThanOrEqual(roundToHalfBand(high));
      }),
    );
  });

  it.each([Number.NaN, -0.5, 9.5, Number.POSITIVE_INFINITY])('rejects %s rather than clamping', (score) => {
    expect(() => roundToHalfBand(score)).toThrow(CoreError);
  });
});

describe('overallBand', () => {
  it('follows the published examples', () => {
    expect(overallBand({ listening: 6.5, reading: 6.5, writing: 5, speaking: 7 })).toBe(6.5); // 6.25
    expect(overallBand({ listening: 4, reading: 3.5, writing: 4, speaking: 4 })).toBe(4); // 3.875
    expect(overallBand({ listening: 6.5, reading: 6.5, writing: 5.5, speaking: 6 })).toBe(6); // 6.125
    expect(overallBand({ listening: 7, reading: 7, writing: 6.5, speaking: 6.5 })).toBe(7); // 6.75
  });

  it('matches the .25-up and .75-up rule for every combination of bands', () => {
    fc.assert(
      fc.property(band, band, band, band, (listening, reading, writing, speaking) => {
        const mean = (listening + reading + writing + speaking) / 4;
        const whole = Math.floor(mean);
        const fraction = mean - whole;
        const expected = fraction < 0.25 ? whole : fraction < 0.75 ? whole + 0.5 : whole + 1;
        expect(overallBand({ listening, reading, writing, speaking })).toBe(expected);
      }),
    );
  });

  it('rejects a band that is not a half band', () => {
    expect(() => overallBand({ listening: 9.7, reading: 6, writing: 6, speaking: 6 })).toThrow(/listening band must be/);
    expect(() => overallBand({ listening: 6, reading: 6.3, writing: 6, speaking: 6 })).toThrow(CoreError);
    expect(() => overallBand({ listening: 6, reading: 6, writing: Number.NaN, speaking: 6 })).toThrow(CoreError);
  });
});

describe('writing bands', () => {
  it('rounds a task down to the half band by default, and to nearest when asked', () => {
    expect(writingTaskBand([6, 6, 6.5, 7])).toBe(6); // 6.375
    expect(writingTaskBand([6, 6, 6.5, 7], { task: 'nearest' })).toBe(6.5);
    expect(writingTaskBand([7, 7, 7, 6])).toBe(6.5); // 6.75
  });

  it('counts task 2 double', () => {
    expect(writingBand(6, 7)).toBe(6.5); // 6.667 down
    expect(writingBand(6, 7, { writing: 'nearest' })).toBe(6.5);
    expect(writingBand(5, 8, { writing: 'nearest' })).toBe(7); // exactly 7
    expect(writingBand(7, 5.5, { writing: 'nearest' })).toBe(6); // 6.0
  });

  it('always lies between the two task bands', () => {
    fc.assert(
      fc.property(band, band, fc.constantFrom('nearest' as const, 'down' as const), (task1, task2, rounding) => {
        const result = writingBand(task1, task2, { writing: rounding });
        expect(result).toBeGreaterThanOrEqual(Math.min(task1, task2));
        expect(result).toBeLessThanOrEqual(Math.max(task1, task2));
      }),
    );
  });

  it('meanBand needs at least one valid band', () => {
    expect(() => meanBand([])).toThrow(CoreError);
    expect(() => meanBand([6, 10])).toThrow(/band 2 must be/);
    expect(meanBand([6, 6.5, 7, 6.5])).toBe(6.5);
  });
});

describe('isBand and assertBand', () => {
  it('accepts exactly the 19 half bands', () => {
    expect(BANDS).toHaveLength(19);
    for (const value of BANDS) expect(isBand(value)).toBe(true);
    for (const value of [9.7, -1, 9.5, 6.25, Number.NaN, '6', null]) expect(isBand(value)).toBe(false);
  });

  it('throws a CoreError with code invalid_band', () => {
    try {
      assertBand(9.7);
      expect.unreachable();
    } catch (error) {
      expect(CoreError.isInstance(error)).toBe(true);
      expect((error as CoreError).code).toBe('invalid_band');
      expect((error as Error).message).toContain('9.7');
    }
  });
});
