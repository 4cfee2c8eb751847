/** Runs at most `concurrency` jobs at once with at most `maxWaiting` more in line; refuses the rest at once. */
export interface BoundedWorkQueue {
  /** Runs the job when a slot is free; rejects at once with {@link WorkQueueFullError} when the line is full. */
  run<T>(job: () => Promise<T>): Promise<T>;
  /** Jobs running and waiting now. */
  readonly load: { running: number; waiting: number };
}

/** Options for {@link createBoundedWorkQueue}. */
export interface BoundedWorkQueueOptions {
  /** Jobs run at once. */
  concurrency: number;
  /** Jobs that may wait for a slot; one more is refused. */
  maxWaiting: number;
}

/** Thrown by {@link BoundedWorkQueue.run} when the line is full: nothing was run. */
export class WorkQueueFullError extends Error {
  constructor() {
    super('The work queue is full');
    this.name = 'WorkQueueFullError';
  }
}

/**
 * A bounded queue in front of scarce work (password hashing): load beyond it is refused in
 * constant time instead of piling up memory and latency for everyone.
 */
export function createBoundedWorkQueue(options: BoundedWorkQueueOptions): BoundedWorkQueue {
  let running = 0;
  const waiting: Array<() => void> = [];

  return {
    async run(job) {
      if (running >= options.concurrency) {
        if (waiting.length >= options.maxWaiting) throw new WorkQueueFullError();
        // The slot is handed over by the job that ends, so `running` already counts this job when it starts.
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else {
        running += 1;
      }
      try {
        return await job();
      } finally {
        if (waiting.length > 0) waiting.shift()!();
        else running -= 1;
      }
    },
    get load() {
      return { running, waiting: waiting.length };
    },
  };
}
