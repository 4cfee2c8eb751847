import { ASSESSMENT_TYPE_NAMES, type PublicQuestion } from '@ielts-genai-prep/core';
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { AllowanceNotice, StartBlockedReason, isUsedUp, useAllowance, type Allowance } from './allowance.js';
import { fieldErrorsOf, minimumWordsFor, newIdempotencyKey, wordCountStatus } from '@ielts-genai-prep/app-kit';
import { useApp } from './app-context.js';
import { Countdown } from './countdown.js';
import { clearDraft, loadDraft, saveDraft } from './draft-storage.js';
import { ErrorBanner } from './error-banner.js';
import { Loaded, PageHeading } from './page-parts.js';
import { QuestionPrompt } from './question-prompt.js';
import { Link, navigate } from './router.js';
import { useApiData } from './use-api-data.js';
import { WordCounter } from './word-counter.js';

const isString = (value: unknown): value is string => typeof value === 'string';

function EssayEditor({ question, allowance }: { question: PublicQuestion; allowance: Allowance | null }) {
  const { client } = useApp();
  const draftKey = `writing:${question.question_id}`;
  const initial = useMemo(() => loadDraft(draftKey, isString), [draftKey]);
  const [essay, setEssay] = useState(initial?.value ?? '');
  const [idempotencyKey, setIdempotencyKey] = useState(() => initial?.idempotencyKey ?? newIdempotencyKey('essay'));
  // Kept with the draft: a reload carries on with the time that was left.
  const [deadline] = useState(() => initial?.deadline ?? Date.now() + question.time_limit * 60_000);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const minimum = minimumWordsFor(question);
  const status = wordCountStatus(essay, minimum);
  const editorId = useId();
  const fieldErrors = fieldErrorsOf(error);
  // Nothing left: the learner is told before writing, not after submitting.
  const usedUp = isUsedUp(allowance);

  useEffect(() => {
    const timer = setTimeout(() => saveDraft(draftKey, { value: essay, idempotencyKey, deadline }), 400);
    return () => clearTimeout(timer);
  }, [draftKey, essay, idempotencyKey, deadline]);

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      const assessment = await client.writing.evaluate({ question_id: question.question_id, essay, idempotency_key: idempotencyKey });
      clearDraft(draftKey);
      setIdempotencyKey(newIdempotencyKey('essay'));
      navigate(`/assessments/${encodeURIComponent(assessment.assessment_id)}`);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };

  return (
    <form className="editor card" onSubmit={submit} aria-busy={busy}>
      <div className="editor-toolbar">
        <Countdown deadline={deadline} label="Time left" expiredText="Time's up — finish your sentence and submit" />
      </div>
      <label htmlFor={editorId} className="editor-label">
        Your answer
      </label>
      <textarea
        id={editorId}
        className="essay-input"
        value={essay}
        onChange={(event) => setEssay(event.target.value)}
        rows={18}
        spellCheck={false}
        autoCapitalize="sentences"
        aria-describedby={`${editorId}-count${fieldErrors.essay ? ` ${editorId}-error` : ''}`}
        aria-invalid={fieldErrors.essay ? true : undefined}
        disabled={busy || usedUp}
        placeholder="Start writing here…"
      />
      {fieldErrors.essay && (
        <p className="field-error" id={`${editorId}-error`}>
          Essay {fieldErrors.essay}
        </p>
      )}
      <WordCounter text={essay} minimum={minimum} id={`${editorId}-count`} />
      <p className="muted small">Spell-checking is off, as in the exam. Your draft is saved in this browser as you type.</p>
      {error !== null && <ErrorBanner error={error} onRetry={() => void send()} fields={['essay']} />}
      {!status.reached && status.words > 0 && (
        <p className="banner banner-warning">
          Your answer is under {minimum} words. You can still submit it, but answers under the minimum lose marks.
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy || usedUp} aria-describedby={usedUp ? `${editorId}-blocked` : undefined}>
          {busy ? 'Scoring your answer…' : 'Submit for scoring'}
        </button>
        {busy && (
          <span role="status" className="muted">
            This usually takes a few seconds.
          </span>
        )}
      </div>
      {usedUp && <StartBlockedReason type={question.assessment_type} id={`${editorId}-blocked`} />}
    </form>
  );
}

function WritingTask({ question }: { question: PublicQuestion }) {
  const allowance = useAllowance(question.assessment_type);
  return (
    <>
      <p className="breadcrumbs">
        <Link to={`/writing?type=${question.assessment_type}`}>← {ASSESSMENT_TYPE_NAMES[question.assessment_type]}</Link>
      </p>
      <PageHeading lead={`${question.time_limit} minutes · at least ${question.word_limit ?? '–'} words`}>{question.title}</PageHeading>
      <AllowanceNotice type={question.assessment_type} allowance={allowance} />
      <div className="split">
        <QuestionPrompt question={question} />
        <EssayEditor question={question} allowance={allowance} />
      </div>
    </>
  );
}

/** One writing question: what is left of its type, and the prompt (and chart) beside an editor with word count and timer. */
export function WritingTaskPage({ questionId }: { questionId: string }) {
  const { client } = useApp();
  const question = useApiData(['question', questionId], (signal) => client.questions.get({ id: questionId }, { signal }));
  return (
    <Loaded data={question} label="Loading the question…">
      {(loaded) => <WritingTask question={loaded} />}
    </Loaded>
  );
}
