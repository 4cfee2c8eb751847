import { ApiError } from '@ielts-genai-prep/api-client';
import { SKILL_NAMES, formatBand, summarizeProgress, type AssessmentSummary } from '@ielts-genai-prep/core';
import { PROGRESS_RESULTS, overallBandExplanation } from '@ielts-genai-prep/app-kit';
import { useQueryClient } from '@tanstack/react-query';
import { BandChart } from './band-chart';
import { useState } from 'react';
import { ActivityIndicator, StyleSheet, Text, View } from 'react-native';
import { AssessmentRow, IN_PROGRESS_LABEL } from './assessment-row';
import { useApp } from './app-context';
import { Button } from './button';
import { ErrorBanner, NoticeBanner } from './error-banner';
import { formatDateTime } from './labels';
import { ScreenLayout } from './screen-layout';
import { colors, shared, spacing } from './theme';
import { useApiData } from './use-api-data';
import { usePagedList } from './use-paged-list';

const PAGE_SIZE = 10;

/** The latest and best band per skill, the estimated overall band, and the bands over time. */
function ProgressCard() {
  const { client } = useApp();
  const latest = useApiData(['assessments', { limit: PROGRESS_RESULTS }], (signal) =>
    client.assessments.list({ limit: PROGRESS_RESULTS }, { signal }),
  );
  if (latest.data === undefined) {
    return (
      <View style={shared.card}>
        {latest.loading ? <ActivityIndicator accessibilityLabel="Working out your progress" /> : null}
        {latest.error !== null ? <ErrorBanner error={latest.error} onRetry={latest.reload} /> : null}
      </View>
    );
  }
  const progress = summarizeProgress(latest.data.items);
  return (
    <View style={shared.card} testID="progress">
      <Text style={shared.heading} accessibilityRole="header">
        Your progress
      </Text>
      <View
        style={shared.row}
        accessible
        accessibilityLabel={`Estimated overall band: ${progress.overall === null ? 'not yet' : formatBand(progress.overall)}`}
      >
        <Text style={shared.body}>Estimated overall band</Text>
        <Text style={styles.overall} testID="estimated-overall">
          {formatBand(progress.overall)}
        </Text>
      </View>
      <Text style={shared.muted} testID="overall-explanation">
        {overallBandExplanation(progress)}
      </Text>
      {progress.skills.map((entry) => (
        <View
          key={entry.skill}
          style={shared.row}
          testID={`skill-${entry.skill}`}
          accessible
          accessibilityLabel={
            entry.taken === 0
              ? `${SKILL_NAMES[entry.skill]}: not yet`
              : `${SKILL_NAMES[entry.skill]}: band ${formatBand(entry.latest)}, best ${formatBand(entry.best)}, ${entry.taken} taken`
          }
        >
          <Text style={styles.skill}>{SKILL_NAMES[entry.skill]}</Text>
          <Text style={styles.skillBand}>{formatBand(entry.latest)}</Text>
          <Text style={[shared.muted, styles.skillNote]}>
            {entry.taken === 0 ? 'not yet' : `${entry.taken} taken · best ${formatBand(entry.best)}`}
          </Text>
        </View>
      ))}
      <BandChart history={progress.history} />
      {latest.data.next_cursor !== null ? <Text style={shared.muted}>From your {PROGRESS_RESULTS} latest results.</Text> : null}
    </View>
  );
}

