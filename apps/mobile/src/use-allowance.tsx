import { ASSESSMENT_TYPE_NAMES, isWritingType, type AssessmentType } from '@ielts-genai-prep/core';
import { ActivityIndicator, StyleSheet, Text, View } from 'react-native';
import { useApp } from './app-context';
import { ErrorBanner } from './error-banner';
import { colors, spacing } from './theme';
import { useApiData, type ApiData } from './use-api-data';

/** What the learner may still take of each type (`entitlements.get`), read when a screen opens. */
export function useAllowances(): ApiData<{
  remaining: (type: AssessmentType) => number | undefined;
  granted: (type: AssessmentType) => number | undefined;
}> {
  const { client } = useApp();
  // Its own key: what it keeps is the answer turned into look-ups, not the entitlements themselves.
  const answer = useApiData(['entitlements', 'look-ups'], async (signal) => {
    const { entitlements } = await client.entitlements.get({ signal });
    const of = (type: AssessmentType) => entitlements.find((entry) => entry.assessment_type === type);
    return { remaining: (type: AssessmentType) => of(type)?.remaining, granted: (type: AssessmentType) => of(type)?.granted };
  });
  return answer;
}

/** How many of `type` are left, in words: `2 of 3 Writing Task 2 assessments left`. */
export function allowanceText(type: AssessmentType, remaining: number, granted: number): string {
  const label = ASSESSMENT_TYPE_NAMES[type];
  if (remaining === 0) {
    return `You have no ${label} assessments left, so ${isWritingType(type) ? 'an answer' : 'a test'} cannot be scored now. Buy a pack to take more.`;
  }
  return `${remaining} of ${granted} ${label} ${granted === 1 ? 'assessment' : 'assessments'} left. This one counts once it is scored.`;
}

/** Props of {@link AllowanceNotice}. */
export interface AllowanceNoticeProps {
  type: AssessmentType;
  allowances: ReturnType<typeof useAllowances>;
}

/**
 * Says before a test starts how many of its type are left, so no one works through a test to
 * meet a 402; with none left it says so plainly (the screen then offers no way to start).
 */
export function AllowanceNotice({ type, allowances }: AllowanceNoticeProps) {
  if (allowances.data === undefined) {
    if (allowances.error !== null) return <ErrorBanner error={allowances.error} onRetry={allowances.reload} />;
    return <ActivityIndicator accessibilityLabel="Checking how many assessments you have left" />;
  }
  const remaining = allowances.data.remaining(type) ?? 0;
  const granted = allowances.data.granted(type) ?? 0;
  return (
    <View
      style={[styles.notice, remaining === 0 ? styles.none : null]}
      testID={`allowance-${type}`}
      accessible
      accessibilityLiveRegion="polite"
    >
      <Text style={[styles.text, remaining === 0 ? styles.noneText : null]}>{allowanceText(type, remaining, granted)}</Text>
    </View>
  );
}

/** True once the allowances are known and none of `type` is left. */
export function noneLeft(allowances: ReturnType<typeof useAllowances>, type: AssessmentType): boolean {
  return allowances.data !== undefined && (allowances.data.remaining(type) ?? 0) === 0;
}

const styles = StyleSheet.create({
  notice: { backgroundColor: colors.noticeSurface, borderRadius: 10, padding: spacing.md },
  none: { backgroundColor: colors.warningSurface },
  text: { fontSize: 15, lineHeight: 21, color: colors.notice },
  noneText: { color: colors.warning, fontWeight: '600' },
});
