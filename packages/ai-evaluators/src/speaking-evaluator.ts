import {
  assessmentResultSchema,
  countWords,
  meanBand,
  speakingSetSchema,
  speakingTurnInputSchema,
  type AssessmentFlag,
  type AssessmentResult,
  type Band,
  type CriterionScore,
  type SpeakingSet,
  type TokenUsage,
} from '@ielts-genai-prep/core';
import { throwIfAborted, type EvaluationOptions } from './evaluation-options.js';
import { EvaluatorError } from './evaluator-error.js';
import type { GeminiClient } from './gemini-client.js';
import { callGeminiJson, type GeminiCallRecord } from './gemini-json-call.js';
import { DEFAULT_PRICES, GEMINI_AUDIO_TOKENS_PER_SECOND, costOf, type PriceTable } from './prices.js';
import type { RetryOptions } from './retry.js';
import {
  DEFAULT_SPEAKING_ESCALATION_THRESHOLDS,
  DEFAULT_SPEAKING_MODELS,
  selectSpeakingModel,
  type SpeakingEscalationThresholds,
  type SpeakingModels,
} from './speaking-model-policy.js';
import { speakingOutputSchema, type SpeakingModelOutput } from './speaking-model-output.js';
import { buildSpeakingPrompt, type SpeakingEvaluationTurn } from './speaking-prompt.js';
import { buildSafetyEvent, type AiSafetyEvent } from './safety-event.js';
import { countRemovedCharacters, screenUntrustedText } from './untrusted-text.js';

/** Gemini accepts at most 20 MB of inline request data; a little is kept for the text. */
export const MAX_INLINE_AUDIO_BASE64_CHARACTERS = 19_000_000;

/** The feedback given for Pronunciation when no audio was assessed. */
export const PRONUNCIATION_NOT_ASSESSED_FEEDBACK =
  'Pronunciation was not assessed: no audio was recorded, and pronunciation cannot be judged from a transcript. Record your answers to get a Pronunciation band.';

/** Options of {@link createSpeakingEvaluator}. */
export interface SpeakingEvaluatorOptions {
  /** A `GoogleGenAI` instance from `@google/genai` (or anything with its `models.generateContent`). */
  gemini: GeminiClient;
  /** Model ids. Defaults: `gemini-2.5-flash-lite` first, `gemini-2.5-flash` on escalation. */
  models?: Partial<SpeakingModels>;
  /** When to escalate. Defaults: band 7+, a mean exactly on x.25 / x.75, transcription confidence below 0.7. */
  escalation?: SpeakingEscalationThresholds;
  /** USD per million tokens. Default {@link DEFAULT_PRICES}. */
  prices?: PriceTable;
  /** Retries of throttling, 5xx and timeouts, per model call. Default: 4 attempts within 120 s. */
  retry?: RetryOptions;
  /** Output tokens allowed per call (thinking included). Default 8192. */
  maxOutputTokens?: number;
  /**
   * Keep the default model's valid scores when the escalation call fails (throttled, unavailable,
   * timed out, invalid), flagging the result for review. Default true.
   */
  fallbackOnEscalationFailure?: boolean;
  /** The clock, in milliseconds since the epoch: `latency_ms` and the `created_at` of safety events. Default `Date.now`. Deadlines (`retry.deadlineMs`) run on the real clock, so a fake one cannot stretch them. */
  clock?: () => number;
  /** Source of the random transcript delimiter, in [0, 1). Default Web Crypto. */
  random?: () => number;
}

/** What {@link SpeakingEvaluator.evaluate} scores: the set and the candidate's turns in the order given. */
export interface SpeakingEvaluationRequest {
  /** The speaking set (core `SpeakingSet`) the test used. */
  set: SpeakingSet;
  /** The candidate's answers, in the order given: audio and/or a transcript with word timings. */
  turns: readonly SpeakingEvaluationTurn[];
}

