import { Pressable, StyleSheet, Text, View } from 'react-native';
import { colors, spacing } from './theme';

/** Props of {@link Tabs}. */
export interface TabsProps<Key extends string> {
  /** What the row of tabs chooses, for screen readers ("Passage"). */
  label: string;
  tabs: ReadonlyArray<{ key: Key; label: string }>;
  selected: Key;
  onSelect: (key: Key) => void;
}

/** A row of tabs, announced as a tab list with the selected tab marked. */
export function Tabs<Key extends string>({ label, tabs, selected, onSelect }: TabsProps<Key>) {
  return (
    <View style={styles.row} accessibilityRole="tablist" accessibilityLabel={label}>
      {tabs.map((tab) => {
        const active = tab.key === selected;
        return (
          <Pressable
            key={tab.key}
            accessibilityRole="tab"
            accessibilityLabel={tab.label}
            accessibilityState={{ selected: active }}
            onPress={() => onSelect(tab.key)}
            style={[styles.tab, active && styles.active]}
          >
            <Text style={[styles.text, active && styles.activeText]}>{tab.label}</Text>
          </Pressable>
        );
      })}
    </View>
  );
}

const styles = StyleSheet.create({
  row: {
    flexDirection: 'row',
    flexWrap: 'wrap',
    gap: spacing.xs,
    backgroundColor: colors.background,
    borderRadius: 10,
    padding: spacing.xs,
  },
  tab: { flexGrow: 1, minHeight: 44, paddingHorizontal: spacing.md, borderRadius: 8, alignItems: 'center', justifyContent: 'center' },
  active: { backgroundColor: colors.surface, borderWidth: 1, borderColor: colors.primary },
  text: { fontSize: 15, fontWeight: '600', color: colors.muted },
  activeText: { color: colors.primary },
});
