import { PROGRESS_RESULTS } from '@ielts-genai-prep/app-kit';
import type { PublicQuestion } from '@ielts-genai-prep/core';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { AllowanceNotice, StartBlockedReason, isUsedUp, useAllowance, type Allowance } from './allowance.js';
import { useApp } from './app-context.js';
import { InProgressSpeakingRow, isResumableSpeaking } from './assessment-list.js';
import { ErrorBanner } from './error-banner.js';
import { PageHeading } from './page-parts.js';
import { QuestionList } from './question-list.js';
import { navigate } from './router.js';
import { TranscriptPathNotice, deviceAbilities, useSpeakingSetup } from './transcript-path.js';
import { useApiData } from './use-api-data.js';

function SpeakingSetCard({ question, allowance }: { question: PublicQuestion; allowance: Allowance | null }) {
  const { client } = useApp();
  const usedUp = isUsedUp(allowance);
  const reasonId = useId();
  const start = useMutation({
    mutationFn: () => client.speaking.start({ question_id: question.question_id }),
    onSuccess: (session) => navigate(`/speaking/sessions/${encodeURIComponent(session.assessment_id)}`),
  });
  return (
    <div className="card question-card">
      <span className="question-card-title">{question.title}</span>
      {question.speaking && (
        <ul className="muted small speaking-topics">
          <li>Part 1: {question.speaking.part1.topic}</li>
          <li>Part 2: {question.speaking.part2.topic}</li>
          <li>Part 3: {question.speaking.part3.topic}</li>
        </ul>
      )}
      {start.error !== null && <ErrorBanner error={start.error} onRetry={() => start.mutate()} />}
      <button
        type="button"
        className="button"
        onClick={() => start.mutate()}
        disabled={start.isPending || usedUp}
        aria-describedby={usedUp ? reasonId : undefined}
      >
        {start.isPending ? 'Starting…' : 'Start this test'}
      </button>
      {usedUp && <StartBlockedReason type="speaking" id={reasonId} />}
    </div>
  );
}

/** Speaking tests started and not scored, among the learner's latest assessments. */
function UnfinishedTests() {
  const { client } = useApp();
  // The dashboard's read of the latest results: one request, one cache entry, serves both.
  const recent = useApiData(['assessments', { limit: PROGRESS_RESULTS }], (signal) =>
    client.assessments.list({ limit: PROGRESS_RESULTS }, { signal }),
  );
  const unfinished = recent.status === 'ready' ? recent.data.items.filter(isResumableSpeaking) : [];
  if (unfinished.length === 0) return null;
  return (
    <section className="card unfinished-tests" aria-labelledby="unfinished-heading">
      <h2 id="unfinished-heading">Tests you have not finished</h2>
      <p className="muted small">
        A test is charged only when it is scored. Resume one where you left off, or discard it with its recordings.
      </p>
      <ul className="assessment-rows" data-testid="unfinished-tests">
        {unfinished.map((assessment) => (
          <InProgressSpeakingRow key={assessment.assessment_id} assessment={assessment} onDiscarded={recent.retry} />
        ))}
      </ul>
    </section>
  );
}

/** Choose a speaking set and start a test; first, how answers will be transcribed here, and any test left unfinished. */
export function SpeakingPage() {
  const { setup, loading, failed } = useSpeakingSetup();
  const [abilities] = useState(deviceAbilities);
  const allowance = useAllowance('speaking');
  return (
    <>
      <PageHeading lead="Three parts, about 11–14 minutes. The examiner reads each question aloud; you answer out loud, as in the test.">
        Speaking practice
      </PageHeading>
      <AllowanceNotice type="speaking" allowance={allowance} />
      {!loading && <TranscriptPathNotice setup={setup} abilities={abilities} failed={failed} />}
      <UnfinishedTests />
      <QuestionList
        key="speaking"
        type="speaking"
        renderItem={(question) => <SpeakingSetCard question={question} allowance={allowance} />}
      />
    </>
  );
}
