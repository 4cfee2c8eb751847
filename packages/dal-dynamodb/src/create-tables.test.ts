import { CreateTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTables, deleteTables, describeTables, type TableProgressEvent } from './create-tables.js';
import { DalError } from './errors.js';
import { TABLE_KEYS, resolveTableNames } from './table-definitions.js';
import { createTestClients, uniquePrefix } from './test-support/clients.js';

const clients = createTestClients(inject('dynamoDbLocalEndpoint'));
afterAll(() => clients.destroy());

describe('createTables on DynamoDB Local', () => {
  it('creates all seven tables, enables TTL, reports progress, and is idempotent', async () => {
    const prefix = uniquePrefix('create');
    const events: TableProgressEvent[] = [];
    const first = await createTables({ client: clients.client, prefix, onProgress: (event) => events.push(event), pollIntervalMs: 50 });
    expect(first.map((result) => result.status)).toEqual(TABLE_KEYS.map(() => 'created'));
    expect(first.find((result) => result.table === 'sessions')?.timeToLive).toBe('enabled');
    expect(first.filter((result) => result.timeToLive === 'none')).toHaveLength(6);
    expect(events.filter((event) => event.step === 'creating')).toHaveLength(7);
    expect(events.filter((event) => event.step === 'active')).toHaveLength(7);
    expect(events.some((event) => event.step === 'ttl_enabled' && event.table === 'sessions')).toBe(true);

    const names = resolveTableNames({ prefix });
    const ttl = await clients.client.send(new DescribeTimeToLiveCommand({ TableName: names.sessions }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expires_at' });

    const second = await createTables({ client: clients.client, prefix });
    expect(second.map((result) => result.status)).toEqual(TABLE_KEYS.map(() => 'exists'));
    expect(second.find((result) => result.table === 'sessions')?.timeToLive).toBe('already_enabled');

    const states = await describeTables({ client: clients.client, prefix });
    expect(states.every((state) => state.status === 'ACTIVE' && state.differences.length === 0)).toBe(true);
    expect(states.find((state) => state.table === 'assessments')?.indexes).toEqual({ 'user-email-index': 'ACTIVE' });

    const deleted = await deleteTables({ client: clients.client, prefix, pollIntervalMs: 50 });
    expect(deleted.map((result) => result.status)).toEqual(TABLE_KEYS.map(() => 'deleted'));
    const again = await deleteTables({ client: clients.client, prefix });
    expect(again.map((result) => result.status)).toEqual(TABLE_KEYS.map(() => 'absent'));
    expect((await describeTables({ client: clients.client, prefix })).every((state) => state.status === 'MISSING')).toBe(true);
  });

  it('rejects an existing table whose keys differ from the definition', async () => {
    const prefix = uniquePrefix('mismatch');
    const names = resolveTableNames({ prefix });
    await clients.client.send(
      new CreateTableCommand({
        TableName: names.users,
        AttributeDefinitions: [{ AttributeName: 'user_id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'user_id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    const error = await createTables({ client: clients.client, prefix, tables: ['users'] }).catch((caught: unknown) => caught);
    expect(DalError.isInstance(error, 'table_mismatch')).toBe(true);
    expect((error as DalError).message).toContain('key schema is user_id:HASH, expected email:HASH');
    expect((error as DalError).tableName).toBe(names.users);
    const [state] = await describeTables({ client: clients.client, prefix, tables: ['users'] });
    expect(state?.differences).toHaveLength(1);
    await deleteTables({ client: clients.client, prefix, tables: ['users'] });
  });

  it('creates provisioned tables with throughput on the table and its indexes', async () => {
    const prefix = uniquePrefix('provisioned');
    await createTables({
      client: clients.client,
      prefix,
      tables: ['assessments'],
      billing: { mode: 'PROVISIONED', readCapacityUnits: 3, writeCapacityUnits: 2 },
    });
    const [state] = await describeTables({ client: clients.client, prefix, tables: ['assessments'] });
    expect(state?.billingMode).toBe('PROVISIONED');
    await deleteTables({ client: clients.client, prefix, tables: ['assessments'] });
  });
});
