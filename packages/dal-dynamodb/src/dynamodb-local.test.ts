import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDynamoDbLocal } from './dynamodb-local.js';
import { createTables } from './create-tables.js';
import { DalError } from './errors.js';
import { createRepositories } from './repositories.js';
import { createTestClients, uniquePrefix } from './test-support/clients.js';
import { userInput } from './test-support/fixtures.js';

const savedDirectory = process.env.DYNAMODB_LOCAL_DIR;
afterEach(() => {
  if (savedDirectory === undefined) delete process.env.DYNAMODB_LOCAL_DIR;
  else process.env.DYNAMODB_LOCAL_DIR = savedDirectory;
});

describe('startDynamoDbLocal when it cannot start', () => {
  it('is a DalError local_dynamodb_unavailable that says where to get DynamoDB Local when none is found', async () => {
    delete process.env.DYNAMODB_LOCAL_DIR;
    const nowhere = mkdtempSync(path.join(tmpdir(), 'no-dynamodb-local-'));
    const error = await startDynamoDbLocal({ searchFrom: nowhere }).catch((caught: unknown) => caught);
    expect(DalError.isInstance(error)).toBe(true);
    expect((error as DalError).code).toBe('local_dynamodb_unavailable');
    expect((error as DalError).message).toContain('amplify-dynamodb-simulator');
    expect((error as DalError).message).not.toContain('scripts/');
  });

  it('is a DalError local_dynamodb_unavailable with the cause when Java cannot be run', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'fake-dynamodb-local-'));
    const error = await startDynamoDbLocal({ directory, java: path.join(directory, 'no-such-java'), startTimeoutMs: 5_000 }).catch(
      (caught: unknown) => caught,
    );
    expect(DalError.isInstance(error)).toBe(true);
    expect((error as DalError).code).toBe('local_dynamodb_unavailable');
    expect((error as DalError).message).toMatch(/did not start/);
    expect((error as DalError).cause).toBeInstanceOf(Error);
  });
});

describe('startDynamoDbLocal with a dbPath', () => {
  it('keeps tables and items through a stop and a start on the same port and folder; a stopped one refuses as unavailable', async () => {
    const dbPath = mkdtempSync(path.join(tmpdir(), 'dynamodb-local-data-'));
    const javaOptions = ['-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1'];
    const first = await startDynamoDbLocal({ dbPath, javaOptions, searchFrom: import.meta.dirname });
    const prefix = uniquePrefix('dbpath');
    const clients = createTestClients(first.endpoint);
    const repositories = createRepositories({ documentClient: clients.documentClient, prefix, cursorSecret: 'secret' });
    try {
      await createTables({ client: clients.client, prefix, tables: ['users'], pollIntervalMs: 50 });
      const user = userInput();
      await repositories.users.create(user);
      await first.close();

      const refused = await repositories.users.get(String(user.email)).catch((caught: unknown) => caught);
      expect(DalError.isInstance(refused, 'unavailable')).toBe(true);

      const second = await startDynamoDbLocal({ dbPath, javaOptions, port: first.port, searchFrom: import.meta.dirname });
      try {
        expect(second.endpoint).toBe(first.endpoint);
        expect((await repositories.users.get(String(user.email)))?.email).toBe(user.email);
      } finally {
        await second.close();
      }
    } finally {
      clients.destroy();
      await first.close();
      rmSync(dbPath, { recursive: true, force: true });
    }
  }, 120_000);
});
