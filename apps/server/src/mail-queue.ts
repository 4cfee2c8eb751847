import type { Logger } from './app-services.js';

/** Work that sends mail, run after the response so that its cost and outcome never show in it. */
export interface MailQueue {
  /** Queues the job; it starts after the current request has answered. Never throws. */
  enqueue(name: string, job: () => Promise<void>): void;
  /** Resolves when every queued job has ended (tests, shutdown, the end of a Lambda invocation). */
  idle(): Promise<void>;
  /** Jobs queued or running. */
  readonly pending: number;
}

/** Options for {@link createMailQueue}. */
export interface MailQueueOptions {
  logger: Logger;
  /** Jobs kept at most; beyond it a job is dropped and logged, so a flood cannot exhaust memory. Default 10000. */
  maxPending?: number;
}

/**
 * An in-process mail queue. It is not durable: a crash loses what it holds (see README.md,
 * "Mail after the response"); the durable outbox is the scale-out work's.
 */
export function createMailQueue(options: MailQueueOptions): MailQueue {
  const maxPending = options.maxPending ?? 10_000;
  let pending = 0;
  let waiters: Array<() => void> = [];

  const finished = () => {
    pending -= 1;
    if (pending === 0) {
      const resolved = waiters;
      waiters = [];
      for (const resolve of resolved) resolve();
    }
  };

  return {
    enqueue(name, job) {
      if (pending >= maxPending) {
        options.logger.error('mail dropped: the mail queue is full', { job: name });
        return;
      }
      pending += 1;
      // setImmediate runs after the response has been written to the socket.
      setImmediate(() => {
        job()
          .catch((error: unknown) => options.logger.error('mail job failed', { job: name, error: error instanceof Error ? error.message : String(error) }))
          .finally(finished);
      });
    },
    idle() {
      return pending === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));
    },
    get pending() {
      return pending;
    },
  };
}