/** Scores a speaking test on Gemini. */
export interface SpeakingEvaluator {
  /**
   * Scores a complete test (at least one answer in each of Parts 1, 2 and 3). Throws
   * EvaluatorError: `invalid_input`, `invalid_state` (a part missing), `throttled`,
   * `provider_unavailable`, `timeout`, `provider_rejected`, `content_filtered`, `max_tokens`,
   * `invalid_model_output`, `aborted`. `options.onSafetyEvent` receives this test's AI safety
   * events: text addressed to the scorer (found by our rules or reported by the model), invisible
   * characters removed, invalid answers, content filters. `options.signal` gives the scoring up.
   */
  evaluate(request: SpeakingEvaluationRequest, options?: EvaluationOptions): Promise<AssessmentResult>;
}

/**
 * Creates the Speaking evaluator: Gemini Flash-Lite scores the test; a pure policy
 * ({@link selectSpeakingModel}) decides whether Gemini Flash scores it again for the final
 * result. The overall band is the mean of the assessed criteria, rounded by our code.
 *
 * Transcripts are untrusted: normalised, fenced in a random delimiter, and sentences addressed
 * to the scorer are removed before they are sent (flagged `prompt_injection`, `content_safe:
 * false`). Audio cannot be edited: the model is told to ignore such requests and to report them.
 */
