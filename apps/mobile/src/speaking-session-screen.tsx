import { ApiError } from '@ielts-genai-prep/api-client';
import { SPEAKING_TIMINGS, type SpeakingSessionView, type SpeakingTurnSubmission } from '@ielts-genai-prep/core';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ActivityIndicator, StyleSheet, Text, View } from 'react-native';
import { useAnswerRecorder } from './answer-recorder';
import { useApp } from './app-context';
import { Button } from './button';
import { Countdown } from './countdown';
import { ErrorBanner, NoticeBanner } from './error-banner';
import { formatClock } from '@ielts-genai-prep/app-kit';
import { ScreenLayout } from './screen-layout';
import { useSpeakingSetup } from './speaking-setup';
import { speakText, stopSpeaking } from './spoken-text';
import { TextField } from './text-field';
import { colors, shared, spacing } from './theme';
import { TranscriptPathCard } from './transcript-path-card';
import type { TranscriptPath } from './transcript-path';

/** Told when an answer arrived after the test had moved on (a 409): it was not saved, and the current question is shown. */
export const MOVED_ON_NOTICE =
  'The test had already moved on, so your last answer was not saved (it never counts for another question). Here is where the test is now.';

type Prompt = NonNullable<SpeakingSessionView['current_prompt']>;

/** What the examiner says for a prompt: the question, or the Part 2 topic with its points. */
export function examinerText(prompt: Prompt): string {
  if (prompt.cue_card.length === 0) return prompt.text;
  const points = prompt.cue_card.slice(0, -1);
  const closing = prompt.cue_card[prompt.cue_card.length - 1] ?? '';
  return `${prompt.text}. You should say: ${points.join(', ')}, ${closing}`;
}

/** The part of a phase, for the progress line. */
function partLabel(phase: SpeakingSessionView['phase']): string {
  switch (phase) {
    case 'part1':
      return 'Part 1 of 3 · Interview';
    case 'part2_preparation':
      return 'Part 2 of 3 · Preparation';
    case 'part2_talk':
      return 'Part 2 of 3 · Long turn';
    case 'part3':
      return 'Part 3 of 3 · Discussion';
    case 'finished':
      return 'The test is over';
  }
}

function PromptCard({
  prompt,
  onRepeat,
  repeatUsed,
  repeatDisabled,
}: {
  prompt: Prompt;
  onRepeat: () => void;
  repeatUsed: boolean;
  repeatDisabled: boolean;
}) {
  const cueCard = prompt.cue_card.length > 0;
  return (
    <View style={[shared.card, cueCard ? styles.cueCard : null]} testID="speaking-prompt">
      <Text style={styles.eyebrow}>Part {prompt.part}</Text>
      <Text style={styles.question} accessibilityRole="header">
        {prompt.text}
      </Text>
      {cueCard ? (
        <View style={styles.points}>
          <Text style={shared.body}>You should say:</Text>
          {prompt.cue_card.slice(0, -1).map((point) => (
            <Text key={point} style={shared.body}>
              {`• ${point}`}
            </Text>
          ))}
          <Text style={shared.body}>{prompt.cue_card[prompt.cue_card.length - 1]}</Text>
        </View>
      ) : null}
      <Button
        label="Repeat the question"
        variant="link"
        onPress={onRepeat}
        disabled={repeatUsed || repeatDisabled}
        hint={repeatUsed ? 'The examiner repeats a question once' : 'The examiner says the question again, once'}
      />
    </View>
  );
}

