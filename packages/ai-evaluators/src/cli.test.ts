// Runs the built `ielts-eval` (dist/cli.js) as a child process on real JSON lines, the way a
// user would. Build first: `pnpm --filter @ielts-genai-prep/ai-evaluators build`.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { WRITING_TASK2_CRITERIA, assessmentResultSchema, criteriaFor } from '@ielts-genai-prep/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TASK1_ESSAY, TASK1_PROMPT, TASK2_ESSAY, TASK2_PROMPT } from './__fixtures__/bedrock-writing-essays.js';
import { createOfflineWritingScorer } from './offline-writing-scorer.js';
import { CALIBRATION_ESSAYS_PATH } from './test-support/calibration-essays.js';

const packageDirectory = resolve(import.meta.dirname, '..');
const cliPath = join(packageDirectory, 'dist', 'cli.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  lines: OutputLine[];
}

/** A JSON line the CLI printed, typed by the fields these tests read: a result's, or an error line's. */
interface OutputLine {
  [field: string]: unknown;
  id: string | number | null;
  raw_score: number;
  overall_band: number;
  criteria_scores: Record<string, { band: number }>;
  question_results: Array<{ reason_code: string }>;
  provenance: { cost_usd: number };
  error: { code: string; details: string[] };
}

// A clean environment: no AWS settings from the machine running the tests.
function baseEnvironment(): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: scratch, NODE_NO_WARNINGS: '1' };
  return environment;
}

function run(args: readonly string[], options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd: scratch, env: { ...baseEnvironment(), ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      const lines = stdout.startsWith('{')
        ? stdout
            .split('\n')
            .filter((line) => line !== '')
            .map((line) => JSON.parse(line) as OutputLine)
        : [];
      resolvePromise({ status, stdout, stderr, lines });
    });
    child.stdin.end(options.stdin ?? '');
  });
}

let scratch: string;

// Each test starts Node processes; a busy two-core machine can take a few seconds.
vi.setConfig({ testTimeout: 30_000 });