export function createSpeakingEvaluator(options: SpeakingEvaluatorOptions): SpeakingEvaluator {
  const models: SpeakingModels = { ...DEFAULT_SPEAKING_MODELS, ...options.models };
  const thresholds = { ...DEFAULT_SPEAKING_ESCALATION_THRESHOLDS, ...options.escalation };
  const prices = options.prices ?? DEFAULT_PRICES;
  const retry: RetryOptions = { deadlineMs: 120_000, ...options.retry };
  const clock = options.clock ?? Date.now;
  const fallback = options.fallbackOnEscalationFailure ?? true;

  return {
    async evaluate(request, { onSafetyEvent, signal }: EvaluationOptions = {}) {
      const started = clock();
      throwIfAborted(signal);
      const emit = async (event: {
        check: AiSafetyEvent['check'];
        verdict: AiSafetyEvent['verdict'];
        evidence: readonly string[];
        model_id: string | null;
      }): Promise<void> => {
        if (onSafetyEvent) await onSafetyEvent(buildSafetyEvent({ ...event, provider: 'gemini', created_at: new Date(clock()) }));
      };
      // Every invalid answer is logged; the last is `blocked` when no valid answer came at all.
      const emitValidation = async (calls: readonly GeminiCallRecord[], failed: boolean): Promise<void> => {
        const invalid = calls.filter((call) => !call.valid);
        for (const [index, call] of invalid.entries()) {
          await emit({
            check: 'output_validation',
            verdict: failed && index === invalid.length - 1 ? 'blocked' : 'flagged',
            evidence: call.problems,
            model_id: call.model,
          });
        }
      };

      const validated = validateInput(request);
      const { set } = validated;
      const screened = screenTurns(validated.turns);
      const turns = screened.turns;
      if (screened.normalizationEvidence.length > 0) {
        // Tag and bidi characters hide or reorder text; zero-width ones come with copy and paste.
        await emit({
          check: 'input_normalization',
          verdict: screened.hidingCharacters ? 'flagged' : 'pass',
          evidence: screened.normalizationEvidence,
          model_id: null,
        });
      }
      if (screened.injectionEvidence.length > 0)
        await emit({ check: 'prompt_injection', verdict: 'flagged', evidence: screened.injectionEvidence, model_id: null });

      const prompt = buildSpeakingPrompt({ set, turns, random: options.random });
      const outputSchema = speakingOutputSchema(prompt.audioAssessed);
      let currentModel = models.default;
      const call = (model: string) => {
        currentModel = model;
        return callGeminiJson<SpeakingModelOutput>({
          gemini: options.gemini,
          model,
          systemInstruction: prompt.systemInstruction,
          contents: prompt.contents,
          responseJsonSchema: prompt.responseJsonSchema,
          outputSchema,
          maxOutputTokens: options.maxOutputTokens,
          retry,
          clock,
          signal,
        });
      };

      const calls: GeminiCallRecord[] = [];
      let output: SpeakingModelOutput;
      let firstOutput: SpeakingModelOutput | null;
      let finalModel = models.default;
      let selectionReason: string;
      const reviewReasons: string[] = [];
      try {
        const first = await call(models.default);
        calls.push(...first.calls);
        firstOutput = first.ok ? first.output : null;
        const selection = selectSpeakingModel(
          first.ok
            ? {
                valid: true,
                bands: assessedBands(first.output, prompt.audioAssessed),
                transcriptionConfidence: prompt.audioAssessed ? (first.output.transcription_confidence ?? null) : null,
                audioUnclear: prompt.audioAssessed && first.output.audio_unclear === true,
              }
            : { valid: false, problem: first.error.details.slice(0, 3).join('; ') || first.error.message },
          { models, thresholds },
        );
        selectionReason = selection.explanation;

        if (!selection.escalate) {
          if (!first.ok) throw first.error;
          output = first.output;
        } else {
          let second: Awaited<ReturnType<typeof call>> | undefined;
          let escalationError: EvaluatorError | undefined;
          try {
            second = await call(models.escalation);
            calls.push(...second.calls);
            if (!second.ok) escalationError = second.error;
          } catch (error) {
            if (!EvaluatorError.isInstance(error)) throw error;
            escalationError = error;
          }
          if (second?.ok) {
            output = second.output;
            finalModel = models.escalation;
          } else {
            const recoverable = escalationError !== undefined && isRecoverable(escalationError);
            if (!first.ok || !fallback || !recoverable || escalationError === undefined) {
              throw escalationError ?? new EvaluatorError('invalid_model_output', 'the escalation model gave no answer');
            }
            output = first.output;
            selectionReason = `${selection.explanation}; ${models.escalation} failed (${escalationError.code}), so ${models.default}'s scores stand`;
            reviewReasons.push(
              `The escalation to ${models.escalation} failed (${escalationError.code}); the scores are ${models.default}'s.`,
            );
          }
        }
      } catch (error) {
        if (EvaluatorError.isInstance(error) && error.code === 'content_filtered') {
          await emit({ check: 'content_filter', verdict: 'blocked', evidence: [...error.details], model_id: currentModel });
        }
        await emitValidation(calls, EvaluatorError.isInstance(error) && error.code === 'invalid_model_output');
        throw error;
      }
      await emitValidation(calls, false);

      const reporters = [
        ...new Set([firstOutput?.injection_detected ? models.default : null, output.injection_detected ? finalModel : null]),
      ].filter((model): model is string => model !== null);
      for (const model of reporters) {
        await emit({
          check: 'prompt_injection',
          verdict: 'flagged',
          evidence: ['model_reported: the candidate data tried to give instructions or ask for a band'],
          model_id: model,
        });
      }

      return buildResult({
        output,
        audioAssessed: prompt.audioAssessed,
        audioPartial: prompt.audioPartial,
        turns,
        firstOutput,
        injectionByRule: screened.injectionEvidence.length > 0,
        selectionReason,
        reviewReasons,
        finalModel,
        calls,
        prices,
        minimumTranscriptionConfidence: thresholds.minimumTranscriptionConfidence,
        latencyMs: Math.max(0, clock() - started),
      });
    },
  };
}

/**
 * Screens every transcript ({@link screenUntrustedText}): normalised, and sentences addressed to
 * the scorer removed, so that asking for a band cannot raise it. Word timings are kept as given.
 */
