import type { PublicQuestion } from '@ielts-genai-prep/core';
import { useEffect, useId, useMemo, useState } from 'react';
import { AllowanceNotice, StartBlockedReason, isUsedUp, useAllowance, type Allowance } from './allowance.js';
import { answerSheetFrom, fieldErrorsOf, newIdempotencyKey, questionNumbers, type Answers } from '@ielts-genai-prep/app-kit';
import { useApp } from './app-context.js';
import { AnswerSheet } from './answer-sheet.js';
import { Countdown } from './countdown.js';
import { clearDraft, loadDraft, saveDraft } from './draft-storage.js';
import { ErrorBanner } from './error-banner.js';
import { SectionPlayer, type ListeningMode, type PlayableSection, type PlaybackStatus } from './listening-player.js';
import { Loaded, PageHeading } from './page-parts.js';
import { PassageText } from './passage-text.js';
import { Link, navigate } from './router.js';
import { browserSpeechSynthesis, useVoices } from './speech-synthesis.js';
import { useApiData } from './use-api-data.js';

const isAnswers = (value: unknown): value is Answers =>
  typeof value === 'object' && value !== null && Object.values(value).every((entry) => typeof entry === 'string');

/** A listening test under way: its mode, and the sections played (test mode plays each once, a reload included). */
export interface ListeningRun {
  mode: ListeningMode;
  played: number[];
}

const RUN_PREFIX = 'ielts-listening-run:';

/** The listening run kept for `questionId`, or null. */
export function loadListeningRun(questionId: string): ListeningRun | null {
  try {
    const parsed = JSON.parse(window.localStorage.getItem(RUN_PREFIX + questionId) ?? 'null') as Partial<ListeningRun> | null;
    if (!parsed || (parsed.mode !== 'test' && parsed.mode !== 'practice') || !Array.isArray(parsed.played)) return null;
    return { mode: parsed.mode, played: parsed.played.filter((part): part is number => typeof part === 'number') };
  } catch {
    return null;
  }
}

function saveListeningRun(questionId: string, run: ListeningRun | null): void {
  try {
    if (run) window.localStorage.setItem(RUN_PREFIX + questionId, JSON.stringify(run));
    else window.localStorage.removeItem(RUN_PREFIX + questionId);
  } catch {
    // Without storage, a reload forgets which sections were played.
  }
}

