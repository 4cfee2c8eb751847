// Countdowns are tested under Jest's fake timers, while the app still talks to a server over
// real sockets. Testing Library's waits would move the fake clock while they poll; these wait in
// real time and leave the clock where the test put it.
import { act } from '@testing-library/react-native';
import { setTimeout as realDelay } from 'node:timers/promises';

const POLL_MS = 25;

/**
 * Waits (in real time, so answers from the server arrive) until `expectation` passes, without
 * moving Jest's fake clock; gives up after `timeoutMs` with the expectation's last error.
 */
export async function waitWithClockStill<Value>(expectation: () => Value, timeoutMs = 15_000): Promise<Value> {
  let waited = 0;
  for (;;) {
    try {
      return expectation();
    } catch (error) {
      if (waited >= timeoutMs) throw error;
    }
    await act(async () => {
      await realDelay(POLL_MS);
    });
    waited += POLL_MS;
  }
}

/** Moves Jest's fake clock on by `milliseconds`, running the timers that fall due, inside act. */
export async function advanceClock(milliseconds: number): Promise<void> {
  await act(async () => {
    jest.advanceTimersByTime(milliseconds);
  });
}
