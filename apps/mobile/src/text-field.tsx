import { StyleSheet, Text, TextInput, View, type TextInputProps } from 'react-native';
import { colors, spacing } from './theme';

/** Props of {@link TextField}. */
export interface TextFieldProps
  extends Pick<
    TextInputProps,
    | 'autoComplete'
    | 'autoCapitalize'
    | 'keyboardType'
    | 'secureTextEntry'
    | 'textContentType'
    | 'multiline'
    | 'placeholder'
    | 'onSubmitEditing'
    | 'returnKeyType'
  > {
  /** The visible label, also the input's accessible name. */
  label: string;
  value: string;
  onChangeText: (value: string) => void;
  /** The problem with this field (from `ApiError.details` or the client's input check), shown under it. */
  error?: string | undefined;
  /** A short help text shown under the input. */
  help?: string;
  /** Identifies the field's container in tests and accessibility tools (`field-email`). */
  testID?: string;
  minHeight?: number;
}

/** A labelled text input with its error message right under it. */
export function TextField({ label, value, onChangeText, error, help, testID, minHeight, multiline, ...inputProps }: TextFieldProps) {
  return (
    <View style={styles.field} testID={testID}>
      <Text style={styles.label}>{label}</Text>
      <TextInput
        accessibilityLabel={label}
        accessibilityHint={error ? `Error: ${error}` : help}
        aria-invalid={error ? true : undefined}
        value={value}
        onChangeText={onChangeText}
        multiline={multiline}
        textAlignVertical={multiline ? 'top' : 'center'}
        placeholderTextColor={colors.muted}
        style={[styles.input, error ? styles.inputError : null, minHeight ? { minHeight } : null]}
        {...inputProps}
      />
      {help && !error ? <Text style={styles.help}>{help}</Text> : null}
      {error ? (
        <Text style={styles.error} accessibilityLiveRegion="polite">
          {error}
        </Text>
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  field: { gap: spacing.xs },
  label: { fontSize: 15, fontWeight: '600', color: colors.text },
  input: {
    minHeight: 48,
    borderWidth: 1,
    borderColor: colors.border,
    borderRadius: 10,
    paddingHorizontal: spacing.md,
    paddingVertical: spacing.sm,
    fontSize: 16,
    color: colors.text,
    backgroundColor: colors.surface,
  },
  inputError: { borderColor: colors.danger, borderWidth: 2 },
  help: { fontSize: 13, color: colors.muted },
  error: { fontSize: 14, color: colors.danger },
});
