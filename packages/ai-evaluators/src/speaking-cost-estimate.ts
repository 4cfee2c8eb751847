import type { SpeakingSet } from '@ielts-genai-prep/core';
import { DEFAULT_PRICES, GEMINI_AUDIO_TOKENS_PER_SECOND, costOf, type PriceTable } from './prices.js';
import { DEFAULT_SPEAKING_MODELS, type SpeakingModels } from './speaking-model-policy.js';
import { buildSpeakingPrompt, type SpeakingEvaluationTurn } from './speaking-prompt.js';

/** Options of {@link estimateSpeakingCost}. */
export interface SpeakingCostEstimateOptions {
  /** Minutes of recorded audio. Default 12.5, the middle of a full test's 11–14 minutes. */
  audioMinutes?: number;
  /** Also send a speech-recogniser transcript with each answer. Default false. */
  withTranscripts?: boolean;
  /** Output tokens per call (thinking included). Defaults: 900 for the default model, 2500 for the escalation model, which thinks. */
  outputTokens?: { default?: number; escalation?: number };
  /** Model ids. Defaults: `gemini-2.5-flash-lite`, escalating to `gemini-2.5-flash`. */
  models?: Partial<SpeakingModels>;
  /** USD per million tokens. Default {@link DEFAULT_PRICES}. */
  prices?: PriceTable;
}

/** One model call in the estimate. */
export interface SpeakingCallEstimate {
  /** The model id. */
  model: string;
  /** Input tokens of text: instructions, prompts, schema (and transcripts when sent). */
  textInputTokens: number;
  /** Input tokens of audio, at 32 a second. */
  audioInputTokens: number;
  /** Output tokens (thinking included). */
  outputTokens: number;
  /** USD for the call at the price table. */
  costUsd: number;
}

/** The estimated tokens and cost of scoring one speaking test. */
export interface SpeakingCostEstimate {
  /** Seconds of recorded audio. */
  audioSeconds: number;
  /** Text of the request: instruction, examiner prompts, response schema (and transcripts when sent). */
  promptTextTokens: number;
  /** Input tokens of the audio, at 32 a second. */
  audioTokens: number;
  /** Scored by the default model alone. */
  defaultOnly: SpeakingCallEstimate;
  /** The escalation call on its own. */
  escalation: SpeakingCallEstimate;
  /** Both calls: the cost of an escalated test. */
  withEscalationUsd: number;
}

// About four characters per token for English text and JSON.
const charactersPerToken = 4;
// Unhurried speech, for the size of transcripts.
const wordsPerMinute = 140;
const tokensPerWord = 1.3;

// A typical test: eight Part 1 questions, the long turn and one rounding-off question, five Part 3 questions.
const typicalSet: SpeakingSet = {
  part1: {
    topic: 'Home and neighbourhood',
    questions: [
      'Do you live in a house or a flat?',
      'What do you like most about your neighbourhood?',
      'Is there anything you would like to change about where you live?',
      'How long have you lived there?',
      'Do you often visit your neighbours?',
      'What kind of home would you like to live in in the future?',
      'Do you prefer living in the city or the countryside?',
      'How do people in your country usually spend their evenings at home?',
    ],
  },
  part2: {
    topic: 'Describe a time when you helped someone.',
    prompts: ['who you helped', 'what the situation was', 'how you helped them'],
    closing: 'and explain how you felt about helping this person.',
    follow_up: ['Do you often help other people?'],
  },
  part3: {
    topic: 'Helping others in the community',
    questions: [
      'Why do some people enjoy volunteering while others do not?',
      'Should schools require students to do community service?',
      'How has technology changed the way people help each other?',
      'Do you think governments or individuals should be responsible for helping people in need?',
      'Will people be more or less willing to help strangers in the future?',
    ],
  },
};

/**
 * Estimates the tokens and the cost of scoring one full speaking test at the given prices:
 * the request text as our prompt builder really writes it (about four characters a token),
 * audio at 32 tokens a second, on the default model alone and with escalation to the second model.
 */
export function estimateSpeakingCost(options: SpeakingCostEstimateOptions = {}): SpeakingCostEstimate {
  const models = { ...DEFAULT_SPEAKING_MODELS, ...options.models };
  const prices = options.prices ?? DEFAULT_PRICES;
  const audioSeconds = Math.round((options.audioMinutes ?? 12.5) * 60);
  const turns = typicalTurns(audioSeconds, options.withTranscripts ?? false);
  const prompt = buildSpeakingPrompt({ set: typicalSet, turns, random: () => 0.5 });

  const textCharacters =
    prompt.systemInstruction.length +
    JSON.stringify(prompt.responseJsonSchema).length +
    prompt.contents.flatMap((content) => content.parts ?? []).reduce((sum, part) => sum + (part.text?.length ?? 0), 0);
  const promptTextTokens = Math.ceil(textCharacters / charactersPerToken);
  const audioTokens = audioSeconds * GEMINI_AUDIO_TOKENS_PER_SECOND;

  const callEstimate = (model: string, outputTokens: number): SpeakingCallEstimate => {
    const inputTokens = promptTextTokens + audioTokens;
    const usage = { input_tokens: inputTokens, output_tokens: outputTokens };
    return {
      model,
      textInputTokens: promptTextTokens,
      audioInputTokens: audioTokens,
      outputTokens,
      costUsd: costOf(model, usage, prices, audioTokens).costUsd,
    };
  };
  const defaultOnly = callEstimate(models.default, options.outputTokens?.default ?? 900);
  const escalation = callEstimate(models.escalation, options.outputTokens?.escalation ?? 2500);
  return {
    audioSeconds,
    promptTextTokens,
    audioTokens,
    defaultOnly,
    escalation,
    withEscalationUsd: defaultOnly.costUsd + escalation.costUsd,
  };
}

// Turns of the typical set with the audio time shared out as a test usually runs: Part 1 about
// 35 %, the Part 2 talk and follow-up about 20 %, Part 3 about 45 %. The audio bytes are
// placeholders: only their token count (from the duration) matters for the estimate.
function typicalTurns(audioSeconds: number, withTranscripts: boolean): SpeakingEvaluationTurn[] {
  const plan: Array<{ part: 1 | 2 | 3; share: number }> = [
    ...typicalSet.part1.questions.map(() => ({ part: 1 as const, share: 0.35 / typicalSet.part1.questions.length })),
    { part: 2, share: 0.16 },
    { part: 2, share: 0.04 },
    ...typicalSet.part3.questions.map(() => ({ part: 3 as const, share: 0.45 / typicalSet.part3.questions.length })),
  ];
  return plan.map(({ part, share }) => {
    const seconds = audioSeconds * share;
    const transcriptWords = Math.round((seconds / 60) * wordsPerMinute);
    return {
      part,
      audio: { data: 'AAAA', mime_type: 'audio/webm' as const },
      duration_ms: Math.round(seconds * 1000),
      ...(withTranscripts
        ? { transcript: { text: 'word '.repeat(Math.round(transcriptWords * tokensPerWord * (charactersPerToken / 5))).trim(), words: [] } }
        : {}),
    };
  });
}
