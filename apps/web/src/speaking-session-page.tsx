import type { SpeakingSessionView } from '@ielts-genai-prep/core';
import { useId, useState } from 'react';
import { blobToBase64, useAudioRecorder } from './audio-recorder.js';
import { useApp } from './app-context.js';
import { Countdown } from './countdown.js';
import { ErrorBanner } from './error-banner.js';
import { formatClock } from './labels.js';
import { Loaded, PageHeading } from './page-parts.js';
import { navigate } from './router.js';
import { useApiData } from './use-api-data.js';

const PHASES: Array<{ part: 1 | 2 | 3; label: string }> = [
  { part: 1, label: 'Part 1 · Interview' },
  { part: 2, label: 'Part 2 · Long turn' },
  { part: 3, label: 'Part 3 · Discussion' },
];

/** The part a phase belongs to (0 once finished). */
export function partOfPhase(phase: SpeakingSessionView['phase']): number {
  if (phase === 'part1') return 1;
  if (phase === 'part2_preparation' || phase === 'part2_talk') return 2;
  if (phase === 'part3') return 3;
  return 4;
}

function Stepper({ phase }: { phase: SpeakingSessionView['phase'] }) {
  const current = partOfPhase(phase);
  return (
    <ol className="stepper" aria-label="Progress through the test">
      {PHASES.map((step) => (
        <li
          key={step.part}
          className={step.part < current ? 'step-done' : step.part === current ? 'step-current' : undefined}
          aria-current={step.part === current ? 'step' : undefined}
        >
          {step.label}
        </li>
      ))}
    </ol>
  );
}

