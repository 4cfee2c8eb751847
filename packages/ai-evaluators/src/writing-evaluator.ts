import * as z from 'zod';
import {
  assessmentResultSchema,
  bandSchema,
  chartSchema,
  criteriaFor,
  rubricSchema,
  writingLimitsFor,
  writingTaskBand,
  WRITING_ASSESSMENT_TYPES,
  type AssessmentFlag,
  type AssessmentResult,
  type AssessmentResultInput,
  type Band,
  type CriterionId,
  type InlineCorrection,
  type TokenUsage,
  type WritingAssessmentType,
  type WritingRoundingOptions,
} from '@ielts-genai-prep/core';
import {
  buildConverseRequest,
  readToolUse,
  sendConverse,
  toEvaluatorError,
  usageOf,
  type BedrockConverseClient,
} from './bedrock-converse.js';
import {
  describeIssues,
  WRITING_TOOL_DESCRIPTION,
  WRITING_TOOL_NAME,
  writingModelOutputSchema,
  writingToolInputSchema,
  type WritingModelOutput,
} from './bedrock-writing-output.js';
import { throwIfAborted, type EvaluationOptions } from './evaluation-options.js';
import { EvaluatorError } from './evaluator-error.js';
import { createOfflineWritingScorer } from './offline-writing-scorer.js';
import { costOf, DEFAULT_PRICES, type PriceTable } from './prices.js';
import { buildSafetyEvent, type AiSafetyEvent } from './safety-event.js';
import { withRetry, type RetryOptions } from './retry.js';
import {
  countRemovedCharacters,
  createDelimiter,
  normaliseUntrustedText,
  removeSpans,
  screenUntrustedText,
  splitSentenceSpans,
  type TextSpan,
} from './untrusted-text.js';
import { buildWritingPrompt, withRetryNote, type WritingPrompt } from './writing-prompt.js';
import { checkWritingRules, type WritingRuleReport } from './writing-rules.js';

/** The default writing model: Amazon Nova Micro. */
export const DEFAULT_WRITING_MODEL_ID = 'amazon.nova-micro-v1:0';

/** A writing answer to score. */
export const writingEvaluationRequestSchema = z.object({
  /** Which writing task the answer is for. */
  assessmentType: z.enum(WRITING_ASSESSMENT_TYPES),
  /** The task as the candidate read it. */
  prompt: z.string().trim().min(1).max(5000),
  /** The learner's answer. */
  essay: z.string().max(30_000),
  /** The minimum words; default the task's (150 for task 1, 250 for task 2). */
  wordLimit: z.int().min(1).max(1000).nullish(),
  /** Academic task 1: the chart's data. */
  chart: chartSchema.nullish(),
  /** General Training task 1: the points the letter must cover. */
  letterPoints: z.array(z.string().max(300)).max(5).nullish(),
  /** A rubric from the rubrics table; default the built-in descriptors. Its type must match. */
  rubric: rubricSchema.nullish(),
});
/** A writing answer to score. */
export type WritingEvaluationRequest = z.input<typeof writingEvaluationRequestSchema>;

/** What the cross-check (by default the offline scorer) is given: the answer the model scored. */
export interface WritingCrossCheckInput {
  /** Which writing task the answer is for. */
  assessmentType: WritingAssessmentType;
  /** The task prompt, normalised. */
  prompt: string;
  /** The normalised answer the model scored: sentences found to address the scorer are removed. */
  essay: string;
}

/** A second, independent scorer: its overall band is compared with the model's. */
export type WritingCrossCheck = (input: WritingCrossCheckInput) => Promise<{ overall_band: number }> | { overall_band: number };

/** An AI safety log entry of the writing evaluator (see {@link AiSafetyEvent}). */
export type WritingSafetyEvent = AiSafetyEvent;

