import { countdownText } from '@ielts-genai-prep/app-kit';
import { useSecondsLeft } from '@ielts-genai-prep/app-kit/react';

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
  const seconds = useSecondsLeft(deadline, onExpire);
  const { expired, time } = countdownText(seconds, { expiredText });
  const urgent = seconds <= 60;
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
        {time}
      </span>
    </div>
  );
}
