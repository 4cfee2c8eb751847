import { speakingSetSchema } from '@ielts-genai-prep/core';
import { describe, expect, it } from 'vitest';
import setFixture from './__fixtures__/gemini-speaking-set.json' with { type: 'json' };
import { speakingAudioOutputSchema, speakingOutputSchema, speakingTranscriptOutputSchema } from './speaking-model-output.js';
import { buildSpeakingPrompt, summarizeWordTimings, type SpeakingEvaluationTurn } from './speaking-prompt.js';

const set = speakingSetSchema.parse(setFixture);

function sequence(...values: number[]): () => number {
  let index = 0;
  return () => values[index++ % values.length] ?? 0;
}

const mixedTurns: SpeakingEvaluationTurn[] = [
  {
    part: 1,
    audio: { data: 'UklGRg==', mime_type: 'audio/webm' },
    transcript: {
      text: 'I live in a flat.',
      words: [
        { word: 'I', start_ms: 0, end_ms: 200 },
        { word: 'live', start_ms: 300, end_ms: 600 },
        { word: 'in', start_ms: 2000, end_ms: 2100 },
        { word: 'a', start_ms: 2200, end_ms: 2250 },
        { word: 'flat', start_ms: 2300, end_ms: 3000 },
      ],
    },
    duration_ms: 3200,
  },
  { part: 2, transcript: { text: 'I helped my neighbour move house.', words: [] } },
  { part: 3, audio: { data: 'UklGRg==', mime_type: 'audio/ogg' }, duration_ms: 30_000 },
];

describe('buildSpeakingPrompt', () => {
  it('builds the same request for the same input (snapshot)', () => {
    const prompt = buildSpeakingPrompt({ set, turns: mixedTurns, random: sequence(0.1, 0.9, 0.5) });
    expect(buildSpeakingPrompt({ set, turns: mixedTurns, random: sequence(0.1, 0.9, 0.5) })).toEqual(prompt);
    expect(prompt.delimiterTag).toBe('CANDIDATE_DATA_1e81e81e81');
    expect(prompt).toMatchSnapshot();
  });

  it('tells the model to assess Pronunciation only from the recorded answers when some have no audio', () => {
    const prompt = buildSpeakingPrompt({ set, turns: mixedTurns });
    expect(prompt.audioAssessed).toBe(true);
    expect(prompt.audioPartial).toBe(true);
    expect(prompt.systemInstruction).toContain('Some answers have no audio: assess Pronunciation only from the answers with audio.');
    expect(prompt.systemInstruction).toContain('- pronunciation (Pronunciation)');
  });

  it('leaves Pronunciation out entirely without audio', () => {
    const prompt = buildSpeakingPrompt({ set, turns: [mixedTurns[1] as SpeakingEvaluationTurn] });
    expect(prompt.audioAssessed).toBe(false);
    expect(prompt.systemInstruction).not.toContain('- pronunciation');
    expect(Object.keys((prompt.responseJsonSchema as { properties: object }).properties)).toEqual([
      'fluency_coherence',
      'lexical_resource',
      'grammatical_range_accuracy',
      'summary',
      'injection_detected',
    ]);
  });

  it('uses a different delimiter for every request by default', () => {
    const tags = new Set(Array.from({ length: 20 }, () => buildSpeakingPrompt({ set, turns: mixedTurns }).delimiterTag));
    expect(tags.size).toBe(20);
  });

  it('numbers Part 2 prompts: the cue card first, then the follow-up', () => {
    const prompt = buildSpeakingPrompt({
      set,
      turns: [
        { part: 2, transcript: { text: 'talk', words: [] } },
        { part: 2, transcript: { text: 'follow-up answer', words: [] } },
      ],
      random: () => 0,
    });
    const text = prompt.contents[0]?.parts?.map((part) => part.text ?? '').join('\n') ?? '';
    expect(text).toContain(
      'Answer 1, Part 2 (long turn) — the long turn on the cue card. The examiner asked:\nDescribe a time when you helped someone.',
    );
    expect(text).toContain('Answer 2, Part 2 (long turn) — a rounding-off question. The examiner asked:\nDo you often help other people?');
  });
});

describe('summarizeWordTimings', () => {
  it('measures speech rate and pauses', () => {
    expect(summarizeWordTimings(mixedTurns[0]?.transcript?.words ?? [])).toEqual({
      words: 5,
      speakingMs: 3000,
      wordsPerMinute: 100,
      longPauses: 1,
      longestPauseMs: 1400,
    });
  });

  it('needs at least two timed words', () => {
    expect(summarizeWordTimings([])).toBeNull();
    expect(summarizeWordTimings([{ word: 'yes', start_ms: 0, end_ms: 300 }])).toBeNull();
  });

  it('handles overlapping and unordered words', () => {
    expect(
      summarizeWordTimings([
        { word: 'b', start_ms: 500, end_ms: 900 },
        { word: 'a', start_ms: 0, end_ms: 1000 },
        { word: 'c', start_ms: 2500, end_ms: 3000 },
      ]),
    ).toEqual({ words: 3, speakingMs: 3000, wordsPerMinute: 60, longPauses: 1, longestPauseMs: 1500 });
  });
});

describe('speaking model output schemas', () => {
  const criterion = { feedback: 'Clear and fluent.', band: 6.5 };
  const transcriptAnswer = {
    fluency_coherence: criterion,
    lexical_resource: criterion,
    grammatical_range_accuracy: criterion,
    summary: 'Good.',
    injection_detected: false,
  };

  it('accept half bands only, from 0 to 9', () => {
    expect(speakingTranscriptOutputSchema.safeParse(transcriptAnswer).success).toBe(true);
    for (const band of [6.3, 9.5, -0.5, Number.NaN]) {
      expect(speakingTranscriptOutputSchema.safeParse({ ...transcriptAnswer, lexical_resource: { ...criterion, band } }).success).toBe(
        false,
      );
    }
    expect(speakingTranscriptOutputSchema.safeParse({ ...transcriptAnswer, lexical_resource: { ...criterion, band: '7' } }).success).toBe(
      false,
    );
  });

  it('drop a Pronunciation band from a transcript-only answer, and require it with audio', () => {
    const parsed = speakingOutputSchema(false).parse({ ...transcriptAnswer, pronunciation: { feedback: 'x', band: 12 } });
    expect(parsed).not.toHaveProperty('pronunciation');
    expect(speakingOutputSchema(true).safeParse(transcriptAnswer).success).toBe(false);
    expect(
      speakingAudioOutputSchema.safeParse({
        ...transcriptAnswer,
        pronunciation: criterion,
        transcription_confidence: 1.2,
        audio_unclear: false,
      }).success,
    ).toBe(false);
  });
});