/** Options of {@link createWritingEvaluator}. */
export interface WritingEvaluatorOptions {
  /** A `BedrockRuntimeClient`, created with `maxAttempts: 1` (this evaluator retries within its own deadline). */
  bedrock: BedrockConverseClient;
  /** The Bedrock model id. Default `amazon.nova-micro-v1:0`. */
  modelId?: string;
  /** USD per million tokens. Default {@link DEFAULT_PRICES}. */
  prices?: PriceTable;
  /**
   * The independent scorer compared with the model: when the overall bands differ by more than
   * `divergenceThreshold`, the result is flagged `score_divergence` and marked for review.
   * Default the offline writing scorer of this package; `null` turns the check off.
   */
  crossCheck?: WritingCrossCheck | null;
  /** Bands apart at which the cross-check flags a result. Default 1.5 (a difference of 2 flags, 1.5 does not). */
  divergenceThreshold?: number;
  /** Retries of throttling, 5xx and timeouts; `deadlineMs` bounds the whole evaluation. Default: 4 attempts within 60 s. */
  retry?: RetryOptions;
  /** Rounding of the mean of the criteria into the task band. Default core's (`down`). */
  rounding?: WritingRoundingOptions;
  /** The most output tokens per call. Default 1500. */
  maxOutputTokens?: number;
  /** The clock, in milliseconds since the epoch: `latency_ms` and the `created_at` of safety events. Default `Date.now`. Deadlines (`retry.deadlineMs`) run on the real clock, so a fake one cannot stretch them. */
  clock?: () => number;
  /** Random bytes for the delimiter. Default Web Crypto. */
  randomBytes?: (length: number) => Uint8Array;
}

/** Scores writing answers with a Bedrock model. */
export interface WritingEvaluator {
  /** The model id results carry. */
  readonly modelId: string;
  /**
   * Scores one answer. Resolves to a result that parses with core's `assessmentResultSchema`;
   * rejects with an {@link EvaluatorError} (`invalid_input`, `invalid_model_output`,
   * `malformed_tool_use`, `content_filtered`, `max_tokens`, `throttled`, `provider_unavailable`,
   * `timeout`, `provider_rejected`, `aborted`). `options.onSafetyEvent` receives this answer's AI
   * safety events; `options.signal` gives the evaluation up.
   */
  evaluate(request: WritingEvaluationRequest, options?: EvaluationOptions): Promise<AssessmentResult>;
}

type Emit = (event: Omit<WritingSafetyEvent, 'created_at' | 'provider' | 'model_id'> & { model_id?: string | null }) => Promise<void>;

interface ModelCall {
  output: WritingModelOutput;
  usage: TokenUsage;
  calls: number;
}

const TASK_CRITERIA: readonly CriterionId[] = ['task_achievement', 'task_response'];

/**
 * Creates the writing evaluator. Per answer it normalises the text, removes sentences that try
 * to steer the scorer, applies the IELTS rules in code (20 words or fewer is band 1 without a
 * model call; length, relevance, copying and repetition cap the task band), asks the model for
 * criterion bands through one forced tool call at temperature 0, validates the answer (one retry,
 * then a typed error), computes the task band with core's `writingTaskBand`, keeps only
 * corrections that quote the essay, and compares the band with the cross-check.
 */
