import type { Voice } from 'expo-speech';

/** One line of a listening transcript: who says it and what. */
export interface TranscriptLine {
  /** As the transcript names them (`RECEPTIONIST`); `NARRATOR` for lines without a name. */
  speaker: string;
  text: string;
}

/** The speaker of lines that name none (instructions, a narrator). */
export const NARRATOR = 'NARRATOR';

const SPEAKER_LINE = /^([A-Z][A-Z0-9 .'’-]{0,40}):\s*(.*)$/;

/**
 * The lines of a transcript written `SPEAKER: text`, one a line. A line without a speaker
 * continues the previous speaker's turn (or is the narrator's at the start); blank lines go.
 */
export function transcriptLines(transcript: string): TranscriptLine[] {
  const lines: TranscriptLine[] = [];
  for (const raw of transcript.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const match = SPEAKER_LINE.exec(line);
    if (match) {
      const text = (match[2] ?? '').trim();
      if (text !== '') lines.push({ speaker: (match[1] ?? NARRATOR).trim(), text });
    } else {
      lines.push({ speaker: lines[lines.length - 1]?.speaker ?? NARRATOR, text: line });
    }
  }
  return lines;
}

/** How one speaker is read aloud. */
export interface SpeakerVoice {
  /** A voice identifier for `Speech.speak`; absent when the platform's default voice is used. */
  voice?: string;
  language: string;
  pitch: number;
  rate: number;
}

/** A little slower than the default, as exam recordings are read. */
export const LISTENING_RATE = 0.95;

// Distinct enough to tell speakers apart with one voice, and still natural.
const PITCHES = [1, 0.8, 1.25, 0.9, 1.15, 0.7];

function isEnglish(voice: Voice): boolean {
  return /^en([-_]|$)/i.test(voice.language);
}

/**
 * A voice for each speaker, in order of first appearance. With two or more English voices on
 * the device each speaker gets a different one (British ones first); with fewer, speakers share the
 * default voice at different pitches. More speakers than voices reuse voices at another pitch.
 */
export function assignSpeakerVoices(speakers: readonly string[], voices: readonly Voice[]): Map<string, SpeakerVoice> {
  const distinct = [...new Set(speakers)];
  const english = voices
    .filter(isEnglish)
    .filter((voice, index, all) => all.findIndex((other) => other.identifier === voice.identifier) === index)
    .sort((a, b) => Number(/^en[-_]GB/i.test(b.language)) - Number(/^en[-_]GB/i.test(a.language)));
  const assigned = new Map<string, SpeakerVoice>();
  distinct.forEach((speaker, index) => {
    if (english.length >= 2) {
      const voice = english[index % english.length] as Voice;
      const round = Math.floor(index / english.length);
      assigned.set(speaker, {
        voice: voice.identifier,
        language: voice.language,
        pitch: PITCHES[round % PITCHES.length] as number,
        rate: LISTENING_RATE,
      });
    } else {
      assigned.set(speaker, {
        language: english[0]?.language ?? 'en-GB',
        ...(english[0] ? { voice: english[0].identifier } : {}),
        pitch: PITCHES[index % PITCHES.length] as number,
        rate: LISTENING_RATE,
      });
    }
  });
  return assigned;
}
