import { ApiError } from '@ielts-genai-prep/api-client';
import { writingLimitsFor, type PublicQuestion } from '@ielts-genai-prep/core';
import { useRef, useState } from 'react';
import { ActivityIndicator, StyleSheet, Text, View } from 'react-native';
import { useApp } from './app-context';
import { Button } from './button';
import { ErrorBanner } from './error-banner';
import { fieldErrorsOf } from './error-text';
import { newIdempotencyKey } from './idempotency-key';
import { ScreenLayout } from './screen-layout';
import { TextField } from './text-field';
import { colors, shared, spacing } from './theme';
import { useApiData } from './use-api-data';
import { WordCounter, wordCountStatus } from './word-counter';

/** Props of {@link WritingTaskScreen}. */
export interface WritingTaskScreenProps {
  questionId: string;
}

/** The minimum words for a question: its own `word_limit`, else the IELTS minimum for its task. */
export function minimumWordsFor(question: PublicQuestion): number {
  return question.word_limit ?? writingLimitsFor(question.assessment_type)?.minimumWords ?? 0;
}

/** A writing question's prompt, an essay box with a live word count, and submission for scoring. */
export function WritingTaskScreen({ questionId }: WritingTaskScreenProps) {
  const { client, navigation } = useApp();
  const question = useApiData((signal) => client.questions.get({ id: questionId }, { signal }), [client, questionId]);
  const [essay, setEssay] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // The same essay sent again reuses its key, so a retry after a lost answer is charged once;
  // an edited essay is a new submission.
  const lastAttempt = useRef<{ essay: string; key: string } | null>(null);

  const submit = async () => {
    const key = lastAttempt.current?.essay === essay ? lastAttempt.current.key : newIdempotencyKey();
    lastAttempt.current = { essay, key };
    setBusy(true);
    setError(null);
    try {
      const assessment = await client.writing.evaluate({ question_id: questionId, essay, idempotency_key: key });
      navigation.replace({ name: 'result', assessment });
    } catch (caught) {
      // A 401 has already sent the learner to sign in (see App); anything else is shown here.
      if (ApiError.isInstance(caught) && caught.code === 'unauthorized') return;
      setError(caught);
      setBusy(false);
    }
  };

  if (question.data === undefined) {
    return (
      <ScreenLayout title="Writing Task 2" onBack={navigation.back}>
        {question.loading ? <ActivityIndicator accessibilityLabel="Loading the question" /> : null}
        {question.error !== null ? <ErrorBanner error={question.error} onRetry={question.reload} /> : null}
      </ScreenLayout>
    );
  }

  const current = question.data;
  const minimum = minimumWordsFor(current);
  const status = wordCountStatus(essay, minimum);
  const fieldErrors = fieldErrorsOf(error);
  return (
    <ScreenLayout title={current.title} onBack={busy ? undefined : navigation.back}>
      <View style={shared.card}>
        <Text style={styles.instructions}>
          You should spend about {current.time_limit} minutes on this task. Write at least {minimum} words.
        </Text>
        <Text style={shared.body} selectable>
          {current.prompt}
        </Text>
      </View>
      <TextField
        testID="field-essay"
        label="Your essay"
        value={essay}
        onChangeText={setEssay}
        error={fieldErrors.essay}
        multiline
        minHeight={260}
        autoCapitalize="sentences"
        placeholder="Write your essay here"
      />
      <WordCounter text={essay} minimum={minimum} />
      {error !== null ? <ErrorBanner error={error} fields={['essay']} onRetry={submit} /> : null}
      {!status.reached && status.words > 0 ? (
        <Text style={styles.warning}>Essays under {minimum} words lose marks for Task Response. You can still submit.</Text>
      ) : null}
      <Button
        label={busy ? 'Scoring your essay…' : 'Submit for scoring'}
        onPress={submit}
        busy={busy}
        disabled={essay.trim() === ''}
      />
      {busy ? <Text style={shared.muted}>Scoring can take up to a minute. Please keep the app open.</Text> : null}
    </ScreenLayout>
  );
}

const styles = StyleSheet.create({
  instructions: { fontSize: 14, fontWeight: '600', color: colors.muted },
  warning: { fontSize: 14, color: colors.warning, marginTop: -spacing.sm },
});
