import { formatClock } from './format-clock.js';

/** Whole seconds left until `deadline` (epoch ms) at `now` (epoch ms), rounded up so `0` means the time is up; never below zero. */
export function secondsLeft(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/** Options of {@link createCountdown}. */
export interface CountdownOptions {
  /** When time runs out, in epoch milliseconds; `null` for a countdown not started (it reads `null` and never ticks). */
  deadline: number | null;
  /** Called once, when the seconds left first read 0 while someone listens (at once if the deadline has passed). */
  onExpire?: () => void;
  /** The clock, in epoch milliseconds (the name and unit every package's clock option has). Default `Date.now`. */
  clock?: () => number;
  /** How often to look at the clock, in milliseconds. Default 1000. */
  intervalMs?: number;
  /** Default the global `setInterval` / `clearInterval` (a test passes fakes). */
  setInterval?: (callback: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

/** The seconds left to a deadline as a store: `read` the value, `subscribe` to hear when it changes (React's `useSyncExternalStore` takes both). */
export interface Countdown {
  /** The seconds left when last looked at; `null` without a deadline. The same value until a listener is told of a change. */
  read: () => number | null;
  /** Starts the clock with the first listener and stops it with the last; it stops by itself at 0. Returns the unsubscribe. */
  subscribe: (listener: () => void) => () => void;
}

/**
 * A countdown to `deadline` that looks at the clock every `intervalMs` while anyone listens, so a
 * late tick (a phone asleep, a busy tab) catches up instead of drifting.
 */
export function createCountdown(options: CountdownOptions): Countdown {
  const { deadline, onExpire } = options;
  const clock = options.clock ?? (() => Date.now());
  const schedule = options.setInterval ?? ((callback: () => void, ms: number) => globalThis.setInterval(callback, ms));
  const cancel =
    options.clearInterval ?? ((handle: unknown) => globalThis.clearInterval(handle as ReturnType<typeof globalThis.setInterval>));
  const listeners = new Set<() => void>();
  let seconds = deadline === null ? null : secondsLeft(deadline, clock());
  let handle: unknown;
  let running = false;
  let expired = false;

  const stop = () => {
    if (running) cancel(handle);
    running = false;
  };
  const expireOnce = () => {
    if (seconds !== 0 || expired) return;
    expired = true;
    stop();
    onExpire?.();
  };
  const tick = () => {
    if (deadline === null) return;
    const next = secondsLeft(deadline, clock());
    if (next === seconds) return;
    seconds = next;
    for (const listener of [...listeners]) listener();
    expireOnce();
  };

  return {
    read: () => seconds,
    subscribe(listener) {
      listeners.add(listener);
      if (deadline !== null && !running && !expired) {
        // Time has passed since the last look (or since it was created): catch up before waiting a whole interval.
        tick();
        expireOnce();
        if (!expired) {
          handle = schedule(tick, options.intervalMs ?? 1000);
          running = true;
        }
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stop();
      };
    },
  };
}

/** What a countdown shows: the clock, or `expiredText` once no time is left; `null` seconds (not started) shows `idleSeconds`. */
export function countdownText(
  seconds: number | null,
  options: { expiredText: string; idleSeconds?: number },
): { expired: boolean; time: string } {
  const expired = seconds === 0;
  return { expired, time: expired ? options.expiredText : formatClock(seconds ?? options.idleSeconds ?? 0) };
}
