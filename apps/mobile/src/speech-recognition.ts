import type { TimedWord, Transcript } from '@ielts-genai-prep/core';
import type { ExpoSpeechRecognitionModule as RecognitionModuleValue, ExpoSpeechRecognitionResultEvent } from 'expo-speech-recognition';

/** The on-device recogniser of expo-speech-recognition. */
export type SpeechRecognitionModule = typeof RecognitionModuleValue;

let recognitionModule: SpeechRecognitionModule | null | undefined;

/**
 * The recogniser, or null where its native module is missing: Expo Go does not include
 * expo-speech-recognition (it needs a development build), and importing it there throws.
 */
export function speechRecognitionModule(): SpeechRecognitionModule | null {
  if (recognitionModule !== undefined) return recognitionModule;
  try {
    // A plain require inside try: the package throws at import when the native module is absent.
    recognitionModule = (require('expo-speech-recognition') as typeof import('expo-speech-recognition')).ExpoSpeechRecognitionModule;
  } catch {
    recognitionModule = null;
  }
  return recognitionModule;
}

/** Whether this device can recognise speech now (the module is there and a recognition service is). */
export function isSpeechRecognitionAvailable(): boolean {
  try {
    return speechRecognitionModule()?.isRecognitionAvailable() ?? false;
  } catch {
    return false;
  }
}

/** What the recogniser has heard so far during one recording. */
export interface RecognisedSpeech {
  /** Final results, in order, each with its word timings (milliseconds from the start of the recording). */
  committed: Array<{ text: string; words: TimedWord[] }>;
  /** The latest interim result, replaced by the next one and cleared by a final one. */
  interim: string;
}

/** Nothing heard yet. */
export const NOTHING_RECOGNISED: RecognisedSpeech = { committed: [], interim: '' };

const MAX_WORD_LENGTH = 100;

function timedWords(segments: ExpoSpeechRecognitionResultEvent['results'][number]['segments'], after: number): TimedWord[] {
  const words = segments
    .map((segment) => ({
      word: segment.segment.trim().slice(0, MAX_WORD_LENGTH),
      start: segment.startTimeMillis,
      end: segment.endTimeMillis,
    }))
    .filter((segment) => segment.word !== '' && Number.isFinite(segment.start) && Number.isFinite(segment.end));
  const first = words[0];
  // Android times each utterance from its own start: carry on from the words before it.
  const offset = first && first.start < after ? after : 0;
  return words.map(({ word, start, end }) => {
    const start_ms = Math.max(0, start + offset);
    return { word, start_ms, end_ms: Math.max(start_ms, end + offset) };
  });
}

/**
 * The speech heard after one `result` event. A final result is added to what was heard, or
 * replaces the last one when it repeats it and goes on (iOS gives the whole transcript so far
 * each time; Android one utterance at a time); an interim one only shows what is being heard.
 */
export function withRecognitionResult(heard: RecognisedSpeech, event: ExpoSpeechRecognitionResultEvent): RecognisedSpeech {
  const best = event.results[0];
  const text = best?.transcript.trim() ?? '';
  if (!event.isFinal) return { ...heard, interim: text };
  if (!best || text === '') return { ...heard, interim: '' };
  const last = heard.committed[heard.committed.length - 1];
  const repeatsLast = last !== undefined && text.toLowerCase().startsWith(last.text.toLowerCase());
  const before = repeatsLast ? heard.committed.slice(0, -1) : heard.committed;
  const previousEnd = before.flatMap((part) => part.words).reduce((end, word) => Math.max(end, word.end_ms), 0);
  return { committed: [...before, { text, words: timedWords(best.segments, previousEnd) }], interim: '' };
}

/** The text heard so far, interim words included, for showing while recording. */
export function heardText(heard: RecognisedSpeech): string {
  return [...heard.committed.map((part) => part.text), heard.interim].filter(Boolean).join(' ');
}

/** The transcript to send: everything heard (a last interim result counts when no final one came), with word timings. */
export function transcriptOf(heard: RecognisedSpeech): Transcript {
  return { text: heardText(heard), words: heard.committed.flatMap((part) => part.words) };
}