export function createWritingEvaluator(options: WritingEvaluatorOptions): WritingEvaluator {
  const modelId = options.modelId ?? DEFAULT_WRITING_MODEL_ID;
  const prices = options.prices ?? DEFAULT_PRICES;
  const maxOutputTokens = options.maxOutputTokens ?? 1500;
  const divergenceThreshold = options.divergenceThreshold ?? 1.5;
  const clock = options.clock ?? Date.now;
  const crossCheck = options.crossCheck === undefined ? defaultCrossCheck() : options.crossCheck;

  /** Sends one call's events to that call's handler. */
  function emitterFor(call: EvaluationOptions): Emit {
    return async (event) => {
      if (!call.onSafetyEvent) return;
      // Checks that ran in code before any model call carry model_id null.
      await call.onSafetyEvent(
        buildSafetyEvent({
          ...event,
          provider: 'bedrock',
          model_id: event.model_id === undefined ? modelId : event.model_id,
          created_at: new Date(clock()),
        }),
      );
    };
  }

  async function callModel(
    prompt: WritingPrompt,
    type: WritingAssessmentType,
    deadline: number,
    { emit, signal }: { emit: Emit; signal: AbortSignal | undefined },
  ): Promise<ModelCall> {
    const schema = writingModelOutputSchema(type);
    const inputSchema = writingToolInputSchema(type);
    let usage: TokenUsage = { input_tokens: 0, output_tokens: 0, total_tokens: 0 };
    let current = prompt;
    let lastError: EvaluatorError | undefined;
    for (let attempt = 1; attempt <= 2; attempt++) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new EvaluatorError('timeout', 'the evaluation ran out of time', { isRetryable: true, cause: lastError });
      const request = buildConverseRequest({
        modelId,
        system: current.system,
        user: current.user,
        toolName: WRITING_TOOL_NAME,
        toolDescription: WRITING_TOOL_DESCRIPTION,
        inputSchema,
        maxTokens: maxOutputTokens,
      });
      const response = await withRetry(
        (attemptSignal) => sendConverse(options.bedrock, request, attemptSignal),
        { ...options.retry, deadlineMs: remaining },
        signal,
      ).catch((error: unknown) => {
        throw toEvaluatorError(error);
      });
      usage = addUsage(usage, usageOf(response));
      let issues: string[];
      try {
        const parsed = schema.safeParse(readToolUse(response, WRITING_TOOL_NAME));
        if (parsed.success) return { output: parsed.data, usage, calls: attempt };
        issues = describeIssues(parsed.error);
        lastError = new EvaluatorError('invalid_model_output', 'the model answer did not validate, even after a retry', {
          details: issues,
        });
      } catch (error) {
        const failure = toEvaluatorError(error);
        if (failure.code === 'content_filtered') {
          await emit({ check: 'content_filter', verdict: 'blocked', evidence: [...failure.details] });
          throw failure;
        }
        if (failure.code !== 'malformed_tool_use') throw failure;
        // Our own words only: the failure's message may name whatever tool the model invented.
        issues = [`the answer did not call ${WRITING_TOOL_NAME} with a JSON object`];
        lastError = failure;
      }
      await emit({ check: 'output_validation', verdict: attempt === 1 ? 'flagged' : 'blocked', evidence: issues });
      current = withRetryNote(prompt, issues, WRITING_TOOL_NAME);
    }
    throw lastError as EvaluatorError;
  }

  async function evaluate(request: WritingEvaluationRequest, call: EvaluationOptions = {}): Promise<AssessmentResult> {
    const started = clock();
    const emit = emitterFor(call);
    const { signal } = call;
    throwIfAborted(signal);
    const parsedInput = writingEvaluationRequestSchema.safeParse(request);
    if (!parsedInput.success) {
      throw new EvaluatorError('invalid_input', 'the writing input is invalid', {
        details: parsedInput.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
      });
    }
    const input = parsedInput.data;
    const type = input.assessmentType;
    if (input.rubric && input.rubric.assessment_type !== type) {
      throw new EvaluatorError('invalid_input', `the rubric is for ${input.rubric.assessment_type}, not ${type}`);
    }
    const deadline = Date.now() + (options.retry?.deadlineMs ?? 60_000);
    const minimumWords = input.wordLimit ?? writingLimitsFor(type)?.minimumWords ?? 250;
    const taskPrompt = normaliseUntrustedText(input.prompt).text.trim();
    const normalised = screenUntrustedText(input.essay);
    const removedCount = countRemovedCharacters(normalised.removed);
    if (removedCount > 0) {
      const { zeroWidth, bidiControl, tag, control } = normalised.removed;
      await emit({
        check: 'input_normalization',
        // Zero-width and control characters come with copy and paste; tag and bidi characters hide or reorder text.
        verdict: tag > 0 || bidiControl > 0 ? 'flagged' : 'pass',
        evidence: [
          `removed ${removedCount} invisible characters: zero-width ${zeroWidth}, bidi control ${bidiControl}, tag ${tag}, control ${control}`,
        ],
        model_id: null,
      });
    }

    // Sentences addressed to the scorer are removed before anything is measured or sent.
    let essay = normalised.text;
    const injectionEvidence = normalised.evidence;
    if (injectionEvidence.length > 0)
      await emit({ check: 'prompt_injection', verdict: 'flagged', evidence: injectionEvidence, model_id: null });

    let rules = checkWritingRules({ prompt: taskPrompt, essay, minimumWords });
    const criteria = criteriaFor(type);
    if (rules.flags.includes('off_topic')) {
      await emit({
        check: 'off_topic',
        verdict: 'flagged',
        evidence: [`prompt coverage ${rules.promptCoverage?.toFixed(2) ?? 'n/a'}`],
        model_id: null,
      });
    }
    if (rules.minimal) {
      return minimalResult({ type, criteria, rules, injected: injectionEvidence.length > 0, latencyMs: clock() - started });
    }

    const promptFor = (text: string, report: WritingRuleReport): WritingPrompt =>
      buildWritingPrompt({
        assessmentType: type,
        taskPrompt,
        minimumWords,
        countedWords: report.countedWords,
        essay: text,
        delimiter: createDelimiter(text, options.randomBytes),
        toolName: WRITING_TOOL_NAME,
        rubric: input.rubric ?? null,
        chart: input.chart ?? null,
        letterPoints: input.letterPoints ?? [],
      });

    let result = await callModel(promptFor(essay, rules), type, deadline, { emit, signal });
    let calls = result.calls;
    let usage = result.usage;
    const reviewReasons: string[] = [];
    let modelReportedInjection = false;

    // Second line of defence: sentences the model saw addressing it are removed and the essay scored again without them.
    const reported = reportedSpans(essay, result.output.essay_instructions);
    if (reported.length > 0) {
      modelReportedInjection = true;
      await emit({
        check: 'prompt_injection',
        verdict: 'flagged',
        evidence: reported.map((span) => `model_reported: ${essay.slice(span.start, span.end)}`),
      });
      reviewReasons.push(
        'The model reported sentences addressed to the scorer; they were removed and the answer scored again without them.',
      );
      essay = removeSpans(essay, reported);
      rules = checkWritingRules({ prompt: taskPrompt, essay, minimumWords });
      if (rules.minimal) {
        const spent = { modelId, calls, usage, costUsd: costOf(modelId, usage, prices).costUsd };
        return minimalResult({ type, criteria, rules, injected: true, latencyMs: clock() - started, spent, reviewReasons });
      }
      result = await callModel(promptFor(essay, rules), type, deadline, { emit, signal });
      calls += result.calls;
      usage = addUsage(usage, result.usage);
      if (reportedSpans(essay, result.output.essay_instructions).length > 0) {
        reviewReasons.push('The model still reported sentences addressed to the scorer after they were removed.');
      }
    }
    const output = result.output;

    const flags = new Set<AssessmentFlag>(rules.flags);
    const injected = injectionEvidence.length > 0 || modelReportedInjection;
    if (injected) flags.add('prompt_injection');

    const criteriaScores: Partial<Record<CriterionId, { band: Band; feedback: string }>> = {};
    const bands = criteria.map((criterion) => {
      const scored = output.criteria[criterion] as { band: number; feedback: string };
      let band = scored.band;
      let feedback = scored.feedback;
      if (TASK_CRITERIA.includes(criterion) && rules.taskBandCap !== null && band > rules.taskBandCap) {
        band = rules.taskBandCap;
        feedback = `${feedback} Capped at band ${band}: ${rules.notes.join(' ')}`;
      }
      criteriaScores[criterion] = { band, feedback };
      return band;
    });
    const overall = writingTaskBand(bands, options.rounding);

    const review = { required: reviewReasons.length > 0, reasons: reviewReasons };
    if (crossCheck) {
      try {
        const checked = await crossCheck({ assessmentType: type, prompt: taskPrompt, essay });
        const offlineBand = bandSchema.parse(checked.overall_band);
        if (Math.abs(offlineBand - overall) > divergenceThreshold + 1e-9) {
          flags.add('score_divergence');
          review.required = true;
          review.reasons.push(
            `The model's band ${overall} and the offline scorer's ${offlineBand} differ by more than ${divergenceThreshold}.`,
          );
          await emit({ check: 'score_divergence', verdict: 'flagged', evidence: [`model ${overall}`, `offline ${offlineBand}`] });
        }
      } catch (error) {
        review.required = true;
        review.reasons.push(
          `The offline cross-check failed: ${error instanceof Error ? error.message.slice(0, 300) : String(error).slice(0, 300)}`,
        );
      }
    }

    const notes = [...rules.notes];
    if (injected)
      notes.push('Sentences addressed to the examiner or asking for a score were not assessed: write only your answer to the task.');
    const cost = costOf(modelId, usage, prices);
    const draft: AssessmentResultInput = {
      assessment_type: type,
      overall_band: overall,
      criteria_scores: criteriaScores,
      feedback: [output.summary, ...notes].join('\n\n'),
      inline_corrections: keepQuotedCorrections(output.corrections, essay),
      word_count: rules.countedWords,
      flags: [...flags],
      review,
      ai_generated: true,
      content_safe: !injected,
      provenance: {
        provider: 'bedrock',
        model_id: modelId,
        models_called: Array.from({ length: calls }, () => modelId),
        token_usage: usage,
        cost_usd: cost.costUsd,
        latency_ms: Math.max(0, Math.round(clock() - started)),
        confidence: null,
      },
    };
    const checked = assessmentResultSchema.safeParse(draft);
    if (!checked.success) {
      throw new EvaluatorError('invalid_model_output', 'the assembled result did not validate', { details: describeIssues(checked.error) });
    }
    return checked.data;
  }

  return { modelId, evaluate };
}

