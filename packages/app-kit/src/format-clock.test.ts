import { describe, expect, it } from 'vitest';
import { formatClock } from './format-clock.js';

describe('formatClock', () => {
  it('writes minutes and two-digit seconds, an hour as 60 minutes', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(9)).toBe('0:09');
    expect(formatClock(65)).toBe('1:05');
    expect(formatClock(40 * 60)).toBe('40:00');
    expect(formatClock(3599)).toBe('59:59');
    expect(formatClock(3600)).toBe('60:00');
    expect(formatClock(3600 + 5 * 60 + 7)).toBe('65:07');
  });

  it('rounds a measured duration to the nearest second and never goes below zero', () => {
    expect(formatClock(4.4)).toBe('0:04');
    expect(formatClock(4.5)).toBe('0:05');
    expect(formatClock(-3)).toBe('0:00');
  });
});