beforeAll(() => {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run "pnpm --filter @ielts-genai-prep/ai-evaluators build" first`);
  scratch = mkdtempSync(join(tmpdir(), 'ielts-eval-'));
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function jsonLines(...lines: Array<unknown>): string {
  return `${lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n')}\n`;
}

function writeInput(name: string, content: string): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

const readingQuestion = {
  question_id: 'reading-1',
  assessment_type: 'reading_academic',
  title: 'The history of glass',
  prompt: 'Read the passage and answer questions 1–4.',
  time_limit: 20,
  passages: [{ part: 1, title: 'The history of glass', text: 'Glass was first made…' }],
  question_groups: [
    {
      group_id: 'g1',
      part: 1,
      instructions: 'Write TRUE, FALSE or NOT GIVEN.',
      answer_format: { kind: 'true_false_not_given' },
      questions: [
        { number: 1, text: '…' },
        { number: 2, text: '…' },
      ],
    },
    {
      group_id: 'g2',
      part: 1,
      instructions: 'Write NO MORE THAN TWO WORDS AND/OR A NUMBER.',
      answer_format: { kind: 'words', max_words: 2, numbers_allowed: true },
      questions: [
        { number: 3, text: '…' },
        { number: 4, text: '…' },
      ],
    },
  ],
  answer_key: { '1': 'TRUE', '2': 'NOT GIVEN', '3': '(the) furnace', '4': '1,500' },
};

describe('ielts-eval reading / listening', () => {
  it('writes one line per input line, in order, with an error line for each bad line, and exits 0', async () => {
    const input = writeInput(
      'sheets.jsonl',
      jsonLines(
        {
          id: 'q-based',
          question: readingQuestion,
          answers: { '1': 'true', '2': 'YES', '3': 'the furnace', '4': 'one thousand five hundred' },
        },
        {
          id: 7,
          assessment_type: 'reading_general_training',
          answer_key: { '1': 'colour / color', '2': 'B' },
          answer_formats: { '1': 'ONE WORD ONLY', '2': { kind: 'letter', options: ['A', 'B', 'C'] } },
          answers: { '1': 'Color', '2': 'b' },
        },
        '{"id": "broken", "answers": ',
        { answers: { '1': 'x' }, answer_key: { '1': 'x' } },
        { id: 'no-key', answers: { '1': 'x' } },
        { id: 'out-of-range', answer_key: { '1': 'river' }, answers: { '41': 'river' } },
        '',
        { id: 'listening-sheet', assessment_type: 'listening', answer_key: { '1': 'river' }, answers: { '1': 'river' } },
        { id: 'last', answer_key: { '1': 'the (old) bridge', '2': '15' }, answers: { '1': 'The old bridge.', '2': 'fifteen' } },
      ),
    );
    const result = await run(['reading', '--input', input]);
    expect(result.status).toBe(0);
    // The broken line's id is read up to where its JSON breaks.
    expect(result.lines.map((line) => line.id)).toEqual([
      'q-based',
      7,
      'broken',
      null,
      'no-key',
      'out-of-range',
      'listening-sheet',
      'last',
    ]);

    const [questionBased, bareKey, broken, noId, noKey, outOfRange, listening, last] = result.lines;
    expect(questionBased).toMatchObject({
      assessment_type: 'reading_academic',
      raw_score: 3,
      criteria_scores: {},
      provenance: { provider: 'answer_key', cost_usd: 0 },
    });
    expect(questionBased?.question_results.map((item) => item.reason_code)).toEqual([
      'correct',
      'wrong_answer_family',
      'correct',
      'correct',
    ]);
    const { id: _id, ...questionResult } = questionBased ?? {};
    expect(assessmentResultSchema.safeParse(questionResult).success).toBe(true);
    expect(bareKey).toMatchObject({ assessment_type: 'reading_general_training', raw_score: 2 });
    expect(broken).toMatchObject({ line: 3, error: { code: 'invalid_json' } });
    expect(noId).toMatchObject({ line: 4, error: { code: 'invalid_input', message: 'line 4 has no "id" (a string or a number)' } });
    expect(noKey).toMatchObject({ error: { code: 'invalid_input', message: 'the question has no answer key' } });
    expect(outOfRange?.error.code).toBe('invalid_input');
    expect(listening).toMatchObject({
      error: { code: 'invalid_input', message: 'a listening answer sheet was given to "ielts-eval reading"' },
    });
    expect(last).toMatchObject({ assessment_type: 'reading_academic', raw_score: 2 });
  });

  it('reads standard input with "--input -" and without --input', async () => {
    const stdin = jsonLines({ id: 'a', answer_key: { '1': '(the) river', '2': 'TRUE' }, answers: { '1': 'river', '2': 'yes' } });
    for (const args of [['listening', '--input', '-'], ['listening']]) {
      const result = await run(args, { stdin });
      expect(result.status).toBe(0);
      expect(result.lines).toHaveLength(1);
      expect(result.lines[0]).toMatchObject({ id: 'a', assessment_type: 'listening', raw_score: 1 });
      expect(result.lines[0]?.question_results[1]?.reason_code).toBe('wrong_answer_family');
    }
  });

  it('keeps the input order when lines are scored concurrently', async () => {
    const lines = Array.from({ length: 30 }, (_, index) => ({
      id: `sheet-${index}`,
      answer_key: { '1': 'river' },
      answers: { '1': index % 2 === 0 ? 'river' : 'lake' },
    }));
    const result = await run(['listening', '--concurrency', '8'], { stdin: jsonLines(...lines) });
    expect(result.lines.map((line) => line.id)).toEqual(lines.map((line) => line.id));
    expect(result.lines.map((line) => line.raw_score)).toEqual(lines.map((_, index) => (index % 2 === 0 ? 1 : 0)));
  });
});

describe('ielts-eval writing (offline)', () => {
  it('scores essays offline, ignores extra fields, reports bad lines and goes on', async () => {
    const input = writeInput(
      'essays.jsonl',
      jsonLines(
        { id: 'e1', task: 'task2', prompt: TASK2_PROMPT, essay: TASK2_ESSAY, band: 6.5 },
        { id: 'e2', task: 'task3', prompt: 'x', essay: 'y' },
        { id: 'e3', task: 'writing_task1_academic', prompt: TASK1_PROMPT, essay: TASK1_ESSAY },
        { id: 'e4', task: 'task2', prompt: TASK2_PROMPT },
        '{"task": "task2", "chart": {"id": "inner"}, "id": 42, "essay": "cut short',
        '{"task": "id", "essay": "no id at all",',
        '[1, 2]',
      ),
    );
    const result = await run(['writing', '--input', input, '--provider', 'offline']);
    expect(result.status).toBe(0);
    const [first, unknownTask, task1, missingEssay, cutShort, noId, notAnObject] = result.lines;
    expect(result.lines).toHaveLength(7);
    expect(cutShort).toMatchObject({ id: 42, line: 5, error: { code: 'invalid_json' } });
    expect(noId).toMatchObject({ id: null, line: 6, error: { code: 'invalid_json' } });
    expect(notAnObject).toMatchObject({ id: null, line: 7, error: { code: 'invalid_input' } });

    // The CLI's bands are the offline scorer's.
    const scorer = createOfflineWritingScorer();
    const expected2 = await scorer.evaluate({ assessmentType: 'writing_task2', prompt: TASK2_PROMPT, essay: TASK2_ESSAY });
    const expected1 = await scorer.evaluate({ assessmentType: 'writing_task1_academic', prompt: TASK1_PROMPT, essay: TASK1_ESSAY });
    expect(first).toMatchObject({
      id: 'e1',
      assessment_type: 'writing_task2',
      overall_band: expected2.overall_band,
      provenance: { provider: 'offline' },
    });
    expect(Object.keys(first?.criteria_scores ?? {}).sort()).toEqual([...WRITING_TASK2_CRITERIA].sort());
    expect(first?.criteria_scores).toEqual(expected2.criteria_scores);
    expect(first).not.toHaveProperty('band');
    expect(unknownTask).toMatchObject({ id: 'e2', error: { code: 'invalid_input' } });
    expect(unknownTask?.error.details[0]).toContain('unknown task "task3"');
    expect(task1).toMatchObject({ id: 'e3', overall_band: expected1.overall_band });
    expect(Object.keys(task1?.criteria_scores ?? {}).sort()).toEqual([...criteriaFor('writing_task1_academic')].sort());
    expect(missingEssay).toMatchObject({ id: 'e4', error: { code: 'invalid_input' } });
  });

  it('scores the shared scored-essays format as it is', async () => {
    const sample = readFileSync(CALIBRATION_ESSAYS_PATH, 'utf8').split('\n').slice(0, 3).join('\n');
    const result = await run(['writing'], { stdin: `${sample}\n` });
    expect(result.status).toBe(0);
    expect(result.lines.map((line) => line.id)).toEqual(sample.split('\n').map((line) => (JSON.parse(line) as { id: string }).id));
    for (const line of result.lines) expect(line.overall_band).toBeTypeOf('number');
  });
});

describe('ielts-eval usage and setup errors', () => {
  it.each([
    [[], /a command is needed/],
    [['speaking'], /unknown command "speaking"/],
    [['reading', '--bogus'], /unknown option --bogus/],
    [['reading', '--provider', 'bedrock'], /--provider applies to writing only/],
    [['writing', '--provider', 'openai'], /unknown provider "openai"/],
    [['writing', '--concurrency', '0'], /--concurrency must be/],
    [['writing', '--input'], /--input needs a value/],
  ])('exits 2 for %j', async (args, message) => {
    const result = await run(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('Usage: ielts-eval');
    expect(result.stdout).toBe('');
  });

  it('prints help and the version', async () => {
    const help = await run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: ielts-eval <writing|reading|listening>');
    const version = await run(['--version']);
    expect(version.stdout.trim()).toBe(
      (JSON.parse(readFileSync(join(packageDirectory, 'package.json'), 'utf8')) as { version: string }).version,
    );
  });

  it('exits 1 when the input file cannot be read', async () => {
    const result = await run(['reading', '--input', join(scratch, 'missing.jsonl')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/cannot read .*missing\.jsonl/);
  });

  it('exits 1 with a clear message when Bedrock has no region or no credentials', async () => {
    const noRegion = await run(['writing', '--provider', 'bedrock'], {
      stdin: jsonLines({ id: 'x', task: 'task2', prompt: 'p', essay: 'e' }),
    });
    expect(noRegion.status).toBe(1);
    expect(noRegion.stderr).toContain('AWS_REGION is not set');

    const noCredentials = await run(['writing', '--provider', 'bedrock'], {
      stdin: jsonLines({ id: 'x', task: 'task2', prompt: 'p', essay: 'e' }),
      env: {
        AWS_REGION: 'us-east-1',
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_CONFIG_FILE: join(scratch, 'none'),
        AWS_SHARED_CREDENTIALS_FILE: join(scratch, 'none'),
      },
    });
    expect(noCredentials.status).toBe(1);
    expect(noCredentials.stderr).toContain('no AWS credentials found for Bedrock');
    expect(noCredentials.stdout).toBe('');
  });
});

describe('ielts-eval writing --provider bedrock', () => {
  // The Bedrock Runtime client speaks HTTP/2: a cleartext HTTP/2 server answers Converse.
  let server: http2.Http2Server;
  let endpoint: string;
  const requests: Array<{ path: string; authorization: string; body: { toolConfig: { toolChoice: unknown } } }> = [];
  const reply = readFileSync(join(packageDirectory, 'src/__fixtures__/bedrock-writing-task2.json'), 'utf8');

  beforeAll(async () => {
    server = http2.createServer();
    server.on('stream', (stream, headers) => {
      let body = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (body += chunk));
      stream.on('end', () => {
        requests.push({
          path: String(headers[':path']),
          authorization: String(headers.authorization),
          body: JSON.parse(body) as { toolConfig: { toolChoice: unknown } },
        });
        stream.respond({ ':status': 200, 'content-type': 'application/json' });
        stream.end(reply);
      });
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((closed) => server.close(closed));
  });

  it('scores through Bedrock Converse with the region and credentials from the environment', async () => {
    const result = await run(['writing', '--provider', 'bedrock'], {
      stdin: jsonLines(
        { id: 'essay-1', task: 'task2', prompt: TASK2_PROMPT, essay: TASK2_ESSAY },
        { id: 'essay-2', task: 'task2', prompt: '', essay: TASK2_ESSAY },
      ),
      env: {
        AWS_REGION: 'eu-west-1',
        AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'secret',
        AWS_ENDPOINT_URL_BEDROCK_RUNTIME: endpoint,
      },
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('scoring writing with amazon.nova-micro-v1:0 on Bedrock in eu-west-1');
    expect(requests).toHaveLength(1);
    expect(requests[0]?.path).toBe('/model/amazon.nova-micro-v1%3A0/converse');
    expect(requests[0]?.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/bedrock\//);
    expect(requests[0]?.body.toolConfig.toolChoice).toEqual({ tool: { name: 'record_assessment' } });

    const [scored, emptyPrompt] = result.lines;
    const fixture = JSON.parse(reply) as {
      output: { message: { content: Array<{ toolUse?: { input: { criteria: Record<string, { band: number }> } } }> } };
    };
    const modelBands = fixture.output.message.content.find((block) => block.toolUse)?.toolUse?.input.criteria ?? {};
    expect(scored).toMatchObject({
      id: 'essay-1',
      assessment_type: 'writing_task2',
      provenance: { provider: 'bedrock', model_id: 'amazon.nova-micro-v1:0' },
    });
    for (const [criterion, { band }] of Object.entries(modelBands)) expect(scored?.criteria_scores[criterion]?.band).toBe(band);
    expect(scored?.provenance.cost_usd).toBeGreaterThan(0);
    expect(emptyPrompt).toMatchObject({ id: 'essay-2', error: { code: 'invalid_input' } });
  });
});
