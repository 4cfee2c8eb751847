import { wordCountStatus, wordCountText } from '@ielts-genai-prep/app-kit';
import { StyleSheet, Text, View } from 'react-native';
import { colors, spacing } from './theme';

/** Props of {@link WordCounter}. */
export interface WordCounterProps {
  text: string;
  /** The task's minimum words. */
  minimum: number;
}

/** A live word count with how far the answer is from the minimum, and a bar that fills up to it. */
export function WordCounter({ text, minimum }: WordCounterProps) {
  const status = wordCountStatus(text, minimum);
  const { count, progress } = wordCountText(status);
  return (
    <View style={styles.counter} testID="word-counter" accessibilityLiveRegion="polite">
      <Text style={[styles.text, status.reached ? styles.reached : null]}>{`${count} · ${progress}`}</Text>
      <View style={styles.track} importantForAccessibility="no-hide-descendants" accessibilityElementsHidden>
        <View style={[styles.fill, { width: `${status.percent}%` }, status.reached ? styles.fillReached : null]} />
      </View>
    </View>
  );
}

const styles = StyleSheet.create({
  counter: { gap: spacing.xs },
  text: { fontSize: 14, color: colors.muted },
  reached: { color: colors.success, fontWeight: '600' },
  track: { height: 6, borderRadius: 3, backgroundColor: colors.border, overflow: 'hidden' },
  fill: { height: 6, backgroundColor: colors.primary },
  fillReached: { backgroundColor: colors.success },
});
