import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedDynamo } from './embedded-dynamo.js';
import { createRepositories } from './repositories.js';
import { TABLE_KEYS } from './table-definitions.js';
import { userInput } from './test-support/fixtures.js';

describe('startEmbeddedDynamo', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'ielts-embedded-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('creates the tables (tolerating no TTL support) and keeps data in its folder across restarts', async () => {
    const dataPath = path.join(folder, 'data');
    const first = await startEmbeddedDynamo({ path: dataPath });
    expect(first.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(first.tables.map((table) => table.status)).toEqual(Array(TABLE_KEYS.length).fill('created'));
    expect(first.tables.find((table) => table.table === 'sessions')?.timeToLive).toBe('unsupported');
    const user = userInput();
    await createRepositories({ documentClient: first.documentClient, cursorSecret: 's' }).users.create(user);
    await first.close();

    const second = await startEmbeddedDynamo({ path: dataPath });
    expect(second.tables.map((table) => table.status)).toEqual(Array(TABLE_KEYS.length).fill('exists'));
    const stored = await createRepositories({ documentClient: second.documentClient, cursorSecret: 's' }).users.get(String(user.email));
    expect(stored?.user_id).toBe(user.user_id);
    await second.close();
  });
});
