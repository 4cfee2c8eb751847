import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createSeededRandom,
  fitRidge,
  mean,
  measureAgreement,
  median,
  predictRidge,
  quadraticWeightedKappa,
} from './offline-statistics.js';

describe('fitRidge', () => {
  it('recovers a linear relation with a tiny penalty', () => {
    const random = createSeededRandom(7);
    const rows = Array.from({ length: 200 }, () => [random() * 10, random() * 4 - 2, random()]);
    const targets = rows.map(([a = 0, b = 0, c = 0]) => 3 + 0.5 * a - 2 * b + 0 * c);
    const model = fitRidge(rows, targets, 1e-6);
    for (const row of rows.slice(0, 20)) expect(predictRidge(model, row)).toBeCloseTo(3 + 0.5 * (row[0] ?? 0) - 2 * (row[1] ?? 0), 4);
    expect(model.intercept).toBeCloseTo(mean(targets), 10);
  });

  it('shrinks coefficients towards zero as the penalty grows', () => {
    const random = createSeededRandom(11);
    const rows = Array.from({ length: 100 }, () => [random(), random()]);
    const targets = rows.map(([a = 0, b = 0]) => a + b + random() * 0.1);
    const size = (lambda: number) => fitRidge(rows, targets, lambda).coefficients.reduce((sum, value) => sum + Math.abs(value), 0);
    expect(size(1)).toBeGreaterThan(size(100));
    expect(size(100)).toBeGreaterThan(size(10_000));
  });

  it('survives a constant feature', () => {
    const model = fitRidge(
      [
        [1, 5],
        [2, 5],
        [3, 5],
      ],
      [1, 2, 3],
      0.01,
    );
    expect(model.standardDeviations[1]).toBe(1);
    expect(predictRidge(model, [2, 5])).toBeCloseTo(2, 3);
  });
});

describe('agreement measures', () => {
  it('are perfect for identical bands', () => {
    const bands = [5, 5.5, 6, 7, 8.5];
    expect(measureAgreement(bands, bands)).toEqual({
      count: 5,
      meanAbsoluteError: 0,
      rootMeanSquaredError: 0,
      withinHalfBand: 1,
      quadraticWeightedKappa: 1,
    });
  });

  it('count half-band misses as within half a band', () => {
    const metrics = measureAgreement([5.5, 6, 8], [5, 6, 6]);
    expect(metrics.meanAbsoluteError).toBeCloseTo(2.5 / 3);
    expect(metrics.withinHalfBand).toBeCloseTo(2 / 3);
  });

  it('kappa is 0 for a constant prediction and symmetric', () => {
    expect(quadraticWeightedKappa([6, 6, 6, 6], [5, 6, 7, 8])).toBe(0);
    const band = fc.integer({ min: 0, max: 18 }).map((halves) => halves / 2);
    fc.assert(
      fc.property(fc.array(fc.tuple(band, band), { minLength: 2, maxLength: 40 }), (pairs) => {
        const left = pairs.map(([a]) => a);
        const right = pairs.map(([, b]) => b);
        expect(quadraticWeightedKappa(left, right)).toBeCloseTo(quadraticWeightedKappa(right, left), 10);
        expect(quadraticWeightedKappa(left, right)).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });

  it('mean and median', () => {
    expect(mean([1, 2, 6])).toBe(3);
    expect(median([6, 1, 2])).toBe(2);
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });
});

describe('createSeededRandom', () => {
  it('repeats for a seed and differs between seeds', () => {
    const first = createSeededRandom(42);
    const second = createSeededRandom(42);
    const other = createSeededRandom(43);
    const a = Array.from({ length: 5 }, first);
    expect(Array.from({ length: 5 }, second)).toEqual(a);
    expect(Array.from({ length: 5 }, other)).not.toEqual(a);
    for (const value of a) expect(value >= 0 && value < 1).toBe(true);
  });
});
