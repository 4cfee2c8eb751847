import { BANDS, meanBand } from '@ielts-genai-prep/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SPEAKING_MODELS,
  distanceToRoundingEdge,
  selectSpeakingModel,
  type ProvisionalSpeakingScore,
  type SpeakingEscalationReason,
} from './speaking-model-policy.js';

const lite = DEFAULT_SPEAKING_MODELS.default;
const flash = DEFAULT_SPEAKING_MODELS.escalation;

function scored(bands: number[], transcriptionConfidence: number | null = 0.95, audioUnclear = false): ProvisionalSpeakingScore {
  return { valid: true, bands, transcriptionConfidence, audioUnclear };
}

describe('selectSpeakingModel', () => {
  const table: Array<{
    name: string;
    provisional: ProvisionalSpeakingScore;
    model: string;
    reasons: SpeakingEscalationReason[];
    band: number | null;
  }> = [
    { name: 'a clear band 5.5', provisional: scored([5.5, 5.5, 5, 6]), model: lite, reasons: [], band: 5.5 },
    { name: 'a clear band 6 from a transcript (three criteria)', provisional: scored([6, 6, 6], null), model: lite, reasons: [], band: 6 },
    { name: 'band 6.5 just below the threshold', provisional: scored([6.5, 6.5, 6.5, 6.5]), model: lite, reasons: [], band: 6.5 },
    { name: 'mean 6.625 rounds to 6.5: clear of an edge', provisional: scored([6.5, 6.5, 6.5, 7]), model: lite, reasons: [], band: 6.5 },
    { name: 'a provisional 7', provisional: scored([7, 7, 6.5, 7.5]), model: flash, reasons: ['high_band'], band: 7 },
    { name: 'a provisional 8.5', provisional: scored([8.5, 8.5, 8.5, 8.5]), model: flash, reasons: ['high_band'], band: 8.5 },
    {
      name: 'mean 6.75 rounds up to 7: high and on an edge',
      provisional: scored([7, 7, 6.5, 6.5]),
      model: flash,
      reasons: ['high_band', 'band_boundary'],
      band: 7,
    },
    { name: 'mean 6.25 sits on an edge', provisional: scored([6, 6, 6, 7]), model: flash, reasons: ['band_boundary'], band: 6.5 },
    { name: 'mean 4.75 sits on an edge', provisional: scored([5, 5, 4.5, 4.5]), model: flash, reasons: ['band_boundary'], band: 5 },
    { name: 'unclear audio', provisional: scored([5, 5, 5, 5], 0.9, true), model: flash, reasons: ['hard_to_transcribe'], band: 5 },
    {
      name: 'low transcription confidence',
      provisional: scored([5, 5, 5, 5], 0.45),
      model: flash,
      reasons: ['hard_to_transcribe'],
      band: 5,
    },
    { name: 'confidence exactly at the threshold is enough', provisional: scored([5, 5, 5, 5], 0.7), model: lite, reasons: [], band: 5 },
    {
      name: 'an invalid answer',
      provisional: { valid: false, problem: 'lexical_resource.band: Too big' },
      model: flash,
      reasons: ['invalid_output'],
      band: null,
    },
    {
      name: 'every reason at once',
      provisional: scored([7.5, 7.5, 7, 7], 0.3, true),
      model: flash,
      reasons: ['high_band', 'band_boundary', 'hard_to_transcribe'],
      band: 7.5,
    },
  ];

  it.each(table)('$name → $model', ({ provisional, model, reasons, band }) => {
    const selection = selectSpeakingModel(provisional);
    expect(selection.modelId).toBe(model);
    expect(selection.escalate).toBe(model === flash);
    expect(selection.reasons).toEqual(reasons);
    expect(selection.provisionalBand).toBe(band);
    expect(selection.explanation.length).toBeLessThanOrEqual(500);
  });

  it('explains a kept model and an escalation in words', () => {
    expect(selectSpeakingModel(scored([5.5, 5.5, 5, 6])).explanation).toBe(
      'gemini-2.5-flash-lite kept: provisional band 5.5 is below 7 and its criterion mean 5.5 is clear of a rounding edge, and the audio was clear',
    );
    expect(selectSpeakingModel(scored([7, 7, 6.5, 6.5])).explanation).toBe(
      'escalated from gemini-2.5-flash-lite to gemini-2.5-flash: provisional band 7.0 is 7 or higher; the criterion mean 6.75 sits on a rounding edge',
    );
    expect(selectSpeakingModel({ valid: false, problem: 'the answer is not JSON' }).explanation).toBe(
      "escalated from gemini-2.5-flash-lite to gemini-2.5-flash: gemini-2.5-flash-lite's answer failed validation (the answer is not JSON)",
    );
  });

  it('uses the configured model ids and thresholds', () => {
    const models = { default: 'lite-preview', escalation: 'flash-preview' };
    expect(selectSpeakingModel(scored([6.5, 6.5, 6.5, 6.5]), { models, thresholds: { highBand: 6.5 } })).toMatchObject({
      modelId: 'flash-preview',
      reasons: ['high_band'],
    });
    expect(selectSpeakingModel(scored([6, 6, 6, 6.5]), { models, thresholds: { boundaryMargin: 0.125 } }).reasons).toEqual([
      'band_boundary',
    ]);
    expect(selectSpeakingModel(scored([5, 5, 5, 5], 0.8), { thresholds: { minimumTranscriptionConfidence: 0.9 } }).reasons).toEqual([
      'hard_to_transcribe',
    ]);
  });

  it('keeps the default model when no other model is configured, saying why', () => {
    const selection = selectSpeakingModel(scored([8, 8, 8, 8]), { models: { escalation: lite } });
    expect(selection).toMatchObject({ escalate: false, modelId: lite, reasons: ['high_band'] });
    expect(selection.explanation).toMatch(/no separate escalation model/);
  });

  it('escalates exactly when the band is 7+, the mean is on an edge, or the audio was hard (property)', () => {
    const band = fc.constantFrom(...BANDS);
    fc.assert(
      fc.property(
        fc.array(band, { minLength: 3, maxLength: 4 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        (bands, confidence, unclear) => {
          const selection = selectSpeakingModel(scored(bands, confidence, unclear));
          const mean = bands.reduce((sum, value) => sum + value, 0) / bands.length;
          const fraction = mean - Math.floor(mean);
          const onEdge = Math.abs(fraction - 0.25) < 1e-9 || Math.abs(fraction - 0.75) < 1e-9;
          const expected = meanBand(bands) >= 7 || onEdge || unclear || confidence < 0.7;
          expect(selection.escalate).toBe(expected);
          expect(selection.modelId).toBe(expected ? flash : lite);
        },
      ),
    );
  });
});

describe('the band boundary with three criteria (no audio)', () => {
  it('never applies at the default margin, and applies from a margin of 1/12', () => {
    const band = fc.constantFrom(...BANDS);
    fc.assert(
      fc.property(band, band, band, (first, second, third) => {
        expect(selectSpeakingModel(scored([first, second, third], null)).reasons).not.toContain('band_boundary');
      }),
    );
    expect(selectSpeakingModel(scored([6, 6, 6.5], null), { thresholds: { boundaryMargin: 1 / 12 } }).reasons).toEqual(['band_boundary']);
  });
});

describe('distanceToRoundingEdge', () => {
  it.each([
    [6.25, 0],
    [6.75, 0],
    [6, 0.25],
    [6.5, 0.25],
    [6.125, 0.125],
    [6.875, 0.125],
    [5 + 1 / 6, 0.25 - 1 / 6],
  ])('%d is %d from the nearest edge', (mean, distance) => {
    expect(distanceToRoundingEdge(mean)).toBeCloseTo(distance, 12);
  });
});
