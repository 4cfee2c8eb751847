import { countWords } from '@ielts-genai-prep/core';
import { StyleSheet, Text, View } from 'react-native';
import { colors, spacing } from './theme';

/** Where a word count stands against the minimum. */
export interface WordCountStatus {
  words: number;
  minimum: number;
  /** Words still needed; 0 once the minimum is reached. */
  remaining: number;
  reached: boolean;
}

/** Counts words as IELTS does (core's `countWords`: a hyphenated word is one) and compares with the minimum. */
export function wordCountStatus(text: string, minimum: number): WordCountStatus {
  const words = countWords(text);
  const remaining = Math.max(0, minimum - words);
  return { words, minimum, remaining, reached: remaining === 0 };
}

/** Props of {@link WordCounter}. */
export interface WordCounterProps {
  text: string;
  /** The task's minimum words. */
  minimum: number;
}

/** A live word count with how far the answer is from the minimum, and a bar that fills up to it. */
export function WordCounter({ text, minimum }: WordCounterProps) {
  const status = wordCountStatus(text, minimum);
  const percent = minimum > 0 ? Math.min(100, Math.round((status.words / minimum) * 100)) : 100;
  const words = `${status.words} ${status.words === 1 ? 'word' : 'words'}`;
  const progress = status.reached ? `minimum of ${minimum} reached` : `${status.remaining} more to reach the minimum of ${minimum}`;
  return (
    <View style={styles.counter} testID="word-counter" accessibilityLiveRegion="polite">
      <Text style={[styles.text, status.reached ? styles.reached : null]}>{`${words} · ${progress}`}</Text>
      <View style={styles.track} importantForAccessibility="no-hide-descendants" accessibilityElementsHidden>
        <View style={[styles.fill, { width: `${percent}%` }, status.reached ? styles.fillReached : null]} />
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
