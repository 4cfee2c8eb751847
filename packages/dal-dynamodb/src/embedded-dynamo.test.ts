import { subscribe, unsubscribe } from 'node:diagnostics_channel';
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

  it('gives its clients the store in this process: their requests open no socket', async () => {
    const embedded = await startEmbeddedDynamo({ path: path.join(folder, 'in-process') });
    const sockets: unknown[] = [];
    const onSocket = (message: unknown) => sockets.push(message);
    subscribe('net.client.socket', onSocket);
    try {
      const repositories = createRepositories({ documentClient: embedded.documentClient, cursorSecret: 's' });
      const user = userInput();
      await repositories.users.create(user);
      expect((await repositories.users.get(String(user.email)))?.user_id).toBe(user.user_id);
    } finally {
      unsubscribe('net.client.socket', onSocket);
      await embedded.close();
    }
    expect(sockets).toEqual([]);
  });

  it('lets the requests in flight finish before it closes the store', async () => {
    const embedded = await startEmbeddedDynamo({ path: path.join(folder, 'closing') });
    const repositories = createRepositories({ documentClient: embedded.documentClient, cursorSecret: 's' });
    const users = Array.from({ length: 200 }, () => userInput());
    // Sent, not awaited: close() comes once the first is answered, while others are being answered.
    const writes = users.map((user) => repositories.users.create(user));
    await Promise.race(writes);
    await embedded.close();
    const settled = await Promise.allSettled(writes);
    // A request that reached the store is answered: none is cut off mid-way ("socket hang up").
    // Only one that had not been sent yet fails (refused, or reset on a keep-alive socket that
    // was idle), and that one was never stored.
    const failures = settled.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
    expect(failures.filter((failure) => !/ECONNREFUSED|ECONNRESET/.test(failure))).toEqual([]);
    expect(settled.filter((result) => result.status === 'fulfilled').length).toBeGreaterThan(0);

    const reopened = await startEmbeddedDynamo({ path: path.join(folder, 'closing') });
    const reader = createRepositories({ documentClient: reopened.documentClient, cursorSecret: 's' });
    for (const [index, user] of users.entries()) {
      const stored = await reader.users.get(String(user.email));
      expect(stored !== undefined, `${String(user.email)} ${settled[index]?.status}`).toBe(settled[index]?.status === 'fulfilled');
    }
    await reopened.close();
  });
});
