// React hooks on app-kit's logic, for the web app and the phone alike (`@ielts-genai-prep/app-kit/react`).
// React is a peer: each app's own React must run these hooks, never a copy of app-kit's.
import { useMemo, useRef, useSyncExternalStore } from 'react';
import { createCountdown } from './countdown.js';

/**
 * Whole seconds left until `deadline` (epoch ms), read again every second while the component is
 * shown; never below zero, and null without a deadline (a timer not started). `onExpire` is called
 * once, when the seconds first read 0; the latest one passed is the one called.
 */
export function useSecondsLeft(deadline: number, onExpire?: () => void): number;
export function useSecondsLeft(deadline: number | null, onExpire?: () => void): number | null;
export function useSecondsLeft(deadline: number | null, onExpire?: () => void): number | null {
  const expireRef = useRef(onExpire);
  expireRef.current = onExpire;
  // One countdown a deadline: a new onExpire on each render must not restart the clock.
  const countdown = useMemo(() => createCountdown({ deadline, onExpire: () => expireRef.current?.() }), [deadline]);
  return useSyncExternalStore(countdown.subscribe, countdown.read);
}