function PromptCard({ view }: { view: SpeakingSessionView }) {
  const prompt = view.current_prompt;
  if (!prompt) return null;
  const cueCard = prompt.cue_card.length > 0;
  return (
    <section className={`card prompt-card${cueCard ? ' cue-card' : ''}`} aria-live="polite" aria-labelledby="speaking-prompt">
      <p className="eyebrow">Part {prompt.part}</p>
      <h2 id="speaking-prompt" className="speaking-question">
        {prompt.text}
      </h2>
      {cueCard && (
        <>
          <p>You should say:</p>
          <ul>
            {prompt.cue_card.slice(0, -1).map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ul>
          <p>{prompt.cue_card[prompt.cue_card.length - 1]}</p>
        </>
      )}
    </section>
  );
}

function Preparation({ view, onOver }: { view: SpeakingSessionView; onOver: () => void }) {
  const notesId = useId();
  const [notes, setNotes] = useState('');
  const deadline = view.phase_deadline_at ? Date.parse(view.phase_deadline_at) : Date.now() + 60_000;
  return (
    <section className="card preparation" aria-labelledby="preparation-heading">
      <h2 id="preparation-heading">One minute to prepare</h2>
      <Countdown deadline={deadline} label="Preparation time" expiredText="Time to talk" onExpire={() => setTimeout(onOver, 600)} />
      <p className="muted">Make notes if you wish; they stay on this page and are not scored. You will then talk for one to two minutes.</p>
      <label htmlFor={notesId}>Your notes</label>
      <textarea id={notesId} rows={5} value={notes} onChange={(event) => setNotes(event.target.value)} />
    </section>
  );
}

function AnswerPanel({ view, onView, onReload }: { view: SpeakingSessionView; onView: (view: SpeakingSessionView) => void; onReload: () => void }) {
  const { client } = useApp();
  const recorder = useAudioRecorder();
  const transcriptId = useId();
  const [transcript, setTranscript] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const prompt = view.current_prompt;
  if (!prompt) return null;
  const recording = recorder.recording;
  const canSend = !busy && recorder.state !== 'recording' && (recording !== null || transcript.trim() !== '');

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      const audio = recording ? { data: await blobToBase64(recording.blob), mime_type: recording.mimeType } : undefined;
      const text = transcript.trim();
      const next = await client.speaking.submitTurn(
        { id: view.assessment_id },
        {
          part: prompt.part,
          // Binds the answer to this question: if the test moved on meanwhile, it is a 409, not an answer to the next one.
          prompt_id: prompt.prompt_id,
          ...(audio ? { audio, duration_ms: recording?.durationMs } : {}),
          ...(text ? { transcript: { text }, transcript_source: 'typed' as const } : {}),
        },
      );
      setTranscript('');
      recorder.discard();
      onView(next);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const talkDeadline = view.phase === 'part2_talk' && view.phase_deadline_at ? Date.parse(view.phase_deadline_at) : null;

  return (
    <section className="card answer-panel" aria-labelledby="answer-heading">
      <h2 id="answer-heading">Your answer</h2>
      {talkDeadline !== null && <Countdown deadline={talkDeadline} label="Talk time left" />}
      {recorder.state !== 'unsupported' && (
        <div className="recorder">
          {recorder.state === 'recording' ? (
            <button type="button" className="button button-record recording" onClick={recorder.stop}>
              ■ Stop recording <span className="recorder-time">{formatClock(recorder.elapsedMs / 1000)}</span>
            </button>
          ) : (
            <button type="button" className="button button-record" onClick={() => void recorder.start()} disabled={busy || recorder.state === 'requesting' || recorder.state === 'denied'}>
              ● {recording ? 'Record again' : 'Record your answer'}
            </button>
          )}
          {recording && (
            <div className="recording-preview">
              <audio controls src={recording.url} aria-label="Your recording" />
              <span className="muted small">{formatClock(recording.durationMs / 1000)} recorded</span>
              <button type="button" className="link-button" onClick={recorder.discard}>
                Discard
              </button>
            </div>
          )}
          {recorder.problem && <p className="field-error">{recorder.problem}</p>}
        </div>
      )}
      {recorder.state === 'unsupported' && <p className="muted">This browser cannot record audio here, so type what you would say.</p>}
      <label htmlFor={transcriptId}>{recorder.state === 'unsupported' ? 'Your answer' : 'Or type your answer (also used as a transcript of your recording)'}</label>
      <textarea id={transcriptId} rows={6} value={transcript} onChange={(event) => setTranscript(event.target.value)} disabled={busy} />
      {error !== null && (
        <>
          <ErrorBanner error={error} onRetry={() => void send()} fields={[]} />
          <p className="muted small">
            If the test has moved on (a part can run out of time),{' '}
            <button type="button" className="link-button" onClick={onReload}>
              reload the test
            </button>
            .
          </p>
        </>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void send()} disabled={!canSend}>
          {busy ? 'Sending…' : 'Submit answer'}
        </button>
      </div>
    </section>
  );
}

function Finish({ view }: { view: SpeakingSessionView }) {
  const { client } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const finish = async () => {
    setBusy(true);
    setError(null);
    try {
      const assessment = await client.speaking.complete({ id: view.assessment_id });
      navigate(`/assessments/${encodeURIComponent(assessment.assessment_id)}`, { replace: true });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  return (
    <section className="card finish" aria-labelledby="finish-heading">
      <h2 id="finish-heading">{view.phase === 'finished' ? 'The test is over' : 'Ready to finish?'}</h2>
      <p className="muted">
        {view.phase === 'finished'
          ? 'Get your band for each criterion and feedback on your answers.'
          : 'You have answered every part. You can answer more questions, or finish now and get your score.'}
      </p>
      {error !== null && <ErrorBanner error={error} onRetry={() => void finish()} />}
      <button type="button" className="button" onClick={() => void finish()} disabled={busy}>
        {busy ? 'Scoring your test…' : 'Finish and get my score'}
      </button>
    </section>
  );
}

/** A speaking test in progress: the prompt or cue card, preparation, recording or typing, then scoring. */
export function SpeakingSessionPage({ sessionId }: { sessionId: string }) {
  const { client } = useApp();
  const session = useApiData((signal) => client.speaking.get({ id: sessionId }, { signal }), [client, sessionId]);
  return (
    <>
      <PageHeading>Speaking test</PageHeading>
      <Loaded data={session} label="Loading your speaking test…">
        {(view) => (
          <div className="speaking" data-phase={view.phase}>
            <Stepper phase={view.phase} />
            <p className="muted small">
              {view.turns_completed} {view.turns_completed === 1 ? 'answer' : 'answers'} given
            </p>
            <PromptCard view={view} />
            {view.phase === 'part2_preparation' && <Preparation key={view.phase_deadline_at} view={view} onOver={session.retry} />}
            {view.phase !== 'part2_preparation' && view.phase !== 'finished' && (
              <AnswerPanel key={`${view.turns_completed}`} view={view} onView={session.setData} onReload={session.retry} />
            )}
            {(view.can_complete || view.phase === 'finished') && <Finish view={view} />}
          </div>
        )}
      </Loaded>
    </>
  );
}
