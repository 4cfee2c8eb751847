import { ApiError } from '@ielts-genai-prep/api-client';
import { formatClock } from '@ielts-genai-prep/app-kit';
import { SPEAKING_TIMINGS, type SpeakingSessionView, type SpeakingTurnSubmission, type Transcript } from '@ielts-genai-prep/core';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { blobToBase64, useAudioRecorder, type AudioMimeType } from './audio-recorder.js';
import { useApp } from './app-context.js';
import { Countdown } from './countdown.js';
import { ErrorBanner } from './error-banner.js';
import { ExaminerVoiceControls, examinerSpeech, useExaminerVoice, type ExaminerVoice } from './examiner-voice.js';
import { Loaded, Loading, PageHeading } from './page-parts.js';
import { navigate } from './router.js';
import { createDeviceTranscriber, type DeviceTranscriber } from './speech-recognition.js';
import { deviceAbilities, transcriptPathOf, useSpeakingSetup, type TranscriptPath } from './transcript-path.js';
import { useApiData } from './use-api-data.js';

const PHASES: Array<{ part: 1 | 2 | 3; label: string }> = [
  { part: 1, label: 'Part 1 · Interview' },
  { part: 2, label: 'Part 2 · Long turn' },
  { part: 3, label: 'Part 3 · Discussion' },
];

/** The long turn's prompt id: the talk itself, as against its follow-up questions. */
const TALK_PROMPT_ID = 'part2-0';

/** The part a phase belongs to (0 once finished). */
export function partOfPhase(phase: SpeakingSessionView['phase']): number {
  if (phase === 'part1') return 1;
  if (phase === 'part2_preparation' || phase === 'part2_talk') return 2;
  if (phase === 'part3') return 3;
  return 4;
}

/** True while the candidate gives the Part 2 talk (not its follow-up questions). */
export function isTalk(view: SpeakingSessionView): boolean {
  return view.phase === 'part2_talk' && view.current_prompt?.prompt_id === TALK_PROMPT_ID;
}

/**
 * When the talk must end: two minutes from the moment recording started, not from when the talk
 * phase began (the microphone can take a moment, or ask for permission). The recording starts by
 * itself when preparation ends, so in the normal course this is the test's own deadline too.
 */
export function talkEndsAt(recordingStartedAt: number): number {
  return recordingStartedAt + SPEAKING_TIMINGS.part2.maximumTalkSeconds * 1000;
}

/** What an answer is made of, to build the turn sent for it. */
export interface AnswerParts {
  part: 1 | 2 | 3;
  promptId: string;
  path: TranscriptPath;
  audio?: { data: string; mime_type: AudioMimeType; durationMs: number };
  /** The text in the answer box. */
  text: string;
  /** What the device's speech recognition heard, when it ran. */
  recognised: Transcript | null;
}

/**
 * The turn to submit: always the prompt id; the recording and its duration when there is one;
 * the device's transcript with its word times when the learner left it as recognised
 * (`transcript_source: 'device'`), or the typed or corrected text (`typed`). When the server
 * transcribes audio, a recording goes without a transcript: the examiner model writes its own.
 */
export function turnSubmission(answer: AnswerParts): SpeakingTurnSubmission {
  const text = answer.text.trim();
  const audio = answer.audio
    ? { audio: { data: answer.audio.data, mime_type: answer.audio.mime_type }, duration_ms: answer.audio.durationMs }
    : {};
  let transcript: Pick<SpeakingTurnSubmission, 'transcript' | 'transcript_source'> = {};
  if (text !== '' && !(answer.path === 'server' && answer.audio)) {
    transcript =
      answer.recognised && answer.recognised.text.trim() === text
        ? { transcript: { text, words: answer.recognised.words }, transcript_source: 'device' }
        : { transcript: { text, words: [] }, transcript_source: 'typed' };
  }
  return { part: answer.part, prompt_id: answer.promptId, ...audio, ...transcript };
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

function PromptCard({ view, voice }: { view: SpeakingSessionView; voice: ExaminerVoice }) {
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
      <ExaminerVoiceControls voice={voice} />
    </section>
  );
}