/** A speaking test started and not scored: resume it, or discard it (deleted with its recordings, at no cost). */
function InProgressSpeakingRow({
  assessment,
  onDiscarded,
}: {
  assessment: AssessmentSummary;
  onDiscarded: (assessment: AssessmentSummary) => void;
}) {
  const { client, navigation } = useApp();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const when = formatDateTime(assessment.timestamp);

  const discard = async () => {
    setBusy(true);
    setError(null);
    try {
      await client.speaking.discard({ id: assessment.assessment_id });
      onDiscarded(assessment);
    } catch (caught) {
      setBusy(false);
      // Gone already (discarded on another device, say): nothing left to discard.
      if (ApiError.isInstance(caught) && caught.status === 404) return onDiscarded(assessment);
      setError(caught);
    }
  };

  return (
    <View
      style={styles.row}
      testID={`assessment-${assessment.assessment_id}`}
      accessibilityLabel={`Speaking, ${when}, ${IN_PROGRESS_LABEL}`}
    >
      <View style={shared.row}>
        <View style={styles.text}>
          <Text style={styles.title}>Speaking</Text>
          <Text style={styles.date}>{when}</Text>
        </View>
        <Text style={styles.status}>{IN_PROGRESS_LABEL}</Text>
      </View>
      {confirming ? (
        <View style={styles.confirm}>
          <Text style={shared.body}>Discard this speaking test? Its answers and recordings are deleted; it costs nothing.</Text>
          {error !== null ? <ErrorBanner error={error} onRetry={() => void discard()} /> : null}
          <View style={styles.actions}>
            <Button label="Yes, discard it" variant="secondary" onPress={() => void discard()} busy={busy} />
            <Button label="Keep it" variant="link" onPress={() => setConfirming(false)} disabled={busy} />
          </View>
        </View>
      ) : (
        <View style={styles.actions}>
          <Button label="Resume" onPress={() => navigation.push({ name: 'speaking-session', assessmentId: assessment.assessment_id })} />
          <Button label="Discard" variant="secondary" onPress={() => setConfirming(true)} />
        </View>
      )}
    </View>
  );
}

/** Every result, newest first, a page at a time ("Load more" follows the API's cursor); speaking tests in progress can be resumed or discarded. */
export function HistoryScreen() {
  const { client, navigation } = useApp();
  const history = usePagedList(['assessments', 'history', PAGE_SIZE], (cursor, signal) =>
    client.assessments.list({ cursor, limit: PAGE_SIZE }, { signal }),
  );
  const queryClient = useQueryClient();
  const [discarded, setDiscarded] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  const items = history.items.filter((assessment) => !discarded.has(assessment.assessment_id));
  const onDiscarded = (assessment: AssessmentSummary) => {
    setDiscarded((previous) => new Set(previous).add(assessment.assessment_id));
    setNotice(`The speaking test of ${formatDateTime(assessment.timestamp)} was discarded.`);
  };

  return (
    <ScreenLayout
      title="Your results"
      onBack={navigation.back}
      // Pulled down: the results and the progress worked out from them are read afresh.
      onRefresh={() => void queryClient.invalidateQueries({ queryKey: ['assessments'] })}
      refreshing={false}
    >
      {notice ? <NoticeBanner>{notice}</NoticeBanner> : null}
      <ProgressCard />
      {history.loading ? <ActivityIndicator accessibilityLabel="Loading your results" /> : null}
      {!history.loading && history.error === null && items.length === 0 ? (
        <Text style={shared.body}>No results yet. Practise a writing task to see your first band.</Text>
      ) : null}
      {items.length > 0 ? (
        <View style={shared.card}>
          {items.map((assessment) =>
            assessment.assessment_type === 'speaking' && !assessment.completed ? (
              <InProgressSpeakingRow key={assessment.assessment_id} assessment={assessment} onDiscarded={onDiscarded} />
            ) : (
              <AssessmentRow
                key={assessment.assessment_id}
                assessment={assessment}
                onPress={(selected) => navigation.push({ name: 'saved-result', assessmentId: selected.assessment_id })}
              />
            ),
          )}
        </View>
      ) : null}
      {history.error !== null ? (
        <ErrorBanner error={history.error} onRetry={history.items.length > 0 ? history.loadMore : history.reload} />
      ) : null}
      {history.hasMore ? <Button label="Load more" variant="secondary" onPress={history.loadMore} busy={history.loadingMore} /> : null}
      {!history.loading && !history.hasMore && items.length > 0 ? <Text style={shared.muted}>That is all your results.</Text> : null}
    </ScreenLayout>
  );
}

const styles = StyleSheet.create({
  row: {
    gap: spacing.sm,
    paddingVertical: spacing.md,
    borderBottomWidth: StyleSheet.hairlineWidth,
    borderBottomColor: colors.border,
  },
  text: { flex: 1, gap: 2 },
  title: { fontSize: 16, fontWeight: '600', color: colors.text },
  date: { fontSize: 13, color: colors.muted },
  status: { fontSize: 14, fontWeight: '700', color: colors.warning },
  confirm: { gap: spacing.sm },
  actions: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.sm },
  overall: { fontSize: 28, fontWeight: '800', color: colors.primary },
  skill: { width: 90, fontSize: 15, fontWeight: '600', color: colors.text },
  skillBand: { width: 44, fontSize: 16, fontWeight: '700', color: colors.primary },
  skillNote: { flex: 1, textAlign: 'right' },
});
