import type { ExpoSpeechRecognitionResultEvent } from 'expo-speech-recognition';
import { NOTHING_RECOGNISED, heardText, transcriptOf, withRecognitionResult, type RecognisedSpeech } from './speech-recognition';

function result(transcript: string, isFinal: boolean, words: Array<[string, number, number]> = []): ExpoSpeechRecognitionResultEvent {
  return {
    isFinal,
    results: [
      {
        transcript,
        confidence: 0.9,
        segments: words.map(([segment, startTimeMillis, endTimeMillis]) => ({ segment, startTimeMillis, endTimeMillis, confidence: 0.9 })),
      },
    ],
  };
}

const hear = (events: ExpoSpeechRecognitionResultEvent[]): RecognisedSpeech => events.reduce(withRecognitionResult, NOTHING_RECOGNISED);

describe('withRecognitionResult', () => {
  it('shows interim words while they come and keeps final ones', () => {
    const heard = hear([result('I come', false), result('I come from Hanoi', false)]);
    expect(heardText(heard)).toBe('I come from Hanoi');
    expect(transcriptOf(heard)).toEqual({ text: 'I come from Hanoi', words: [] });
    const final = withRecognitionResult(
      heard,
      result('I come from Hanoi.', true, [
        ['I', 0, 100],
        ['come', 120, 300],
        ['from', 320, 500],
        ['Hanoi', 520, 900],
      ]),
    );
    expect(transcriptOf(final).text).toBe('I come from Hanoi.');
    expect(transcriptOf(final).words).toEqual([
      { word: 'I', start_ms: 0, end_ms: 100 },
      { word: 'come', start_ms: 120, end_ms: 300 },
      { word: 'from', start_ms: 320, end_ms: 500 },
      { word: 'Hanoi', start_ms: 520, end_ms: 900 },
    ]);
  });

  it('adds utterance after utterance (Android), carrying the timings on', () => {
    const heard = hear([
      result('I come from Hanoi', true, [
        ['I', 0, 100],
        ['come', 100, 200],
        ['from', 200, 300],
        ['Hanoi', 300, 700],
      ]),
      result('it is in the north', true, [
        ['it', 0, 100],
        ['is', 100, 200],
        ['in', 200, 250],
        ['the', 250, 300],
        ['north', 300, 600],
      ]),
    ]);
    const transcript = transcriptOf(heard);
    expect(transcript.text).toBe('I come from Hanoi it is in the north');
    expect(transcript.words.map((word) => word.word)).toEqual(['I', 'come', 'from', 'Hanoi', 'it', 'is', 'in', 'the', 'north']);
    expect(transcript.words[4]).toEqual({ word: 'it', start_ms: 700, end_ms: 800 });
    const starts = transcript.words.map((word) => word.start_ms);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('replaces the last result when the next repeats it and goes on (iOS gives the whole transcript each time)', () => {
    const heard = hear([
      result('I come from Hanoi', true, [['I', 0, 100]]),
      result('I come from Hanoi in Vietnam', true, [
        ['I', 0, 100],
        ['Vietnam', 900, 1300],
      ]),
    ]);
    expect(transcriptOf(heard)).toEqual({
      text: 'I come from Hanoi in Vietnam',
      words: [
        { word: 'I', start_ms: 0, end_ms: 100 },
        { word: 'Vietnam', start_ms: 900, end_ms: 1300 },
      ],
    });
  });

  it('ignores an empty final result and drops segments without a word', () => {
    const heard = hear([
      result('Yes', true, [
        ['Yes', 0, 300],
        [' ', 300, 310],
      ]),
      result('', true),
    ]);
    expect(transcriptOf(heard)).toEqual({ text: 'Yes', words: [{ word: 'Yes', start_ms: 0, end_ms: 300 }] });
  });
});
