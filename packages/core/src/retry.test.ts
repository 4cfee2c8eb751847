import { describe, expect, it } from 'vitest';
import { retry, sleep } from './retry.js';

class Retryable extends Error {}

/** A wait that resolves at once and records how long it was asked to be. */
function recordedWaits() {
  const waits: number[] = [];
  return { waits, sleep: async (milliseconds: number) => void waits.push(milliseconds) };
}

describe('retry', () => {
  it('retries errors worth it, waiting delay(n) before retry n, and returns the first success', async () => {
    const { waits, sleep: wait } = recordedWaits();
    const attempts: number[] = [];
    const result = await retry(
      async (attemptNumber) => {
        attempts.push(attemptNumber);
        if (attemptNumber < 3) throw new Retryable(`attempt ${attemptNumber}`);
        return 'done';
      },
      { maxAttempts: 5, delay: (retryNumber) => retryNumber * 100, shouldRetry: (error) => error instanceof Retryable, sleep: wait },
    );
    expect(result).toBe('done');
    expect(attempts).toEqual([1, 2, 3]);
    expect(waits).toEqual([100, 200]);
  });

  it('throws an error not worth retrying at once, and the last error once the attempts are used up', async () => {
    const { waits, sleep: wait } = recordedWaits();
    const options = { maxAttempts: 3, delay: () => 10, shouldRetry: (error: unknown) => error instanceof Retryable, sleep: wait };
    const fatal = new Error('fatal');
    await expect(retry(() => Promise.reject(fatal), options)).rejects.toBe(fatal);
    expect(waits).toEqual([]);
    let count = 0;
    await expect(retry(() => Promise.reject(new Retryable(`attempt ${++count}`)), options)).rejects.toThrow('attempt 3');
    expect(waits).toEqual([10, 10]);
  });

  it('does not start a wait that would reach the deadline, on the clock it is given', async () => {
    const waits: number[] = [];
    let now = 1000;
    // Each attempt takes 40 ms and each wait as long as it was asked, on the fake clock.
    const wait = async (milliseconds: number) => {
      waits.push(milliseconds);
      now += milliseconds;
    };
    let count = 0;
    const failure = retry(
      () => {
        now += 40;
        return Promise.reject(new Retryable(`attempt ${++count}`));
      },
      { maxAttempts: 10, delay: () => 50, shouldRetry: () => true, deadline: 1200, clock: () => now, sleep: wait },
    );
    // 1040 + 50 and 1130 + 50 end before 1200; 1220 + 50 would not.
    await expect(failure).rejects.toThrow('attempt 3');
    expect(waits).toEqual([50, 50]);
  });

  it('ends a wait when the signal fires and throws the last error, with no further attempt', async () => {
    const controller = new AbortController();
    let count = 0;
    const failure = retry(() => Promise.reject(new Retryable(`attempt ${++count}`)), {
      maxAttempts: 10,
      delay: () => 60_000,
      shouldRetry: () => true,
      signal: controller.signal,
      sleep: (milliseconds, signal) => {
        controller.abort();
        return sleep(milliseconds, signal);
      },
    });
    await expect(failure).rejects.toThrow('attempt 1');
    expect(count).toBe(1);
  });
});

describe('sleep', () => {
  it('resolves at once for a signal that has already fired', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(sleep(60_000, controller.signal)).resolves.toBeUndefined();
  });
});
