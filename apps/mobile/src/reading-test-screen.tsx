import type { PublicQuestion } from '@ielts-genai-prep/core';
import { useState } from 'react';
import { ActivityIndicator, StyleSheet, Text, View, useWindowDimensions } from 'react-native';
import * as z from 'zod';
import { questionNumbers } from '@ielts-genai-prep/app-kit';
import { AnswerSheet } from './answer-sheet';
import { useApp } from './app-context';
import { Button } from './button';
import { Countdown } from './countdown';
import { ErrorBanner, NoticeBanner } from './error-banner';
import { ScreenLayout } from './screen-layout';
import { SheetFooter, useSheetSubmission } from './sheet-submission';
import { Tabs } from './tabs';
import { colors, shared, spacing } from './theme';
import { AllowanceNotice, noneLeft, useAllowances } from './use-allowance';
import { useApiData } from './use-api-data';
import { useDraft } from './use-draft';

/** Shown once the hour is over. */
export const READING_TIME_UP = 'Time is up: in the exam your answer sheet would be collected now. Submit your answers.';

/** Screens at least this wide show the passage and its questions side by side. */
export const SPLIT_MIN_WIDTH = 720;

/** A reading test in progress, as the draft store keeps it. */
export const readingDraftSchema = z.object({
  answers: z.record(z.string(), z.string().max(200)),
  /** When the learner started the hour (epoch ms); null before "Start the test". */
  started_at: z.number().int().positive().nullable(),
  /** The last answer sheet sent and its idempotency key: the same sheet sent again reuses it. */
  attempt: z.object({ sheet: z.string(), key: z.string().min(8).max(128) }).nullable(),
});
type ReadingDraft = z.infer<typeof readingDraftSchema>;

/** A passage's paragraphs, split at blank lines. */
export function passageParagraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}

function Passage({ passage }: { passage: PublicQuestion['passages'][number] }) {
  return (
    <View style={[shared.card, styles.passage]} testID={`passage-${passage.part}`}>
      <Text style={shared.heading} accessibilityRole="header">
        {passage.title}
      </Text>
      {passageParagraphs(passage.text).map((paragraph, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a passage's paragraphs are fixed text, never reordered, with no state of their own
        <Text key={index} style={styles.paragraph} selectable>
          {paragraph}
        </Text>
      ))}
    </View>
  );
}

function ReadingRunner({
  test,
  draft,
  update,
  discard,
}: {
  test: PublicQuestion;
  draft: ReadingDraft & { started_at: number };
  update: (change: Partial<ReadingDraft>) => void;
  discard: () => Promise<void>;
}) {
  const { width } = useWindowDimensions();
  const split = width >= SPLIT_MIN_WIDTH;
  const passages = [...test.passages].sort((a, b) => a.part - b.part);
  const [part, setPart] = useState(passages[0]?.part ?? 1);
  const [view, setView] = useState<'passage' | 'questions'>('passage');
  const [timeUp, setTimeUp] = useState(false);
  // The last sheet sent is kept in the draft, so a sheet sent again after a restart reuses its key.
  const submission = useSheetSubmission({
    test,
    kind: 'reading',
    attempt: { current: draft.attempt, remember: (attempt) => update({ attempt }) },
    onMarked: discard,
  });
  const groups = test.question_groups.filter((group) => group.part === part);
  const numbers = questionNumbers(groups);
  const questionsLabel = numbers.length > 0 ? `Questions ${numbers[0]}–${numbers.at(-1)}` : 'Questions';
  const passage = passages.find((candidate) => candidate.part === part);
  const submit = () => void submission.submit(draft.answers);

  const sheet = (
    <View style={[shared.card, split ? styles.half : null]} testID={`questions-${part}`}>
      <AnswerSheet
        groups={groups}
        answers={draft.answers}
        errors={submission.fieldErrors}
        disabled={submission.busy}
        onChange={(number, value) => update({ answers: { ...draft.answers, [String(number)]: value } })}
      />
    </View>
  );

  return (
    <>
      <View style={shared.card}>
        <Countdown
          label="Time left"
          deadline={draft.started_at + test.time_limit * 60_000}
          expiredText="Time is up"
          onExpire={() => setTimeUp(true)}
          testID="reading-time"
        />
        {timeUp ? <Text style={styles.warning}>{READING_TIME_UP}</Text> : null}
      </View>
      <Tabs
        label="Passage"
        tabs={passages.map((entry) => ({ key: String(entry.part), label: `Passage ${entry.part}` }))}
        selected={String(part)}
        onSelect={(key) => setPart(Number(key))}
      />
      {split ? null : (
        <Tabs
          label="Show"
          tabs={[
            { key: 'passage', label: 'Passage' },
            { key: 'questions', label: questionsLabel },
          ]}
          selected={view}
          onSelect={setView}
        />
      )}
      <View style={split ? styles.split : null}>
        {(split || view === 'passage') && passage ? (
          <View style={split ? styles.half : null}>
            <Passage passage={passage} />
          </View>
        ) : null}
        {split || view === 'questions' ? sheet : null}
      </View>
      <SheetFooter test={test} answers={draft.answers} submission={submission} onSubmit={submit} />
    </>
  );
}

