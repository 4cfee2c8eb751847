import type { PublicQuestion } from '@ielts-genai-prep/core';
import { useEffect, useMemo, useState } from 'react';
import { fieldErrorsOf } from './api-error-text.js';
import { useApp } from './app-context.js';
import { AnswerSheet, answerSheetFrom, questionNumbers, type Answers } from './answer-sheet.js';
import { Countdown } from './countdown.js';
import { clearDraft, loadDraft, newIdempotencyKey, saveDraft } from './draft-storage.js';
import { ErrorBanner } from './error-banner.js';
import { Loaded, PageHeading } from './page-parts.js';
import { PassageText } from './passage-text.js';
import { Link, navigate } from './router.js';
import { useApiData } from './use-api-data.js';

const isAnswers = (value: unknown): value is Answers =>
  typeof value === 'object' && value !== null && Object.values(value).every((entry) => typeof entry === 'string');

function TestRunner({ question, skill }: { question: PublicQuestion; skill: 'reading' | 'listening' }) {
  const { client } = useApp();
  const draftKey = `${skill}:${question.question_id}`;
  const initial = useMemo(() => loadDraft(draftKey, isAnswers), [draftKey]);
  const [answers, setAnswers] = useState<Answers>(initial?.value ?? {});
  const [idempotencyKey] = useState(() => initial?.idempotencyKey ?? newIdempotencyKey());
  const [deadline] = useState(() => Date.now() + question.time_limit * 60_000);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const parts =
    skill === 'reading'
      ? question.passages.map((passage) => ({ part: passage.part, title: passage.title, text: passage.text, audioUrl: null as string | null }))
      : question.sections.map((section) => ({ part: section.part, title: section.title, text: section.transcript, audioUrl: section.audio_url }));
  const [activePart, setActivePart] = useState(parts[0]?.part ?? 1);
  const current = parts.find((part) => part.part === activePart) ?? parts[0];
  const groups = question.question_groups.filter((group) => group.part === activePart);
  const total = questionNumbers(question.question_groups).length;
  const answered = Object.keys(answerSheetFrom(answers)).length;

  useEffect(() => {
    const timer = setTimeout(() => saveDraft(draftKey, { value: answers, idempotencyKey }), 300);
    return () => clearTimeout(timer);
  }, [draftKey, answers, idempotencyKey]);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const body = { question_id: question.question_id, answers: answerSheetFrom(answers), idempotency_key: idempotencyKey };
      const assessment = skill === 'reading' ? await client.reading.evaluate(body) : await client.listening.evaluate(body);
      clearDraft(draftKey);
      navigate(`/assessments/${encodeURIComponent(assessment.assessment_id)}`);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <>
      <div className="test-bar">
        <Countdown deadline={deadline} label="Time left" />
        <span className="muted" data-testid="answered-count">
          {answered} of {total} answered
        </span>
      </div>
      <nav className="part-tabs" aria-label={skill === 'reading' ? 'Passages' : 'Sections'}>
        {parts.map((part) => {
          const partNumbers = question.question_groups.filter((group) => group.part === part.part).flatMap((group) => group.questions.map((entry) => String(entry.number)));
          const partAnswered = partNumbers.filter((number) => (answers[number] ?? '').trim() !== '').length;
          return (
            <button
              key={part.part}
              type="button"
              className="part-tab"
              aria-pressed={part.part === activePart}
              onClick={() => setActivePart(part.part)}
            >
              {skill === 'reading' ? 'Passage' : 'Section'} {part.part}
              <span className="muted small">
                {' '}
                {partAnswered}/{partNumbers.length}
              </span>
            </button>
          );
        })}
      </nav>
      <div className="split split-test">
        <section className="card passage" aria-labelledby="passage-heading">
          <h2 id="passage-heading">{current?.title}</h2>
          {current?.audioUrl && (
            <audio controls src={current.audioUrl} className="section-audio">
              Your browser cannot play this recording.
            </audio>
          )}
          {skill === 'listening' ? (
            <details open={!current?.audioUrl}>
              <summary>Transcript</summary>
              <PassageText text={current?.text ?? ''} />
            </details>
          ) : (
            <PassageText text={current?.text ?? ''} />
          )}
        </section>
        <section className="card questions-pane" aria-label="Questions">
          <AnswerSheet
            groups={groups}
            answers={answers}
            errors={fieldErrorsOf(error)}
            disabled={busy}
            onChange={(number, value) => setAnswers((previous) => ({ ...previous, [String(number)]: value }))}
          />
        </section>
      </div>
      <div className="submit-bar card">
        {error !== null && <ErrorBanner error={error} onRetry={() => void submit()} fields={Object.keys(fieldErrorsOf(error))} />}
        <p>
          You have answered <strong>{answered}</strong> of {total} questions.
          {answered < total && ' Unanswered questions are marked wrong.'}
        </p>
        <button type="button" className="button" onClick={() => void submit()} disabled={busy}>
          {busy ? 'Marking…' : 'Submit answers'}
        </button>
      </div>
    </>
  );
}

/** A reading or listening test: the passage or transcript beside its questions. */
export function TestPage({ skill, questionId }: { skill: 'reading' | 'listening'; questionId: string }) {
  const { client } = useApp();
  const question = useApiData((signal) => client.questions.get({ id: questionId }, { signal }), [client, questionId]);
  return (
    <Loaded data={question} label="Loading the test…">
      {(loaded) => (
        <>
          <p className="breadcrumbs">
            <Link to={`/${skill}`}>← {skill === 'reading' ? 'Reading tests' : 'Listening tests'}</Link>
          </p>
          <PageHeading lead={loaded.prompt}>{loaded.title}</PageHeading>
          <TestRunner question={loaded} skill={skill} />
        </>
      )}
    </Loaded>
  );
}
