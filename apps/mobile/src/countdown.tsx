import { useEffect, useRef, useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { formatClock } from './labels';
import { colors, spacing } from './theme';

/** Whole seconds left until `deadline` (epoch ms), updated every second; never below zero; null without a deadline. */
export function useSecondsLeft(deadline: number | null): number | null {
  const compute = () => (deadline === null ? null : Math.max(0, Math.ceil((deadline - Date.now()) / 1000)));
  const [secondsLeft, setSecondsLeft] = useState(compute);
  useEffect(() => {
    setSecondsLeft(compute());
    if (deadline === null) return undefined;
    const timer = setInterval(() => {
      const next = compute();
      setSecondsLeft(next);
      if (next === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
    // compute reads only deadline.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [deadline]);
  return secondsLeft;
}

/** Props of {@link Countdown}. */
export interface CountdownProps {
  label: string;
  /** When time runs out, in epoch milliseconds; null shows `idleSeconds` without counting (a timer not started yet). */
  deadline: number | null;
  /** What a timer that has not started shows. */
  idleSeconds?: number;
  /** Called once when the time runs out. */
  onExpire?: () => void;
  /** Shown once time is up. */
  expiredText?: string;
  testID?: string;
}

/** A countdown clock, read out by screen readers as "label, time". */
export function Countdown({ label, deadline, idleSeconds = 0, onExpire, expiredText = 'Time is up', testID }: CountdownProps) {
  const secondsLeft = useSecondsLeft(deadline);
  const expired = secondsLeft === 0;
  const expireRef = useRef(onExpire);
  expireRef.current = onExpire;
  const firedRef = useRef(false);
  useEffect(() => {
    if (expired && !firedRef.current) {
      firedRef.current = true;
      expireRef.current?.();
    }
  }, [expired]);
  const time = expired ? expiredText : formatClock(secondsLeft ?? idleSeconds);
  return (
    <View style={styles.countdown} accessible accessibilityRole="timer" accessibilityLabel={`${label}, ${time}`} testID={testID}>
      <Text style={styles.label}>{label}</Text>
      <Text style={[styles.time, secondsLeft !== null && secondsLeft <= 10 ? styles.urgent : null]}>{time}</Text>
    </View>
  );
}

const styles = StyleSheet.create({
  countdown: { flexDirection: 'row', alignItems: 'baseline', justifyContent: 'space-between', gap: spacing.sm },
  label: { fontSize: 15, fontWeight: '600', color: '#4b5563' },
  time: { fontSize: 28, fontWeight: '700', color: colors.primary, fontVariant: ['tabular-nums'] },
  urgent: { color: colors.warning },
});
