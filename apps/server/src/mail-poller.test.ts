import { describe, expect, it } from 'vitest';
import { createMailPoller, type PollerTimers } from './mail-poller.js';
import type { DrainReport } from './mail-sender.js';

/** Timers the test fires by hand: nothing runs until it says so. */
function manualTimers() {
  const pending = new Map<number, { callback: () => void; milliseconds: number }>();
  let next = 0;
  const timers: PollerTimers = {
    setTimeout(callback, milliseconds) {
      next += 1;
      pending.set(next, { callback, milliseconds });
      return next;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  return {
    timers,
    delays: () => [...pending.values()].map((timer) => timer.milliseconds),
    fire() {
      const due = [...pending.entries()];
      pending.clear();
      for (const [, timer] of due) timer.callback();
    },
  };
}

/** A sender whose drains end when the test resolves them. */
function controlledSender() {
  const drains: Array<(report: DrainReport) => void> = [];
  return {
    sender: {
      drain: () => new Promise<DrainReport>((resolve) => drains.push(resolve)),
    },
    drains,
    finish: async (index: number) => {
      drains[index]!({ sent: 0, skipped: 0, retried: 0, dead: 0 });
      // Let the poller's then/finally run.
      for (let turn = 0; turn < 5; turn++) await Promise.resolve();
    },
  };
}

const logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('the mail poller', () => {
  it('drains at once on start, then every interval, one drain at a time', async () => {
    const clock = manualTimers();
    const control = controlledSender();
    const poller = createMailPoller({ sender: control.sender, logger, intervalMs: 5000, timers: clock.timers });
    poller.start();
    expect(clock.delays()).toEqual([0]);
    clock.fire();
    expect(control.drains).toHaveLength(1);
    // While a drain runs, nothing else is scheduled.
    expect(clock.delays()).toEqual([]);
    await control.finish(0);
    expect(clock.delays()).toEqual([5000]);
    clock.fire();
    expect(control.drains).toHaveLength(2);
    await control.finish(1);
    await poller.stop();
    expect(clock.delays()).toEqual([]);
  });

  it('drains again right after the drain under way when woken during it, and at once when idle', async () => {
    const clock = manualTimers();
    const control = controlledSender();
    const poller = createMailPoller({ sender: control.sender, logger, intervalMs: 5000, timers: clock.timers });
    poller.start();
    clock.fire();
    poller.wake();
    poller.wake();
    expect(control.drains).toHaveLength(1);
    await control.finish(0);
    expect(clock.delays()).toEqual([0]);
    clock.fire();
    expect(control.drains).toHaveLength(2);
    await control.finish(1);
    expect(clock.delays()).toEqual([5000]);
    // Idle: a wake replaces the interval's timer with one that fires at once.
    poller.wake();
    expect(clock.delays()).toEqual([0]);
    await poller.stop();
  });

  it('waits on stop for the drain under way, and neither drains nor schedules after it', async () => {
    const clock = manualTimers();
    const control = controlledSender();
    const poller = createMailPoller({ sender: control.sender, logger, timers: clock.timers });
    poller.start();
    clock.fire();
    let stopped = false;
    const stopping = poller.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    await control.finish(0);
    await stopping;
    expect(stopped).toBe(true);
    poller.wake();
    expect(clock.delays()).toEqual([]);
    expect(control.drains).toHaveLength(1);
  });

  it('logs a drain that failed and tries again at the next interval', async () => {
    const clock = manualTimers();
    const errors: string[] = [];
    let calls = 0;
    const poller = createMailPoller({
      sender: {
        drain: async () => {
          calls += 1;
          throw new Error('DynamoDB unreachable');
        },
      },
      logger: { ...logger, error: (message) => void errors.push(message) },
      intervalMs: 1000,
      timers: clock.timers,
    });
    poller.start();
    clock.fire();
    for (let turn = 0; turn < 5; turn++) await Promise.resolve();
    expect(errors).toEqual(['mail drain failed']);
    expect(clock.delays()).toEqual([1000]);
    clock.fire();
    expect(calls).toBe(2);
    await poller.stop();
  });
});
