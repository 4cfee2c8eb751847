import { useEffect, useRef, useState } from 'react';
import { formatClock } from './labels.js';

/** Seconds left until `deadline` (epoch ms), updated every second; never below zero. */
export function useSecondsLeft(deadline: number | null, now: () => number = Date.now): number | null {
  const compute = () => (deadline === null ? null : Math.max(0, Math.ceil((deadline - now()) / 1000)));
  const [secondsLeft, setSecondsLeft] = useState(compute);
  useEffect(() => {
    setSecondsLeft(compute());
    if (deadline === null) return;
    const timer = setInterval(() => {
      const next = compute();
      setSecondsLeft(next);
      if (next === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [deadline]);
  return secondsLeft;
}

/** Props of {@link Countdown}. */
export interface CountdownProps {
  /** When time runs out, in epoch milliseconds. */
  deadline: number;
  label: string;
  /** Called once when the time runs out. */
  onExpire?: () => void;
  /** Shown once time is up. */
  expiredText?: string;
}

/** A countdown clock. Only the last minute is announced to screen readers, to keep it quiet. */
export function Countdown({ deadline, label, onExpire, expiredText = "Time's up" }: CountdownProps) {
  const secondsLeft = useSecondsLeft(deadline) ?? 0;
  const expired = secondsLeft <= 0;
  const expireRef = useRef(onExpire);
  expireRef.current = onExpire;
  const firedRef = useRef(false);
  useEffect(() => {
    if (expired && !firedRef.current) {
      firedRef.current = true;
      expireRef.current?.();
    }
  }, [expired]);
  const urgent = secondsLeft <= 60;
  return (
    <div
      className={`countdown${urgent ? ' countdown-urgent' : ''}${expired ? ' countdown-expired' : ''}`}
      role="timer"
      aria-live={urgent ? 'polite' : 'off'}
    >
      {/* "Time left" beside "Time's up" would say both at once: once expired, only the end is told. */}
      {!expired && (
        <>
          <span className="countdown-label">{label}</span>{' '}
        </>
      )}
      <span className="countdown-time" data-testid="countdown-time">
        {expired ? expiredText : formatClock(secondsLeft)}
      </span>
    </div>
  );
}