function screenTurns(turns: readonly SpeakingEvaluationTurn[]): {
  turns: SpeakingEvaluationTurn[];
  injectionEvidence: string[];
  normalizationEvidence: string[];
  hidingCharacters: boolean;
} {
  const injectionEvidence: string[] = [];
  const normalizationEvidence: string[] = [];
  let hidingCharacters = false;
  const screenedTurns = turns.map((turn, index) => {
    if (turn.transcript === undefined) return turn;
    const screened = screenUntrustedText(turn.transcript.text);
    injectionEvidence.push(...screened.evidence.map((line) => `answer ${index + 1}: ${line}`));
    const removed = countRemovedCharacters(screened.removed);
    if (removed > 0) {
      const { zeroWidth, bidiControl, tag, control } = screened.removed;
      hidingCharacters ||= tag > 0 || bidiControl > 0;
      normalizationEvidence.push(
        `answer ${index + 1}: removed ${removed} invisible characters: zero-width ${zeroWidth}, bidi control ${bidiControl}, tag ${tag}, control ${control}`,
      );
    }
    return { ...turn, transcript: { ...turn.transcript, text: screened.text } };
  });
  return { turns: screenedTurns, injectionEvidence, normalizationEvidence, hidingCharacters };
}

function validateInput(input: SpeakingEvaluationRequest): { set: SpeakingSet; turns: SpeakingEvaluationTurn[] } {
  const set = speakingSetSchema.safeParse(input?.set);
  if (!set.success) {
    throw new EvaluatorError('invalid_input', 'the speaking set is invalid', { details: set.error.issues.map((issue) => issue.message) });
  }
  if (!Array.isArray(input.turns) || input.turns.length === 0) throw new EvaluatorError('invalid_input', 'there are no turns to score');
  const turns = input.turns.map((turn, index) => {
    // The prompt travels beside the turn input, which (like every request body) refuses unknown keys.
    const { prompt: _prompt, ...turnInput } = turn;
    const parsed = speakingTurnInputSchema.safeParse(turnInput);
    if (!parsed.success) {
      throw new EvaluatorError('invalid_input', `turn ${index + 1} is invalid`, {
        details: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
      });
    }
    return typeof turn.prompt === 'string' ? { ...parsed.data, prompt: turn.prompt.slice(0, 2000) } : parsed.data;
  });
  const missing = ([1, 2, 3] as const).filter((part) => !turns.some((turn) => turn.part === part));
  if (missing.length > 0) {
    throw new EvaluatorError('invalid_state', `the test cannot be scored yet: no answer for Part ${missing.join(', Part ')}`);
  }
  const audioCharacters = turns.reduce((sum, turn) => sum + (turn.audio?.data.length ?? 0), 0);
  if (audioCharacters > MAX_INLINE_AUDIO_BASE64_CHARACTERS) {
    throw new EvaluatorError(
      'invalid_input',
      `the recordings are too large to send inline (${audioCharacters} base64 characters; at most ${MAX_INLINE_AUDIO_BASE64_CHARACTERS})`,
    );
  }
  return { set: set.data, turns };
}

function assessedBands(output: SpeakingModelOutput, audioAssessed: boolean): Band[] {
  const bands = [output.fluency_coherence.band, output.lexical_resource.band, output.grammatical_range_accuracy.band];
  if (audioAssessed && output.pronunciation) bands.push(output.pronunciation.band);
  return bands;
}

// Worth keeping the default model's scores for: failures of the escalation call itself,
// not a filter or a refusal that would apply to any model.
function isRecoverable(error: EvaluatorError): boolean {
  return ['throttled', 'provider_unavailable', 'timeout', 'invalid_model_output', 'max_tokens'].includes(error.code);
}

interface BuildResultInput {
  output: SpeakingModelOutput;
  audioAssessed: boolean;
  audioPartial: boolean;
  turns: readonly SpeakingEvaluationTurn[];
  firstOutput: SpeakingModelOutput | null;
  /** Our rules found text addressed to the scorer in a transcript (removed before sending). */
  injectionByRule: boolean;
  selectionReason: string;
  reviewReasons: string[];
  finalModel: string;
  calls: readonly GeminiCallRecord[];
  prices: PriceTable;
  minimumTranscriptionConfidence: number;
  latencyMs: number;
}

