import { ActivityIndicator, Pressable, StyleSheet, Text, View } from 'react-native';
import { useApp } from './app-context';
import { Button } from './button';
import { ErrorBanner } from './error-banner';
import { ScreenLayout } from './screen-layout';
import { colors, shared, spacing } from './theme';
import { usePagedList } from './use-paged-list';

const PAGE_SIZE = 10;

/** The Writing Task 2 questions to practise, a page at a time. */
export function WritingQuestionsScreen() {
  const { client, navigation } = useApp();
  const questions = usePagedList(
    (cursor, signal) => client.questions.list({ type: 'writing_task2', cursor, limit: PAGE_SIZE }, { signal }),
    [client],
  );

  return (
    <ScreenLayout title="Writing Task 2" onBack={navigation.back}>
      <Text style={shared.muted}>Choose a question. You will have 40 minutes and should write at least 250 words.</Text>
      {questions.loading ? <ActivityIndicator accessibilityLabel="Loading questions" /> : null}
      {questions.error !== null ? (
        <ErrorBanner error={questions.error} onRetry={questions.items.length > 0 ? questions.loadMore : questions.reload} />
      ) : null}
      {!questions.loading && questions.error === null && questions.items.length === 0 ? (
        <Text style={shared.body}>There are no Writing Task 2 questions yet.</Text>
      ) : null}
      <View style={styles.list}>
        {questions.items.map((question) => (
          <Pressable
            key={question.question_id}
            accessibilityRole="button"
            accessibilityLabel={question.title}
            onPress={() => navigation.push({ name: 'writing-task', questionId: question.question_id })}
            style={({ pressed }) => [shared.card, pressed && styles.pressed]}
          >
            <Text style={shared.heading}>{question.title}</Text>
            <Text style={shared.muted} numberOfLines={3}>
              {question.prompt}
            </Text>
            {question.tags.length > 0 ? <Text style={styles.tags}>{question.tags.join(' · ')}</Text> : null}
          </Pressable>
        ))}
      </View>
      {questions.hasMore ? (
        <Button label="Load more" variant="secondary" onPress={questions.loadMore} busy={questions.loadingMore} />
      ) : null}
    </ScreenLayout>
  );
}

const styles = StyleSheet.create({
  list: { gap: spacing.md },
  pressed: { opacity: 0.75 },
  tags: { fontSize: 13, color: colors.primary },
});
