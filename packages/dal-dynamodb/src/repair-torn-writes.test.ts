import { type AttributeValue, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedDynamo } from './embedded-dynamo.js';
import { createRepositories } from './repositories.js';
import { resolveTableNames, USER_EMAIL_INDEX } from './table-definitions.js';
import { startedAssessmentInput, uniqueEmail, writingTask2Result } from './test-support/fixtures.js';

type Item = Record<string, AttributeValue>;

// The tears are made with dynalite's own storage functions, the ones its PutItem, UpdateItem and
// DeleteItem call: `updateIndexes` (every index entry) without the item's write that follows it,
// which is what a process killed between the two leaves on disk.
const dynaliteStorage = createRequire(import.meta.url)('dynalite/db/index.js') as {
  create(options: { path: string }): {
    db: { close(): Promise<void> };
    getTable(name: string, callback: (error: Error | null, table: unknown) => void): void;
  };
  updateIndexes(store: unknown, table: unknown, existing: Item | null, item: Item | null, callback: (error?: Error) => void): void;
};

/** Writes `existing` → `item` into the indexes of `tableName` in `folder`, and not into the table. */
async function tearWrite(folder: string, tableName: string, existing: Item | null, item: Item | null) {
  const store = dynaliteStorage.create({ path: folder });
  try {
    const table = await new Promise((resolve, reject) =>
      store.getTable(tableName, (error, found) => (error ? reject(error) : resolve(found))),
    );
    await new Promise<void>((resolve, reject) =>
      dynaliteStorage.updateIndexes(store, table, existing, item, (error) => (error ? reject(error) : resolve())),
    );
  } finally {
    await store.db.close();
  }
}

describe('an embedded store started on a folder a killed process left', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'ielts-torn-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const assessmentsTable = resolveTableNames().assessments;

  it('finishes a torn put or update from its index entry, restores what a torn delete left, and agrees with itself after', async () => {
    const folder = path.join(root, 'store');
    const email = uniqueEmail();
    const kept = startedAssessmentInput({ user_email: email, timestamp: '2026-11-25T10:00:00.000Z' });
    const updated = startedAssessmentInput({ user_email: email, timestamp: '2026-11-25T11:00:00.000Z' });
    const deleted = startedAssessmentInput({ user_email: email, timestamp: '2026-11-25T12:00:00.000Z' });
    const raw: Record<string, Item> = {};
    {
      const embedded = await startEmbeddedDynamo({ path: folder });
      expect(embedded.repairs).toEqual([]);
      const { assessments } = createRepositories({ documentClient: embedded.documentClient, cursorSecret: 's' });
      for (const input of [kept, updated, deleted]) await assessments.save(input);
      await assessments.updateCompletion(updated.assessment_id, writingTask2Result(), { expectedVersion: 0 });
      for (const input of [kept, updated, deleted]) {
        const output = await embedded.client.send(
          new GetItemCommand({ TableName: assessmentsTable, Key: { assessment_id: { S: input.assessment_id } } }),
        );
        raw[input.assessment_id] = output.Item!;
      }
      await embedded.close();
    }
    // A put killed after its index entry: an assessment the history lists and nobody can read.
    const neverStoredId = 'asm-torn-put';
    const tornPut: Item = {
      ...raw[kept.assessment_id]!,
      assessment_id: { S: neverStoredId },
      timestamp: { S: '2026-11-25T13:00:00.000Z' },
    };
    await tearWrite(folder, assessmentsTable, null, tornPut);
    // An update killed after its index entry: the history shows a band the item does not have.
    const before = raw[updated.assessment_id]!;
    const tornUpdate: Item = { ...before, overall_band: { N: '8' }, version: { N: String(Number(before.version!.N) + 1) } };
    await tearWrite(folder, assessmentsTable, before, tornUpdate);
    // A delete killed after its index entry: an item the history no longer lists.
    await tearWrite(folder, assessmentsTable, raw[deleted.assessment_id]!, null);

    const restarted = await startEmbeddedDynamo({ path: folder });
    try {
      expect(restarted.repairs.map((repair) => [repair.table, repair.index, repair.key.assessment_id?.S, repair.action]).sort()).toEqual(
        [
          [assessmentsTable, USER_EMAIL_INDEX, neverStoredId, 'finished'],
          [assessmentsTable, USER_EMAIL_INDEX, updated.assessment_id, 'finished'],
          [assessmentsTable, USER_EMAIL_INDEX, deleted.assessment_id, 'restored'],
        ].sort(),
      );
      const { assessments } = createRepositories({ documentClient: restarted.documentClient, cursorSecret: 's' });
      const page = await assessments.listByUser(email);
      expect(page.items.map((item) => item.assessment_id)).toEqual([
        neverStoredId,
        deleted.assessment_id,
        updated.assessment_id,
        kept.assessment_id,
      ]);
      // Every listed assessment is readable, and reads as listed.
      for (const item of page.items) {
        const whole = await assessments.get(item.assessment_id);
        expect(whole).toMatchObject({ assessment_id: item.assessment_id, overall_band: item.overall_band });
      }
      expect((await assessments.get(updated.assessment_id))?.overall_band).toBe(8);
    } finally {
      await restarted.close();
    }
    // Mended once: the next start finds nothing.
    const again = await startEmbeddedDynamo({ path: folder });
    expect(again.repairs).toEqual([]);
    await again.close();
  });
});
