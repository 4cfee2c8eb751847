import * as Speech from 'expo-speech';

/** How a spoken text ended: read to the end, stopped, or failed (no voice, say). */
export type SpokenEnd = 'done' | 'stopped' | 'error';

/** Options of {@link speakText}. */
export interface SpeakTextOptions {
  /** A BCP 47 tag. Default `en-GB`, the examiner's English. */
  language?: string;
  voice?: string;
  pitch?: number;
  rate?: number;
}

/**
 * Speaks `text` with expo-speech and resolves when the voice has finished, was stopped or
 * failed. Long texts are spoken in pieces under the platform's limit, one after another.
 */
export function speakText(text: string, options: SpeakTextOptions = {}): Promise<SpokenEnd> {
  const pieces = splitForSpeech(text, Speech.maxSpeechInputLength);
  const speakPiece = (index: number): Promise<SpokenEnd> =>
    new Promise<SpokenEnd>((resolve) => {
      Speech.speak(pieces[index] as string, {
        language: options.language ?? 'en-GB',
        ...(options.voice ? { voice: options.voice } : {}),
        ...(options.pitch !== undefined ? { pitch: options.pitch } : {}),
        ...(options.rate !== undefined ? { rate: options.rate } : {}),
        onDone: () => resolve('done'),
        onStopped: () => resolve('stopped'),
        onError: () => resolve('error'),
      });
    }).then((end) => (end === 'done' && index + 1 < pieces.length ? speakPiece(index + 1) : end));
  return pieces.length === 0 ? Promise.resolve('done') : speakPiece(0);
}

/** Stops whatever is being spoken. */
export function stopSpeaking(): void {
  void Speech.stop();
}

/** `text` in pieces of at most `limit` characters, split at sentence or word ends. */
export function splitForSpeech(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    const cut = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '));
    const at = cut > limit / 2 ? cut + 1 : window.lastIndexOf(' ') > 0 ? window.lastIndexOf(' ') : limit;
    pieces.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest) pieces.push(rest);
  return pieces;
}
