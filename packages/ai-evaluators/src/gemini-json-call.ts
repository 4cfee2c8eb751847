import type { TokenUsage } from '@ielts-genai-prep/core';
import type * as z from 'zod';
import { EvaluatorError } from './evaluator-error.js';
import type { GeminiClient, GeminiContent } from './gemini-client.js';
import { mapGeminiError } from './gemini-error-mapping.js';
import { describeIssues } from './model-output-text.js';
import { readGeminiText, readGeminiUsage } from './gemini-response.js';
import { withRetry, type RetryOptions } from './retry.js';

/** Options of {@link callGeminiJson}. */
export interface GeminiJsonCallOptions<Output> {
  /** The Gemini client (a `GoogleGenAI` instance). */
  gemini: GeminiClient;
  /** The model id. */
  model: string;
  /** The system instruction. */
  systemInstruction: string;
  /** The conversation sent (the retry adds the invalid answer and what was wrong with it). */
  contents: GeminiContent[];
  /** The JSON Schema Gemini must answer with (sent as `responseJsonSchema`). */
  responseJsonSchema: unknown;
  /** Validates the parsed answer; the response schema alone is not trusted. */
  outputSchema: z.ZodType<Output>;
  /** Checks beyond the schema; returns the problems found (none: valid). Default: none. */
  check?: (output: Output) => string[];
  /** Default 8192: thinking models spend part of it on thoughts. */
  maxOutputTokens?: number;
  /** Retries of throttling, 5xx and timeouts within a deadline. Default {@link withRetry}'s. */
  retry?: RetryOptions;
  /** Answers asked for before giving up on invalid output. Default 2 (one retry). */
  validationAttempts?: number;
  /** The clock, in milliseconds since the epoch, for latency. Default `Date.now`. */
  clock?: () => number;
  /** The caller's signal: a call in flight is aborted and the call rejects with `aborted`. Default: none. */
  signal?: AbortSignal;
}

/** One answered Gemini call. */
export interface GeminiCallRecord {
  /** The model called. */
  model: string;
  /** Tokens the call used (thinking counted as output). */
  usage: TokenUsage;
  /** Audio input tokens as Gemini reported them; null when it did not say. */
  audioInputTokens: number | null;
  /** Milliseconds the call took, retries included. */
  latencyMs: number;
  /** Whether the answer parsed and validated. */
  valid: boolean;
  /** What was wrong with the answer, in our own words; empty when it validated. */
  problems: string[];
}

/** A validated answer, or the invalid-output error after the retry; every answered call either way. */
export type GeminiJsonCallResult<Output> =
  | { ok: true; output: Output; calls: GeminiCallRecord[] }
  | { ok: false; error: EvaluatorError; calls: GeminiCallRecord[] };

/**
 * Asks Gemini for structured JSON (`responseMimeType: 'application/json'`, a response schema,
 * temperature 0) and validates the answer with zod. Throttling, 5xx and timeouts are retried
 * within the deadline; an answer that does not parse or validate is asked for once more, with
 * the problems named. Content filtering and running out of tokens are thrown at once.
 */
export async function callGeminiJson<Output>(options: GeminiJsonCallOptions<Output>): Promise<GeminiJsonCallResult<Output>> {
  const attempts = Math.max(1, options.validationAttempts ?? 2);
  const clock = options.clock ?? Date.now;
  const calls: GeminiCallRecord[] = [];
  let contents = options.contents;
  let lastError: EvaluatorError | undefined;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const started = clock();
    const response = await withRetry(
      async (signal) => {
        try {
          return await options.gemini.models.generateContent({
            model: options.model,
            contents,
            config: {
              systemInstruction: options.systemInstruction,
              temperature: 0,
              maxOutputTokens: options.maxOutputTokens ?? 8192,
              responseMimeType: 'application/json',
              responseJsonSchema: options.responseJsonSchema,
              abortSignal: signal,
            },
          });
        } catch (error) {
          throw mapGeminiError(error);
        }
      },
      options.retry,
      options.signal,
    );
    const { usage, audioInputTokens } = readGeminiUsage(response);
    const record: GeminiCallRecord = {
      model: options.model,
      usage,
      audioInputTokens,
      latencyMs: Math.max(0, clock() - started),
      valid: false,
      problems: [],
    };
    calls.push(record);

    let text: string;
    try {
      text = readGeminiText(response);
    } catch (error) {
      if (!EvaluatorError.isInstance(error) || error.code !== 'invalid_model_output') throw error;
      record.problems = [error.message];
      lastError = error;
      continue;
    }
    const problems = validate(text, options);
    if (problems.ok) {
      record.valid = true;
      return { ok: true, output: problems.output, calls };
    }
    record.problems = problems.issues;
    lastError = new EvaluatorError('invalid_model_output', `${options.model} returned an answer that does not validate`, {
      details: problems.issues,
    });
    contents = [
      ...options.contents,
      { role: 'model', parts: [{ text: text.slice(0, 8000) }] },
      {
        role: 'user',
        parts: [
          {
            text:
              'That answer was not valid: ' +
              problems.issues.slice(0, 10).join('; ') +
              '. Answer again with only the JSON object the response schema describes; every band is a number from 0 to 9 in steps of 0.5.',
          },
        ],
      },
    ];
  }
  return { ok: false, error: lastError ?? new EvaluatorError('invalid_model_output', 'no valid answer'), calls };
}

function validate<Output>(
  text: string,
  options: GeminiJsonCallOptions<Output>,
): { ok: true; output: Output } | { ok: false; issues: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(stripCodeFence(text));
  } catch {
    // The parser's message quotes the answer: our own words only, as for every other problem.
    return { ok: false, issues: ['the answer is not JSON'] };
  }
  const parsed = options.outputSchema.safeParse(json);
  if (!parsed.success) return { ok: false, issues: describeIssues(parsed.error, 10) };
  const problems = options.check?.(parsed.data) ?? [];
  return problems.length > 0 ? { ok: false, issues: problems } : { ok: true, output: parsed.data };
}

// JSON mode should answer bare JSON, but a fenced block is still the same JSON.
function stripCodeFence(text: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/.exec(text);
  return fenced?.[1] ?? text;
}
