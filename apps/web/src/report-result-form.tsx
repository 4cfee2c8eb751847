import { isAnswerKeyType, type AssessmentType } from '@ielts-genai-prep/core';
import { useId, useState, type FormEvent } from 'react';
import { fieldErrorSentence, fieldErrorsOf } from '@ielts-genai-prep/app-kit';
import { useApp } from './app-context.js';
import { ErrorBanner } from './error-banner.js';

type Reason = 'score_seems_wrong' | 'feedback_unhelpful' | 'inappropriate_content' | 'answer_key_wrong' | 'technical_problem' | 'other';

const REASONS: Array<{ value: Reason; label: string; answerKeyOnly?: boolean }> = [
  { value: 'score_seems_wrong', label: 'The score seems wrong' },
  { value: 'answer_key_wrong', label: 'An answer in the key seems wrong', answerKeyOnly: true },
  { value: 'feedback_unhelpful', label: 'The feedback is not helpful' },
  { value: 'inappropriate_content', label: 'Something inappropriate' },
  { value: 'technical_problem', label: 'A technical problem' },
  { value: 'other', label: 'Something else' },
];

/** "Report this result": sends a content report about an assessment. */
export function ReportResultForm({ assessmentId, assessmentType }: { assessmentId: string; assessmentType: AssessmentType }) {
  const { client } = useApp();
  const reasonId = useId();
  const detailsId = useId();
  const [reason, setReason] = useState<Reason>('score_seems_wrong');
  const [details, setDetails] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const fieldErrors = fieldErrorsOf(error);
  const reasons = REASONS.filter((entry) => !entry.answerKeyOnly || isAnswerKeyType(assessmentType));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const text = details.trim();
      await client.contentReports.create({ target: { kind: 'assessment', id: assessmentId }, reason, ...(text ? { details: text } : {}) });
      setSent(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="card report">
      <summary>Report this result</summary>
      {sent ? (
        <p className="banner banner-success" role="status">
          Thank you. We will look into it.
        </p>
      ) : (
        <form className="form" onSubmit={submit}>
          <p className="muted">Tell us if something about this result looks wrong. A person will review it.</p>
          {error !== null && <ErrorBanner error={error} fields={['reason', 'details']} />}
          <div className="field">
            <label htmlFor={reasonId}>What is the problem?</label>
            <select id={reasonId} value={reason} onChange={(event) => setReason(event.target.value as Reason)}>
              {reasons.map((entry) => (
                <option key={entry.value} value={entry.value}>
                  {entry.label}
                </option>
              ))}
            </select>
          </div>
          <div className={`field${fieldErrors.details ? ' field-invalid' : ''}`}>
            <label htmlFor={detailsId}>Details (optional)</label>
            <textarea
              id={detailsId}
              rows={4}
              maxLength={2000}
              value={details}
              onChange={(event) => setDetails(event.target.value)}
              aria-invalid={fieldErrors.details ? true : undefined}
            />
            {fieldErrors.details && <p className="field-error">{fieldErrorSentence('details', fieldErrors.details)}</p>}
          </div>
          <button type="submit" className="button button-secondary" disabled={busy}>
            {busy ? 'Sending…' : 'Send report'}
          </button>
        </form>
      )}
    </details>
  );
}
