import { choicesFor, writtenAnswerHint, type AnswerSheetProps } from '@ielts-genai-prep/app-kit';
import { Pressable, StyleSheet, Text, View } from 'react-native';
import { DiagramView } from './diagram-view';
import { TextField } from './text-field';
import { colors, shared, spacing } from './theme';

/**
 * The questions of a listening (or reading) test, grouped under their instructions: a choice
 * of buttons for TRUE/FALSE/NOT GIVEN, YES/NO/NOT GIVEN and letters, a text field for written answers,
 * and a group's diagram drawn above its questions.
 */
export function AnswerSheet({ groups, answers, onChange, errors = {}, disabled = false }: AnswerSheetProps) {
  return (
    <View style={styles.sheet}>
      {groups.map((group) => {
        const choices = choicesFor(group.answer_format);
        const hint = writtenAnswerHint(group.answer_format);
        return (
          <View key={group.group_id} style={styles.group}>
            <Text style={styles.instructions}>{group.instructions}</Text>
            {group.options.map((option) => (
              <Text key={option.letter} style={shared.muted}>
                {option.letter} {option.text}
              </Text>
            ))}
            {group.diagram ? <DiagramView diagram={group.diagram} /> : null}
            {group.questions.map((question) => {
              const key = String(question.number);
              const value = answers[key] ?? '';
              const error = errors[`answers.${key}`];
              if (!choices) {
                return (
                  <TextField
                    key={key}
                    testID={`answer-${key}`}
                    label={`${question.number}. ${question.text}`}
                    value={value}
                    onChangeText={(next) => onChange(question.number, next)}
                    error={error}
                    {...(hint ? { help: hint } : {})}
                    autoCapitalize="none"
                    keyboardType={group.answer_format.kind === 'number' ? 'numeric' : 'default'}
                  />
                );
              }
              return (
                <View key={key} style={styles.question} testID={`answer-${key}`}>
                  <Text style={styles.questionText}>
                    {question.number}. {question.text}
                  </Text>
                  <View style={styles.choices} accessibilityRole="radiogroup" accessibilityLabel={`Question ${question.number}`}>
                    {choices.map((choice) => {
                      const selected = value === choice;
                      return (
                        <Pressable
                          key={choice}
                          accessibilityRole="radio"
                          accessibilityLabel={`Question ${question.number}: ${choice}`}
                          accessibilityState={{ checked: selected, disabled }}
                          disabled={disabled}
                          onPress={() => onChange(question.number, selected ? '' : choice)}
                          style={[styles.choice, selected && styles.choiceSelected]}
                        >
                          <Text style={[styles.choiceText, selected && styles.choiceTextSelected]}>{choice}</Text>
                        </Pressable>
                      );
                    })}
                  </View>
                  {error ? <Text style={styles.error}>{error}</Text> : null}
                </View>
              );
            })}
          </View>
        );
      })}
    </View>
  );
}

const styles = StyleSheet.create({
  sheet: { gap: spacing.lg },
  group: { gap: spacing.md },
  instructions: { fontSize: 15, fontWeight: '600', color: colors.text },
  question: { gap: spacing.xs },
  questionText: { fontSize: 15, color: colors.text },
  choices: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.sm },
  choice: {
    minHeight: 44,
    minWidth: 44,
    paddingHorizontal: spacing.md,
    borderRadius: 8,
    borderWidth: 1,
    borderColor: colors.border,
    justifyContent: 'center',
    alignItems: 'center',
    backgroundColor: colors.surface,
  },
  choiceSelected: { borderColor: colors.primary, backgroundColor: colors.primary },
  choiceText: { fontSize: 15, fontWeight: '600', color: colors.text },
  choiceTextSelected: { color: colors.primaryText },
  error: { fontSize: 14, color: colors.danger },
});
