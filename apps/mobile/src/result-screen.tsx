import type { Assessment, PublicQuestion } from '@ielts-genai-prep/core';
import { ActivityIndicator, StyleSheet, Text, View } from 'react-native';
import { useApp } from './app-context';
import { Button } from './button';
import { ErrorBanner } from './error-banner';
import { ResultView } from './result-view';
import { ScreenLayout } from './screen-layout';
import { transcriptLines } from './speaker-voices';
import { colors, shared, spacing } from './theme';
import { useApiData } from './use-api-data';

/** Props of {@link ResultScreen}. */
export interface ResultScreenProps {
  /** The result, just scored, or loaded whole when picked from a list ({@link SavedResultScreen}). */
  assessment: Assessment;
  /** The question, when the screen before had it (a listening test just submitted); otherwise a listening result loads it. */
  question?: PublicQuestion | undefined;
}

/** A listening test's transcripts, shown once its answers are marked. */
function ListeningTranscripts({ question }: { question: PublicQuestion }) {
  return (
    <View style={shared.card} testID="listening-transcripts">
      <Text style={shared.heading} accessibilityRole="header">
        Transcripts
      </Text>
      {[...question.sections]
        .sort((a, b) => a.part - b.part)
        .map((section) => (
          <View key={section.part} style={styles.section}>
            <Text style={styles.sectionTitle}>
              Section {section.part}: {section.title}
            </Text>
            {transcriptLines(section.transcript).map((line, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a transcript's lines are fixed text, never reordered, with no state of their own
              <Text key={index} style={shared.body}>
                <Text style={styles.speaker}>{line.speaker}: </Text>
                {line.text}
              </Text>
            ))}
          </View>
        ))}
    </View>
  );
}

function LoadedTranscripts({ questionId }: { questionId: string }) {
  const { client } = useApp();
  const question = useApiData(['question', questionId], (signal) => client.questions.get({ id: questionId }, { signal }));
  if (question.data) return <ListeningTranscripts question={question.data} />;
  if (question.error !== null) return <ErrorBanner error={question.error} onRetry={question.reload} />;
  return <ActivityIndicator accessibilityLabel="Loading the transcripts" />;
}

/** One result, with a way back home; a listening test's transcripts below it. */
export function ResultScreen({ assessment, question }: ResultScreenProps) {
  const { navigation } = useApp();
  const listening = assessment.assessment_type === 'listening' && assessment.completed;
  return (
    <ScreenLayout title="Your result" onBack={navigation.back}>
      <ResultView assessment={assessment} />
      {listening && question ? <ListeningTranscripts question={question} /> : null}
      {listening && !question && assessment.question_id ? <LoadedTranscripts questionId={assessment.question_id} /> : null}
      <Button label="Back to home" variant="secondary" onPress={() => navigation.reset({ name: 'home' })} />
    </ScreenLayout>
  );
}

/** A result picked from a list (whose rows are summaries): the whole assessment is loaded first. */
export function SavedResultScreen({ assessmentId }: { assessmentId: string }) {
  const { client, navigation } = useApp();
  const assessment = useApiData(['assessment', assessmentId], (signal) => client.assessments.get({ id: assessmentId }, { signal }));
  if (assessment.data) return <ResultScreen assessment={assessment.data} />;
  return (
    <ScreenLayout title="Your result" onBack={navigation.back}>
      {assessment.error !== null ? (
        <ErrorBanner error={assessment.error} onRetry={assessment.reload} />
      ) : (
        <ActivityIndicator accessibilityLabel="Loading the result" />
      )}
    </ScreenLayout>
  );
}

const styles = StyleSheet.create({
  section: { gap: spacing.xs },
  sectionTitle: { fontSize: 16, fontWeight: '600', color: colors.text },
  speaker: { fontWeight: '700' },
});