/** Props of {@link ReadingTestScreen}. */
export interface ReadingTestScreenProps {
  questionId: string;
}

/**
 * A reading test: how many are left, then the hour from "Start the test"; each passage and its
 * questions in tabs (side by side on a tablet), the answer sheet kept as a draft across restarts,
 * and the answers marked by the key, with each question's accepted answers in the result.
 */
export function ReadingTestScreen({ questionId }: ReadingTestScreenProps) {
  const { client, navigation, draftStore, user } = useApp();
  const question = useApiData(['question', questionId], (signal) => client.questions.get({ id: questionId }, { signal }));
  const allowances = useAllowances();
  const { draft, restored, update, discard } = useDraft({
    store: draftStore,
    key: `reading:${user?.user_id ?? 'signed-out'}:${questionId}`,
    schema: readingDraftSchema,
    blank: () => ({ answers: {}, started_at: null, attempt: null }),
    hasContent: (value) => value.started_at !== null,
  });

  if (question.data === undefined || draft === null) {
    return (
      <ScreenLayout title="Reading" onBack={navigation.back}>
        {question.loading || draft === null ? <ActivityIndicator accessibilityLabel="Loading the test" /> : null}
        {question.error !== null ? <ErrorBanner error={question.error} onRetry={question.reload} /> : null}
      </ScreenLayout>
    );
  }
  const test = question.data;
  const started = draft.started_at;
  return (
    <ScreenLayout title={test.title} onBack={navigation.back}>
      {started === null ? (
        <>
          <View style={shared.card}>
            <Text style={shared.body}>{test.prompt}</Text>
            <Text style={shared.muted}>
              {test.passages.length} passages · {questionNumbers(test.question_groups).length} questions · {test.time_limit} minutes
            </Text>
          </View>
          <AllowanceNotice type={test.assessment_type} allowances={allowances} />
          {noneLeft(allowances, test.assessment_type) ? null : (
            <Button
              label="Start the test"
              onPress={() => update({ started_at: Date.now() })}
              hint={`The ${test.time_limit} minutes start now`}
              disabled={allowances.data === undefined && allowances.error === null}
            />
          )}
        </>
      ) : (
        <>
          {restored ? <NoticeBanner>Your answers are back, as you left them. The clock has kept running.</NoticeBanner> : null}
          <ReadingRunner test={test} draft={{ ...draft, started_at: started }} update={update} discard={discard} />
        </>
      )}
    </ScreenLayout>
  );
}

const styles = StyleSheet.create({
  passage: { gap: spacing.md },
  paragraph: { fontSize: 16, lineHeight: 25, color: colors.text },
  split: { flexDirection: 'row', gap: spacing.lg, alignItems: 'flex-start' },
  half: { flex: 1 },
  warning: { fontSize: 14, color: colors.warning },
});
