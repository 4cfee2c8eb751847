import { describe, expect, it } from 'vitest';
import { countdownText, createCountdown, secondsLeft } from './countdown.js';

/** A clock and an interval the test moves by hand. */
function fakeTimers(start: number) {
  let time = start;
  const intervals = new Map<number, { callback: () => void; ms: number }>();
  let nextHandle = 1;
  return {
    clock: () => time,
    setInterval: (callback: () => void, ms: number) => {
      intervals.set(nextHandle, { callback, ms });
      return nextHandle++;
    },
    clearInterval: (handle: unknown) => void intervals.delete(handle as number),
    /** Moves the clock on by `ms` without running anything. */
    advance(ms: number) {
      time += ms;
    },
    /** Moves the clock on by `ms` and runs each interval once. */
    tick(ms: number) {
      time += ms;
      for (const { callback } of [...intervals.values()]) callback();
    },
    get running() {
      return intervals.size;
    },
    get periods() {
      return [...intervals.values()].map((entry) => entry.ms);
    },
  };
}

describe('secondsLeft', () => {
  it('rounds up, so the last part of a second still counts, and stops at zero', () => {
    const deadline = 1_000_000;
    expect(secondsLeft(deadline, deadline - 60_000)).toBe(60);
    expect(secondsLeft(deadline, deadline - 59_001)).toBe(60);
    expect(secondsLeft(deadline, deadline - 1)).toBe(1);
    expect(secondsLeft(deadline, deadline)).toBe(0);
    expect(secondsLeft(deadline, deadline + 5_000)).toBe(0);
  });
});

describe('createCountdown', () => {
  it('reads the seconds left at once, ticks every second while listened to, and stops by itself at 0', () => {
    const timers = fakeTimers(0);
    const expired: number[] = [];
    const countdown = createCountdown({ deadline: 3_000, onExpire: () => expired.push(timers.clock()), ...timers });
    expect(countdown.read()).toBe(3);
    expect(timers.running).toBe(0);
    const heard: Array<number | null> = [];
    countdown.subscribe(() => heard.push(countdown.read()));
    expect(timers.periods).toEqual([1000]);
    timers.tick(1000);
    timers.tick(1000);
    expect(expired).toEqual([]);
    timers.tick(1000);
    expect(heard).toEqual([2, 1, 0]);
    expect(expired).toEqual([3_000]);
    expect(timers.running).toBe(0);
  });

  it('reads the clock rather than counting ticks, so a late tick catches up, and tells nobody of an unchanged second', () => {
    const timers = fakeTimers(0);
    const countdown = createCountdown({ deadline: 10_000, ...timers });
    const heard: Array<number | null> = [];
    countdown.subscribe(() => heard.push(countdown.read()));
    timers.tick(400);
    timers.tick(1000);
    timers.tick(7500);
    timers.tick(5000);
    expect(heard).toEqual([9, 2, 0]);
    expect(timers.running).toBe(0);
  });

  it('keeps the same value between ticks, so a store reader sees it unchanged', () => {
    const timers = fakeTimers(0);
    const countdown = createCountdown({ deadline: 5_000, ...timers });
    countdown.subscribe(() => {});
    timers.advance(2_500);
    expect(countdown.read()).toBe(5);
    timers.tick(0);
    expect(countdown.read()).toBe(3);
  });

  it('expires once, at the first listener, when the deadline has already passed', () => {
    const timers = fakeTimers(10_000);
    let expiries = 0;
    const countdown = createCountdown({ deadline: 4_000, onExpire: () => expiries++, ...timers });
    expect(countdown.read()).toBe(0);
    expect(expiries).toBe(0);
    const unsubscribe = countdown.subscribe(() => {});
    unsubscribe();
    countdown.subscribe(() => {});
    expect(expiries).toBe(1);
    expect(timers.running).toBe(0);
  });

  it('pauses without listeners and catches up when one comes back (a screen that unmounts and remounts)', () => {
    const timers = fakeTimers(0);
    const countdown = createCountdown({ deadline: 10_000, ...timers });
    const unsubscribe = countdown.subscribe(() => {});
    timers.tick(1000);
    unsubscribe();
    expect(timers.running).toBe(0);
    timers.advance(4_000);
    const heard: Array<number | null> = [];
    countdown.subscribe(() => heard.push(countdown.read()));
    expect(heard).toEqual([5]);
    expect(timers.running).toBe(1);
  });

  it('without a deadline reads null and never starts a clock', () => {
    const timers = fakeTimers(0);
    let expiries = 0;
    const countdown = createCountdown({ deadline: null, onExpire: () => expiries++, ...timers });
    countdown.subscribe(() => {});
    timers.tick(60_000);
    expect(countdown.read()).toBeNull();
    expect(timers.running).toBe(0);
    expect(expiries).toBe(0);
  });
});

describe('countdownText', () => {
  it('shows the clock, the idle time before a start, and the expired text at zero', () => {
    expect(countdownText(65, { expiredText: "Time's up" })).toEqual({ expired: false, time: '1:05' });
    expect(countdownText(null, { expiredText: "Time's up", idleSeconds: 120 })).toEqual({ expired: false, time: '2:00' });
    expect(countdownText(null, { expiredText: "Time's up" })).toEqual({ expired: false, time: '0:00' });
    expect(countdownText(0, { expiredText: 'Time is up' })).toEqual({ expired: true, time: 'Time is up' });
  });
});