function Preparation({
  view,
  notes,
  onNotes,
  onStartTalking,
  moving,
}: {
  view: SpeakingSessionView;
  notes: string;
  onNotes: (notes: string) => void;
  onStartTalking: () => void;
  moving: boolean;
}) {
  const notesId = useId();
  const [fallbackDeadline] = useState(() => Date.now() + SPEAKING_TIMINGS.part2.preparationSeconds * 1000);
  const deadline = view.phase_deadline_at ? Date.parse(view.phase_deadline_at) : fallbackDeadline;
  return (
    <section className="card preparation" aria-labelledby="preparation-heading">
      <h2 id="preparation-heading">One minute to prepare</h2>
      <Countdown deadline={deadline} label="Preparation time" expiredText="Time to talk" onExpire={onStartTalking} />
      <p className="muted">
        Make notes if you wish; they stay on screen while you talk and are not scored. Then talk for one to two minutes: recording starts
        when you press “Start talking now” or when the minute is up, and your two minutes run from then.
      </p>
      <label htmlFor={notesId}>Your notes</label>
      <textarea id={notesId} rows={5} value={notes} onChange={(event) => onNotes(event.target.value)} />
      <div className="form-actions">
        <button type="button" className="button" onClick={onStartTalking} disabled={moving}>
          {moving ? 'Moving on…' : 'Start talking now'}
        </button>
      </div>
    </section>
  );
}

function TalkNotes({ notes }: { notes: string }) {
  return (
    <section className="card talk-notes" aria-labelledby="talk-notes-heading">
      <h2 id="talk-notes-heading">Your notes</h2>
      {notes.trim() ? (
        <p className="notes-text" data-testid="talk-notes">
          {notes}
        </p>
      ) : (
        <p className="muted" data-testid="talk-notes">
          You made no notes.
        </p>
      )}
    </section>
  );
}

const PATH_LINES: Record<TranscriptPath, string> = {
  server: 'Record your answer: the examiner model transcribes and scores the recording.',
  device: 'Record your answer: this device writes down what you say as you speak.',
  typed: 'Type your answer. A recording is kept with it but not scored.',
};

interface AnswerPanelProps {
  view: SpeakingSessionView;
  path: TranscriptPath;
  voice: ExaminerVoice;
  /** Start recording at once: the talk has just begun ("Start talking now", or preparation time is up). */
  autoRecord?: boolean;
  onView: (view: SpeakingSessionView) => void;
  /** The server said the answer was for a question that is no longer current (409). */
  onConflict: () => void;
}

