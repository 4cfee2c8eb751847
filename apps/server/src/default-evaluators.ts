import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { GoogleGenAI } from '@google/genai';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import {
  createAnswerKeyEvaluator,
  createGrammarChecker,
  createOfflineSpeakingScorer,
  createOfflineWritingScorer,
  createSpeakingEvaluator,
  createWritingEvaluator,
  type WritingEvaluatorOptions,
} from '@ielts-genai-prep/ai-evaluators';
import { isWritingType } from '@ielts-genai-prep/core';
import type { ServerConfig } from './config.js';
import type { Evaluators } from './evaluators.js';
import { ServerError } from './server-error.js';

/** Options for {@link createDefaultEvaluators}. */
export interface DefaultEvaluatorOptions {
  /** A Bedrock client to use instead of one built from the config (tests point it at a local server). */
  bedrock?: BedrockRuntimeClient;
  /** A Gemini client to use instead of one built from the config. */
  gemini?: GoogleGenAI;
  /** Retries and deadline of every Bedrock and Gemini call (tests shorten them). Default: each evaluator's. */
  retry?: WritingEvaluatorOptions['retry'];
  /** The evaluators' clock, in milliseconds since the epoch (latency and the time safety events carry). Default `Date.now`. */
  clock?: () => number;
}

/**
 * The evaluators the configuration asks for: Writing on Bedrock when `BEDROCK_ENABLED`, Speaking on
 * Gemini when `GEMINI_API_KEY` is set, otherwise the offline scorers; Reading and Listening are
 * always marked by answer key.
 */
export function createDefaultEvaluators(config: ServerConfig, options: DefaultEvaluatorOptions = {}): Evaluators {
  // The evaluators are built once and shared by every request; each call carries its own safety
  // event handler and signal.
  const clock = options.clock ? { clock: options.clock } : {};
  const offlineSpeaking = createOfflineSpeakingScorer(clock);
  // Built on first use: marking tables load then.
  let answerKey: ReturnType<typeof createAnswerKeyEvaluator> | undefined;

  const bedrock =
    options.bedrock ??
    (config.bedrock.enabled
      ? new BedrockRuntimeClient({
          region: config.bedrock.region,
          // The evaluator retries within its own deadline.
          maxAttempts: 1,
          ...(config.bedrock.endpoint
            ? {
                endpoint: config.bedrock.endpoint,
                // A Bedrock-compatible endpoint (a proxy, a local stand-in) speaks HTTP/1.1.
                requestHandler: new NodeHttpHandler(),
                credentials: config.endpointCredentials,
              }
            : {}),
        })
      : undefined);
  const writingEvaluator = bedrock
    ? createWritingEvaluator({
        bedrock,
        ...clock,
        ...(options.retry ? { retry: options.retry } : {}),
        ...(config.bedrock.modelId ? { modelId: config.bedrock.modelId } : {}),
      })
    : undefined;
  // Only when the offline scorer marks writing (no Bedrock). Loaded now, not on the first
  // learner's essay: Harper's WebAssembly takes seconds to compile. A failure is not fatal: the
  // scorer then scores without it.
  const grammarChecker = config.offlineGrammarCheck && !writingEvaluator ? createGrammarChecker() : undefined;
  grammarChecker
    ?.setup()
    .catch((error: unknown) => console.error('The grammar checker failed to load; offline writing is scored without it.', error));
  const offlineWriting = createOfflineWritingScorer({ ...clock, ...(grammarChecker ? { grammarChecker } : {}) });

  const gemini =
    options.gemini ??
    (config.gemini.apiKey
      ? new GoogleGenAI({
          apiKey: config.gemini.apiKey,
          // Structured output (`responseJsonSchema`) and inline audio are documented on v1beta; @google/genai 3 defaults to v1.
          httpOptions: { apiVersion: 'v1beta', ...(config.gemini.baseUrl ? { baseUrl: config.gemini.baseUrl } : {}) },
        })
      : undefined);
  const speakingEvaluator = gemini
    ? createSpeakingEvaluator({ gemini, ...clock, ...(options.retry ? { retry: options.retry } : {}) })
    : undefined;

  return {
    async writing({ question, essay, rubric, onSafetyEvent, signal }) {
      const assessmentType = question.assessment_type;
      if (!isWritingType(assessmentType)) throw new ServerError('validation_failed', 'Not a writing question');
      const call = { onSafetyEvent, signal };
      if (!writingEvaluator) return offlineWriting.evaluate({ assessmentType, prompt: question.prompt, essay }, call);
      return writingEvaluator.evaluate(
        {
          assessmentType,
          prompt: question.prompt,
          essay,
          wordLimit: question.word_limit,
          chart: question.chart,
          letterPoints: question.letter_points,
          rubric: rubric ?? null,
        },
        call,
      );
    },

    async answerSheet({ question, answers }) {
      answerKey ??= createAnswerKeyEvaluator();
      return answerKey.evaluate({ question, answers });
    },

    async speaking({ question, turns, onSafetyEvent, signal }) {
      const set = question.speaking;
      if (!set) throw new ServerError('not_found', 'This question has no speaking set');
      const call = { onSafetyEvent, signal };
      if (speakingEvaluator) return speakingEvaluator.evaluate({ set, turns }, call);
      const transcribed = turns.flatMap((turn) => (turn.transcript ? [{ part: turn.part, transcript: turn.transcript }] : []));
      if (transcribed.length === 0) {
        throw new ServerError(
          'validation_failed',
          'The offline scorer needs transcripts: send a transcript with each turn (audio is scored only with Gemini)',
          { details: [{ path: 'transcript', message: 'no turn has a transcript' }] },
        );
      }
      return offlineSpeaking.evaluate({ turns: transcribed }, call);
    },

    speakingSetup: speakingEvaluator
      ? { scorer: 'gemini', transcribes_audio: true, assesses_pronunciation: true }
      : { scorer: 'offline', transcribes_audio: false, assesses_pronunciation: false },
  };
}
