import { ASSESSMENT_TYPE_NAMES, writingLimitsFor, type WritingAssessmentType } from '@ielts-genai-prep/core';
import { ActivityIndicator, StyleSheet, Text, View } from 'react-native';
import { useApp } from './app-context';
import { Button } from './button';
import { ChoiceCard } from './choice-card';
import { ErrorBanner } from './error-banner';
import { ScreenLayout } from './screen-layout';
import { shared, spacing } from './theme';
import { AllowanceNotice, useAllowances } from './use-allowance';
import { usePagedList } from './use-paged-list';

const PAGE_SIZE = 10;

/** What each writing task asks for, before the learner picks a question. */
const TASK_DESCRIPTIONS: Record<WritingAssessmentType, string> = {
  writing_task1_academic: 'Describe a chart, table, process or map: summarise the main features and make comparisons.',
  writing_task1_general_training: 'Write a letter that covers each of the points in the task.',
  writing_task2: 'Write an essay in response to a point of view, argument or problem.',
};

/** Props of {@link WritingQuestionsScreen}. */
export interface WritingQuestionsScreenProps {
  type: WritingAssessmentType;
}

/** The questions of one writing task to practise, a page at a time, with how many assessments of it are left. */
export function WritingQuestionsScreen({ type }: WritingQuestionsScreenProps) {
  const { client, navigation } = useApp();
  const allowances = useAllowances();
  const questions = usePagedList(['questions', type, PAGE_SIZE], (cursor, signal) =>
    client.questions.list({ type, cursor, limit: PAGE_SIZE }, { signal }),
  );
  const limits = writingLimitsFor(type);

  return (
    <ScreenLayout title={ASSESSMENT_TYPE_NAMES[type]} onBack={navigation.back}>
      <Text style={shared.muted}>
        {TASK_DESCRIPTIONS[type]}{' '}
        {limits ? `You will have ${limits.minutes} minutes and should write at least ${limits.minimumWords} words.` : ''}
      </Text>
      <AllowanceNotice type={type} allowances={allowances} />
      {questions.loading ? <ActivityIndicator accessibilityLabel="Loading questions" /> : null}
      {questions.error !== null ? (
        <ErrorBanner error={questions.error} onRetry={questions.items.length > 0 ? questions.loadMore : questions.reload} />
      ) : null}
      {!questions.loading && questions.error === null && questions.items.length === 0 ? (
        <Text style={shared.body}>There are no {ASSESSMENT_TYPE_NAMES[type]} questions yet.</Text>
      ) : null}
      <View style={styles.list}>
        {questions.items.map((question) => (
          <ChoiceCard
            key={question.question_id}
            title={question.title}
            detail={question.prompt}
            detailLines={3}
            note={question.tags.length > 0 ? question.tags.join(' · ') : undefined}
            onPress={() => navigation.push({ name: 'writing-task', questionId: question.question_id })}
          />
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
});
