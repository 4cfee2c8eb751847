import { resultSummary } from '@ielts-genai-prep/app-kit';
import type { Assessment, InlineCorrection, QuestionResult } from '@ielts-genai-prep/core';
import { StyleSheet, Text, View } from 'react-native';
import { correctionSegments } from './correction-segments';
import { formatDateTime } from './labels';
import { colors, shared, spacing } from './theme';

/** Props of {@link ResultView}. */
export interface ResultViewProps {
  assessment: Assessment;
}

/** The learner's essay or letter as submitted, when the result carries it. */
function answerTextOf(assessment: Assessment): string | null {
  const essay = assessment.submission?.essay;
  return typeof essay === 'string' && essay.trim() !== '' ? essay : null;
}

/** The answer with each quoted span struck through and its suggestion after it, numbered as in the list below. */
function MarkedAnswer({ answer, corrections }: { answer: string; corrections: readonly InlineCorrection[] }) {
  return (
    <View style={shared.card} testID="marked-answer">
      <Text style={shared.heading} accessibilityRole="header">
        Your answer, marked
      </Text>
      <Text style={shared.body} selectable>
        {correctionSegments(answer, corrections).map((segment, index) => {
          if (segment.correction === null) return segment.text;
          const correction = corrections[segment.correction]!;
          return (
            <Text
              key={index}
              accessibilityLabel={`${segment.text}, correction ${segment.correction + 1}${correction.suggestion ? `: ${correction.suggestion}` : ''}`}
            >
              <Text style={styles.quote}>{segment.text}</Text>
              {correction.suggestion ? <Text style={styles.suggestion}>{` ${correction.suggestion}`}</Text> : null}
              <Text style={styles.marker}>{` [${segment.correction + 1}]`}</Text>
            </Text>
          );
        })}
      </Text>
    </View>
  );
}

/** Each reading or listening question: the answer given, right or wrong, and the answers the key accepts. */
function QuestionResults({ results }: { results: readonly QuestionResult[] }) {
  return (
    <View style={shared.card} testID="question-results">
      <Text style={shared.heading} accessibilityRole="header">
        Question by question
      </Text>
      {[...results]
        .sort((a, b) => a.question_number - b.question_number)
        .map((result) => {
          const given = result.given.trim() === '' ? 'no answer' : `"${result.given}"`;
          const accepted = result.expected.join(' / ');
          return (
            <View
              key={result.question_number}
              style={styles.questionResult}
              testID={`question-result-${result.question_number}`}
              accessible
              accessibilityLabel={`Question ${result.question_number}: ${result.correct ? 'correct' : 'wrong'}. You wrote ${given}. Accepted: ${accepted}.${!result.correct && result.reason ? ` ${result.reason}.` : ''}`}
            >
              <View style={shared.row}>
                <Text style={styles.questionNumber}>{result.question_number}</Text>
                <Text style={[styles.verdict, result.correct ? styles.right : styles.wrong]}>
                  {result.correct ? '✓ Correct' : '✗ Wrong'}
                </Text>
              </View>
              <Text style={shared.body}>You wrote: {given}</Text>
              <Text style={shared.muted}>Accepted: {accepted}</Text>
              {!result.correct && result.reason ? <Text style={shared.muted}>{result.reason}</Text> : null}
            </View>
          );
        })}
    </View>
  );
}

/**
 * A scored assessment: the overall band, each criterion's band and feedback in the IELTS order,
 * the summary feedback, the answer marked with its corrections, flags and who scored it; for
 * reading and listening, each question with the answers the key accepts.
 */
