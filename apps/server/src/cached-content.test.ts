import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRepositories, type Repositories } from '@ielts-genai-prep/dal-dynamodb';
import { startEmbeddedDynamo } from '@ielts-genai-prep/dal-dynamodb/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheContent } from './cached-content.js';
import { practiceQuestions, practiceRubrics } from './content/index.js';
import { seedContent } from './content-seed.js';

let directory: string;
let close: () => Promise<void>;
let repositories: Repositories;
// Every repository call the store answered, by name.
const calls: string[] = [];

beforeAll(async () => {
  directory = mkdtempSync(path.join(tmpdir(), 'ielts-content-cache-'));
  const embedded = await startEmbeddedDynamo({ path: directory, createTables: true });
  close = () => embedded.close();
  repositories = createRepositories({
    documentClient: embedded.documentClient,
    cursorSecret: 'content-cache-test-secret',
    onConsumedCapacity: (report) => calls.push(report.operation),
  });
  await seedContent(repositories, { questions: practiceQuestions.slice(0, 3), rubrics: practiceRubrics });
}, 60_000);
afterAll(async () => {
  await close?.();
  rmSync(directory, { recursive: true, force: true });
});

describe('cacheContent', () => {
  it('reads a question and a rubric once per lifetime, again after it, and never keeps a miss', async () => {
    let now = 0;
    const cached = cacheContent(repositories, { ttlMs: 60_000, clock: () => now });
    const [question] = practiceQuestions;
    const reads = (operation: string) => calls.filter((call) => call === operation).length;
    const questionReads = reads('questions.get');
    const rubricReads = reads('rubrics.getByType');

    expect(await cached.questions.get(question!.question_id)).toEqual(await repositories.questions.get(question!.question_id));
    const afterFirst = reads('questions.get');
    for (let index = 0; index < 5; index++)
      expect((await cached.questions.get(question!.question_id))?.question_id).toBe(question!.question_id);
    expect(reads('questions.get')).toBe(afterFirst);
    expect(afterFirst - questionReads).toBe(2);

    expect(await cached.rubrics.getByType('writing_task2')).toBeDefined();
    await cached.rubrics.getByType('writing_task2');
    expect(reads('rubrics.getByType') - rubricReads).toBe(1);

    // A minute later the item is read again.
    now += 60_001;
    await cached.questions.get(question!.question_id);
    expect(reads('questions.get')).toBe(afterFirst + 1);

    // A missing question is asked for every time, so one added later shows at once.
    expect(await cached.questions.get('no-such-question')).toBeUndefined();
    expect(await cached.questions.get('no-such-question')).toBeUndefined();
    expect(reads('questions.get')).toBe(afterFirst + 3);
  });

  it('keeps at most maxEntries, dropping the oldest, and is emptied by writes through it', async () => {
    const cached = cacheContent(repositories, { ttlMs: 60_000, maxEntries: 2, clock: () => 0 });
    const ids = practiceQuestions.slice(0, 3).map((question) => question.question_id);
    for (const id of ids) await cached.questions.get(id);
    const before = calls.filter((call) => call === 'questions.get').length;
    await cached.questions.get(ids[2]!);
    await cached.questions.get(ids[1]!);
    expect(calls.filter((call) => call === 'questions.get').length).toBe(before);
    await cached.questions.get(ids[0]!);
    expect(calls.filter((call) => call === 'questions.get').length).toBe(before + 1);

    await cached.questions.putMany([practiceQuestions[0]!]);
    const afterWrite = calls.filter((call) => call === 'questions.get').length;
    await cached.questions.get(ids[0]!);
    expect(calls.filter((call) => call === 'questions.get').length).toBe(afterWrite + 1);
  });

  it('is off with a lifetime of 0', () => {
    expect(cacheContent(repositories, { ttlMs: 0, clock: () => 0 })).toBe(repositories);
  });
});
