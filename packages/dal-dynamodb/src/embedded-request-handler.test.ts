import dynalite from 'dynalite';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createDynamoClients } from './dynamo-clients.js';
import { createEmbeddedRequestHandler } from './embedded-request-handler.js';
import { createTables } from './create-tables.js';
import { DalError } from './errors.js';
import { createRepositories } from './repositories.js';
import { startedAssessmentInput, userInput } from './test-support/fixtures.js';

/** A listening dynalite, its in-process clients, and how many sockets reached it. */
async function startStore() {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  let connections = 0;
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const handler = createEmbeddedRequestHandler(server);
  const { client, documentClient } = createDynamoClients({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    clientConfig: { requestHandler: handler.requestHandler },
  });
  return {
    server,
    handler,
    client,
    documentClient,
    connections: () => connections,
    close: async () => {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('createEmbeddedRequestHandler', () => {
  const stops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });

  it('answers every request through dynalite in this process, without a socket, with dynalite’s answers and errors', async () => {
    const store = await startStore();
    stops.push(store.close);
    await createTables({ client: store.client, pollIntervalMs: 20 });
    const repositories = createRepositories({ documentClient: store.documentClient, cursorSecret: 's' });
    const user = userInput();
    await repositories.users.create(user);
    expect((await repositories.users.get(String(user.email)))?.user_id).toBe(user.user_id);
    // A Query with a projection and a page, read back through the SDK's codec.
    for (let index = 0; index < 3; index++) await repositories.assessments.save(startedAssessmentInput({ user_email: String(user.email) }));
    const page = await repositories.assessments.listByUser(String(user.email), { limit: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.next_cursor).not.toBeNull();
    // dynalite's own error answers reach the caller as DynamoDB's would.
    const missing = createRepositories({ documentClient: store.documentClient, cursorSecret: 's', prefix: 'absent-' });
    await expect(missing.users.get(String(user.email))).rejects.toSatisfy((error) => DalError.isInstance(error, 'table_missing'));
    expect(store.connections()).toBe(0);
  });

  it('drains: what it is answering is answered, and what comes after is refused as by a closed port', async () => {
    const store = await startStore();
    stops.push(store.close);
    await createTables({ client: store.client, pollIntervalMs: 20 });
    const repositories = createRepositories({ documentClient: store.documentClient, cursorSecret: 's' });
    const users = Array.from({ length: 50 }, () => userInput());
    const writes = users.map((user) => repositories.users.create(user));
    await Promise.race(writes);
    await store.handler.drain();
    const settled = await Promise.allSettled(writes);
    // Each write was answered, or refused before the store saw it (never cut off half-way).
    for (const result of settled) {
      if (result.status === 'rejected') {
        expect(DalError.isInstance(result.reason, 'unavailable')).toBe(true);
        expect(String(result.reason)).toMatch(/ECONNREFUSED/);
      }
    }
    expect(settled.some((result) => result.status === 'fulfilled')).toBe(true);
    await expect(repositories.users.get(String(users[0]?.email))).rejects.toSatisfy((error) => DalError.isInstance(error, 'unavailable'));

    // Read over a socket: a write reported done is stored, a refused one is not.
    const reader = createDynamoClients({ endpoint: `http://127.0.0.1:${(store.server.address() as AddressInfo).port}` });
    stops.push(async () => reader.client.destroy());
    const readBack = createRepositories({ documentClient: reader.documentClient, cursorSecret: 's' });
    for (const [index, user] of users.entries()) {
      expect((await readBack.users.get(String(user.email))) !== undefined).toBe(settled[index]?.status === 'fulfilled');
    }
  });
});
