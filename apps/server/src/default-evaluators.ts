import { AsyncLocalStorage } from 'node:async_hooks';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { GoogleGenAI } from '@google/genai';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import {
  buildSafetyEvent,
  createAnswerKeyEvaluator,
  createOfflineSpeakingScorer,
  createOfflineWritingScorer,
  createSpeakingEvaluator,
  createWritingEvaluator,
  OFFLINE_SPEAKING_MODEL_ID,
  OFFLINE_WRITING_MODEL_ID,
  screenUntrustedText,
  type AiSafetyEvent,
} from '@ielts-genai-prep/ai-evaluators';
import { isWritingType, type AssessmentResultInput } from '@ielts-genai-prep/core';
import type { ServerConfig } from './config.js';
import type { Evaluators } from './evaluators.js';
import { ServerError } from './server-error.js';

/** Options for {@link createDefaultEvaluators}. */
export interface DefaultEvaluatorOptions {
  /** A Bedrock client to use instead of one built from the config (tests point it at a local server). */
  bedrock?: BedrockRuntimeClient;
  /** A Gemini client to use instead of one built from the config. */
  gemini?: GoogleGenAI;
  /** The time safety events of the offline scorers carry. Default `new Date()`. */
  now?: () => Date;
}

/**
 * The safety events the offline scorers' screening implies. They take no `onSafetyEvent`, so the
 * same screening (`screenUntrustedText` without NFKC, as they run it) is repeated here for the
 * evidence: invisible characters removed, and the sentences addressed to the scorer when the
 * result carries the `prompt_injection` flag.
 */
function offlineSafetyEvents(modelId: string, texts: readonly string[], result: AssessmentResultInput, now: Date): AiSafetyEvent[] {
  const screened = texts.map((text) => screenUntrustedText(text, { compatibility: false }));
  const removed = { zeroWidth: 0, bidiControl: 0, tag: 0, control: 0 };
  for (const { removed: counts } of screened) {
    removed.zeroWidth += counts.zeroWidth;
    removed.bidiControl += counts.bidiControl;
    removed.tag += counts.tag;
    removed.control += counts.control;
  }
  const removedCount = removed.zeroWidth + removed.bidiControl + removed.tag + removed.control;
  const base = { provider: 'offline', model_id: modelId, created_at: now };
  const events: AiSafetyEvent[] = [];
  if (removedCount > 0) {
    events.push(
      buildSafetyEvent({
        ...base,
        check: 'input_normalization',
        // As the cloud evaluators judge it: tag and bidi characters hide or reorder text, the rest comes with copy and paste.
        verdict: removed.tag > 0 || removed.bidiControl > 0 ? 'flagged' : 'pass',
        evidence: [
          `removed ${removedCount} invisible characters: zero-width ${removed.zeroWidth}, bidi control ${removed.bidiControl}, tag ${removed.tag}, control ${removed.control}`,
        ],
      }),
    );
  }
  if (result.flags?.includes('prompt_injection')) {
    const evidence = screened.flatMap((text) => text.evidence);
    events.push(
      buildSafetyEvent({
        ...base,
        check: 'prompt_injection',
        verdict: 'flagged',
        // The speaking scorer also screens timed words, which the transcript text may not repeat.
        evidence: evidence.length > 0 ? evidence : ['the offline scorer removed text addressed to the scorer'],
      }),
    );
  }
  return events;
}

/**
 * The evaluators the configuration asks for: Writing on Bedrock when `BEDROCK_ENABLED`, Speaking on
 * Gemini when `GEMINI_API_KEY` is set, otherwise the offline scorers; Reading and Listening are
 * always marked by answer key.
 */
export function createDefaultEvaluators(config: ServerConfig, options: DefaultEvaluatorOptions = {}): Evaluators {
  const offlineWriting = createOfflineWritingScorer();
  const offlineSpeaking = createOfflineSpeakingScorer();
  const now = options.now ?? (() => new Date());
  // The cloud evaluators are built once; their events go to the sink of the request being scored.
  const safetyEventSink = new AsyncLocalStorage<((event: AiSafetyEvent) => void) | undefined>();
  const onSafetyEvent = (event: AiSafetyEvent): void => safetyEventSink.getStore()?.(event);
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
    ? createWritingEvaluator({ bedrock, onSafetyEvent, ...(config.bedrock.modelId ? { modelId: config.bedrock.modelId } : {}) })
    : undefined;

  const gemini =
    options.gemini ??
    (config.gemini.apiKey
      ? new GoogleGenAI({ apiKey: config.gemini.apiKey, ...(config.gemini.baseUrl ? { httpOptions: { baseUrl: config.gemini.baseUrl } } : {}) })
      : undefined);
  const speakingEvaluator = gemini ? createSpeakingEvaluator({ gemini, onSafetyEvent }) : undefined;

  return {
    async writing({ question, essay, rubric, onSafetyEvent: sink }) {
      const assessmentType = question.assessment_type;
      if (!isWritingType(assessmentType)) throw new ServerError('validation_failed', 'Not a writing question');
      if (!writingEvaluator) {
        const result = await offlineWriting.evaluate({ assessmentType, prompt: question.prompt, essay });
        if (sink) for (const event of offlineSafetyEvents(OFFLINE_WRITING_MODEL_ID, [essay], result, now())) sink(event);
        return result;
      }
      const evaluator = writingEvaluator;
      return safetyEventSink.run(sink, () =>
        evaluator.evaluate({
          assessmentType,
          prompt: question.prompt,
          essay,
          wordLimit: question.word_limit,
          chart: question.chart,
          letterPoints: question.letter_points,
          rubric: rubric ?? null,
        }),
      );
    },

    async answerSheet({ question, answers }) {
      answerKey ??= createAnswerKeyEvaluator();
      return answerKey.evaluate({ question, answers });
    },

    async speaking({ question, turns, onSafetyEvent: sink }) {
      const set = question.speaking;
      if (!set) throw new ServerError('not_found', 'This question has no speaking set');
      if (speakingEvaluator) {
        const evaluator = speakingEvaluator;
        return safetyEventSink.run(sink, () => evaluator.evaluate({ set, turns }));
      }
      const transcribed = turns.flatMap((turn) => (turn.transcript ? [{ part: turn.part, transcript: turn.transcript }] : []));
      if (transcribed.length === 0) {
        throw new ServerError(
          'validation_failed',
          'The offline scorer needs transcripts: send a transcript with each turn (audio is scored only with Gemini)',
          { details: [{ path: 'transcript', message: 'no turn has a transcript' }] },
        );
      }
      const result = await offlineSpeaking.evaluate({ turns: transcribed });
      if (sink) for (const event of offlineSafetyEvents(OFFLINE_SPEAKING_MODEL_ID, transcribed.map((turn) => turn.transcript.text), result, now())) sink(event);
      return result;
    },
  };
}
