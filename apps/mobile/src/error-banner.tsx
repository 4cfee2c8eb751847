import { StyleSheet, Text, View } from 'react-native';
import { Button } from './button';
import { describeError, fieldErrorSentence, fieldErrorsOf, unplacedFieldErrors } from '@ielts-genai-prep/app-kit';
import { colors, spacing } from './theme';

/** Props of {@link ErrorBanner}. */
export interface ErrorBannerProps {
  error: unknown;
  /** Field paths the screen shows next to their inputs; other field errors are listed here. */
  fields?: readonly string[];
  /** Offers "Try again" when the error is worth retrying. */
  onRetry?: () => void;
}

/** An error, in words, with the field problems no field shows and "Try again" when it may help. */
export function ErrorBanner({ error, fields = [], onRetry }: ErrorBannerProps) {
  // A screen that shows field errors beside its inputs is a form; elsewhere the problems are said in sentences.
  const text = describeError(error, {
    onForm: fields.length > 0,
    offlineHint: 'Check your connection (and the API address in the app settings) and try again.',
    outdatedHint: 'The app and the server disagree: the app may need an update.',
  });
  const unplaced = unplacedFieldErrors(fieldErrorsOf(error), fields);
  return (
    <View style={styles.banner}>
      {/* One accessible element, read out as a whole when it appears; the button stays separately reachable. */}
      <View style={styles.texts} accessible accessibilityRole="alert" accessibilityLiveRegion="assertive">
        <Text style={styles.title}>{text.title}</Text>
        <Text style={styles.message}>{text.message}</Text>
        {unplaced.map(([path, message]) => (
          <Text key={path} style={styles.message}>
            {path ? fieldErrorSentence(path, message) : message}
          </Text>
        ))}
        {text.requestId ? <Text style={styles.reference}>Reference: {text.requestId}</Text> : null}
      </View>
      {onRetry && text.retryable ? <Button label="Try again" variant="secondary" onPress={onRetry} /> : null}
    </View>
  );
}

/** Props of {@link NoticeBanner}. */
export interface NoticeBannerProps {
  children: string;
}

/** A neutral notice: "Check your email", "Your session has ended". */
export function NoticeBanner({ children }: NoticeBannerProps) {
  return (
    <View style={styles.notice} accessibilityLiveRegion="polite">
      <Text style={styles.noticeText}>{children}</Text>
    </View>
  );
}

const styles = StyleSheet.create({
  banner: {
    backgroundColor: colors.dangerSurface,
    borderColor: colors.danger,
    borderWidth: 1,
    borderRadius: 10,
    padding: spacing.md,
    gap: spacing.sm,
  },
  texts: { gap: spacing.xs },
  title: { fontSize: 16, fontWeight: '700', color: colors.danger },
  message: { fontSize: 15, lineHeight: 21, color: colors.text },
  reference: { fontSize: 12, color: colors.muted },
  notice: { backgroundColor: colors.noticeSurface, borderRadius: 10, padding: spacing.md },
  noticeText: { fontSize: 15, lineHeight: 21, color: colors.notice },
});