function defaultCrossCheck(): WritingCrossCheck {
  let scorer: ReturnType<typeof createOfflineWritingScorer> | undefined;
  return (input) => {
    scorer ??= createOfflineWritingScorer();
    return scorer.evaluate(input);
  };
}

function addUsage(left: TokenUsage, right: TokenUsage): TokenUsage {
  return {
    input_tokens: left.input_tokens + right.input_tokens,
    output_tokens: left.output_tokens + right.output_tokens,
    total_tokens: left.total_tokens + right.total_tokens,
  };
}

/** The sentences of `essay` containing a quote the model reported as addressed to it. Quotes not in the essay are ignored. */
function reportedSpans(essay: string, quotes: readonly string[]): TextSpan[] {
  const sentences = splitSentenceSpans(essay);
  const spans: TextSpan[] = [];
  for (const quote of quotes) {
    const trimmed = quote.trim();
    if (trimmed.length < 8) continue;
    const at = essay.indexOf(trimmed);
    if (at < 0) continue;
    const end = at + trimmed.length;
    for (const sentence of sentences) {
      if (sentence.end > at && sentence.start < end && !spans.includes(sentence)) spans.push(sentence);
    }
  }
  return spans;
}

/** Corrections whose quote is really in the essay and which change something; duplicates dropped. */
function keepQuotedCorrections(corrections: WritingModelOutput['corrections'], essay: string): InlineCorrection[] {
  const seen = new Set<string>();
  const kept: InlineCorrection[] = [];
  for (const correction of corrections) {
    const key = `${correction.quote}\u0000${correction.suggestion}`;
    if (!essay.includes(correction.quote) || correction.quote.trim() === correction.suggestion.trim() || seen.has(key)) continue;
    seen.add(key);
    kept.push({
      quote: correction.quote,
      suggestion: correction.suggestion,
      category: correction.category,
      explanation: correction.explanation,
    });
  }
  return kept;
}

