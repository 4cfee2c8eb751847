import type { SpeakingSetup } from '@ielts-genai-prep/core';
import { useApp } from './app-context.js';
import { canRecordAudio } from './audio-recorder.js';
import { speechRecognitionConstructor } from './speech-recognition.js';
import { useApiData } from './use-api-data.js';

/**
 * How the candidate's spoken answers become words to score:
 * - `server`: the recording is sent and the server's examiner model transcribes it (Pronunciation assessed);
 * - `device`: the browser's speech recognition transcribes while recording (Pronunciation not assessed);
 * - `typed`: the candidate types each answer; a recording, if any, is kept but not scored.
 */
export type TranscriptPath = 'server' | 'device' | 'typed';

/** What this browser can do. */
export interface DeviceAbilities {
  /** MediaRecorder and a microphone API. */
  canRecord: boolean;
  /** `SpeechRecognition` or `webkitSpeechRecognition`. */
  canRecognise: boolean;
}

/** This browser's abilities. */
export function deviceAbilities(): DeviceAbilities {
  return { canRecord: canRecordAudio(), canRecognise: speechRecognitionConstructor() !== null };
}

/** The path answers take with this server and this browser. `setup` null: not known (it could not be loaded), so no audio transcription is counted on. */
export function transcriptPathOf(setup: SpeakingSetup | null, abilities: DeviceAbilities): TranscriptPath {
  if (!abilities.canRecord) return 'typed';
  if (setup?.transcribes_audio) return 'server';
  if (abilities.canRecognise) return 'device';
  return 'typed';
}

/** The server's speaking setup: null while loading or when it could not be loaded. */
export function useSpeakingSetup(): { setup: SpeakingSetup | null; loading: boolean; failed: boolean } {
  const { client } = useApp();
  const data = useApiData(['speaking-setup'], (signal) => client.speaking.setup({ signal }));
  return { setup: data.status === 'ready' ? data.data : null, loading: data.status === 'loading', failed: data.status === 'error' };
}

/** Props of {@link TranscriptPathNotice}. */
export interface TranscriptPathNoticeProps {
  setup: SpeakingSetup | null;
  abilities: DeviceAbilities;
  /** The setup could not be loaded. */
  failed?: boolean;
}

/** Tells the learner, before the test, how their answers will be transcribed and whether Pronunciation is assessed. */
export function TranscriptPathNotice({ setup, abilities, failed = false }: TranscriptPathNoticeProps) {
  const path = transcriptPathOf(setup, abilities);
  return (
    <section
      className={`banner banner-info transcript-path`}
      data-transcript-path={path}
      data-testid="transcript-path"
      aria-labelledby="transcript-path-title"
    >
      <p className="banner-title" id="transcript-path-title">
        {path === 'server'
          ? 'Speak your answers'
          : path === 'device'
            ? 'Speak your answers: transcribed on this device'
            : 'Type your answers'}
      </p>
      {path === 'server' && (
        <p>
          Your recorded answers are sent to the examiner model, which transcribes and scores them.{' '}
          <strong>Pronunciation is assessed</strong> from your recordings.
        </p>
      )}
      {path === 'device' && (
        <p>
          While you record, your browser’s speech recognition writes down what you say, and that transcript is scored (you can correct it
          before you send it). The scorer sees words, not sounds, so <strong>Pronunciation is marked “not assessed”</strong>. Some browsers,
          Chrome among them, send the sound to their maker’s speech service to recognise it.
        </p>
      )}
      {path === 'typed' && (
        <p>
          {abilities.canRecord
            ? 'This browser cannot transcribe speech and this server does not transcribe recordings, so type what you would say. You can still record yourself: recordings are kept with your answers but not scored.'
            : 'This browser cannot record audio here, so type what you would say.'}{' '}
          <strong>Pronunciation is not assessed.</strong>
        </p>
      )}
      {failed && (
        <p className="small muted">The server did not say how it scores speaking, so this assumes it does not transcribe recordings.</p>
      )}
    </section>
  );
}