function Preparation({
  view,
  notes,
  onNotes,
  onTalk,
  onOver,
}: {
  view: SpeakingSessionView;
  notes: string;
  onNotes: (notes: string) => void;
  onTalk: () => Promise<void>;
  onOver: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const deadline = view.phase_deadline_at
    ? Date.parse(view.phase_deadline_at)
    : Date.now() + SPEAKING_TIMINGS.part2.preparationSeconds * 1000;
  const talk = async () => {
    setBusy(true);
    setError(null);
    try {
      await onTalk();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  return (
    <View style={shared.card}>
      <Text style={shared.heading}>One minute to prepare</Text>
      <Countdown label="Preparation time" deadline={deadline} expiredText="Time to talk" onExpire={onOver} testID="preparation-time" />
      <Text style={shared.muted}>
        Make notes if you wish: they stay on this phone and are not scored. Then talk for one to two minutes.
      </Text>
      <TextField label="Your notes" value={notes} onChangeText={onNotes} multiline minHeight={120} testID="field-notes" />
      {error !== null ? <ErrorBanner error={error} onRetry={() => void talk()} /> : null}
      <Button label="Start talking now" onPress={() => void talk()} busy={busy} />
    </View>
  );
}

/** A timed answer: how long, and what the learner is told. */
interface AnswerTiming {
  seconds: number;
  label: string;
  hint: string;
}

/** The Part 2 talk: two minutes from the start of the recording (the server allows no more). */
const TALK_TIMING: AnswerTiming = {
  seconds: SPEAKING_TIMINGS.part2.maximumTalkSeconds,
  label: 'Talk time left',
  hint: 'Talk for one to two minutes. The two minutes start when you start recording; recording stops at the end of them.',
};

/** A Part 2 follow-up: a short answer, at most a minute (as the server allows). */
const FOLLOW_UP_TIMING: AnswerTiming = {
  seconds: 60,
  label: 'Answer time left',
  hint: 'A short answer: recording stops after one minute.',
};

/** The clock of an answer to `prompt`, or null when it is not timed on its own. */
export function answerTimingFor(phase: SpeakingSessionView['phase'], prompt: Prompt): AnswerTiming | null {
  if (phase !== 'part2_talk') return null;
  return prompt.prompt_id === 'part2-0' ? TALK_TIMING : FOLLOW_UP_TIMING;
}

interface AnswerPanelProps {
  view: SpeakingSessionView;
  prompt: Prompt;
  path: TranscriptPath;
  /** A clock from the moment recording starts, which stops the recording when it runs out: the Part 2 talk and its follow-ups. */
  timing: AnswerTiming | null;
  onAnswered: (next: SpeakingSessionView) => void;
  /**
   * The server refused the answer with a 409: reloads the test and resolves with where it is now.
   * When it has moved on, the screen says so and this panel goes with its answer.
   */
  onConflict: () => Promise<SpeakingSessionView | null>;
  onRecordingChange: (recording: boolean) => void;
}

function AnswerPanel({ view, prompt, path, timing, onAnswered, onConflict, onRecordingChange }: AnswerPanelProps) {
  const { client } = useApp();
  const recorder = useAnswerRecorder({ recognise: path === 'device' });
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const recording = recorder.state === 'recording';
  const answer = recorder.answer;
  const deviceTranscript = answer?.transcript && answer.transcript.text.trim() !== '' ? answer.transcript : null;

  useEffect(() => {
    onRecordingChange(recording);
  }, [recording, onRecordingChange]);

  const showTyping =
    path === 'typed' ||
    recorder.problem !== null ||
    recorder.recognitionProblem !== null ||
    (path === 'device' && recorder.state === 'recorded' && deviceTranscript === null);
  const typedText = typed.trim();
  const canSend =
    !busy &&
    !recording &&
    recorder.state !== 'starting' &&
    recorder.state !== 'stopping' &&
    (typedText !== '' || (path === 'server' && answer?.audio != null) || (path === 'device' && deviceTranscript !== null));

  const record = () => {
    // The examiner stops talking when the candidate starts.
    stopSpeaking();
    void recorder.start();
  };

  const send = async () => {
    setBusy(true);
    setError(null);
    const body: SpeakingTurnSubmission = {
      part: prompt.part,
      // Binds the answer to this question: if the test has moved on meanwhile, it is a 409, never an answer to the next one.
      prompt_id: prompt.prompt_id,
      ...(answer?.audio ? { audio: answer.audio, duration_ms: Math.round(answer.durationMs) } : {}),
      ...(typedText !== ''
        ? { transcript: { text: typedText, words: [] }, transcript_source: 'typed' as const }
        : deviceTranscript
          ? { transcript: deviceTranscript, transcript_source: 'device' as const }
          : {}),
    };
    try {
      const next = await client.speaking.submitTurn({ id: view.assessment_id }, body);
      recorder.discard();
      onAnswered(next);
    } catch (caught) {
      setBusy(false);
      if (ApiError.isInstance(caught) && caught.status === 409) {
        const now = await onConflict();
        // Still this question (an answer longer than allowed, say): the server's reason, and the answer stays to record again.
        if (now?.current_prompt?.prompt_id === prompt.prompt_id && now.turns_completed === view.turns_completed) setError(caught);
        else recorder.discard();
        return;
      }
      // A 401 has already sent the learner to sign in (see App).
      if (ApiError.isInstance(caught) && caught.code === 'unauthorized') return;
      setError(caught);
    }
  };

  const recordLabel = recorder.state === 'recorded' ? 'Record again' : 'Record your answer';
  return (
    <View style={shared.card}>
      <Text style={shared.heading}>Your answer</Text>
      {timing ? (
        <>
          <Countdown
            key={recorder.startedAt ?? 'not started'}
            label={timing.label}
            deadline={recorder.startedAt !== null && recorder.state !== 'recorded' ? recorder.startedAt + timing.seconds * 1000 : null}
            idleSeconds={recorder.state === 'recorded' ? Math.max(0, timing.seconds - recorder.elapsedMs / 1000) : timing.seconds}
            expiredText="Time is up"
            onExpire={() => void recorder.stop()}
            testID="answer-time"
          />
          <Text style={shared.muted}>{timing.hint}</Text>
        </>
      ) : null}
      {recording ? (
        <Button label={`Stop recording (${formatClock(recorder.elapsedMs / 1000)})`} onPress={() => void recorder.stop()} />
      ) : (
        <Button
          label={
            recorder.state === 'starting'
              ? 'Starting the microphone…'
              : recorder.state === 'stopping'
                ? 'Saving the recording…'
                : recordLabel
          }
          variant={path === 'typed' ? 'secondary' : 'primary'}
          onPress={record}
          busy={recorder.state === 'starting' || recorder.state === 'stopping'}
          disabled={busy}
        />
      )}
      {recording && path === 'device' ? (
        <Text style={shared.muted} testID="heard-live">
          {recorder.heardText ? `Heard: ${recorder.heardText}` : 'Listening…'}
        </Text>
      ) : null}
      {answer && recorder.state === 'recorded' ? <Text style={shared.muted}>{formatClock(answer.durationMs / 1000)} recorded</Text> : null}
      {deviceTranscript && recorder.state === 'recorded' ? (
        <View style={styles.transcript} testID="device-transcript">
          <Text style={styles.transcriptLabel}>What your phone heard</Text>
          <Text style={shared.body}>{deviceTranscript.text}</Text>
        </View>
      ) : null}
      {recorder.problem ? <Text style={styles.problem}>{recorder.problem}</Text> : null}
      {recorder.recognitionProblem ? <Text style={styles.problem}>{recorder.recognitionProblem}</Text> : null}
      {path === 'device' && recorder.state === 'recorded' && deviceTranscript === null && recorder.recognitionProblem === null ? (
        <Text style={styles.problem}>Your phone did not catch any words. Type your answer below, or record it again.</Text>
      ) : null}
      {showTyping ? (
        <TextField
          testID="field-typed-answer"
          label={path === 'typed' ? 'Your answer (typed)' : 'Type your answer'}
          value={typed}
          onChangeText={setTyped}
          multiline
          minHeight={120}
          autoCapitalize="sentences"
          help="Write what you would say. A typed answer is scored as a transcript."
        />
      ) : null}
      {error !== null ? <ErrorBanner error={error} onRetry={() => void send()} /> : null}
      <Button label={busy ? 'Sending…' : 'Submit answer'} onPress={() => void send()} busy={busy} disabled={!canSend} />
    </View>
  );
}

function Finish({ view }: { view: SpeakingSessionView }) {
  const { client, navigation } = useApp();
  // A 401 needs nothing here: the app returns to sign in, which takes this screen away.
  const finish = useMutation({
    mutationFn: () => client.speaking.complete({ id: view.assessment_id }),
    onSuccess: (assessment) => navigation.replace({ name: 'result', assessment }),
  });
  return (
    <View style={shared.card}>
      <Text style={shared.heading}>{view.phase === 'finished' ? 'The test is over' : 'Ready to finish?'}</Text>
      <Text style={shared.muted}>
        {view.phase === 'finished'
          ? 'Get your band for each criterion and feedback on your answers.'
          : 'You have answered every part. You can answer more questions, or finish now and get your score.'}
      </Text>
      {finish.error !== null ? <ErrorBanner error={finish.error} onRetry={() => finish.mutate()} /> : null}
      <Button
        label={finish.isPending ? 'Scoring your test…' : 'Finish and get my score'}
        onPress={() => finish.mutate()}
        busy={finish.isPending}
      />
      {finish.isPending ? <Text style={shared.muted}>Scoring can take up to a minute. Please keep the app open.</Text> : null}
    </View>
  );
}

/** Props of {@link SpeakingSessionScreen}. */
export interface SpeakingSessionScreenProps {
  assessmentId: string;
}

/**
 * A speaking test, started or resumed: the examiner speaks each question (expo-speech, en-GB),
 * repeatable once; the learner records (and, where the device can, its recogniser transcribes)
 * or types; Part 2 has the preparation minute, the cue card and notes during the talk, and a
 * two-minute clock from the start of the recording; then scoring and the result.
 */
export function SpeakingSessionScreen({ assessmentId }: SpeakingSessionScreenProps) {
  const { client, navigation } = useApp();
  const setup = useSpeakingSetup();
  const [view, setView] = useState<SpeakingSessionView | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [notes, setNotes] = useState('');
  const [repeatedFor, setRepeatedFor] = useState<string | null>(null);
  const [recording, setRecording] = useState(false);
  const spokenFor = useRef<string | null>(null);
  const loadCount = useRef(0);

  const viewRef = useRef<SpeakingSessionView | null>(null);
  viewRef.current = view;

  /** Reads where the test stands; resolves with it, or null when it could not be read (the error is shown). */
  const load = useCallback(async (): Promise<SpeakingSessionView | null> => {
    const attempt = ++loadCount.current;
    setLoadError(null);
    try {
      const current = await client.speaking.get({ id: assessmentId });
      if (attempt === loadCount.current) setView(current);
      return current;
    } catch (caught) {
      if (attempt === loadCount.current) setLoadError(caught);
      return null;
    }
  }, [client, assessmentId]);

  useEffect(() => {
    void load();
  }, [load]);

  const prompt = view?.current_prompt ?? null;
  const promptId = view && view.phase !== 'finished' ? (prompt?.prompt_id ?? null) : null;

  // The examiner asks each new question once as it comes up (the Part 2 topic when preparation starts).
  useEffect(() => {
    if (!prompt || promptId === null || spokenFor.current === promptId) return;
    spokenFor.current = promptId;
    void speakText(examinerText(prompt));
    // A reload of the view brings the same prompt as a new object: spokenFor keeps it from being spoken twice.
  }, [promptId, prompt]);

  useEffect(() => () => stopSpeaking(), []);

  const repeat = () => {
    if (!prompt || repeatedFor === prompt.prompt_id) return;
    setRepeatedFor(prompt.prompt_id);
    stopSpeaking();
    void speakText(examinerText(prompt));
  };

  const answered = useCallback((next: SpeakingSessionView) => {
    setNotice(null);
    setView(next);
  }, []);

  const conflict = useCallback(async () => {
    const before = viewRef.current;
    const now = await load();
    if (now && (now.current_prompt?.prompt_id !== before?.current_prompt?.prompt_id || now.turns_completed !== before?.turns_completed)) {
      setNotice(MOVED_ON_NOTICE);
    }
    return now;
  }, [load]);

  const startTalking = async () => {
    if (!view) return;
    try {
      setView(await client.speaking.advance({ id: view.assessment_id }, { from_phase: 'part2_preparation' }));
    } catch (caught) {
      // It moved on already (the minute ran out meanwhile): show where it is.
      if (ApiError.isInstance(caught) && caught.status === 409) {
        await load();
        return;
      }
      throw caught;
    }
  };

  if (view === null) {
    return (
      <ScreenLayout title="Speaking test" onBack={navigation.back}>
        {loadError === null ? (
          <ActivityIndicator accessibilityLabel="Loading your speaking test" />
        ) : (
          <ErrorBanner error={loadError} onRetry={() => void load()} />
        )}
      </ScreenLayout>
    );
  }

  const talk = view.phase === 'part2_talk' && prompt?.prompt_id === 'part2-0';
  return (
    <ScreenLayout title="Speaking test" onBack={recording ? undefined : navigation.back}>
      <View style={shared.row}>
        <Text style={styles.progress}>{partLabel(view.phase)}</Text>
        <Text style={shared.muted}>
          {view.turns_completed} {view.turns_completed === 1 ? 'answer' : 'answers'} given
        </Text>
      </View>
      {notice ? <NoticeBanner>{notice}</NoticeBanner> : null}
      {loadError !== null ? <ErrorBanner error={loadError} onRetry={() => void load()} /> : null}
      {view.turns_completed === 0 && view.phase === 'part1' ? <TranscriptPathCard state={setup} /> : null}
      {prompt && view.phase !== 'finished' ? (
        <PromptCard prompt={prompt} onRepeat={repeat} repeatUsed={repeatedFor === prompt.prompt_id} repeatDisabled={recording} />
      ) : null}
      {view.phase === 'part2_preparation' ? (
        <Preparation
          key={view.phase_deadline_at ?? 'preparation'}
          view={view}
          notes={notes}
          onNotes={setNotes}
          onTalk={startTalking}
          onOver={() => void load()}
        />
      ) : null}
      {talk && notes.trim() !== '' ? (
        <View style={shared.card} testID="talk-notes">
          <Text style={styles.transcriptLabel}>Your notes</Text>
          <Text style={shared.body}>{notes}</Text>
        </View>
      ) : null}
      {prompt && view.phase !== 'part2_preparation' && view.phase !== 'finished' ? (
        setup.loading ? (
          <ActivityIndicator accessibilityLabel="Checking how answers are scored" />
        ) : (
          <AnswerPanel
            key={`${prompt.prompt_id}:${view.turns_completed}`}
            view={view}
            prompt={prompt}
            path={setup.path}
            timing={answerTimingFor(view.phase, prompt)}
            onAnswered={answered}
            onConflict={conflict}
            onRecordingChange={setRecording}
          />
        )
      ) : null}
      {(view.can_complete || view.phase === 'finished') && !recording ? <Finish view={view} /> : null}
    </ScreenLayout>
  );
}

const styles = StyleSheet.create({
  progress: { fontSize: 15, fontWeight: '700', color: colors.primary },
  eyebrow: { fontSize: 13, fontWeight: '700', color: colors.muted, textTransform: 'uppercase' },
  question: { fontSize: 20, lineHeight: 28, fontWeight: '600', color: colors.text },
  cueCard: { borderColor: colors.primary, borderWidth: 1 },
  points: { gap: spacing.xs },
  transcript: { gap: spacing.xs, backgroundColor: colors.noticeSurface, borderRadius: 8, padding: spacing.md },
  transcriptLabel: { fontSize: 13, fontWeight: '700', color: colors.notice },
  problem: { fontSize: 14, color: colors.warning },
});