function AnswerPanel({ view, path, voice, autoRecord = false, onView, onConflict }: AnswerPanelProps) {
  const { client } = useApp();
  const recorder = useAudioRecorder();
  const answerId = useId();
  const [text, setText] = useState('');
  const [heard, setHeard] = useState('');
  const [recognised, setRecognised] = useState<Transcript | null>(null);
  const [recognising, setRecognising] = useState(false);
  const [recognitionProblem, setRecognitionProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const transcriberRef = useRef<DeviceTranscriber | null>(null);
  const autoSubmitRef = useRef(false);
  const prompt = view.current_prompt;
  const talk = isTalk(view);
  const recording = recorder.recording;
  const isRecording = recorder.state === 'recording';
  const canRecord = recorder.state !== 'unsupported';

  // The device listens from the moment the microphone is recording.
  useEffect(() => {
    if (!isRecording || path !== 'device' || transcriberRef.current) return;
    const transcriber = createDeviceTranscriber({ onText: setHeard });
    transcriberRef.current = transcriber;
    transcriber.start();
  }, [isRecording, path]);
  useEffect(
    () => () => {
      transcriberRef.current?.abort();
      transcriberRef.current = null;
    },
    [],
  );

  const startRecording = () => {
    // The examiner stops when the candidate starts: the microphone must not hear the question.
    voice.stop();
    setRecognitionProblem(null);
    setHeard('');
    if (path === 'device') {
      setRecognised(null);
      setText('');
    }
    void recorder.start();
  };

  const stopRecording = () => {
    const transcriber = transcriberRef.current;
    transcriberRef.current = null;
    const durationMs = recorder.startedAt === null ? undefined : Date.now() - recorder.startedAt;
    recorder.stop();
    if (!transcriber) return;
    setRecognising(true);
    void transcriber.stop(durationMs).then(({ transcript, problem }) => {
      setRecognising(false);
      setHeard('');
      if (transcript.text.trim()) {
        setRecognised(transcript);
        setText(transcript.text);
      }
      setRecognitionProblem(
        problem ?? (transcript.text.trim() ? null : 'Nothing was recognised in this recording. Record again, or type your answer.'),
      );
    });
  };
  const stopRecordingRef = useRef(stopRecording);
  stopRecordingRef.current = stopRecording;

  // As in the test, the candidate starts talking when preparation ends: recording starts then
  // (typed answers need no recording).
  const autoStartedRef = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the talk panel appears; startRecording is new on every render.
  useEffect(() => {
    if (!autoRecord || !talk || path === 'typed' || recorder.state !== 'idle' || autoStartedRef.current) return;
    autoStartedRef.current = true;
    startRecording();
  }, [autoRecord, talk, path, recorder.state]);

  const discardRecording = () => {
    transcriberRef.current?.abort();
    transcriberRef.current = null;
    recorder.discard();
    if (path === 'device' && recognised && text.trim() === recognised.text.trim()) setText('');
    setRecognised(null);
    setRecognitionProblem(null);
  };

  // The talk: two minutes from the start of recording, then it stops and is sent, as the examiner stops the candidate.
  const talkDeadline = talk && isRecording && recorder.startedAt !== null ? talkEndsAt(recorder.startedAt) : null;
  useEffect(() => {
    if (talkDeadline === null) return;
    const timer = setTimeout(
      () => {
        autoSubmitRef.current = true;
        stopRecordingRef.current();
      },
      Math.max(0, talkDeadline - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [talkDeadline]);

  const send = async () => {
    if (!prompt) return;
    setBusy(true);
    setError(null);
    try {
      const audio = recording
        ? { data: await blobToBase64(recording.blob), mime_type: recording.mimeType, durationMs: recording.durationMs }
        : undefined;
      // Bound to this question by its prompt id: if the test moved on meanwhile, it is a 409, not an answer to the next one.
      const body = turnSubmission({ part: prompt.part, promptId: prompt.prompt_id, path, ...(audio ? { audio } : {}), text, recognised });
      const next = await client.speaking.submitTurn({ id: view.assessment_id }, body);
      recorder.discard();
      onView(next);
    } catch (caught) {
      if (ApiError.isInstance(caught) && caught.status === 409) {
        onConflict();
        return;
      }
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (autoSubmitRef.current && recorder.state === 'stopped' && recording && !recognising && !busy) {
      autoSubmitRef.current = false;
      void send();
    }
  });

  if (!prompt) return null;
  // While the device listens, its live transcript stands in for the box; with a transcribing server, a recording needs no box.
  const showTextBox = path === 'device' ? !isRecording : path !== 'server' || !recording || !canRecord;
  const hasAnswer = recording !== null || text.trim() !== '';
  const canSend = !busy && !isRecording && !recognising && recorder.state !== 'requesting' && hasAnswer;
  const unscoredRecording = recording !== null && path !== 'server' && text.trim() === '' && !recognising;
  const textLabel =
    path === 'device'
      ? recognised
        ? 'What was recognised (correct it if you need to; a corrected answer counts as typed)'
        : 'Or type your answer'
      : path === 'server'
        ? 'Cannot record? Type your answer instead'
        : canRecord
          ? 'Type your answer (your recording is kept but not scored)'
          : 'Your answer';

  return (
    <section className="card answer-panel" aria-labelledby="answer-heading" data-transcript-path={path}>
      <h2 id="answer-heading">Your answer</h2>
      <p className="muted small">{canRecord ? PATH_LINES[path] : 'This browser cannot record audio here, so type what you would say.'}</p>
      {talk && talkDeadline !== null && (
        <Countdown deadline={talkDeadline} label="Talk time left" expiredText="Time’s up: sending your talk" />
      )}
      {talk && !isRecording && !recording && canRecord && recorder.state !== 'requesting' && (
        <p className="talk-hint">
          Press “Record your answer” when you start talking: your two minutes start then, and the recording stops and is sent when they are
          up.
        </p>
      )}
      {talk && isRecording && (
        <p className="talk-hint">Talk for one to two minutes. The recording stops and is sent when the two minutes are up.</p>
      )}
      {canRecord && (
        <div className="recorder">
          {isRecording ? (
            <button type="button" className="button button-record recording" onClick={stopRecording}>
              ■ Stop recording <span className="recorder-time">{formatClock(recorder.elapsedMs / 1000)}</span>
            </button>
          ) : (
            <button
              type="button"
              className="button button-record"
              onClick={startRecording}
              disabled={busy || recognising || recorder.state === 'requesting' || recorder.state === 'denied'}
            >
              ● {recording ? 'Record again' : 'Record your answer'}
            </button>
          )}
          {isRecording && path === 'device' && (
            <p className="live-transcript muted" aria-live="off" data-testid="live-transcript">
              {heard || 'Listening…'}
            </p>
          )}
          {recognising && <Loading label="Finishing the transcript…" />}
          {recording && (
            <div className="recording-preview">
              {/* biome-ignore lint/a11y/useMediaCaption: the learner's own voice, played back to them */}
              <audio controls src={recording.url} aria-label="Your recording" />
              <span className="muted small">{formatClock(recording.durationMs / 1000)} recorded</span>
              <button type="button" className="link-button" onClick={discardRecording} disabled={busy}>
                Discard
              </button>
            </div>
          )}
          {recorder.problem && <p className="field-error">{recorder.problem}</p>}
          {recognitionProblem && <p className="field-error">{recognitionProblem}</p>}
        </div>
      )}
      {showTextBox && (
        <>
          <label htmlFor={answerId}>{textLabel}</label>
          <textarea
            id={answerId}
            rows={6}
            value={text}
            onChange={(event) => setText(event.target.value)}
            disabled={busy || isRecording || recognising}
          />
          {path === 'device' && recognised && (
            <p className="muted small" data-testid="transcript-source">
              {text.trim() === recognised.text.trim()
                ? 'Recognised on this device: sent as the transcript of your recording.'
                : 'Corrected by you: sent as a typed answer.'}
            </p>
          )}
        </>
      )}
      {unscoredRecording && (
        <p className="banner banner-warning small">
          This recording has no transcript, so it cannot be scored. Type what you said, or record again.
        </p>
      )}
      {error !== null && <ErrorBanner error={error} onRetry={() => void send()} />}
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
  const finish = useMutation({
    mutationFn: () => client.speaking.complete({ id: view.assessment_id }),
    onSuccess: (assessment) => navigate(`/assessments/${encodeURIComponent(assessment.assessment_id)}`, { replace: true }),
  });
  return (
    <section className="card finish" aria-labelledby="finish-heading">
      <h2 id="finish-heading">{view.phase === 'finished' ? 'The test is over' : 'Ready to finish?'}</h2>
      <p className="muted">
        {view.phase === 'finished'
          ? 'Get your band for each criterion and feedback on your answers.'
          : 'You have answered every part. You can answer more questions, or finish now and get your score.'}
      </p>
      {finish.error !== null && <ErrorBanner error={finish.error} onRetry={() => finish.mutate()} />}
      <button type="button" className="button" onClick={() => finish.mutate()} disabled={finish.isPending}>
        {finish.isPending ? 'Scoring your test…' : 'Finish and get my score'}
      </button>
    </section>
  );
}

const NOTES_PREFIX = 'ielts-speaking-notes:';

/** The Part 2 notes, kept for the browser tab so a reload does not lose them. */
function useNotes(sessionId: string): [string, (notes: string) => void] {
  const [notes, setNotes] = useState(() => {
    try {
      return window.sessionStorage.getItem(NOTES_PREFIX + sessionId) ?? '';
    } catch {
      return '';
    }
  });
  const update = useCallback(
    (next: string) => {
      setNotes(next);
      try {
        window.sessionStorage.setItem(NOTES_PREFIX + sessionId, next);
      } catch {
        // Notes then last as long as the page.
      }
    },
    [sessionId],
  );
  return [notes, update];
}

function SpeakingTest({
  view,
  path,
  notes,
  onNotes,
  onView,
  onConflict,
  onMoveOn,
  moving,
  talkStartedHere,
}: {
  view: SpeakingSessionView;
  path: TranscriptPath | null;
  talkStartedHere: boolean;
  notes: string;
  onNotes: (notes: string) => void;
  onView: (view: SpeakingSessionView) => void;
  onConflict: () => void;
  onMoveOn: (from: 'part2_preparation') => void;
  moving: boolean;
}) {
  const prompt = view.current_prompt;
  const voice = useExaminerVoice(prompt ? examinerSpeech(prompt) : '', `${view.assessment_id}:${prompt?.prompt_id ?? 'none'}`);
  return (
    <>
      <PromptCard view={view} voice={voice} />
      {view.phase === 'part2_preparation' && (
        <Preparation view={view} notes={notes} onNotes={onNotes} onStartTalking={() => onMoveOn('part2_preparation')} moving={moving} />
      )}
      {isTalk(view) && <TalkNotes notes={notes} />}
      {view.phase !== 'part2_preparation' &&
        view.phase !== 'finished' &&
        (path === null ? (
          <Loading label="Checking how your answers are scored…" />
        ) : (
          <AnswerPanel
            key={`${view.turns_completed}:${prompt?.prompt_id ?? ''}`}
            view={view}
            path={path}
            voice={voice}
            autoRecord={talkStartedHere}
            onView={onView}
            onConflict={onConflict}
          />
        ))}
    </>
  );
}

/** A speaking test in progress: the examiner reads each prompt, the Part 2 preparation, recording (transcribed where it can be) or typing, then scoring. */
export function SpeakingSessionPage({ sessionId }: { sessionId: string }) {
  const { client } = useApp();
  const session = useApiData(['speaking-session', sessionId], (signal) => client.speaking.get({ id: sessionId }, { signal }));
  const { setup, loading: setupLoading } = useSpeakingSetup();
  const [abilities] = useState(deviceAbilities);
  const path = setupLoading ? null : transcriptPathOf(setup, abilities);
  const [notes, setNotes] = useNotes(sessionId);
  const [notice, setNotice] = useState<string | null>(null);
  const [moving, setMoving] = useState(false);
  // The talk began while this page was open (not on a reload), so its recording starts by itself.
  const [talkStartedHere, setTalkStartedHere] = useState(false);
  const movingRef = useRef(false);
  const { setData, retry } = session;

  const reloadQuietly = useCallback(async (): Promise<SpeakingSessionView | null> => {
    try {
      const view = await client.speaking.get({ id: sessionId });
      setData(view);
      return view;
    } catch {
      retry();
      return null;
    }
  }, [client, sessionId, setData, retry]);

  const onView = useCallback(
    (view: SpeakingSessionView) => {
      setNotice(null);
      setData(view);
    },
    [setData],
  );

  const onConflict = useCallback(() => {
    setNotice(
      'That answer was not saved: the test had already moved on (in another tab, or because the time for that question ran out). Here is the question the test is on now.',
    );
    void reloadQuietly();
  }, [reloadQuietly]);

  const onMoveOn = useCallback(
    async (from: 'part2_preparation') => {
      if (movingRef.current) return;
      movingRef.current = true;
      setMoving(true);
      try {
        const view = await client.speaking.advance({ id: sessionId }, { from_phase: from });
        setTalkStartedHere(isTalk(view));
        setData(view);
      } catch (caught) {
        // Moved on already (time ran out on the server first, or another tab): show where it is.
        if (ApiError.isInstance(caught) && caught.status === 409) {
          setTalkStartedHere(true);
          await reloadQuietly();
        } else setNotice('The test could not move on. Check your connection and press “Start talking now” again.');
      } finally {
        movingRef.current = false;
        setMoving(false);
      }
    },
    [client, sessionId, setData, reloadQuietly],
  );

  return (
    <>
      <PageHeading>Speaking test</PageHeading>
      <Loaded data={session} label="Loading your speaking test…">
        {(view) => (
          <div className="speaking" data-phase={view.phase} data-prompt-id={view.current_prompt?.prompt_id ?? ''}>
            <Stepper phase={view.phase} />
            <p className="muted small">
              {view.turns_completed} {view.turns_completed === 1 ? 'answer' : 'answers'} given
            </p>
            {notice && (
              <p className="banner banner-warning" role="alert" data-testid="speaking-notice">
                {notice}
              </p>
            )}
            <SpeakingTest
              view={view}
              path={path}
              notes={notes}
              onNotes={setNotes}
              onView={onView}
              onConflict={onConflict}
              onMoveOn={(from) => void onMoveOn(from)}
              moving={moving}
              talkStartedHere={talkStartedHere}
            />
            {(view.can_complete || view.phase === 'finished') && <Finish view={view} />}
          </div>
        )}
      </Loaded>
    </>
  );
}
