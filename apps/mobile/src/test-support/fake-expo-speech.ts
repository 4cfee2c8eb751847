// A stand-in for expo-speech (text to speech needs a device), mapped in place of the package by
// jest.config.js. It keeps every utterance with the options it was spoken with, and finishes one
// only when a test says so, as a real voice takes its time: `finishSpeaking()` calls its `onDone`.
// Types only: at run time 'expo-speech' is this file.
import type { SpeechOptions, Voice } from 'expo-speech';

/** One call of `Speech.speak`. */
export interface FakeUtterance {
  text: string;
  options: SpeechOptions;
  state: 'speaking' | 'done' | 'stopped';
}

/** What the fake holds; {@link resetFakeSpeech} empties it before each test. */
export const fakeSpeech = {
  utterances: [] as FakeUtterance[],
  /** What `getAvailableVoicesAsync` answers. */
  voices: [] as Voice[],
};

/** Empties the fake (jest.setup-after-env.js calls it before each test). */
export function resetFakeSpeech(): void {
  fakeSpeech.utterances = [];
  fakeSpeech.voices = [];
}

/** The utterances still being spoken, oldest first. */
export function pendingUtterances(): FakeUtterance[] {
  return fakeSpeech.utterances.filter((utterance) => utterance.state === 'speaking');
}

/** The voice reaches the end of the oldest utterance being spoken; false when none is. */
export function finishSpeaking(): boolean {
  const utterance = pendingUtterances()[0];
  if (!utterance) return false;
  utterance.state = 'done';
  utterance.options.onDone?.();
  return true;
}

/** A voice as the platform lists it. */
export function fakeVoice(identifier: string, language: string, name = identifier): Voice {
  return { identifier, name, language, quality: 'Default' as Voice['quality'] };
}

/** As the package's enum. */
export const VoiceQuality = { Default: 'Default', Enhanced: 'Enhanced' } as const;

export function speak(text: string, options: SpeechOptions = {}): void {
  fakeSpeech.utterances.push({ text, options, state: 'speaking' });
  options.onStart?.();
}

export async function stop(): Promise<void> {
  for (const utterance of pendingUtterances()) {
    utterance.state = 'stopped';
    utterance.options.onStopped?.();
  }
}

export async function isSpeakingAsync(): Promise<boolean> {
  return pendingUtterances().length > 0;
}

export async function getAvailableVoicesAsync(): Promise<Voice[]> {
  return fakeSpeech.voices;
}

export async function pause(): Promise<void> {}
export async function resume(): Promise<void> {}
export const maxSpeechInputLength = 4000;
