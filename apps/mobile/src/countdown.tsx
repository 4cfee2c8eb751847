import { countdownText } from '@ielts-genai-prep/app-kit';
import { useSecondsLeft } from '@ielts-genai-prep/app-kit/react';
import { StyleSheet, Text, View } from 'react-native';
import { colors, spacing } from './theme';

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
  const seconds = useSecondsLeft(deadline, onExpire);
  const { time } = countdownText(seconds, { expiredText, idleSeconds });
  return (
    <View style={styles.countdown} accessible accessibilityRole="timer" accessibilityLabel={`${label}, ${time}`} testID={testID}>
      <Text style={styles.label}>{label}</Text>
      <Text style={[styles.time, seconds !== null && seconds <= 10 ? styles.urgent : null]}>{time}</Text>
    </View>
  );
}

const styles = StyleSheet.create({
  countdown: { flexDirection: 'row', alignItems: 'baseline', justifyContent: 'space-between', gap: spacing.sm },
  label: { fontSize: 15, fontWeight: '600', color: '#4b5563' },
  time: { fontSize: 28, fontWeight: '700', color: colors.primary, fontVariant: ['tabular-nums'] },
  urgent: { color: colors.warning },
});
