import { ASSESSMENT_TYPE_NAMES, formatBand, resultTimeOf, type AssessmentSummary } from '@ielts-genai-prep/core';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useApp } from './app-context.js';
import { ErrorBanner } from './error-banner.js';
import { formatDateTime } from './labels.js';
import { Loading } from './page-parts.js';
import { Link } from './router.js';

/** Where an assessment opens: its result, or the speaking test still running. */
export function assessmentHref(assessment: AssessmentSummary): string {
  if (assessment.assessment_type === 'speaking' && !assessment.completed) {
    return `/speaking/sessions/${encodeURIComponent(assessment.assessment_id)}`;
  }
  return `/assessments/${encodeURIComponent(assessment.assessment_id)}`;
}

/** A speaking test started but not scored: it can be resumed, or discarded at no cost. */
export function isResumableSpeaking(assessment: AssessmentSummary): boolean {
  return assessment.assessment_type === 'speaking' && !assessment.completed;
}

/** A speaking test in progress: "Resume" goes back to it, "Discard" deletes it (and its recordings) at no cost. */
export function InProgressSpeakingRow({ assessment, onDiscarded }: { assessment: AssessmentSummary; onDiscarded: () => void }) {
  const { client } = useApp();
  const [state, setState] = useState<'idle' | 'confirming' | 'discarding'>('idle');
  const [error, setError] = useState<unknown>(null);
  const discard = async () => {
    setState('discarding');
    setError(null);
    try {
      await client.speaking.discard({ id: assessment.assessment_id });
      onDiscarded();
    } catch (caught) {
      setError(caught);
      setState('idle');
    }
  };
  return (
    <li className="assessment-row assessment-row-in-progress" data-assessment-type={assessment.assessment_type} data-in-progress="true">
      <div className="assessment-in-progress">
        <span className="assessment-type">{ASSESSMENT_TYPE_NAMES[assessment.assessment_type]}</span>
        <span className="assessment-date">{formatDateTime(assessment.timestamp)}</span>
        <span className="tag" data-testid="in-progress-status">
          In progress — not scored, costs nothing
        </span>
        <span className="assessment-actions">
          {state === 'confirming' ? (
            <>
              <span className="small">Discard this test and its recordings?</span>
              <button type="button" className="button button-small button-danger" onClick={() => void discard()}>
                Yes, discard
              </button>
              <button type="button" className="button button-small button-secondary" onClick={() => setState('idle')}>
                Keep it
              </button>
            </>
          ) : (
            <>
              <Link to={assessmentHref(assessment)} className="button button-small">
                Resume
              </Link>
              <button
                type="button"
                className="button button-small button-secondary"
                onClick={() => setState('confirming')}
                disabled={state === 'discarding'}
              >
                {state === 'discarding' ? 'Discarding…' : 'Discard'}
              </button>
            </>
          )}
        </span>
      </div>
      {error !== null && <ErrorBanner error={error} onRetry={() => void discard()} />}
    </li>
  );
}

/** One row of the history. */
export function AssessmentRow({ assessment }: { assessment: AssessmentSummary }) {
  return (
    <li className="assessment-row" data-assessment-type={assessment.assessment_type}>
      <Link to={assessmentHref(assessment)} className="assessment-link">
        <span className="assessment-type">
          {ASSESSMENT_TYPE_NAMES[assessment.assessment_type]}
          {assessment.question_title && <span className="assessment-title">{assessment.question_title}</span>}
        </span>
        <span className="assessment-date">{formatDateTime(resultTimeOf(assessment))}</span>
        <span className="assessment-band">
          {assessment.completed ? (
            <>
              <span className="visually-hidden">Band </span>
              {formatBand(assessment.overall_band)}
            </>
          ) : (
            <span className="tag">In progress</span>
          )}
        </span>
      </Link>
    </li>
  );
}

/** Props of {@link AssessmentList}. */
export interface AssessmentListProps {
  /** How many to load at a time. */
  pageSize: number;
  /** Called with everything loaded so far, whenever a page arrives. */
  onItems?: (items: AssessmentSummary[]) => void;
  emptyText?: string;
}

/** The learner's assessments, newest first, a page at a time with "Load more". */
export function AssessmentList({
  pageSize,
  onItems,
  emptyText = 'No assessments yet. Pick a skill above to start practising.',
}: AssessmentListProps) {
  const { client } = useApp();
  const queryClient = useQueryClient();
  const history = useInfiniteQuery({
    queryKey: ['assessments', 'history', pageSize],
    queryFn: ({ pageParam, signal }) =>
      client.assessments.list({ limit: pageSize, ...(pageParam ? { cursor: pageParam } : {}) }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor,
  });
  // A result scored between two pages moves the rest down by one: the same row would come twice.
  const items = useMemo(() => {
    const seen = new Set<string>();
    return (history.data?.pages ?? []).flatMap((page) =>
      page.items.filter((item) => {
        if (seen.has(item.assessment_id)) return false;
        seen.add(item.assessment_id);
        return true;
      }),
    );
  }, [history.data]);

  useEffect(() => {
    if (items.length > 0) onItems?.(items);
  }, [items, onItems]);

  // After a discard every list of results is read afresh (this one, the speaking page's, the dashboard's).
  const refresh = useCallback(() => void queryClient.invalidateQueries({ queryKey: ['assessments'] }), [queryClient]);
  const loading = history.isPending || history.isFetchingNextPage;
  const error = history.isError ? history.error : null;
  const loadMore = () => void history.fetchNextPage();

  return (
    <div className="assessment-list">
      {items.length > 0 && (
        <ul className="assessment-rows" data-testid="assessment-rows">
          {items.map((assessment) =>
            isResumableSpeaking(assessment) ? (
              <InProgressSpeakingRow key={assessment.assessment_id} assessment={assessment} onDiscarded={refresh} />
            ) : (
              <AssessmentRow key={assessment.assessment_id} assessment={assessment} />
            ),
          )}
        </ul>
      )}
      {history.isSuccess && items.length === 0 && <p className="muted">{emptyText}</p>}
      {loading && <Loading label={items.length > 0 ? 'Loading more…' : 'Loading your assessments…'} />}
      {error !== null && (
        <ErrorBanner error={error} onRetry={() => void (history.isFetchNextPageError ? history.fetchNextPage() : history.refetch())} />
      )}
      {!loading && error === null && history.hasNextPage && (
        <button type="button" className="button button-secondary" onClick={loadMore}>
          Load more
        </button>
      )}
    </div>
  );
}
