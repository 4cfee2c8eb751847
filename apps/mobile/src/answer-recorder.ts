import type { AUDIO_MIME_TYPES, Transcript } from '@ielts-genai-prep/core';
import { RecordingPresets, requestRecordingPermissionsAsync, setAudioModeAsync, useAudioRecorder, type RecordingOptions } from 'expo-audio';
import { File } from 'expo-file-system';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  NOTHING_RECOGNISED,
  heardText,
  speechRecognitionModule,
  transcriptOf,
  withRecognitionResult,
  type RecognisedSpeech,
} from './speech-recognition';

/** An accepted audio MIME type. */
export type AudioMimeType = (typeof AUDIO_MIME_TYPES)[number];

/** Speech is recorded in mono at 64 kbit/s AAC: a two-minute talk is about 1 MB, well under the API's limit. */
export const ANSWER_RECORDING_OPTIONS: RecordingOptions = { ...RecordingPresets.HIGH_QUALITY, numberOfChannels: 1, bitRate: 64_000 };

/** The MIME type of a recording file by its extension, when the API accepts it. */
export function audioMimeTypeOf(uri: string): AudioMimeType | null {
  const extension = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(uri)?.[1]?.toLowerCase();
  const byExtension: Record<string, AudioMimeType> = {
    m4a: 'audio/mp4',
    mp4: 'audio/mp4',
    aac: 'audio/aac',
    wav: 'audio/wav',
    webm: 'audio/webm',
    ogg: 'audio/ogg',
    mp3: 'audio/mpeg',
    flac: 'audio/flac',
  };
  return extension ? (byExtension[extension] ?? null) : null;
}

/** A finished answer, ready to send. */
export interface RecordedAnswer {
  /** The recording, base64 encoded; null when it could not be read or its format is not accepted. */
  audio: { data: string; mime_type: AudioMimeType } | null;
  durationMs: number;
  /** What the device's recogniser heard, when it was listening; empty text when it caught nothing. */
  transcript: Transcript | null;
}

/** What the recorder is doing. */
export type RecorderState = 'idle' | 'starting' | 'recording' | 'stopping' | 'recorded';

/** Options of {@link useAnswerRecorder}. */
export interface AnswerRecorderOptions {
  /** Run the device's speech recognition while recording. */
  recognise: boolean;
}

// How long to wait for the recogniser's last result after asking it to stop.
const RECOGNITION_END_TIMEOUT_MS = 3000;

/**
 * Records an answer with expo-audio and, with `recognise`, transcribes it with the device's
 * speech recognition (expo-speech-recognition) while it records: start, stop, the answer, how
 * long it has run, what has been heard, and the problem when something could not be done.
 */
