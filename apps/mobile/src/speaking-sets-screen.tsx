import type { PublicQuestion } from '@ielts-genai-prep/core';
import { useMutation } from '@tanstack/react-query';
import { ActivityIndicator, StyleSheet, Text, View } from 'react-native';
import { useApp } from './app-context';
import { Button } from './button';
import { ErrorBanner } from './error-banner';
import { ScreenLayout } from './screen-layout';
import { useSpeakingSetup } from './speaking-setup';
import { shared, spacing } from './theme';
import { TranscriptPathCard } from './transcript-path-card';
import { AllowanceNotice, noneLeft, useAllowances } from './use-allowance';
import { usePagedList } from './use-paged-list';

const PAGE_SIZE = 10;

function SpeakingSetCard({ question, blocked }: { question: PublicQuestion; blocked: boolean }) {
  const { client, navigation } = useApp();
  const start = useMutation({
    mutationFn: () => client.speaking.start({ question_id: question.question_id }),
    onSuccess: (session) => navigation.push({ name: 'speaking-session', assessmentId: session.assessment_id }),
  });
  return (
    <View style={shared.card}>
      <Text style={shared.heading}>{question.title}</Text>
      {question.speaking ? (
        <View style={styles.topics}>
          <Text style={shared.muted}>Part 1: {question.speaking.part1.topic}</Text>
          <Text style={shared.muted}>Part 2: {question.speaking.part2.topic}</Text>
          <Text style={shared.muted}>Part 3: {question.speaking.part3.topic}</Text>
        </View>
      ) : null}
      {start.error !== null ? <ErrorBanner error={start.error} onRetry={() => start.mutate()} /> : null}
      {blocked ? null : (
        <Button label={start.isPending ? 'Starting…' : `Start ${question.title}`} onPress={() => start.mutate()} busy={start.isPending} />
      )}
    </View>
  );
}

/** The speaking sets to choose from, after saying how answers are transcribed here. */
export function SpeakingSetsScreen() {
  const { client, navigation } = useApp();
  const setup = useSpeakingSetup();
  const allowances = useAllowances();
  const blocked = noneLeft(allowances, 'speaking');
  const sets = usePagedList(['questions', 'speaking', PAGE_SIZE], (cursor, signal) =>
    client.questions.list({ type: 'speaking', cursor, limit: PAGE_SIZE }, { signal }),
  );
  return (
    <ScreenLayout title="Speaking" onBack={navigation.back}>
      <Text style={shared.muted}>
        Three parts, about 11–14 minutes. The examiner reads each question aloud; you answer by speaking. Part 2 gives you one minute to
        prepare, then up to two minutes to talk.
      </Text>
      <AllowanceNotice type="speaking" allowances={allowances} />
      <TranscriptPathCard state={setup} />
      {sets.loading ? <ActivityIndicator accessibilityLabel="Loading speaking sets" /> : null}
      {sets.error !== null ? <ErrorBanner error={sets.error} onRetry={sets.items.length > 0 ? sets.loadMore : sets.reload} /> : null}
      {!sets.loading && sets.error === null && sets.items.length === 0 ? (
        <Text style={shared.body}>There are no speaking sets yet.</Text>
      ) : null}
      <View style={styles.list}>
        {sets.items.map((question) => (
          <SpeakingSetCard key={question.question_id} question={question} blocked={blocked} />
        ))}
      </View>
      {sets.hasMore ? <Button label="Load more" variant="secondary" onPress={sets.loadMore} busy={sets.loadingMore} /> : null}
    </ScreenLayout>
  );
}

const styles = StyleSheet.create({
  list: { gap: spacing.md },
  topics: { gap: 2 },
});
