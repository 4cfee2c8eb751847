import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { GoogleGenAI } from '@google/genai';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import {
  createAnswerKeyEvaluator,
  createOfflineSpeakingScorer,
  createOfflineWritingScorer,
  createSpeakingEvaluator,
  createWritingEvaluator,
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
}

/**
 * The evaluators the configuration asks for: Writing on Bedrock when `BEDROCK_ENABLED`, Speaking on
 * Gemini when `GEMINI_API_KEY` is set, otherwise the offline scorers; Reading and Listening are
 * always marked by answer key.
 */
export function createDefaultEvaluators(config: ServerConfig, options: DefaultEvaluatorOptions = {}): Evaluators {
  const offlineWriting = createOfflineWritingScorer();
  const offlineSpeaking = createOfflineSpeakingScorer();
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
                ...(process.env.AWS_ACCESS_KEY_ID ? {} : { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
              }
            : {}),
        })
      : undefined);
  const writingEvaluator = bedrock
    ? createWritingEvaluator({ bedrock, ...(config.bedrock.modelId ? { modelId: config.bedrock.modelId } : {}) })
    : undefined;

  const gemini =
    options.gemini ??
    (config.gemini.apiKey
      ? new GoogleGenAI({ apiKey: config.gemini.apiKey, ...(config.gemini.baseUrl ? { httpOptions: { baseUrl: config.gemini.baseUrl } } : {}) })
      : undefined);
  const speakingEvaluator = gemini ? createSpeakingEvaluator({ gemini }) : undefined;

  return {
    async writing({ question, essay, rubric }) {
      if (!isWritingType(question.assessment_type)) throw new ServerError('validation_failed', 'Not a writing question');
      if (!writingEvaluator) return offlineWriting.evaluate({ assessmentType: question.assessment_type, prompt: question.prompt, essay });
      return writingEvaluator.evaluate({
        assessmentType: question.assessment_type,
        prompt: question.prompt,
        essay,
        wordLimit: question.word_limit,
        chart: question.chart,
        letterPoints: question.letter_points,
        rubric: rubric ?? null,
      });
    },

    async answerSheet({ question, answers }) {
      answerKey ??= createAnswerKeyEvaluator();
      return answerKey.evaluate({ question, answers });
    },

    async speaking({ question, turns }) {
      if (!question.speaking) throw new ServerError('not_found', 'This question has no speaking set');
      if (speakingEvaluator) return speakingEvaluator.evaluate({ set: question.speaking, turns });
      const transcribed = turns.flatMap((turn) => (turn.transcript ? [{ part: turn.part, transcript: turn.transcript }] : []));
      if (transcribed.length === 0) {
        throw new ServerError(
          'validation_failed',
          'The offline scorer needs transcripts: send a transcript with each turn (audio is scored only with Gemini)',
          { details: [{ path: 'transcript', message: 'no turn has a transcript' }] },
        );
      }
      return offlineSpeaking.evaluate({ turns: transcribed });
    },
  };
}