export function ResultView({ assessment }: ResultViewProps) {
  const summary = resultSummary(assessment);
  if (!assessment.completed) {
    return (
      <View style={shared.card}>
        <Text style={shared.heading}>{summary.typeName}</Text>
        <Text style={shared.body}>This assessment is not finished yet, so it has no band.</Text>
      </View>
    );
  }
  const answer = answerTextOf(assessment);
  return (
    <View style={styles.result}>
      <View style={[shared.card, styles.overall]} accessible accessibilityLabel={`Overall band ${summary.overallBand}`}>
        <Text style={shared.muted}>
          {summary.typeName} · {formatDateTime(assessment.timestamp)}
        </Text>
        <Text style={styles.overallLabel}>Overall band</Text>
        <Text style={styles.overallBand} testID="overall-band">
          {summary.overallBand}
        </Text>
        {assessment.word_count !== null ? <Text style={shared.muted}>{assessment.word_count} words</Text> : null}
        {summary.rawScore !== null ? <Text style={shared.muted}>{summary.rawScore} of 40 correct</Text> : null}
      </View>

      {assessment.review.required ? (
        <View style={styles.review}>
          <Text style={styles.reviewTitle}>A person will check this result.</Text>
          {assessment.review.reasons.map((reason) => (
            <Text key={reason} style={styles.reviewText}>
              {`• ${reason}`}
            </Text>
          ))}
        </View>
      ) : null}

      {summary.criteria.length > 0 ? (
        <View style={shared.card}>
          <Text style={shared.heading} accessibilityRole="header">
            Criteria
          </Text>
          {summary.criteria.map((row) => (
            <View key={row.criterion} style={styles.criterion} testID={`criterion-${row.criterion}`}>
              <View style={shared.row}>
                <Text style={styles.criterionName}>{row.name}</Text>
                <Text style={styles.criterionBand}>{row.band}</Text>
              </View>
              {row.feedback ? <Text style={shared.muted}>{row.feedback}</Text> : null}
            </View>
          ))}
        </View>
      ) : null}

      <View style={shared.card}>
        <Text style={shared.heading} accessibilityRole="header">
          Feedback
        </Text>
        <Text style={shared.body}>{assessment.feedback}</Text>
      </View>

      {answer !== null && assessment.inline_corrections.length > 0 ? (
        <MarkedAnswer answer={answer} corrections={assessment.inline_corrections} />
      ) : null}

      {assessment.inline_corrections.length > 0 ? (
        <View style={shared.card} testID="corrections">
          <Text style={shared.heading} accessibilityRole="header">
            Corrections
          </Text>
          {assessment.inline_corrections.map((correction, index) => (
            <View key={`${correction.quote}-${index}`} style={styles.correction} testID={`correction-${index + 1}`}>
              <Text style={shared.body}>
                {answer !== null ? `${index + 1}. ` : ''}
                <Text style={styles.quote}>{correction.quote}</Text>
                {correction.suggestion ? ` → ${correction.suggestion}` : ''}
              </Text>
              {correction.explanation ? <Text style={shared.muted}>{correction.explanation}</Text> : null}
            </View>
          ))}
        </View>
      ) : null}

      {assessment.question_results.length > 0 ? <QuestionResults results={assessment.question_results} /> : null}

      {summary.flags.length > 0 ? (
        <View style={shared.card}>
          <Text style={shared.heading} accessibilityRole="header">
            Notes on this answer
          </Text>
          {summary.flags.map(({ flag, title, description }) => (
            <View key={flag} style={styles.flag}>
              <Text style={styles.flagTitle}>{title}</Text>
              <Text style={shared.muted}>{description}</Text>
            </View>
          ))}
        </View>
      ) : null}

      {assessment.provenance ? (
        <Text style={shared.muted}>
          Scored by: {summary.providerName}
          {assessment.ai_generated
            ? '. AI bands are estimates, not official IELTS scores.'
            : assessment.provenance.provider === 'offline'
              ? '. An estimate by the offline scorer: no AI model wrote this feedback.'
              : ''}
        </Text>
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  result: { gap: spacing.lg },
  overall: { alignItems: 'center' },
  overallLabel: { fontSize: 15, fontWeight: '600', color: colors.muted, textTransform: 'uppercase' },
  overallBand: { fontSize: 56, fontWeight: '800', color: colors.primary },
  review: { backgroundColor: colors.warningSurface, borderRadius: 10, padding: spacing.md, gap: spacing.xs },
  reviewTitle: { fontSize: 14, fontWeight: '700', color: colors.warning },
  reviewText: { fontSize: 14, color: colors.warning },
  criterion: {
    gap: spacing.xs,
    paddingVertical: spacing.sm,
    borderBottomWidth: StyleSheet.hairlineWidth,
    borderBottomColor: colors.border,
  },
  criterionName: { flex: 1, fontSize: 16, fontWeight: '600', color: colors.text },
  criterionBand: { fontSize: 18, fontWeight: '700', color: colors.primary },
  correction: { gap: 2 },
  quote: { color: colors.danger, textDecorationLine: 'line-through' },
  suggestion: { color: colors.success, fontWeight: '600' },
  marker: { fontSize: 12, color: colors.muted },
  questionResult: { gap: 2, paddingVertical: spacing.sm, borderBottomWidth: StyleSheet.hairlineWidth, borderBottomColor: colors.border },
  questionNumber: { fontSize: 16, fontWeight: '700', color: colors.text },
  verdict: { fontSize: 15, fontWeight: '700' },
  right: { color: colors.success },
  wrong: { color: colors.danger },
  flag: { gap: 2 },
  flagTitle: { fontSize: 15, fontWeight: '600', color: colors.warning },
});
