import type { SpeakingSetup } from '@ielts-genai-prep/core';

/**
 * How a speaking answer reaches the scorer as words: the server transcribes the recorded audio,
 * the device's speech recognition writes it down while the learner records, or the learner types it.
 */
export type TranscriptPath = 'server' | 'device' | 'typed';

/**
 * The path for this server and device. `setup` is null when the server could not say (an older
 * server without `GET /api/speaking/setup`): then the app sends a transcript, which every server accepts.
 */
export function transcriptPathFor(setup: SpeakingSetup | null, recognitionAvailable: boolean): TranscriptPath {
  if (setup?.transcribes_audio) return 'server';
  return recognitionAvailable ? 'device' : 'typed';
}

/** What the learner is told before the test starts. */
export function describeTranscriptPath(path: TranscriptPath, setup: SpeakingSetup | null): { title: string; description: string } {
  const pronunciation = setup?.assesses_pronunciation
    ? 'Pronunciation is assessed from your recordings.'
    : 'Pronunciation is not assessed: it needs a scorer that listens to the recording.';
  switch (path) {
    case 'server':
      return {
        title: 'The examiner listens to your recordings',
        description: `Record each answer: the server transcribes the audio (${setup?.scorer === 'gemini' ? 'Google Gemini' : 'its scorer'}) and scores what you said. ${pronunciation}`,
      };
    case 'device':
      return {
        title: 'Your phone writes down what you say',
        description: `Record each answer: this phone's speech recognition turns it into a transcript while you speak, and the transcript is scored. ${pronunciation}`,
      };
    case 'typed':
      return {
        title: 'You type your answers',
        description: `This server scores transcripts, and speech recognition is not available on this phone (it needs a development build, not Expo Go, and a recognition service). Type what you would say; you may record it too. ${pronunciation}`,
      };
  }
}
