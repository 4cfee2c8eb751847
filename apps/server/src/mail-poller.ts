import type { Logger } from './logger.js';
import type { MailSender } from './mail-sender.js';

/** The timer functions the poller schedules with; tests pass their own and fire them by hand. */
export interface PollerTimers {
  setTimeout(callback: () => void, milliseconds: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Drains the outbox in the Node process: every `intervalMs`, and at once when woken. */
export interface MailPoller {
  /** Starts polling (the first drain runs at once). */
  start(): void;
  /** A message is due: drain now rather than at the next tick (after the drain under way, if any). */
  wake(): void;
  /** Stops polling and waits for the drain under way. */
  stop(): Promise<void>;
}

/** Options for {@link createMailPoller}. */
export interface MailPollerOptions {
  sender: Pick<MailSender, 'drain'>;
  logger: Logger;
  /** Between drains. Default 5000 (retries are due minutes apart; new mail wakes the poller). */
  intervalMs?: number;
  /** Default: the global `setTimeout` and `clearTimeout`, unref'd so the poller never keeps a process alive. */
  timers?: PollerTimers;
}

const globalTimers: PollerTimers = {
  setTimeout: (callback, milliseconds) => setTimeout(callback, milliseconds).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Creates the {@link MailPoller}: one drain at a time, never two. */
export function createMailPoller(options: MailPollerOptions): MailPoller {
  const intervalMs = options.intervalMs ?? 5000;
  const timers = options.timers ?? globalTimers;
  let running = false;
  let timer: unknown;
  let draining: Promise<void> | undefined;
  let wokenWhileDraining = false;

  const schedule = (milliseconds: number) => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      timer = undefined;
      tick();
    }, milliseconds);
  };

  const tick = () => {
    if (!running) return;
    if (draining) {
      wokenWhileDraining = true;
      return;
    }
    draining = options.sender
      .drain()
      .then(
        () => undefined,
        // DynamoDB unreachable: the messages stay in the table; the next tick tries again.
        (error: unknown) => options.logger.error('mail drain failed', { error: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => {
        draining = undefined;
        if (!running) return;
        const again = wokenWhileDraining;
        wokenWhileDraining = false;
        schedule(again ? 0 : intervalMs);
      });
  };

  return {
    start() {
      if (running) return;
      running = true;
      schedule(0);
    },
    wake() {
      if (!running) return;
      if (draining) wokenWhileDraining = true;
      else schedule(0);
    },
    async stop() {
      running = false;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      await draining;
    },
  };
}
