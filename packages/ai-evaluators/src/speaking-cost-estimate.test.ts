import { describe, expect, it } from 'vitest';
import { estimateSpeakingCost } from './speaking-cost-estimate.js';

// Published prices, USD per million tokens (IELTS-RULES.md), written out to check the arithmetic.
const lite = { text: 0.1, audio: 0.3, output: 0.4 };
const flash = { text: 0.3, audio: 1.0, output: 2.5 };

describe('estimateSpeakingCost', () => {
  it('prices a typical 12.5-minute test on Flash-Lite alone and with escalation to Flash', () => {
    const estimate = estimateSpeakingCost();
    expect(estimate.audioSeconds).toBe(750);
    expect(estimate.audioTokens).toBe(750 * 32);
    // The instruction, the examiner's questions and the schema: a few thousand tokens, far less than the audio.
    expect(estimate.promptTextTokens).toBeGreaterThan(1000);
    expect(estimate.promptTextTokens).toBeLessThan(5000);
    const text = estimate.promptTextTokens;
    expect(estimate.defaultOnly).toEqual({
      model: 'gemini-2.5-flash-lite',
      textInputTokens: text,
      audioInputTokens: 24_000,
      outputTokens: 900,
      costUsd: expect.closeTo((text * lite.text + 24_000 * lite.audio + 900 * lite.output) / 1e6, 12),
    });
    expect(estimate.escalation.costUsd).toBeCloseTo((text * flash.text + 24_000 * flash.audio + 2500 * flash.output) / 1e6, 12);
    expect(estimate.withEscalationUsd).toBeCloseTo(estimate.defaultOnly.costUsd + estimate.escalation.costUsd, 12);
    // Under a cent on Flash-Lite; escalation costs several times more.
    expect(estimate.defaultOnly.costUsd).toBeLessThan(0.01);
    expect(estimate.withEscalationUsd / estimate.defaultOnly.costUsd).toBeGreaterThan(3);
  });

  it('scales with the length of the test (11 and 14 minutes)', () => {
    const short = estimateSpeakingCost({ audioMinutes: 11 });
    const long = estimateSpeakingCost({ audioMinutes: 14 });
    expect(short.audioTokens).toBe(11 * 60 * 32);
    expect(long.audioTokens).toBe(14 * 60 * 32);
    expect(long.promptTextTokens).toBe(short.promptTextTokens);
    expect(long.defaultOnly.costUsd - short.defaultOnly.costUsd).toBeCloseTo((3 * 60 * 32 * lite.audio) / 1e6, 12);
  });

  it('counts transcripts sent with the audio as text input', () => {
    const without = estimateSpeakingCost({ audioMinutes: 12 });
    const withTranscripts = estimateSpeakingCost({ audioMinutes: 12, withTranscripts: true });
    const added = withTranscripts.promptTextTokens - without.promptTextTokens;
    // About 12 minutes × 140 words × 1.3 tokens, plus the delimiters and timing lines.
    expect(added).toBeGreaterThan(12 * 140 * 1.3 * 0.9);
    expect(added).toBeLessThan(12 * 140 * 1.3 * 1.4);
  });

  it('takes model ids, prices and output sizes as options', () => {
    const estimate = estimateSpeakingCost({
      models: { default: 'a', escalation: 'b' },
      prices: { a: { input: 1, output: 2 }, b: { input: 3, audioInput: 4, output: 5 } },
      outputTokens: { default: 100, escalation: 200 },
      audioMinutes: 10,
    });
    const text = estimate.promptTextTokens;
    expect(estimate.defaultOnly.costUsd).toBeCloseTo(((text + 19_200) * 1 + 100 * 2) / 1e6, 12);
    expect(estimate.escalation.costUsd).toBeCloseTo((text * 3 + 19_200 * 4 + 200 * 5) / 1e6, 12);
  });
});
