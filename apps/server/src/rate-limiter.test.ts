import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter.js';

describe('rate limiter', () => {
  it('allows up to the limit within the window, then says how long to wait', () => {
    let now = 0;
    const limiter = createRateLimiter({ maxFailures: 3, windowSeconds: 60, now: () => now });
    for (let index = 0; index < 3; index += 1) {
      expect(limiter.retryAfterSeconds('a')).toBe(0);
      limiter.recordFailure('a');
      now += 1000;
    }
    expect(limiter.retryAfterSeconds('a')).toBe(57);
    expect(limiter.retryAfterSeconds('b')).toBe(0);
    now += 57_000;
    expect(limiter.retryAfterSeconds('a')).toBe(0);
  });

  it('forgets a key on reset, and bounds the keys it keeps', () => {
    const limiter = createRateLimiter({ maxFailures: 1, windowSeconds: 60, maxKeys: 2, now: () => 0 });
    limiter.recordFailure('a');
    limiter.reset('a');
    expect(limiter.retryAfterSeconds('a')).toBe(0);
    limiter.recordFailure('x');
    limiter.recordFailure('y');
    limiter.recordFailure('z');
    expect(limiter.retryAfterSeconds('x')).toBe(0);
    expect(limiter.retryAfterSeconds('z')).toBeGreaterThan(0);
  });
});

describe('consume', () => {
  it('counts a use only while under the limit', () => {
    let now = 0;
    const limiter = createRateLimiter({ maxFailures: 2, windowSeconds: 10, now: () => now });
    expect(limiter.consume('k')).toBe(0);
    expect(limiter.consume('k')).toBe(0);
    expect(limiter.consume('k')).toBe(10);
    now += 10_001;
    expect(limiter.consume('k')).toBe(0);
  });
});

describe('release', () => {
  it('takes back the latest counted use, and nothing of a key without any', () => {
    const limiter = createRateLimiter({ maxFailures: 2, windowSeconds: 10, now: () => 0 });
    limiter.release('k');
    expect(limiter.consume('k')).toBe(0);
    expect(limiter.consume('k')).toBe(0);
    expect(limiter.consume('k')).toBe(10);
    limiter.release('k');
    expect(limiter.consume('k')).toBe(0);
    expect(limiter.consume('k')).toBe(10);
  });
});
