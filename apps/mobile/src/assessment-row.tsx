import { ASSESSMENT_TYPE_NAMES, formatBand } from '@ielts-genai-prep/core';
import type { AssessmentSummary } from '@ielts-genai-prep/core';
import { Pressable, StyleSheet, Text, View } from 'react-native';
import { formatDateTime } from './labels';
import { colors, spacing } from './theme';

/** Props of {@link AssessmentRow}. */
export interface AssessmentRowProps {
  assessment: AssessmentSummary;
  onPress: (assessment: AssessmentSummary) => void;
}

/** Shown for a speaking test started and not finished: it has no band and costs nothing until it is scored. */
export const IN_PROGRESS_LABEL = 'In progress — not scored';

/** One result in a list: its type, its question's title, when, and its overall band (or that it is in progress); opens it. */
export function AssessmentRow({ assessment, onPress }: AssessmentRowProps) {
  const label = ASSESSMENT_TYPE_NAMES[assessment.assessment_type];
  const band = assessment.completed ? `Band ${formatBand(assessment.overall_band)}` : IN_PROGRESS_LABEL;
  return (
    <Pressable
      testID={`assessment-${assessment.assessment_id}`}
      accessibilityRole="button"
      accessibilityLabel={`${label}, ${formatDateTime(assessment.timestamp)}, ${band}`}
      onPress={() => onPress(assessment)}
      style={({ pressed }) => [styles.row, pressed && styles.pressed]}
    >
      <View style={styles.text}>
        <Text style={styles.title}>{label}</Text>
        {assessment.question_title ? <Text style={styles.date}>{assessment.question_title}</Text> : null}
        <Text style={styles.date}>{formatDateTime(assessment.timestamp)}</Text>
      </View>
      <Text style={styles.band}>{band}</Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  row: {
    flexDirection: 'row',
    alignItems: 'center',
    gap: spacing.md,
    paddingVertical: spacing.md,
    borderBottomWidth: StyleSheet.hairlineWidth,
    borderBottomColor: colors.border,
  },
  pressed: { opacity: 0.7 },
  text: { flex: 1, gap: 2 },
  title: { fontSize: 16, fontWeight: '600', color: colors.text },
  date: { fontSize: 13, color: colors.muted },
  band: { fontSize: 16, fontWeight: '700', color: colors.primary },
});
