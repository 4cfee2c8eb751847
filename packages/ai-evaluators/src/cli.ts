#!/usr/bin/env node
// The `ielts-eval` command: scores JSON lines of essays or answer sheets and writes one JSON
// line per input. See the package README ("CLI") for the line shapes.
import { createInterface } from 'node:readline';
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { WRITING_ASSESSMENT_TYPES, type AssessmentResult, type WritingAssessmentType } from '@ielts-genai-prep/core';
import * as z from 'zod';
import packageJson from '../package.json';
import { createAnswerKeyEvaluator } from './answer-key-evaluator.js';
import { EvaluatorError } from './evaluator-error.js';
import { createOfflineWritingScorer } from './offline-writing-scorer.js';
import { DEFAULT_WRITING_MODEL_ID, createWritingEvaluator } from './writing-evaluator.js';

const USAGE = `Usage: ielts-eval <writing|reading|listening> [options]

Reads JSON lines and writes one JSON line per input line to standard output:
the input's "id" with the result's fields, or { "id", "line", "error": { "code", "message" } }.
A bad line gets an error line with its "id" (read up to where a broken line's JSON
breaks; null when it has none) and the run goes on.

Commands and input lines:
  writing    { "id", "task", "prompt", "essay" }
             task: task1 (Academic), task1_general_training, task2, or a writing
             assessment type; "chart", "letter_points", "word_limit" are optional and
             other fields (such as "band") are ignored.
  reading    { "id", "assessment_type"?, "question": <core Question with answer_key>, "answers" }
  listening  or { "id", "assessment_type"?, "answer_key": { "1": "(the) river", ... },
             "answer_formats"?: { "1-6": "NO MORE THAN TWO WORDS AND/OR A NUMBER",
             "7": { "kind": "true_false_not_given" } }, "answers": { "1": "river", ... } }
             reading defaults to reading_academic; give "reading_general_training" for GT.

Options:
  -i, --input FILE      the JSON lines file; "-" or no --input reads standard input
  -p, --provider NAME   writing only: offline (default, no network) or bedrock
                        (AWS Bedrock; region from AWS_REGION, credentials from the
                        standard AWS environment)
      --model-id ID     the Bedrock model (default ${DEFAULT_WRITING_MODEL_ID})
  -c, --concurrency N   lines scored at once (default 1, or 4 with bedrock); output
                        keeps the input's order
  -h, --help            this help
  -v, --version         the version

Exit status: 0 when every line was processed (even with error lines), 2 for a usage
error, 1 when the input cannot be read or the provider cannot be set up.`;

type Command = 'writing' | 'reading' | 'listening';

interface CliOptions {
  command: Command;
  input: string;
  provider: 'offline' | 'bedrock';
  modelId: string;
  concurrency: number;
}

class UsageError extends Error {}

