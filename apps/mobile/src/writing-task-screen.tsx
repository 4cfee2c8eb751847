import { ApiError } from '@ielts-genai-prep/api-client';
import { ASSESSMENT_TYPE_NAMES, type PublicQuestion } from '@ielts-genai-prep/core';
import { useState } from 'react';
import { ActivityIndicator, StyleSheet, Text, View } from 'react-native';
import { useApp } from './app-context';
import { Button } from './button';
import { Countdown } from './countdown';
import { ErrorBanner, NoticeBanner } from './error-banner';
import { fieldErrorsOf, minimumWordsFor, newIdempotencyKey, wordCountStatus } from '@ielts-genai-prep/app-kit';
import { formatDateTime } from './labels';
import { ScreenLayout } from './screen-layout';
import { TaskPrompt } from './task-prompt';
import { TextField } from './text-field';
import { colors, shared, spacing } from './theme';
import { AllowanceNotice, noneLeft, useAllowances } from './use-allowance';
import { useApiData } from './use-api-data';
import { WordCounter } from './word-counter';
import { useWritingDraft } from './writing-draft';

/** Props of {@link WritingTaskScreen}. */
export interface WritingTaskScreenProps {
  questionId: string;
}

/** Shown once the task's time has run out. */
export const TIME_UP_NOTICE = 'Time is up: in the exam you would stop here. Finish your sentence and submit when you are ready.';

/** The name of what the learner writes: a letter for General Training Task 1, a report for Academic, an essay for Task 2. */
function answerNoun(question: PublicQuestion): string {
  if (question.assessment_type === 'writing_task1_general_training') return 'letter';
  if (question.assessment_type === 'writing_task1_academic') return 'report';
  return 'essay';
}

function EssayEditor({ question, draftKey }: { question: PublicQuestion; draftKey: string }) {
  const { client, navigation, draftStore } = useApp();
  const { draft, restored, update, restart, discard } = useWritingDraft(draftStore, draftKey);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [timeUp, setTimeUp] = useState(false);

  if (!draft) return <ActivityIndicator accessibilityLabel="Opening your draft" />;
  const essay = draft.essay;
  const minimum = minimumWordsFor(question);
  const status = wordCountStatus(essay, minimum);
  const fieldErrors = fieldErrorsOf(error);
  const noun = answerNoun(question);

  const submit = async () => {
    // The same text sent again reuses its key, so a retry after a lost answer is scored and charged
    // once (also after a restart: the key is in the draft); an edited text is a new submission.
    const key = draft.attempt?.essay === essay ? draft.attempt.key : newIdempotencyKey('essay');
    update({ attempt: { essay, key } });
    setBusy(true);
    setError(null);
    try {
      const assessment = await client.writing.evaluate({ question_id: question.question_id, essay, idempotency_key: key });
      await discard();
      navigation.replace({ name: 'result', assessment });
    } catch (caught) {
      // A 401 has already sent the learner to sign in (see App); anything else is shown here.
      if (ApiError.isInstance(caught) && caught.code === 'unauthorized') return;
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <>
      <View style={[shared.card, styles.clock]}>
        <Countdown
          key={draft.started_at}
          label="Time left"
          deadline={draft.started_at + question.time_limit * 60_000}
          expiredText="Time is up"
          onExpire={() => setTimeUp(true)}
          testID="writing-time"
        />
        {timeUp ? <Text style={styles.warning}>{TIME_UP_NOTICE}</Text> : null}
      </View>
      {restored ? (
        <View style={styles.restored}>
          <NoticeBanner>{`Your draft is back, as you left it. The clock has kept running since you started on ${formatDateTime(new Date(draft.started_at).toISOString())}.`}</NoticeBanner>
          <Button label="Start again" variant="link" onPress={restart} hint="Clears your answer and restarts the clock" disabled={busy} />
        </View>
      ) : null}
      <TextField
        testID="field-essay"
        label={`Your ${noun}`}
        value={essay}
        onChangeText={(text) => update({ essay: text })}
        error={fieldErrors.essay}
        multiline
        minHeight={question.assessment_type === 'writing_task2' ? 260 : 200}
        autoCapitalize="sentences"
        placeholder={`Write your ${noun} here`}
      />
      <WordCounter text={essay} minimum={minimum} />
      <Text style={shared.muted}>Your draft is kept on this phone as you type, also if the app closes.</Text>
      {error !== null ? <ErrorBanner error={error} fields={['essay']} onRetry={submit} /> : null}
      {!status.reached && status.words > 0 ? (
        <Text style={styles.warning}>
          Answers under {minimum} words lose marks for {question.assessment_type === 'writing_task2' ? 'Task Response' : 'Task Achievement'}
          . You can still submit.
        </Text>
      ) : null}
      <Button label={busy ? `Scoring your ${noun}…` : 'Submit for scoring'} onPress={submit} busy={busy} disabled={essay.trim() === ''} />
      {busy ? <Text style={shared.muted}>Scoring can take up to a minute. Please keep the app open.</Text> : null}
    </>
  );
}

/**
 * A writing question (Task 1 Academic with its chart, Task 1 General Training with the letter's
 * points, Task 2): how many assessments of the type are left, the task, a countdown from when it
 * was opened, the answer with a live word count against the minimum, kept as a draft across
 * restarts, and submission for scoring.
 */
export function WritingTaskScreen({ questionId }: WritingTaskScreenProps) {
  const { client, navigation, user } = useApp();
  const question = useApiData(['question', questionId], (signal) => client.questions.get({ id: questionId }, { signal }));
  const allowances = useAllowances();

  if (question.data === undefined) {
    return (
      <ScreenLayout title="Writing" onBack={navigation.back}>
        {question.loading ? <ActivityIndicator accessibilityLabel="Loading the question" /> : null}
        {question.error !== null ? <ErrorBanner error={question.error} onRetry={question.reload} /> : null}
      </ScreenLayout>
    );
  }

  const current = question.data;
  const type = current.assessment_type;
  const minimum = minimumWordsFor(current);
  return (
    <ScreenLayout title={current.title} onBack={navigation.back}>
      <AllowanceNotice type={type} allowances={allowances} />
      <View style={shared.card}>
        <Text style={styles.eyebrow}>{ASSESSMENT_TYPE_NAMES[type]}</Text>
        <Text style={styles.instructions}>
          You should spend about {current.time_limit} minutes on this task. Write at least {minimum} words.
        </Text>
        <TaskPrompt question={current} />
      </View>
      {noneLeft(allowances, type) ? (
        <Button label="Back to the questions" variant="secondary" onPress={navigation.back} />
      ) : allowances.data === undefined && allowances.error === null ? null : (
        <EssayEditor question={current} draftKey={`writing:${user?.user_id ?? 'signed-out'}:${current.question_id}`} />
      )}
    </ScreenLayout>
  );
}

const styles = StyleSheet.create({
  eyebrow: { fontSize: 13, fontWeight: '700', color: colors.primary, textTransform: 'uppercase' },
  instructions: { fontSize: 14, fontWeight: '600', color: colors.muted },
  clock: { gap: spacing.xs },
  warning: { fontSize: 14, color: colors.warning },
  restored: { gap: spacing.xs },
});
