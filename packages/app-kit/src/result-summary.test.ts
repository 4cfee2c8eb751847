import { assessmentSchema, criteriaFor, type Assessment } from '@ielts-genai-prep/core';
import { describe, expect, it } from 'vitest';
import { resultSummary } from './result-summary.js';
import { WRITING_TASK2_RESULT } from './testing.js';

/** The shared writing result with `changes`, parsed as the client parses what the server sends. */
function resultOf(changes: Record<string, unknown>): Assessment {
  return assessmentSchema.parse({ ...WRITING_TASK2_RESULT, ...changes });
}

describe('resultSummary', () => {
  it('names the type, the overall band, each criterion in the IELTS order, the flags and who scored it', () => {
    const summary = resultSummary(resultOf({}));
    expect(summary.typeName).toBe('Writing Task 2');
    expect(summary.overallBand).toBe('6.5');
    expect(summary.rawScore).toBeNull();
    expect(summary.criteria).toEqual([
      {
        criterion: 'task_response',
        name: 'Task Response',
        assessed: true,
        band: '6.0',
        feedback: 'You give a clear position but develop it only briefly.',
      },
      { criterion: 'coherence_cohesion', name: 'Coherence and Cohesion', assessed: true, band: '7.0', feedback: 'Paragraphs are logical.' },
      { criterion: 'lexical_resource', name: 'Lexical Resource', assessed: true, band: '6.5', feedback: 'A fair range of vocabulary.' },
      {
        criterion: 'grammatical_range_accuracy',
        name: 'Grammatical Range and Accuracy',
        assessed: true,
        band: '6.0',
        feedback: 'Some agreement errors.',
      },
    ]);
    expect(summary.flags.map(({ flag, title }) => [flag, title])).toEqual([['under_length', 'Under the word limit']]);
    expect(summary.flags[0]?.description).not.toBe('');
    expect(summary.providerName).toBe('Offline scorer (runs without an AI model)');
  });

  it('says "Not assessed" for a criterion without a band', () => {
    // Speaking judged from a transcript alone: every criterion banded but Pronunciation.
    const scores = Object.fromEntries(
      criteriaFor('speaking').map((criterion) => [criterion, { band: criterion === 'pronunciation' ? null : 6, feedback: '' }]),
    );
    const speaking = resultOf({ assessment_type: 'speaking', overall_band: 6, criteria_scores: scores });
    expect(resultSummary(speaking).criteria.map(({ name, assessed, band }) => [name, assessed, band])).toEqual([
      ['Fluency and Coherence', true, '6.0'],
      ['Lexical Resource', true, '6.0'],
      ['Grammatical Range and Accuracy', true, '6.0'],
      ['Pronunciation', false, 'Not assessed'],
    ]);
  });

  it('gives the raw score of reading and listening only', () => {
    const answerKey = { provider: 'answer_key', model_id: null, token_usage: null, cost_usd: 0, latency_ms: 1, confidence: 1 };
    const listening = resultOf({ assessment_type: 'listening', criteria_scores: {}, raw_score: 23, provenance: answerKey });
    expect(resultSummary(listening)).toMatchObject({ typeName: 'Listening', rawScore: 23, criteria: [] });
    expect(resultSummary(listening).providerName).toBe('Marked against the answer key');
    // A writing result has no raw score, whatever the field holds.
    expect(resultSummary(resultOf({ raw_score: 23 })).rawScore).toBeNull();
  });

  it('has no band and no provider for an assessment not scored yet', () => {
    const unfinished = resultOf({ completed: false, completed_at: null, overall_band: null, criteria_scores: {}, provenance: null });
    const summary = resultSummary(unfinished);
    expect(summary.overallBand).toBe('–');
    expect(summary.providerName).toBeNull();
    // The type's criteria are still listed, each without a band.
    expect(summary.criteria.map((row) => [row.criterion, row.band])).toEqual([
      ['task_response', 'Not assessed'],
      ['coherence_cohesion', 'Not assessed'],
      ['lexical_resource', 'Not assessed'],
      ['grammatical_range_accuracy', 'Not assessed'],
    ]);
  });
});
