import { ActivityIndicator, Text, View } from 'react-native';
import { AssessmentRow } from './assessment-row';
import { useApp } from './app-context';
import { Button } from './button';
import { ErrorBanner } from './error-banner';
import { ScreenLayout } from './screen-layout';
import { shared } from './theme';
import { usePagedList } from './use-paged-list';

const PAGE_SIZE = 10;

/** Every result, newest first, a page at a time ("Load more" follows the API's cursor). */
export function HistoryScreen() {
  const { client, navigation } = useApp();
  const history = usePagedList((cursor, signal) => client.assessments.list({ cursor, limit: PAGE_SIZE }, { signal }), [client]);

  return (
    <ScreenLayout title="Your results" onBack={navigation.back} onRefresh={history.reload} refreshing={false}>
      {history.loading ? <ActivityIndicator accessibilityLabel="Loading your results" /> : null}
      {!history.loading && history.error === null && history.items.length === 0 ? (
        <Text style={shared.body}>No results yet. Practise a writing task to see your first band.</Text>
      ) : null}
      {history.items.length > 0 ? (
        <View style={shared.card}>
          {history.items.map((assessment) => (
            <AssessmentRow
              key={assessment.assessment_id}
              assessment={assessment}
              onPress={(selected) => navigation.push({ name: 'result', assessment: selected })}
            />
          ))}
        </View>
      ) : null}
      {history.error !== null ? (
        <ErrorBanner error={history.error} onRetry={history.items.length > 0 ? history.loadMore : history.reload} />
      ) : null}
      {history.hasMore ? <Button label="Load more" variant="secondary" onPress={history.loadMore} busy={history.loadingMore} /> : null}
      {!history.loading && !history.hasMore && history.items.length > 0 ? (
        <Text style={shared.muted}>That is all your results.</Text>
      ) : null}
    </ScreenLayout>
  );
}
