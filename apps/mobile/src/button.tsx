import { ActivityIndicator, Pressable, StyleSheet, Text } from 'react-native';
import { colors, spacing } from './theme';

/** Props of {@link Button}. */
export interface ButtonProps {
  label: string;
  onPress: () => void;
  /** `primary` for the one main action of a screen, `secondary` for the others, `link` for quiet ones. */
  variant?: 'primary' | 'secondary' | 'link';
  disabled?: boolean;
  /** Shows a spinner and disables the button while an action runs. */
  busy?: boolean;
  /** What the button does, when the label alone does not say (read by screen readers). */
  hint?: string;
}

/** A pressable button with a text label, announced as a button by screen readers. */
export function Button({ label, onPress, variant = 'primary', disabled = false, busy = false, hint }: ButtonProps) {
  const inactive = disabled || busy;
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityState={{ disabled: inactive, busy }}
      accessibilityHint={hint}
      disabled={inactive}
      onPress={onPress}
      style={({ pressed }) => [styles.base, styles[variant], inactive && styles.inactive, pressed && styles.pressed]}
    >
      {busy && <ActivityIndicator color={variant === 'primary' ? colors.primaryText : colors.primary} />}
      <Text style={[styles.label, variant === 'primary' ? styles.primaryLabel : styles.otherLabel]}>{label}</Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  base: {
    minHeight: 48,
    borderRadius: 10,
    paddingHorizontal: spacing.lg,
    paddingVertical: spacing.md,
    flexDirection: 'row',
    alignItems: 'center',
    justifyContent: 'center',
    gap: spacing.sm,
  },
  primary: { backgroundColor: colors.primary },
  secondary: { backgroundColor: colors.surface, borderWidth: 1, borderColor: colors.primary },
  link: { backgroundColor: 'transparent', minHeight: 40 },
  inactive: { opacity: 0.55 },
  pressed: { opacity: 0.8 },
  label: { fontSize: 16, fontWeight: '600' },
  primaryLabel: { color: colors.primaryText },
  otherLabel: { color: colors.primary },
});
