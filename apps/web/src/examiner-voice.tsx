import type { SpeakingSessionView } from '@ielts-genai-prep/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { browserSpeechSynthesis, examinerVoice, speakLines, type SpeechRun } from './speech-synthesis.js';

type Prompt = NonNullable<SpeakingSessionView['current_prompt']>;

/** The examiner reads at a steady, clear pace. */
export const EXAMINER_RATE = 0.95;

/** How often a question is read: once when it is asked, and once more if the candidate asks. */
export const EXAMINER_READINGS = 2;

/**
 * What the examiner says for a prompt: the question; for the Part 2 cue card, the instruction,
 * the topic, the points and the closing line, as the examiner reads the card out.
 */
export function examinerSpeech(prompt: Prompt): string {
  if (prompt.cue_card.length === 0) return prompt.text;
  const points = prompt.cue_card.slice(0, -1);
  const closing = prompt.cue_card[prompt.cue_card.length - 1] ?? '';
  return [
    "Now I'm going to give you a topic, and I'd like you to talk about it for one to two minutes. You have one minute to think about what you're going to say, and you can make some notes if you wish.",
    `${prompt.text}.`,
    points.length > 0 ? `You should say: ${points.join('; ')}.` : '',
    closing ? `${closing.replace(/[.?!]*$/, '')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

// A reload must not give the candidate fresh readings of the same question.
const READINGS_PREFIX = 'ielts-examiner-readings:';

function storedReadings(key: string): number {
  try {
    const value = Number(window.sessionStorage.getItem(READINGS_PREFIX + key));
    return Number.isInteger(value) && value > 0 ? value : 0;
  } catch {
    return 0;
  }
}

function storeReadings(key: string, readings: number): void {
  try {
    window.sessionStorage.setItem(READINGS_PREFIX + key, String(readings));
  } catch {
    // Without storage a reload gives the question again: not worth failing over.
  }
}

/** What {@link useExaminerVoice} reports. */
export interface ExaminerVoice {
  /** False when the browser cannot speak: the question is then only shown. */
  supported: boolean;
  /** The examiner is reading the question now. */
  speaking: boolean;
  /** How often the question has been read so far (0 when the browser refused to start on its own). */
  readings: number;
  /** The browser refused to speak before the learner pressed something (autoplay rules, after a reload). */
  blocked: boolean;
  /** Reads the question again; does nothing once it has been read {@link EXAMINER_READINGS} times. */
  repeat: () => void;
  /** Stops reading (when the candidate starts recording). */
  stop: () => void;
}

/**
 * Reads a prompt aloud in British English once, when it appears, and once more on request, as an
 * IELTS examiner would. `key` names the prompt (the test and the prompt id): readings are counted
 * per key, and kept for the browser tab, so a reload does not reset them.
 */
export function useExaminerVoice(text: string, key: string): ExaminerVoice {
  const [synthesis] = useState(browserSpeechSynthesis);
  const [readings, setReadings] = useState(() => storedReadings(key));
  const [speaking, setSpeaking] = useState(false);
  const [blocked, setBlocked] = useState(false);
  const runRef = useRef<SpeechRun | null>(null);
  const readingsRef = useRef(readings);

  const count = useCallback(
    (next: number) => {
      readingsRef.current = next;
      setReadings(next);
      storeReadings(key, next);
    },
    [key],
  );

  const read = useCallback(() => {
    if (!synthesis || text.trim() === '' || readingsRef.current >= EXAMINER_READINGS) return;
    runRef.current?.cancel();
    const reading = readingsRef.current + 1;
    count(reading);
    setBlocked(false);
    setSpeaking(true);
    let run: SpeechRun | null = null;
    run = speakLines(synthesis, [{ text, voice: examinerVoice(synthesis.getVoices()), lang: 'en-GB', pitch: 1, rate: EXAMINER_RATE }], {
      onDone: (outcome) => {
        if (runRef.current === run) runRef.current = null;
        setSpeaking(false);
        // Not heard at all: it does not count as a reading.
        if (outcome === 'not-allowed') {
          count(reading - 1);
          setBlocked(true);
        }
      },
    });
    runRef.current = run;
  }, [synthesis, text, count]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new prompt (key) starts a reading; read changes with it.
  useEffect(() => {
    readingsRef.current = storedReadings(key);
    setReadings(readingsRef.current);
    // Asked once, when the prompt appears; a prompt read already (before a reload) is not read again.
    if (readingsRef.current === 0) read();
    return () => {
      const run = runRef.current;
      if (!run) return;
      runRef.current = null;
      run.cancel();
      // Cut off before it finished (the page went away): that reading was not heard.
      const stored = storedReadings(key);
      if (stored > 0) storeReadings(key, stored - 1);
    };
  }, [key]);

  const stop = useCallback(() => {
    const run = runRef.current;
    runRef.current = null;
    run?.cancel();
    setSpeaking(false);
  }, []);

  return { supported: synthesis !== null, speaking, readings, blocked, repeat: read, stop };
}

/** The examiner's reading of the current prompt: status, and the one repeat a candidate may ask for. */
export function ExaminerVoiceControls({ voice }: { voice: ExaminerVoice }) {
  if (!voice.supported) {
    return (
      <p className="muted small examiner-voice" data-testid="examiner-voice">
        This browser cannot speak, so the examiner’s questions are shown as text only: read each one here.
      </p>
    );
  }
  const unheard = voice.readings === 0;
  const canRepeat = !voice.speaking && voice.readings < EXAMINER_READINGS;
  return (
    <div className="examiner-voice" data-testid="examiner-voice">
      <button type="button" className="button button-secondary button-small" onClick={voice.repeat} disabled={!canRepeat}>
        {unheard ? '▶ Play the question' : '↻ Repeat the question'}
      </button>
      <span className="muted small" role="status">
        {voice.speaking
          ? 'The examiner is speaking…'
          : voice.blocked || unheard
            ? 'Your browser waits for you to press play before it speaks.'
            : voice.readings >= EXAMINER_READINGS
              ? 'The examiner repeats a question only once.'
              : 'You may ask the examiner to repeat the question once.'}
      </span>
    </div>
  );
}
