import { Pressable, StyleSheet, Text } from 'react-native';
import { colors, shared } from './theme';

/** Props of {@link ChoiceCard}. */
export interface ChoiceCardProps {
  title: string;
  /** A line under the title: what the test holds, or the start of a prompt. */
  detail: string;
  /** Lines of `detail` to show before it is cut off. Default: all. */
  detailLines?: number;
  /** Shown last, in the accent colour (a question's tags). */
  note?: string | undefined;
  onPress: () => void;
}

/** A card in a list of questions or tests to choose from, read out as a button named by its title. */
export function ChoiceCard({ title, detail, detailLines, note, onPress }: ChoiceCardProps) {
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel={title}
      onPress={onPress}
      style={({ pressed }) => [shared.card, pressed && styles.pressed]}
    >
      <Text style={shared.heading}>{title}</Text>
      <Text style={shared.muted} numberOfLines={detailLines}>
        {detail}
      </Text>
      {note ? <Text style={styles.note}>{note}</Text> : null}
    </Pressable>
  );
}

const styles = StyleSheet.create({
  pressed: { opacity: 0.75 },
  note: { fontSize: 13, color: colors.primary },
});