function TestRunner({ question, skill, run }: { question: PublicQuestion; skill: 'reading' | 'listening'; run?: ListeningRun }) {
  const { client } = useApp();
  const [synthesis] = useState(browserSpeechSynthesis);
  const voices = useVoices(synthesis);
  const mode = run?.mode ?? 'test';
  const [playback, setPlayback] = useState<Record<number, PlaybackStatus>>(() =>
    Object.fromEntries((run?.played ?? []).map((part) => [part, run?.mode === 'test' ? 'played' : 'ready'])),
  );
  const playingPart = Object.entries(playback).find(([, status]) => status === 'playing')?.[0];
  const setStatus = (part: number, status: PlaybackStatus) => {
    setPlayback((previous) => {
      const next = { ...previous, [part]: status };
      // Counted as played from the moment it starts: in test mode a reload does not give it again.
      const played = Object.entries(next)
        .filter(([, entry]) => entry !== 'ready')
        .map(([key]) => Number(key));
      saveListeningRun(question.question_id, { mode, played: [...new Set([...(run?.played ?? []), ...played])] });
      return next;
    });
  };
  const draftKey = `${skill}:${question.question_id}`;
  const initial = useMemo(() => loadDraft(draftKey, isAnswers), [draftKey]);
  const [answers, setAnswers] = useState<Answers>(initial?.value ?? {});
  const [idempotencyKey] = useState(() => initial?.idempotencyKey ?? newIdempotencyKey('sheet'));
  // Kept with the draft: a reload carries on with the time that was left.
  const [deadline] = useState(() => initial?.deadline ?? Date.now() + question.time_limit * 60_000);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Blanks are marked wrong, so submitting with some asks first.
  const [confirmingBlanks, setConfirmingBlanks] = useState(false);

  const parts =
    skill === 'reading'
      ? question.passages.map((passage) => ({
          part: passage.part,
          title: passage.title,
          text: passage.text,
          audioUrl: null as string | null,
          audioDurationSeconds: null as number | null,
        }))
      : question.sections.map((section) => ({
          part: section.part,
          title: section.title,
          text: section.transcript,
          audioUrl: section.audio_url,
          audioDurationSeconds: section.audio_duration_seconds,
        }));
  const [activePart, setActivePart] = useState(parts[0]?.part ?? 1);
  const current = parts.find((part) => part.part === activePart) ?? parts[0];
  const groups = question.question_groups.filter((group) => group.part === activePart);
  const total = questionNumbers(question.question_groups).length;
  const answered = Object.keys(answerSheetFrom(answers)).length;

  useEffect(() => {
    const timer = setTimeout(() => saveDraft(draftKey, { value: answers, idempotencyKey, deadline }), 300);
    return () => clearTimeout(timer);
  }, [draftKey, answers, idempotencyKey, deadline]);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const body = { question_id: question.question_id, answers: answerSheetFrom(answers), idempotency_key: idempotencyKey };
      const assessment = skill === 'reading' ? await client.reading.evaluate(body) : await client.listening.evaluate(body);
      clearDraft(draftKey);
      if (skill === 'listening') saveListeningRun(question.question_id, null);
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
          const partNumbers = question.question_groups
            .filter((group) => group.part === part.part)
            .flatMap((group) => group.questions.map((entry) => String(entry.number)));
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
              {skill === 'listening' && playback[part.part] === 'playing' && (
                <span role="img" aria-label=", playing">
                  {' '}
                  ♪
                </span>
              )}
              {skill === 'listening' && playback[part.part] === 'played' && (
                <span role="img" aria-label=", played">
                  {' '}
                  ✓
                </span>
              )}
              <span className="muted small">
                {' '}
                {partAnswered}/{partNumbers.length}
              </span>
            </button>
          );
        })}
      </nav>
      <div className="split split-test">
        {skill === 'listening' ? (
          <section className="card passage listening-section" aria-labelledby="passage-heading" data-mode={mode}>
            <p className="eyebrow">
              Section {current?.part} · {mode === 'test' ? 'Test mode' : 'Practice mode'}
            </p>
            <h2 id="passage-heading">{current?.title}</h2>
            {parts.map((part) => (
              <SectionPlayer
                key={part.part}
                section={
                  {
                    part: part.part,
                    title: part.title,
                    transcript: part.text,
                    audioUrl: part.audioUrl,
                    audioDurationSeconds: part.audioDurationSeconds,
                  } satisfies PlayableSection
                }
                mode={mode}
                status={playback[part.part] ?? 'ready'}
                onStatus={(status) => setStatus(part.part, status)}
                otherPlaying={playingPart !== undefined && Number(playingPart) !== part.part}
                synthesis={synthesis}
                voices={voices}
                hidden={part.part !== current?.part}
              />
            ))}
            {current && !current.audioUrl && !synthesis ? (
              <PassageText text={current.text} />
            ) : (
              <p className="muted small">The transcript is shown with your results, after you submit your answers.</p>
            )}
          </section>
        ) : (
          <section className="card passage" aria-labelledby="passage-heading">
            <h2 id="passage-heading">{current?.title}</h2>
            <PassageText text={current?.text ?? ''} />
          </section>
        )}
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
        {confirmingBlanks && !busy ? (
          <div className="confirm-submit" role="alertdialog" aria-labelledby="confirm-blanks">
            <p id="confirm-blanks">
              <strong>You have left {total - answered === 1 ? '1 question' : `${total - answered} questions`} blank. Submit anyway?</strong>
            </p>
            <div className="form-actions">
              <button type="button" className="button" onClick={() => void submit()}>
                Submit anyway
              </button>
              <button type="button" className="button button-secondary" onClick={() => setConfirmingBlanks(false)}>
                Keep answering
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            className="button"
            onClick={() => (answered < total ? setConfirmingBlanks(true) : void submit())}
            disabled={busy}
          >
            {busy ? 'Marking…' : 'Submit answers'}
          </button>
        )}
      </div>
    </>
  );
}

