import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './mail-sender.js';

describe('the mail retry delay', () => {
  const backoff = { baseDelayMs: 60_000, maxDelayMs: 3_600_000 };

  it('doubles from the base with each attempt up to the cap, half of it random (0 and 1: the ends of its range)', () => {
    const lowest = Array.from({ length: 10 }, (_, index) => retryDelayMs(index + 1, backoff, () => 0));
    const highest = Array.from({ length: 10 }, (_, index) => retryDelayMs(index + 1, backoff, () => 1));
    expect(lowest).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_800_000, 1_800_000, 1_800_000, 1_800_000]);
    expect(highest).toEqual([60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000, 3_600_000, 3_600_000]);
    expect(retryDelayMs(1, backoff, () => 0.5)).toBe(45_000);
  });

  it('adds up to two to four hours over the nine waits between ten attempts', () => {
    const total = (random: () => number) =>
      Array.from({ length: 9 }, (_, index) => retryDelayMs(index + 1, backoff, random)).reduce((sum, delay) => sum + delay, 0);
    expect(total(() => 0)).toBe(7_290_000);
    expect(total(() => 1)).toBe(14_580_000);
  });
});
