import { describe, expect, it } from 'vitest';
import { createBoundedWorkQueue, WorkQueueFullError } from './bounded-work-queue.js';

/** A job that ends when the test says so, recording when it started. */
function heldJob(started: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    job: async () => {
      started.push(name);
      await done;
      return name;
    },
    finish,
  };
}

describe('bounded work queue', () => {
  it('runs up to its concurrency, lines up the next ones in order and refuses beyond the line at once', async () => {
    const queue = createBoundedWorkQueue({ concurrency: 2, maxWaiting: 1 });
    const started: string[] = [];
    const [a, b, c] = [heldJob(started, 'a'), heldJob(started, 'b'), heldJob(started, 'c')];
    const results = [queue.run(a.job), queue.run(b.job), queue.run(c.job)];
    await expect(queue.run(async () => 'd')).rejects.toBeInstanceOf(WorkQueueFullError);
    await Promise.resolve();
    expect(started).toEqual(['a', 'b']);
    expect(queue.load).toEqual({ running: 2, waiting: 1 });
    a.finish();
    await results[0];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['a', 'b', 'c']);
    b.finish();
    c.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c']);
    expect(queue.load).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the slot of a job that fails', async () => {
    const queue = createBoundedWorkQueue({ concurrency: 1, maxWaiting: 0 });
    await expect(queue.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await queue.run(async () => 'next')).toBe('next');
  });
});
