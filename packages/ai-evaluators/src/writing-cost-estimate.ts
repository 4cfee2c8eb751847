import { WRITING_TASK2_CRITERIA, countWords } from '@ielts-genai-prep/core';
import { WRITING_TOOL_DESCRIPTION, WRITING_TOOL_NAME, writingToolInputSchema, type WritingModelOutput } from './bedrock-writing-output.js';
import { costOf, DEFAULT_PRICES, type PriceTable } from './prices.js';
import { delimiterFor } from './untrusted-text.js';
import { DEFAULT_WRITING_MODEL_ID } from './writing-evaluator.js';
import { buildWritingPrompt } from './writing-prompt.js';
import { checkWritingRules } from './writing-rules.js';

/** A typical Task 2 prompt, for cost estimates. */
export const TYPICAL_TASK2_PROMPT =
  'In many countries, more and more people are choosing to work from home. Do the advantages of this trend outweigh the disadvantages?';

/** A typical Task 2 answer of about 280 words, for cost estimates. */
export const TYPICAL_TASK2_ESSAY = `Over the last few years, a growing number of employees have started doing their jobs from home instead of travelling to an office. In my view, the benefits of this change are greater than its drawbacks, although some problems need attention.

The most obvious advantage is the time and money saved on commuting. Someone who used to spend two hours a day on crowded trains can now use that time to rest, exercise or spend with their family. This usually leads to happier and more productive workers. In addition, companies can reduce their costs because they need smaller offices, and cities benefit from less traffic and pollution during rush hours.

However, working from home also has disadvantages. Many people feel isolated when they do not see their colleagues, and young staff in particular may miss the chance to learn from more experienced workers. It can also be difficult to separate work from private life when the office is the kitchen table, so some employees end up working longer hours than before. Finally, not every home is suitable, as small flats or noisy neighbours can make concentration hard.

In my opinion, these problems can largely be solved. Employers can organise regular meetings in person and training days, and clear rules about working hours can protect employees from burnout. Governments could also support shared work spaces in residential areas for those without a quiet room at home.

In conclusion, while remote work can cause loneliness and blur the line between work and home, the savings in time, money and stress make it a positive development overall, provided that companies and individuals manage it sensibly.`;

// A typical answer of the model: four criteria of two or three sentences, a summary and six corrections.
const TYPICAL_OUTPUT: WritingModelOutput = {
  criteria: Object.fromEntries(
    WRITING_TASK2_CRITERIA.map((criterion) => [
      criterion,
      {
        band: 6.5,
        feedback:
          'You address every part of the question and your position is clear, with relevant main ideas. To reach the next band, extend each idea with a specific example and explain its result, rather than listing points.',
      },
    ]),
  ),
  summary:
    'A clear, well-organised answer with a consistent position. Develop your ideas with concrete examples and check your sentence accuracy to move up a band.',
  corrections: Array.from({ length: 6 }, () => ({
    quote: 'can make concentration hard',
    suggestion: 'can make it hard to concentrate',
    category: 'style' as const,
    explanation: 'This phrasing is more natural.',
  })),
  essay_instructions: [],
};

/** A rough token count: about four characters per token for English text and JSON. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** What {@link estimateWritingAssessmentCost} reports. */
export interface WritingCostEstimate {
  /** The model priced. */
  modelId: string;
  /** Words of the typical essay. */
  essayWords: number;
  /** Estimated input tokens: system prompt, task, fenced essay and the tool's schema. */
  inputTokens: number;
  /** Estimated output tokens: a typical tool call. */
  outputTokens: number;
  /** USD per assessment at `prices` (one call; a retry after an invalid answer doubles it). */
  costUsd: number;
  /** USD per thousand assessments. */
  costPerThousandUsd: number;
  /** The prices used (USD per million tokens); undefined when the model is not in the table. */
  price: { input: number; output: number } | undefined;
}

/**
 * Estimates the input tokens of the writing prompt and the cost of one assessment for a typical
 * Task 2 essay at published prices (default Nova Micro: $0.035 input, $0.14 output per million
 * tokens). Tokens are estimated at four characters each, since Bedrock has no offline tokenizer.
 */
export function estimateWritingAssessmentCost(options: { modelId?: string; prices?: PriceTable } = {}): WritingCostEstimate {
  const modelId = options.modelId ?? DEFAULT_WRITING_MODEL_ID;
  const prices = options.prices ?? DEFAULT_PRICES;
  const rules = checkWritingRules({ prompt: TYPICAL_TASK2_PROMPT, essay: TYPICAL_TASK2_ESSAY, minimumWords: 250 });
  const prompt = buildWritingPrompt({
    assessmentType: 'writing_task2',
    taskPrompt: TYPICAL_TASK2_PROMPT,
    minimumWords: 250,
    countedWords: rules.countedWords,
    essay: TYPICAL_TASK2_ESSAY,
    delimiter: delimiterFor('0123456789abcdef'),
    toolName: WRITING_TOOL_NAME,
  });
  const tool = JSON.stringify({
    name: WRITING_TOOL_NAME,
    description: WRITING_TOOL_DESCRIPTION,
    inputSchema: { json: writingToolInputSchema('writing_task2') },
  });
  const inputTokens = estimateTokens(prompt.system) + estimateTokens(prompt.user) + estimateTokens(tool);
  const outputTokens = estimateTokens(JSON.stringify(TYPICAL_OUTPUT));
  const { costUsd } = costOf(modelId, { input_tokens: inputTokens, output_tokens: outputTokens }, prices);
  const price = prices[modelId];
  return {
    modelId,
    essayWords: countWords(TYPICAL_TASK2_ESSAY),
    inputTokens,
    outputTokens,
    costUsd,
    costPerThousandUsd: costUsd * 1000,
    price: price ? { input: price.input, output: price.output } : undefined,
  };
}
