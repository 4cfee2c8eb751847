import type { PublicQuestion } from '@ielts-genai-prep/core';
import { useState, type ReactElement } from 'react';
import { ActivityIndicator, StyleSheet, Text, View } from 'react-native';
import { AnswerSheet } from './answer-sheet';
import { useApp } from './app-context';
import { Button } from './button';
import { ErrorBanner } from './error-banner';
import { formatClock, questionNumbers, type Answers } from '@ielts-genai-prep/app-kit';
import { ScreenLayout } from './screen-layout';
import { useSectionPlayer, type ListeningSection } from './section-player';
import { SheetFooter, useSheetSubmission } from './sheet-submission';
import { colors, shared, spacing } from './theme';
import { AllowanceNotice, noneLeft, useAllowances } from './use-allowance';
import { useApiData } from './use-api-data';

/** Test mode plays each section once, as in the exam; practice mode replays freely. */
export type ListeningMode = 'test' | 'practice';

function SectionCard({
  section,
  mode,
  played,
  playingPart,
  onPlay,
  onStop,
}: {
  section: ListeningSection;
  mode: ListeningMode;
  played: boolean;
  playingPart: number | null;
  onPlay: () => void;
  onStop: () => void;
}) {
  const playing = playingPart === section.part;
  const otherPlaying = playingPart !== null && !playing;
  let control: ReactElement;
  if (mode === 'test') {
    control = (
      <Button
        label={playing ? `Playing section ${section.part}…` : played ? `Section ${section.part} played` : `Play section ${section.part}`}
        onPress={onPlay}
        disabled={played || otherPlaying}
        hint="In test mode each section plays once"
      />
    );
  } else if (playing) {
    control = <Button label={`Stop section ${section.part}`} variant="secondary" onPress={onStop} />;
  } else {
    control = (
      <Button
        label={played ? `Play section ${section.part} again` : `Play section ${section.part}`}
        onPress={onPlay}
        disabled={otherPlaying}
      />
    );
  }
  return (
    <View style={shared.card} testID={`section-${section.part}`}>
      <Text style={shared.heading} accessibilityRole="header">
        Section {section.part}: {section.title}
      </Text>
      <Text style={shared.muted}>
        {section.audio_url
          ? `A recording of ${formatClock(section.audio_duration_seconds ?? 0)}.`
          : 'Read aloud by your phone, each speaker in a voice of their own.'}
      </Text>
      {control}
    </View>
  );
}

function ListeningRunner({ question, mode }: { question: PublicQuestion; mode: ListeningMode }) {
  const player = useSectionPlayer();
  const [played, setPlayed] = useState<ReadonlySet<number>>(new Set());
  const [answers, setAnswers] = useState<Answers>({});
  const submission = useSheetSubmission({ test: question, kind: 'listening' });
  const sections = [...question.sections].sort((a, b) => a.part - b.part);

  const play = (section: ListeningSection) => {
    if (mode === 'test' && played.has(section.part)) return;
    setPlayed((previous) => new Set(previous).add(section.part));
    void player.play(section);
  };

  const submit = () => {
    player.stop();
    void submission.submit(answers);
  };

  return (
    <>
      <Text style={shared.muted}>
        {mode === 'test'
          ? 'Test mode: each section plays once, as in the exam. Read the questions before you press play.'
          : 'Practice mode: play each section as often as you like.'}
      </Text>
      {player.problem ? <Text style={styles.problem}>{player.problem}</Text> : null}
      {sections.map((section) => (
        <View key={section.part} style={styles.section}>
          <SectionCard
            section={section}
            mode={mode}
            played={played.has(section.part)}
            playingPart={player.playingPart}
            onPlay={() => play(section)}
            onStop={player.stop}
          />
          <AnswerSheet
            groups={question.question_groups.filter((group) => group.part === section.part)}
            answers={answers}
            errors={submission.fieldErrors}
            disabled={submission.busy}
            onChange={(number, value) => setAnswers((previous) => ({ ...previous, [String(number)]: value }))}
          />
        </View>
      ))}
      <SheetFooter test={question} answers={answers} submission={submission} onSubmit={submit} />
    </>
  );
}

/** Props of {@link ListeningTestScreen}. */
export interface ListeningTestScreenProps {
  questionId: string;
}

/**
 * A listening test: choose test or practice mode, play each section (its recording, or its
 * transcript read aloud), answer its questions, submit; the transcripts come with the result.
 */
export function ListeningTestScreen({ questionId }: ListeningTestScreenProps) {
  const { client, navigation } = useApp();
  const question = useApiData(['question', questionId], (signal) => client.questions.get({ id: questionId }, { signal }));
  const [mode, setMode] = useState<ListeningMode | null>(null);
  const allowances = useAllowances();

  if (question.data === undefined) {
    return (
      <ScreenLayout title="Listening" onBack={navigation.back}>
        {question.loading ? <ActivityIndicator accessibilityLabel="Loading the test" /> : null}
        {question.error !== null ? <ErrorBanner error={question.error} onRetry={question.reload} /> : null}
      </ScreenLayout>
    );
  }
  const test = question.data;
  return (
    <ScreenLayout title={test.title} onBack={navigation.back}>
      <View style={shared.card}>
        <Text style={shared.body}>{test.prompt}</Text>
        <Text style={shared.muted}>
          {test.sections.length} sections · {questionNumbers(test.question_groups).length} questions · about {test.time_limit} minutes
        </Text>
      </View>
      {mode === null ? <AllowanceNotice type="listening" allowances={allowances} /> : null}
      {mode === null && noneLeft(allowances, 'listening') ? null : mode === null ? (
        <View style={shared.card}>
          <Text style={shared.heading}>How do you want to listen?</Text>
          <Button label="Start in test mode" onPress={() => setMode('test')} hint="Each section plays once, as in the exam" />
          <Button
            label="Start in practice mode"
            variant="secondary"
            onPress={() => setMode('practice')}
            hint="Replay any section as often as you like"
          />
        </View>
      ) : (
        <ListeningRunner question={test} mode={mode} />
      )}
    </ScreenLayout>
  );
}

const styles = StyleSheet.create({
  section: { gap: spacing.md },
  problem: { fontSize: 14, color: colors.warning },
});
