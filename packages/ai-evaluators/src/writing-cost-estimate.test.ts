import { describe, expect, it } from 'vitest';
import { countWords } from '@ielts-genai-prep/core';
import { estimateTokens, estimateWritingAssessmentCost, TYPICAL_TASK2_ESSAY } from './writing-cost-estimate.js';

describe('estimateWritingAssessmentCost', () => {
  it('estimates tokens and the cost of one Task 2 assessment at Nova Micro prices', () => {
    const estimate = estimateWritingAssessmentCost();
    expect(estimate.modelId).toBe('amazon.nova-micro-v1:0');
    expect(estimate.essayWords).toBe(countWords(TYPICAL_TASK2_ESSAY));
    expect(estimate.essayWords).toBeGreaterThan(250);
    // The essay alone is about 400 tokens; instructions, descriptors and the tool schema add the rest.
    expect(estimate.inputTokens).toBeGreaterThan(estimateTokens(TYPICAL_TASK2_ESSAY));
    expect(estimate.inputTokens).toBeLessThan(4000);
    expect(estimate.outputTokens).toBeGreaterThan(200);
    expect(estimate.outputTokens).toBeLessThan(1500);
    expect(estimate.price).toEqual({ input: 0.035, output: 0.14 });
    expect(estimate.costUsd).toBeCloseTo((estimate.inputTokens * 0.035 + estimate.outputTokens * 0.14) / 1_000_000, 12);
    // Well under a cent: about a tenth of a cent or less per essay.
    expect(estimate.costUsd).toBeLessThan(0.001);
    expect(estimate.costPerThousandUsd).toBeCloseTo(estimate.costUsd * 1000, 12);
  });

  it('uses another price table', () => {
    const estimate = estimateWritingAssessmentCost({ modelId: 'custom', prices: { custom: { input: 1, output: 1 } } });
    expect(estimate.costUsd).toBeCloseTo((estimate.inputTokens + estimate.outputTokens) / 1_000_000, 12);
    expect(estimateWritingAssessmentCost({ modelId: 'unpriced' })).toMatchObject({ costUsd: 0, price: undefined });
  });
});