function parseArguments(argv: readonly string[]): CliOptions | 'help' | 'version' {
  let command: Command | undefined;
  let input = '-';
  let provider: string | undefined;
  let modelId: string | undefined;
  let concurrency: number | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    const [flag, inlineValue] =
      argument.startsWith('--') && argument.includes('=')
        ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)]
        : [argument, undefined];
    const value = (): string => {
      if (inlineValue !== undefined) return inlineValue;
      const next = argv[index + 1];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      index += 1;
      return next;
    };
    switch (flag) {
      case '-h':
      case '--help':
        return 'help';
      case '-v':
      case '--version':
        return 'version';
      case '-i':
      case '--input':
        input = value();
        break;
      case '-p':
      case '--provider':
        provider = value();
        break;
      case '--model-id':
        modelId = value();
        break;
      case '-c':
      case '--concurrency': {
        const text = value();
        concurrency = Number(text);
        if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
          throw new UsageError(`--concurrency must be a whole number from 1 to 64, got "${text}"`);
        break;
      }
      default:
        if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option ${flag}`);
        if (command !== undefined) throw new UsageError(`unexpected argument "${flag}"`);
        if (flag !== 'writing' && flag !== 'reading' && flag !== 'listening')
          throw new UsageError(`unknown command "${flag}"; use writing, reading or listening`);
        command = flag;
    }
  }
  if (!command) throw new UsageError('a command is needed: writing, reading or listening');
  if (provider !== undefined && provider !== 'offline' && provider !== 'bedrock')
    throw new UsageError(`unknown provider "${provider}"; use offline or bedrock`);
  if (provider !== undefined && command !== 'writing')
    throw new UsageError('--provider applies to writing only; reading and listening are marked by answer key');
  if (modelId !== undefined && provider !== 'bedrock') throw new UsageError('--model-id needs --provider bedrock');
  const chosen = provider ?? 'offline';
  return {
    command,
    input,
    provider: chosen,
    modelId: modelId ?? DEFAULT_WRITING_MODEL_ID,
    concurrency: concurrency ?? (chosen === 'bedrock' ? 4 : 1),
  };
}

/** The error line's code and message for anything a line's evaluation threw. */
function describeError(error: unknown): { code: string; message: string; details?: readonly string[] } {
  if (EvaluatorError.isInstance(error))
    return { code: error.code, message: error.message, ...(error.details.length > 0 ? { details: error.details } : {}) };
  if (error instanceof z.ZodError) {
    return {
      code: 'invalid_input',
      message: 'the line does not have the expected shape',
      details: error.issues.map((issue) => `${issue.path.join('.') || '(line)'}: ${issue.message}`),
    };
  }
  return { code: 'internal_error', message: error instanceof Error ? error.message : String(error) };
}

const idSchema = z.union([z.string().max(500), z.number()]);

const TASK_ALIASES: Readonly<Record<string, WritingAssessmentType>> = {
  task1: 'writing_task1_academic',
  task1_academic: 'writing_task1_academic',
  task1_general_training: 'writing_task1_general_training',
  task2: 'writing_task2',
};

const writingLineSchema = z.object({
  task: z.string().transform((task, context) => {
    const type = TASK_ALIASES[task] ?? (WRITING_ASSESSMENT_TYPES as readonly string[]).find((candidate) => candidate === task);
    if (!type) {
      context.addIssue({
        code: 'custom',
        message: `unknown task "${task}": use task1, task1_general_training, task2 or a writing assessment type`,
      });
      return z.NEVER;
    }
    return type as WritingAssessmentType;
  }),
  prompt: z.string().default(''),
  essay: z.string(),
  chart: z.unknown().optional(),
  letter_points: z.array(z.string()).optional(),
  word_limit: z.int().optional(),
});

const answerSheetLineSchema = z.object({
  assessment_type: z.string().optional(),
  question: z.unknown().optional(),
  answer_key: z.unknown().optional(),
  answer_formats: z.unknown().optional(),
  answers: z.unknown(),
});

type LineScorer = (line: Record<string, unknown>) => Promise<AssessmentResult>;

async function writingScorer(options: CliOptions, stderr: (text: string) => void): Promise<LineScorer> {
  if (options.provider === 'offline') {
    const scorer = createOfflineWritingScorer();
    return async (line) => {
      const parsed = writingLineSchema.parse(line);
      return scorer.evaluate({ assessmentType: parsed.task, prompt: parsed.prompt, essay: parsed.essay });
    };
  }

  const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  if (!region) throw new SetupError('AWS_REGION is not set: Bedrock needs a region, e.g. AWS_REGION=us-east-1.');
  let bedrockModule: typeof import('@aws-sdk/client-bedrock-runtime');
  try {
    bedrockModule = await import('@aws-sdk/client-bedrock-runtime');
  } catch (error) {
    throw new SetupError(
      `--provider bedrock needs the package @aws-sdk/client-bedrock-runtime: install it beside @ielts-genai-prep/ai-evaluators (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  // One attempt per call: the evaluator retries within its own deadline.
  const client = new bedrockModule.BedrockRuntimeClient({ region, maxAttempts: 1 });
  try {
    await client.config.credentials();
  } catch (error) {
    throw new SetupError(
      `no AWS credentials found for Bedrock: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials), or AWS_PROFILE (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  stderr(`ielts-eval: scoring writing with ${options.modelId} on Bedrock in ${region}\n`);
  const evaluator = createWritingEvaluator({ bedrock: client, modelId: options.modelId });
  return async (line) => {
    const parsed = writingLineSchema.parse(line);
    return evaluator.evaluate({
      assessmentType: parsed.task,
      prompt: parsed.prompt,
      essay: parsed.essay,
      ...(parsed.chart === undefined ? {} : { chart: parsed.chart as never }),
      ...(parsed.letter_points === undefined ? {} : { letterPoints: parsed.letter_points }),
      ...(parsed.word_limit === undefined ? {} : { wordLimit: parsed.word_limit }),
    });
  };
}

function answerSheetScorer(command: 'reading' | 'listening'): LineScorer {
  const evaluator = createAnswerKeyEvaluator();
  return async (line) => {
    const parsed = answerSheetLineSchema.parse(line);
    const question = parsed.question as { assessment_type?: unknown } | undefined;
    const assessmentType = parsed.assessment_type ?? (typeof question?.assessment_type === 'string' ? question.assessment_type : undefined);
    const fits =
      command === 'listening'
        ? assessmentType === undefined || assessmentType === 'listening'
        : assessmentType === undefined || assessmentType.startsWith('reading');
    if (!fits) throw new EvaluatorError('invalid_input', `a ${assessmentType} answer sheet was given to "ielts-eval ${command}"`);
    return evaluator.evaluate({
      assessmentType: (assessmentType ?? (command === 'listening' ? 'listening' : 'reading_academic')) as never,
      ...(parsed.question === undefined ? {} : { question: parsed.question as never }),
      ...(parsed.answer_key === undefined ? {} : { answerKey: parsed.answer_key as never }),
      ...(parsed.answer_formats === undefined ? {} : { answerFormats: parsed.answer_formats as never }),
      answers: parsed.answers as never,
    });
  };
}

class SetupError extends Error {}

/**
 * The `"id"` of a line that is not valid JSON (cut short, a stray comma), so that its error line
 * still names it: the first `"id": "…"` or `"id": 123` at the top level of the object, read up
 * to where the JSON breaks. Null when there is none.
 */
function recoverId(text: string): string | number | null {
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (character === '{' || character === '[') depth += 1;
    else if (character === '}' || character === ']') depth -= 1;
    else if (character === '"') {
      const string = /^"(?:[^"\\]|\\.)*"/.exec(text.slice(index));
      if (!string) return null;
      const key = depth === 1 && string[0] === '"id"' && /^\s*:/.test(text.slice(index + string[0].length));
      if (key) {
        const value = /^\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(index + string[0].length));
        try {
          const id = idSchema.safeParse(value ? JSON.parse(value[1] ?? 'null') : null);
          return id.success ? id.data : null;
        } catch {
          return null;
        }
      }
      index += string[0].length - 1;
    }
  }
  return null;
}

async function scoreLine(text: string, lineNumber: number, score: LineScorer): Promise<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      id: recoverId(text),
      line: lineNumber,
      error: { code: 'invalid_json', message: `line ${lineNumber} is not JSON: ${error instanceof Error ? error.message : String(error)}` },
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { id: null, line: lineNumber, error: { code: 'invalid_input', message: `line ${lineNumber} is not a JSON object` } };
  }
  const line = value as Record<string, unknown>;
  const id = idSchema.safeParse(line.id);
  if (!id.success)
    return {
      id: null,
      line: lineNumber,
      error: { code: 'invalid_input', message: `line ${lineNumber} has no "id" (a string or a number)` },
    };
  try {
    const result = await score(line);
    return { id: id.data, ...result };
  } catch (error) {
    return { id: id.data, line: lineNumber, error: describeError(error) };
  }
}

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream.write(text)) resolve();
    else {
      stream.once('drain', resolve);
      stream.once('error', reject);
    }
  });
}

async function openInput(input: string): Promise<Readable> {
  if (input === '-') return process.stdin;
  try {
    await access(input);
  } catch (error) {
    throw new SetupError(`cannot read ${input}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return createReadStream(input, { encoding: 'utf8' });
}

/** Runs the command line; resolves to the exit status. */
async function main(argv: readonly string[]): Promise<number> {
  const stderr = (text: string) => {
    process.stderr.write(text);
  };
  let options: CliOptions | 'help' | 'version';
  try {
    options = parseArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    stderr(`ielts-eval: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options === 'version') {
    process.stdout.write(`${packageJson.version}\n`);
    return 0;
  }

  let score: LineScorer;
  let input: Readable;
  try {
    input = await openInput(options.input);
    score = options.command === 'writing' ? await writingScorer(options, stderr) : answerSheetScorer(options.command);
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    stderr(`ielts-eval: ${error.message}\n`);
    return 1;
  }

  // Lines are scored up to `concurrency` at a time and written in input order.
  const pending: Array<Promise<Record<string, unknown>>> = [];
  let lineNumber = 0;
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const text of lines) {
      lineNumber += 1;
      if (text.trim() === '') continue;
      pending.push(scoreLine(text, lineNumber, score));
      if (pending.length >= options.concurrency) await write(process.stdout, `${JSON.stringify(await pending.shift())}\n`);
    }
  } catch (error) {
    stderr(`ielts-eval: reading the input failed after line ${lineNumber}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  while (pending.length > 0) await write(process.stdout, `${JSON.stringify(await pending.shift())}\n`);
  return 0;
}

// A closed pipe (`ielts-eval … | head`) ends the run quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`ielts-eval: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
