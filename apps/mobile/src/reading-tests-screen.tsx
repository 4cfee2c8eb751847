import { ASSESSMENT_TYPE_NAMES } from '@ielts-genai-prep/core';
import type { AssessmentType } from '@ielts-genai-prep/core';
import { ActivityIndicator, StyleSheet, Text, View } from 'react-native';
import { questionNumbers } from '@ielts-genai-prep/app-kit';
import { useApp } from './app-context';
import { Button } from './button';
import { ChoiceCard } from './choice-card';
import { ErrorBanner } from './error-banner';
import { ScreenLayout } from './screen-layout';
import { shared, spacing } from './theme';
import { AllowanceNotice, useAllowances } from './use-allowance';
import { usePagedList } from './use-paged-list';

const PAGE_SIZE = 10;

/** Props of {@link ReadingTestsScreen}. */
export interface ReadingTestsScreenProps {
  type: Extract<AssessmentType, 'reading_academic' | 'reading_general_training'>;
}

/** The reading tests of one kind to choose from, with how many assessments of it are left. */
export function ReadingTestsScreen({ type }: ReadingTestsScreenProps) {
  const { client, navigation } = useApp();
  const allowances = useAllowances();
  const tests = usePagedList(['questions', type, PAGE_SIZE], (cursor, signal) =>
    client.questions.list({ type, cursor, limit: PAGE_SIZE }, { signal }),
  );
  return (
    <ScreenLayout title={ASSESSMENT_TYPE_NAMES[type]} onBack={navigation.back}>
      <Text style={shared.muted}>Three passages and 40 questions in 60 minutes, marked against the answer key.</Text>
      <AllowanceNotice type={type} allowances={allowances} />
      {tests.loading ? <ActivityIndicator accessibilityLabel="Loading reading tests" /> : null}
      {tests.error !== null ? <ErrorBanner error={tests.error} onRetry={tests.items.length > 0 ? tests.loadMore : tests.reload} /> : null}
      {!tests.loading && tests.error === null && tests.items.length === 0 ? (
        <Text style={shared.body}>There are no {ASSESSMENT_TYPE_NAMES[type]} tests yet.</Text>
      ) : null}
      <View style={styles.list}>
        {tests.items.map((test) => (
          <ChoiceCard
            key={test.question_id}
            title={test.title}
            detail={`${test.passages.length} passages · ${questionNumbers(test.question_groups).length} questions · ${test.time_limit} minutes`}
            onPress={() => navigation.push({ name: 'reading-test', questionId: test.question_id })}
          />
        ))}
      </View>
      {tests.hasMore ? <Button label="Load more" variant="secondary" onPress={tests.loadMore} busy={tests.loadingMore} /> : null}
    </ScreenLayout>
  );
}

const styles = StyleSheet.create({
  list: { gap: spacing.md },
});
