import type { SpeakingSetup } from '@ielts-genai-prep/core';
import { useMemo } from 'react';
import { useApp } from './app-context';
import { isSpeechRecognitionAvailable } from './speech-recognition';
import { transcriptPathFor, type TranscriptPath } from './transcript-path';
import { useApiData } from './use-api-data';

/** How this server scores speaking and which transcript path applies on this device. */
export interface SpeakingSetupState {
  /** Still asking the server. */
  loading: boolean;
  /** What the server said; null when it could not say (an older server, or no answer). */
  setup: SpeakingSetup | null;
  path: TranscriptPath;
}

/** Asks the server how it scores speaking (`speaking.setup`) and decides the transcript path with the device's recogniser. */
export function useSpeakingSetup(): SpeakingSetupState {
  const { client } = useApp();
  const answer = useApiData(['speaking-setup'], (signal) => client.speaking.setup({ signal }));
  const recognitionAvailable = useMemo(() => isSpeechRecognitionAvailable(), []);
  const setup = answer.data ?? null;
  return { loading: answer.loading, setup, path: transcriptPathFor(setup, recognitionAvailable) };
}
