import { ActivityIndicator, StyleSheet, Text, View } from 'react-native';
import { useApp } from './app-context';
import { Button } from './button';
import { ChoiceCard } from './choice-card';
import { ErrorBanner } from './error-banner';
import { ScreenLayout } from './screen-layout';
import { shared, spacing } from './theme';
import { usePagedList } from './use-paged-list';

const PAGE_SIZE = 10;

/** The listening tests to choose from, a page at a time. */
export function ListeningTestsScreen() {
  const { client, navigation } = useApp();
  const tests = usePagedList(['questions', 'listening', PAGE_SIZE], (cursor, signal) =>
    client.questions.list({ type: 'listening', cursor, limit: PAGE_SIZE }, { signal }),
  );
  return (
    <ScreenLayout title="Listening" onBack={navigation.back}>
      <Text style={shared.muted}>
        Listen to each section and answer its questions. Sections without a recording are read aloud by your phone, each speaker in a
        different voice. The transcript is shown after you submit.
      </Text>
      {tests.loading ? <ActivityIndicator accessibilityLabel="Loading listening tests" /> : null}
      {tests.error !== null ? <ErrorBanner error={tests.error} onRetry={tests.items.length > 0 ? tests.loadMore : tests.reload} /> : null}
      {!tests.loading && tests.error === null && tests.items.length === 0 ? (
        <Text style={shared.body}>There are no listening tests yet.</Text>
      ) : null}
      <View style={styles.list}>
        {tests.items.map((test) => (
          <ChoiceCard
            key={test.question_id}
            title={test.title}
            detail={`${test.sections.length} sections · ${test.question_groups.reduce((sum, group) => sum + group.questions.length, 0)} questions · ${test.time_limit} minutes`}
            onPress={() => navigation.push({ name: 'listening-test', questionId: test.question_id })}
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
