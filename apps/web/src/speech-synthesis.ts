import { useEffect, useState } from 'react';

/** The browser's speech synthesis, or null when it has none (then questions and recordings are shown as text). */
export function browserSpeechSynthesis(): SpeechSynthesis | null {
  if (typeof window === 'undefined') return null;
  const synthesis = (window as { speechSynthesis?: SpeechSynthesis }).speechSynthesis;
  return synthesis && typeof window.SpeechSynthesisUtterance === 'function' ? synthesis : null;
}

/**
 * The voices the browser offers, updated when it loads them: Chrome lists none until after the
 * page has loaded, then fires `voiceschanged`.
 */
export function useVoices(synthesis: SpeechSynthesis | null): SpeechSynthesisVoice[] {
  const [voices, setVoices] = useState<SpeechSynthesisVoice[]>(() => synthesis?.getVoices() ?? []);
  useEffect(() => {
    if (!synthesis) return;
    const update = () => setVoices(synthesis.getVoices());
    update();
    synthesis.addEventListener?.('voiceschanged', update);
    return () => synthesis.removeEventListener?.('voiceschanged', update);
  }, [synthesis]);
  return voices;
}

const languageOf = (voice: SpeechSynthesisVoice) => voice.lang.replace('_', '-').toLowerCase();

/** The English voices, British first (the IELTS recordings are mostly British), then the rest of English in the browser's order. */
export function englishVoices(voices: readonly SpeechSynthesisVoice[]): SpeechSynthesisVoice[] {
  const english = voices.filter((voice) => languageOf(voice).startsWith('en'));
  return [...english.filter((voice) => languageOf(voice) === 'en-gb'), ...english.filter((voice) => languageOf(voice) !== 'en-gb')];
}

/** The examiner's voice: a British English one when the browser has it, else null (the browser then picks one for `en-GB`). */
export function examinerVoice(voices: readonly SpeechSynthesisVoice[]): SpeechSynthesisVoice | null {
  return voices.find((voice) => languageOf(voice) === 'en-gb') ?? null;
}

/** One utterance to speak. */
export interface SpokenLine {
  text: string;
  /** The voice, or null for the browser's choice for `lang`. */
  voice: SpeechSynthesisVoice | null;
  lang: string;
  /** 1 is the voice's normal pitch. */
  pitch: number;
  /** 1 is the voice's normal pace. */
  rate: number;
  /** Who says it (a listening transcript's `SPEAKER:`), null for a narrator or the examiner. */
  speaker?: string | null;
}

/** How a run of lines ended. */
export type SpeechOutcome = 'ended' | 'cancelled' | 'failed' | 'not-allowed';

/** Options of {@link speakLines}. */
export interface SpeakLinesOptions {
  /** Called once, when the last line has been spoken, speaking failed, or {@link SpeechRun.cancel} was called. */
  onDone?: (outcome: SpeechOutcome) => void;
}

/** Lines being spoken. */
export interface SpeechRun {
  /** Stops speaking (the browser's whole queue); `onDone` is called with `cancelled`. */
  cancel: () => void;
}

/**
 * Queues one utterance per line on the browser's speech synthesis. The utterances are kept
 * referenced until they end: Chrome forgets to fire `end` for utterances that were garbage collected.
 * A browser that refuses to speak without a user gesture (`not-allowed`) ends the run at once.
 */
export function speakLines(synthesis: SpeechSynthesis, lines: readonly SpokenLine[], options: SpeakLinesOptions = {}): SpeechRun {
  let finished = false;
  const finish = (outcome: SpeechOutcome) => {
    if (finished) return;
    finished = true;
    options.onDone?.(outcome);
  };
  if (lines.length === 0) {
    queueMicrotask(() => finish('ended'));
    return { cancel: () => finish('cancelled') };
  }
  const utterances = lines.map((line, index) => {
    const utterance = new SpeechSynthesisUtterance(line.text);
    utterance.lang = line.lang;
    if (line.voice) utterance.voice = line.voice;
    utterance.pitch = line.pitch;
    utterance.rate = line.rate;
    const last = index === lines.length - 1;
    utterance.onend = () => {
      if (last) finish('ended');
    };
    utterance.onerror = (event: SpeechSynthesisErrorEvent) => {
      if (event.error === 'interrupted' || event.error === 'canceled') finish('cancelled');
      else if (event.error === 'not-allowed') {
        synthesis.cancel();
        finish('not-allowed');
      } else if (last) finish('failed');
    };
    return utterance;
  });
  for (const utterance of utterances) synthesis.speak(utterance);
  return {
    cancel: () => {
      finish('cancelled');
      synthesis.cancel();
      utterances.length = 0;
    },
  };
}
