import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Countdown } from './countdown.js';

const START = Date.parse('2026-11-25T10:00:00.000Z');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'], now: START });
});
afterEach(() => {
  vi.useRealTimers();
});

const time = () => screen.getByTestId('countdown-time').textContent;

describe('Countdown', () => {
  it('counts down each second and says the time is up at 0, calling the latest onExpire once', () => {
    const first = vi.fn();
    const latest = vi.fn();
    const { rerender } = render(<Countdown deadline={START + 3_000} label="Time left" onExpire={first} />);
    expect(time()).toBe('0:03');
    act(() => vi.advanceTimersByTime(1_000));
    expect(time()).toBe('0:02');
    // A new onExpire on a render (a new closure each time) neither restarts the clock nor is missed.
    rerender(<Countdown deadline={START + 3_000} label="Time left" onExpire={latest} />);
    expect(time()).toBe('0:02');
    act(() => vi.advanceTimersByTime(2_000));
    expect(time()).toBe("Time's up");
    act(() => vi.advanceTimersByTime(5_000));
    expect(first).not.toHaveBeenCalled();
    expect(latest).toHaveBeenCalledTimes(1);
  });

  it('catches up after a late tick instead of drifting, and starts afresh for a new deadline', () => {
    const { rerender } = render(<Countdown deadline={START + 90_000} label="Time left" />);
    expect(time()).toBe('1:30');
    // The tab slept: the clock moved on 40 seconds while no tick ran.
    act(() => {
      vi.setSystemTime(START + 40_000);
      vi.advanceTimersByTime(1_000);
    });
    expect(time()).toBe('0:49');
    rerender(<Countdown deadline={START + 10 * 60_000} label="Time left" />);
    expect(time()).toBe('9:19');
  });
});