function buildResult(input: BuildResultInput): AssessmentResult {
  const { output, audioAssessed } = input;
  const pronunciation: CriterionScore =
    audioAssessed && output.pronunciation
      ? {
          band: output.pronunciation.band,
          feedback: input.audioPartial
            ? `${output.pronunciation.feedback} (Assessed from the answers that were recorded.)`.slice(0, 4000)
            : output.pronunciation.feedback,
        }
      : { band: null, feedback: PRONUNCIATION_NOT_ASSESSED_FEEDBACK };
  const criteriaScores = {
    fluency_coherence: { band: output.fluency_coherence.band, feedback: output.fluency_coherence.feedback },
    lexical_resource: { band: output.lexical_resource.band, feedback: output.lexical_resource.feedback },
    grammatical_range_accuracy: { band: output.grammatical_range_accuracy.band, feedback: output.grammatical_range_accuracy.feedback },
    pronunciation,
  };

  const flags: AssessmentFlag[] = [];
  const reviewReasons = [...input.reviewReasons];
  if (!audioAssessed) flags.push('pronunciation_not_assessed');
  const hardToTranscribe =
    audioAssessed &&
    [output, input.firstOutput].some(
      (candidate) =>
        candidate !== null &&
        (candidate.audio_unclear === true ||
          (candidate.transcription_confidence !== undefined && candidate.transcription_confidence < input.minimumTranscriptionConfidence)),
    );
  if (hardToTranscribe) {
    flags.push('hard_to_transcribe');
    reviewReasons.push('The recording was hard to make out; the bands may not reflect the candidate’s speech.');
  }
  const injectionByModel = output.injection_detected || input.firstOutput?.injection_detected === true;
  if (injectionByModel || input.injectionByRule) {
    flags.push('prompt_injection');
    reviewReasons.push(
      input.injectionByRule
        ? 'The answers contained sentences addressed to the scorer; they were removed from the transcripts and not assessed.'
        : 'The model reported speech addressed to the scorer; it was treated as speech, not instructions.',
    );
  }

  const allTranscribed = input.turns.every((turn) => turn.transcript !== undefined);
  const wordCount = allTranscribed ? input.turns.reduce((sum, turn) => sum + countWords(turn.transcript?.text ?? ''), 0) : null;

  const usage: TokenUsage = { input_tokens: 0, output_tokens: 0, total_tokens: 0 };
  let costUsd = 0;
  for (const call of input.calls) {
    usage.input_tokens += call.usage.input_tokens;
    usage.output_tokens += call.usage.output_tokens;
    usage.total_tokens += call.usage.total_tokens;
    const audioTokens = call.audioInputTokens ?? estimatedAudioTokens(input.turns, call.usage.input_tokens);
    costUsd += costOf(call.model, call.usage, input.prices, audioTokens).costUsd;
  }
  const modelsCalled = input.calls.map((call) => call.model).filter((model, index, all) => index === 0 || all[index - 1] !== model);

  return assessmentResultSchema.parse({
    assessment_type: 'speaking',
    overall_band: meanBand(assessedBands(output, audioAssessed)),
    criteria_scores: criteriaScores,
    feedback: output.summary,
    inline_corrections: [],
    word_count: wordCount,
    flags,
    review: { required: reviewReasons.length > 0, reasons: reviewReasons },
    ai_generated: true,
    content_safe: !flags.includes('prompt_injection'),
    provenance: {
      provider: 'gemini',
      model_id: input.finalModel,
      model_selection_reason: input.selectionReason.slice(0, 500),
      models_called: modelsCalled,
      token_usage: usage,
      cost_usd: costUsd,
      latency_ms: input.latencyMs,
      confidence: null,
    },
  });
}

// When Gemini does not break the input down by modality, the audio's share is estimated from the
// recorded durations at 32 tokens per second, so that audio is still priced at the audio rate.
function estimatedAudioTokens(turns: readonly SpeakingEvaluationTurn[], inputTokens: number): number {
  const seconds = turns.reduce(
    (sum, turn) => sum + (turn.audio !== undefined && turn.duration_ms !== undefined ? turn.duration_ms / 1000 : 0),
    0,
  );
  return Math.min(inputTokens, Math.round(seconds * GEMINI_AUDIO_TOKENS_PER_SECOND));
}