function minimalResult(context: {
  type: WritingAssessmentType;
  criteria: readonly CriterionId[];
  rules: WritingRuleReport;
  injected: boolean;
  latencyMs: number;
  /** Model calls already made before the rule applied (after removing reported sentences). */
  spent?: { modelId: string; calls: number; usage: TokenUsage; costUsd: number };
  reviewReasons?: string[];
}): AssessmentResult {
  const spent = context.spent;
  const band = context.rules.minimalBand ?? 1;
  const note = context.rules.notes.join(' ');
  const flags = new Set<AssessmentFlag>(context.rules.flags);
  if (context.injected) flags.add('prompt_injection');
  const notes = context.injected ? [note, 'Sentences addressed to the examiner or asking for a score were not assessed.'] : [note];
  return assessmentResultSchema.parse({
    assessment_type: context.type,
    overall_band: band,
    criteria_scores: Object.fromEntries(context.criteria.map((criterion) => [criterion, { band, feedback: note }])),
    feedback: notes.join('\n\n'),
    word_count: context.rules.countedWords,
    flags: [...flags],
    review: { required: (context.reviewReasons?.length ?? 0) > 0, reasons: context.reviewReasons ?? [] },
    // The bands come from the rule, not from a model.
    ai_generated: false,
    content_safe: !context.injected,
    provenance: {
      provider: 'bedrock',
      model_id: null,
      model_selection_reason: `${context.rules.countedWords} counted words: band ${band} by the IELTS rule, without a model`,
      models_called: spent ? Array.from({ length: spent.calls }, () => spent.modelId) : [],
      token_usage: spent?.usage ?? null,
      cost_usd: spent?.costUsd ?? 0,
      latency_ms: Math.max(0, Math.round(context.latencyMs)),
    },
  } satisfies AssessmentResultInput);
}