export function useAnswerRecorder({ recognise }: AnswerRecorderOptions) {
  const recorder = useAudioRecorder(ANSWER_RECORDING_OPTIONS);
  const [state, setState] = useState<RecorderState>('idle');
  const [answer, setAnswer] = useState<RecordedAnswer | null>(null);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [elapsedMs, setElapsedMs] = useState(0);
  const [heard, setHeard] = useState<RecognisedSpeech>(NOTHING_RECOGNISED);
  const [problem, setProblem] = useState<string | null>(null);
  const [recognitionProblem, setRecognitionProblem] = useState<string | null>(null);
  const heardRef = useRef<RecognisedSpeech>(NOTHING_RECOGNISED);
  const recognitionRef = useRef<{ ended: Promise<void>; unsubscribe: () => void } | null>(null);
  const stateRef = useRef<RecorderState>('idle');
  const mounted = useRef(true);

  const update = useCallback((next: RecorderState) => {
    stateRef.current = next;
    if (mounted.current) setState(next);
  }, []);

  useEffect(() => {
    if (state !== 'recording' || startedAt === null) return undefined;
    const timer = setInterval(() => setElapsedMs(Date.now() - startedAt), 250);
    return () => clearInterval(timer);
  }, [state, startedAt]);

  const startRecognition = useCallback(async () => {
    const module = speechRecognitionModule();
    if (!module) return;
    try {
      const permission = await module.requestPermissionsAsync();
      if (!permission.granted) {
        setRecognitionProblem('Speech recognition was not allowed, so type your answer below.');
        return;
      }
      let markEnded: () => void = () => undefined;
      const ended = new Promise<void>((resolve) => {
        markEnded = resolve;
      });
      const subscriptions = [
        module.addListener('result', (event) => {
          heardRef.current = withRecognitionResult(heardRef.current, event);
          if (mounted.current) setHeard(heardRef.current);
        }),
        module.addListener('error', (event) => {
          // "aborted" is ours; "no-speech" only means nothing was said yet.
          if (event.error !== 'aborted' && event.error !== 'no-speech' && mounted.current) {
            setRecognitionProblem(`Speech recognition stopped (${event.message || event.error}). You can type your answer below.`);
          }
        }),
        module.addListener('end', () => markEnded()),
      ];
      recognitionRef.current = {
        ended,
        unsubscribe: () => {
          for (const subscription of subscriptions) subscription.remove();
        },
      };
      module.start({ lang: 'en-GB', interimResults: true, continuous: true, addsPunctuation: true });
    } catch (error) {
      setRecognitionProblem(
        `Speech recognition could not start (${error instanceof Error ? error.message : String(error)}). You can type your answer below.`,
      );
    }
  }, []);

  const start = useCallback(async () => {
    if (stateRef.current === 'starting' || stateRef.current === 'recording' || stateRef.current === 'stopping') return;
    setProblem(null);
    setRecognitionProblem(null);
    setAnswer(null);
    heardRef.current = NOTHING_RECOGNISED;
    setHeard(NOTHING_RECOGNISED);
    update('starting');
    try {
      const permission = await requestRecordingPermissionsAsync();
      if (!permission.granted) {
        setProblem('Microphone access was not allowed. Allow it in Settings, or type your answer.');
        update('idle');
        return;
      }
      await setAudioModeAsync({ allowsRecording: true, playsInSilentMode: true });
      await recorder.prepareToRecordAsync();
      recorder.record();
      const now = Date.now();
      setStartedAt(now);
      setElapsedMs(0);
      update('recording');
      if (recognise) await startRecognition();
    } catch (error) {
      setProblem(
        `The microphone could not be started (${error instanceof Error ? error.message : String(error)}). You can type your answer.`,
      );
      update('idle');
    }
  }, [recorder, recognise, startRecognition, update]);

  const stop = useCallback(async (): Promise<RecordedAnswer | null> => {
    if (stateRef.current !== 'recording' || startedAt === null) return null;
    update('stopping');
    const durationMs = Date.now() - startedAt;
    setElapsedMs(durationMs);
    try {
      await recorder.stop();
    } catch {
      // The file may still be usable; reading it below says.
    }
    const recognition = recognitionRef.current;
    recognitionRef.current = null;
    if (recognition) {
      speechRecognitionModule()?.stop();
      // The last final result arrives just before "end".
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([recognition.ended, new Promise<void>((resolve) => (timer = setTimeout(resolve, RECOGNITION_END_TIMEOUT_MS)))]);
      clearTimeout(timer);
      recognition.unsubscribe();
    }
    void setAudioModeAsync({ allowsRecording: false, playsInSilentMode: true }).catch(() => undefined);
    let audio: RecordedAnswer['audio'] = null;
    const uri = recorder.uri;
    const mimeType = uri ? audioMimeTypeOf(uri) : null;
    if (uri && mimeType) {
      try {
        audio = { data: await new File(uri).base64(), mime_type: mimeType };
      } catch (error) {
        setProblem(`The recording could not be read (${error instanceof Error ? error.message : String(error)}).`);
      }
    } else {
      setProblem(uri ? 'This device records in a format the examiner cannot take.' : 'Nothing was recorded.');
    }
    const recorded: RecordedAnswer = { audio, durationMs, transcript: recognise && recognition ? transcriptOf(heardRef.current) : null };
    if (mounted.current) setAnswer(recorded);
    update('recorded');
    return recorded;
  }, [recorder, recognise, startedAt, update]);

  const discard = useCallback(() => {
    const uri = recorder.uri;
    if (uri) {
      try {
        new File(uri).delete();
      } catch {
        // Already gone.
      }
    }
    setAnswer(null);
    setElapsedMs(0);
    setStartedAt(null);
    heardRef.current = NOTHING_RECOGNISED;
    setHeard(NOTHING_RECOGNISED);
    update('idle');
  }, [recorder, update]);

  // Leaving the screen mid-answer stops the microphone and the recogniser.
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      try {
        if (stateRef.current === 'recording') void recorder.stop().catch(() => undefined);
        if (recognitionRef.current) {
          recognitionRef.current.unsubscribe();
          recognitionRef.current = null;
          speechRecognitionModule()?.abort();
        }
      } catch {
        // Released with the screen already.
      }
    };
  }, [recorder]);

  return {
    state,
    answer,
    /** When the recording started (epoch ms), while recording or after; null before. */
    startedAt,
    elapsedMs,
    /** What the recogniser has heard so far. */
    heardText: heardText(heard),
    problem,
    recognitionProblem,
    start,
    stop,
    discard,
  };
}
