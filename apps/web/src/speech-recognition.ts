import type { TimedWord, Transcript } from '@ielts-genai-prep/core';

// The Web Speech API's recognition half is not in TypeScript's DOM library: the little used here.
interface RecognitionAlternative {
  readonly transcript: string;
}
interface RecognitionResult {
  readonly isFinal: boolean;
  readonly length: number;
  readonly [index: number]: RecognitionAlternative | undefined;
}
interface RecognitionResultEvent {
  readonly resultIndex: number;
  readonly results: { readonly length: number; readonly [index: number]: RecognitionResult | undefined };
}
interface RecognitionErrorEvent {
  readonly error: string;
}

/** The part of a `SpeechRecognition` this app uses. */
export interface SpeechRecognitionLike {
  lang: string;
  continuous: boolean;
  interimResults: boolean;
  maxAlternatives: number;
  onresult: ((event: RecognitionResultEvent) => void) | null;
  onerror: ((event: RecognitionErrorEvent) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
  abort(): void;
}

/** A `SpeechRecognition` class. */
export type SpeechRecognitionConstructor = new () => SpeechRecognitionLike;

/** The browser's speech recognition (`SpeechRecognition`, or Chrome and Safari's `webkitSpeechRecognition`), or null. */
export function speechRecognitionConstructor(): SpeechRecognitionConstructor | null {
  if (typeof window === 'undefined') return null;
  const scope = window as unknown as {
    SpeechRecognition?: SpeechRecognitionConstructor;
    webkitSpeechRecognition?: SpeechRecognitionConstructor;
  };
  const found = scope.SpeechRecognition ?? scope.webkitSpeechRecognition;
  return typeof found === 'function' ? found : null;
}

/** A phrase the recogniser gave, with when it was first heard and when it was settled (ms from the start). */
export interface RecognisedPhrase {
  text: string;
  startMs: number;
  endMs: number;
}

/**
 * The transcript of recognised phrases. The Web Speech API gives no time for single words, only
 * when a phrase was first reported and when it was settled; each word gets an equal share of its
 * phrase's time, so speech rate and the pauses between phrases are measured, the pauses inside a
 * phrase are not. Times are clamped to `durationMs` (the recording's length) when given.
 */
export function transcriptFromPhrases(phrases: readonly RecognisedPhrase[], durationMs?: number): Transcript {
  const clamp = (value: number) => Math.max(0, durationMs === undefined ? value : Math.min(value, durationMs));
  const words: TimedWord[] = [];
  for (const phrase of phrases) {
    const tokens = phrase.text.split(/\s+/).filter(Boolean);
    if (tokens.length === 0) continue;
    const start = clamp(phrase.startMs);
    const end = Math.max(start, clamp(phrase.endMs));
    const share = (end - start) / tokens.length;
    tokens.forEach((token, index) => {
      words.push({
        word: token.slice(0, 100),
        start_ms: Math.round(start + share * index),
        end_ms: Math.round(start + share * (index + 1)),
      });
    });
  }
  const text = phrases
    .map((phrase) => phrase.text.trim())
    .filter(Boolean)
    .join(' ');
  return { text, words };
}

/** Options of {@link createDeviceTranscriber}. */
export interface DeviceTranscriberOptions {
  /** The recogniser class. Default: the browser's ({@link speechRecognitionConstructor}). */
  Recognition?: SpeechRecognitionConstructor | null;
  /** Default `en-GB`. */
  lang?: string;
  /** Milliseconds since some fixed point. Default `Date.now`. */
  now?: () => number;
  /** Called with the text heard so far (settled and tentative) whenever it changes. */
  onText?: (text: string) => void;
  /**
   * How long `stop()` waits for the recogniser's last phrases before giving what it has. Default
   * 4000: a recogniser that never reports its end must not keep the answer from being sent.
   */
  settleMs?: number;
}

/** Speech recognised on the device while the candidate records. */
export interface DeviceTranscriber {
  /** Starts listening; the clock of the word times starts now. */
  start(): void;
  /** Stops listening and resolves with the transcript once the recogniser has settled its last phrase. */
  stop(durationMs?: number): Promise<{ transcript: Transcript; problem: string | null }>;
  /** Stops without a transcript (the recording was discarded). */
  abort(): void;
}

const PROBLEMS: Record<string, string> = {
  'not-allowed': 'Speech recognition was not allowed in this browser, so type your answer.',
  'service-not-allowed': 'Speech recognition is turned off in this browser, so type your answer.',
  'audio-capture': 'Speech recognition could not hear the microphone, so type your answer.',
  network: 'Speech recognition needs the network and could not reach it, so type your answer.',
  'language-not-supported': 'This browser cannot recognise British English, so type your answer.',
};

/**
 * Transcribes speech with the browser's recogniser while the candidate records: continuous,
 * with tentative results (to time phrases), restarted when the browser ends a session on its own
 * during a long answer (Chrome stops after some seconds of silence).
 */
export function createDeviceTranscriber(options: DeviceTranscriberOptions = {}): DeviceTranscriber {
  const Recognition = options.Recognition === undefined ? speechRecognitionConstructor() : options.Recognition;
  const now = options.now ?? Date.now;
  const settleMs = options.settleMs ?? 4000;
  const phrases: RecognisedPhrase[] = [];
  let startedAt = 0;
  let listening = false;
  let recognition: SpeechRecognitionLike | null = null;
  let problem: string | null = null;
  // Phrases of the current recognition session, by result index: first heard, text so far, settled.
  let session: Array<{ startMs: number; text: string; final: boolean; endMs: number }> = [];
  let ended: (() => void) | null = null;

  const heard = () =>
    [...phrases.map((phrase) => phrase.text), ...session.filter((entry) => !entry.final).map((entry) => entry.text)]
      .map((text) => text.trim())
      .filter(Boolean)
      .join(' ');

  const closeSession = () => {
    // Tentative phrases left when a session ends are kept as they were last heard.
    for (const entry of session) {
      if (!entry.final && entry.text.trim()) phrases.push({ text: entry.text, startMs: entry.startMs, endMs: now() - startedAt });
    }
    session = [];
  };

  const begin = () => {
    if (!Recognition) return;
    const current = new Recognition();
    recognition = current;
    current.lang = options.lang ?? 'en-GB';
    current.continuous = true;
    current.interimResults = true;
    current.maxAlternatives = 1;
    current.onresult = (event) => {
      const at = now() - startedAt;
      for (let index = event.resultIndex; index < event.results.length; index += 1) {
        const result = event.results[index];
        if (!result) continue;
        const text = result[0]?.transcript ?? '';
        let entry = session[index];
        if (!entry) {
          // First heard now; a phrase that arrives settled at once began where the last one ended.
          const lastEnd = phrases[phrases.length - 1]?.endMs ?? 0;
          entry = { startMs: result.isFinal ? Math.min(lastEnd, at) : at, text: '', final: false, endMs: at };
          session[index] = entry;
        }
        if (entry.final) continue;
        entry.text = text;
        if (result.isFinal) {
          entry.final = true;
          entry.endMs = at;
          if (text.trim()) phrases.push({ text, startMs: entry.startMs, endMs: at });
        }
      }
      options.onText?.(heard());
    };
    current.onerror = (event) => {
      // 'no-speech' and 'aborted' are part of normal use; the others mean it will not work here.
      if (PROBLEMS[event.error]) {
        problem = PROBLEMS[event.error] ?? null;
        listening = false;
      }
    };
    current.onend = () => {
      closeSession();
      if (listening && recognition === current) {
        begin();
        return;
      }
      if (recognition === current) recognition = null;
      ended?.();
    };
    try {
      current.start();
    } catch {
      problem = 'Speech recognition could not start in this browser, so type your answer.';
      listening = false;
      recognition = null;
    }
  };

  return {
    start() {
      phrases.length = 0;
      session = [];
      problem = Recognition ? null : 'This browser has no speech recognition, so type your answer.';
      startedAt = now();
      listening = true;
      begin();
    },
    stop(durationMs) {
      listening = false;
      const current = recognition;
      const finished = () => ({ transcript: transcriptFromPhrases(phrases, durationMs), problem });
      if (!current) {
        closeSession();
        return Promise.resolve(finished());
      }
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          ended = null;
          recognition = null;
          current.onend = null;
          current.abort();
          closeSession();
          resolve(finished());
        }, settleMs);
        ended = () => {
          clearTimeout(timer);
          ended = null;
          resolve(finished());
        };
        current.stop();
      });
    },
    abort() {
      listening = false;
      const current = recognition;
      recognition = null;
      if (current) {
        current.onend = null;
        current.abort();
      }
      phrases.length = 0;
      session = [];
    },
  };
}