function ListeningStart({
  question,
  onStart,
  allowance,
}: {
  question: PublicQuestion;
  onStart: (mode: ListeningMode) => void;
  allowance: Allowance | null;
}) {
  const usedUp = isUsedUp(allowance);
  const reasonId = useId();
  const [mode, setMode] = useState<ListeningMode>('test');
  return (
    <section className="card listening-start" aria-labelledby="listening-start-heading">
      <h2 id="listening-start-heading">Before you start</h2>
      <p>
        {question.sections.length} sections, {question.time_limit} minutes. You hear each section and answer its questions; the transcript
        is shown only after you submit.
      </p>
      <fieldset className="mode-choice">
        <legend>How do you want to listen?</legend>
        <label className="choice">
          <input type="radio" name="listening-mode" value="test" checked={mode === 'test'} onChange={() => setMode('test')} />
          Test mode: each section plays once, as in the exam
        </label>
        <label className="choice">
          <input type="radio" name="listening-mode" value="practice" checked={mode === 'practice'} onChange={() => setMode('practice')} />
          Practice mode: replay sections as often as you like
        </label>
      </fieldset>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          onClick={() => onStart(mode)}
          disabled={usedUp}
          aria-describedby={usedUp ? reasonId : undefined}
        >
          Start the test
        </button>
      </div>
      {usedUp && <StartBlockedReason type="listening" id={reasonId} />}
    </section>
  );
}

/** Instead of a reading test when none is left: why it cannot be started, and where to buy more. */
function ReadingBlocked({ question }: { question: PublicQuestion }) {
  const reasonId = useId();
  return (
    <section className="card listening-start" aria-labelledby="reading-start-heading">
      <h2 id="reading-start-heading">Before you start</h2>
      <p>
        {question.passages.length} passages, {question.time_limit} minutes.
      </p>
      <div className="form-actions">
        <button type="button" className="button" disabled aria-describedby={reasonId}>
          Start the test
        </button>
      </div>
      <StartBlockedReason type={question.assessment_type} id={reasonId} />
    </section>
  );
}

function ListeningTest({ question, allowance }: { question: PublicQuestion; allowance: Allowance | null }) {
  const [run, setRun] = useState<ListeningRun | null>(() => loadListeningRun(question.question_id));
  if (!run) {
    return (
      <ListeningStart
        question={question}
        allowance={allowance}
        onStart={(mode) => {
          const started = { mode, played: [] };
          saveListeningRun(question.question_id, started);
          setRun(started);
        }}
      />
    );
  }
  return <TestRunner question={question} skill="listening" run={run} />;
}

function LoadedTest({ question, skill }: { question: PublicQuestion; skill: 'reading' | 'listening' }) {
  const allowance = useAllowance(question.assessment_type);
  return (
    <>
      <p className="breadcrumbs">
        <Link to={`/${skill}`}>← {skill === 'reading' ? 'Reading tests' : 'Listening tests'}</Link>
      </p>
      <PageHeading lead={question.prompt}>{question.title}</PageHeading>
      <AllowanceNotice type={question.assessment_type} allowance={allowance} />
      {skill === 'listening' ? (
        <ListeningTest question={question} allowance={allowance} />
      ) : isUsedUp(allowance) ? (
        <ReadingBlocked question={question} />
      ) : (
        <TestRunner question={question} skill={skill} />
      )}
    </>
  );
}

/** A reading or listening test: what is left of its type, then the passage beside its questions, or each section played (its transcript kept for the results). */
export function TestPage({ skill, questionId }: { skill: 'reading' | 'listening'; questionId: string }) {
  const { client } = useApp();
  const question = useApiData(['question', questionId], (signal) => client.questions.get({ id: questionId }, { signal }));
  return (
    <Loaded data={question} label="Loading the test…">
      {(loaded) => <LoadedTest question={loaded} skill={skill} />}
    </Loaded>
  );
}
