import { StyleSheet } from 'react-native';

/** The app's colours. Contrast of text on its background is at least 4.5:1 (WCAG AA). */
export const colors = {
  background: '#f5f7fb',
  surface: '#ffffff',
  text: '#111827',
  muted: '#4b5563',
  border: '#d1d5db',
  primary: '#1d4ed8',
  primaryText: '#ffffff',
  danger: '#b91c1c',
  dangerSurface: '#fef2f2',
  notice: '#1e3a8a',
  noticeSurface: '#eff6ff',
  success: '#047857',
  warning: '#92400e',
  warningSurface: '#fffbeb',
} as const;

/** Spacing steps, in density-independent pixels. */
export const spacing = { xs: 4, sm: 8, md: 12, lg: 16, xl: 24 } as const;

/** Styles shared by several screens. */
export const shared = StyleSheet.create({
  card: {
    backgroundColor: colors.surface,
    borderRadius: 12,
    borderWidth: StyleSheet.hairlineWidth,
    borderColor: colors.border,
    padding: spacing.lg,
    gap: spacing.sm,
  },
  heading: { fontSize: 18, fontWeight: '600', color: colors.text },
  body: { fontSize: 16, lineHeight: 24, color: colors.text },
  muted: { fontSize: 14, lineHeight: 20, color: colors.muted },
  row: { flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between', gap: spacing.sm },
});
