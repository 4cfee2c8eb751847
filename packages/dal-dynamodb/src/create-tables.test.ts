import { CreateTableCommand, DescribeTimeToLiveCommand, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTables, deleteTables, describeTables, type TableProgressEvent } from './create-tables.js';
import { DalError } from './errors.js';
import { TABLE_DEFINITIONS, TABLE_KEYS, resolveTableNames } from './table-definitions.js';
import { buildCreateTableInput } from './table-requests.js';
import { createTestClients, uniquePrefix } from './test-support/clients.js';
import { startFaultProxy } from './test-support/fault-proxy.js';

const clients = createTestClients(inject('dynamoDbLocalEndpoint'));
afterAll(() => clients.destroy());

/** A users table keyed by `user_id` instead of `email`: one that does not match its definition. */
function createUsersTableKeyedByUserId(tableName: string) {
  return clients.client.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [{ AttributeName: 'user_id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'user_id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
}

describe('createTables on DynamoDB Local', () => {
  it('creates every table, enables TTL, reports progress, and is idempotent', async () => {
    const prefix = uniquePrefix('create');
    const events: TableProgressEvent[] = [];
    const first = await createTables({ client: clients.client, prefix, onProgress: (event) => events.push(event), pollIntervalMs: 50 });
    expect(first.map((result) => result.status)).toEqual(TABLE_KEYS.map(() => 'created'));
    expect(first.find((result) => result.table === 'sessions')?.timeToLive).toBe('enabled');
    expect(
      first
        .filter((result) => result.timeToLive === 'enabled')
        .map((result) => result.table)
        .sort(),
    ).toEqual(['outbox', 'rateLimits', 'sessions']);
    expect(first.filter((result) => result.timeToLive === 'none')).toHaveLength(TABLE_KEYS.length - 3);
    expect(events.filter((event) => event.step === 'creating')).toHaveLength(TABLE_KEYS.length);
    expect(events.filter((event) => event.step === 'active')).toHaveLength(TABLE_KEYS.length);
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
    await createUsersTableKeyedByUserId(names.users);
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

  it('finds TTL drift: off is fixed by createTables, on another attribute is a mismatch', async () => {
    const prefix = uniquePrefix('ttl');
    const names = resolveTableNames({ prefix });
    await clients.client.send(new CreateTableCommand(buildCreateTableInput(TABLE_DEFINITIONS.sessions, names.sessions)));
    const [off] = await describeTables({ client: clients.client, prefix, tables: ['sessions'] });
    expect(off?.differences).toEqual(['TTL is DISABLED, expected enabled on expires_at']);
    const [fixed] = await createTables({ client: clients.client, prefix, tables: ['sessions'] });
    expect(fixed).toMatchObject({ status: 'exists', timeToLive: 'enabled' });
    expect((await describeTables({ client: clients.client, prefix, tables: ['sessions'] }))[0]?.differences).toEqual([]);

    const otherPrefix = uniquePrefix('ttl-other');
    const otherNames = resolveTableNames({ prefix: otherPrefix });
    await clients.client.send(new CreateTableCommand(buildCreateTableInput(TABLE_DEFINITIONS.sessions, otherNames.sessions)));
    await clients.client.send(
      new UpdateTimeToLiveCommand({
        TableName: otherNames.sessions,
        TimeToLiveSpecification: { AttributeName: 'last_seen_at', Enabled: true },
      }),
    );
    const error = await createTables({ client: clients.client, prefix: otherPrefix, tables: ['sessions'] }).catch(
      (caught: unknown) => caught,
    );
    expect(DalError.isInstance(error, 'table_mismatch')).toBe(true);
    expect((error as DalError).message).toContain('TTL on last_seen_at, expected expires_at');
    expect((await describeTables({ client: clients.client, prefix: otherPrefix, tables: ['sessions'] }))[0]?.differences).toEqual([
      'TTL is on last_seen_at, expected expires_at',
    ]);
    await deleteTables({ client: clients.client, prefix, tables: ['sessions'] });
    await deleteTables({ client: clients.client, prefix: otherPrefix, tables: ['sessions'] });
  });
});

describe('createTables through a proxy that shows tables still being created', () => {
  it('waits, polling, until the table and every index are ACTIVE, and reports that it waits', async () => {
    const proxy = await startFaultProxy(inject('dynamoDbLocalEndpoint'));
    const proxied = createTestClients(proxy.endpoint);
    try {
      const prefix = uniquePrefix('waiting');
      type Described = { Table: { TableStatus: string; GlobalSecondaryIndexes?: { IndexStatus: string }[] } };
      const creating = (answer: Record<string, unknown>) => {
        (answer as Described).Table.TableStatus = 'CREATING';
        return answer;
      };
      const indexCreating = (answer: Record<string, unknown>) => {
        for (const index of (answer as Described).Table.GlobalSecondaryIndexes ?? []) index.IndexStatus = 'CREATING';
        return answer;
      };
      // Describe calls: before creating (not found, passed through), after creating, then the polls.
      proxy.plan('DescribeTable', [
        { kind: 'delay', milliseconds: 0 },
        ...[creating, creating, indexCreating].map((rewrite) => ({ kind: 'rewrite' as const, rewrite })),
      ]);
      const events: TableProgressEvent[] = [];
      const before = proxy.operations.length;
      const [result] = await createTables({
        client: proxied.client,
        prefix,
        tables: ['assessments'],
        pollIntervalMs: 20,
        onProgress: (event) => events.push(event),
      });
      expect(result?.status).toBe('created');
      expect(events.map((event) => event.step)).toEqual(['creating', 'waiting', 'active']);
      // One describe before creating, one after, then polls until the third shows all ACTIVE.
      expect(proxy.operations.slice(before).filter((operation) => operation === 'DescribeTable')).toHaveLength(5);

      proxy.plan(
        'DescribeTable',
        Array.from({ length: 100 }, () => ({ kind: 'rewrite' as const, rewrite: creating })),
      );
      const late = await createTables({
        client: proxied.client,
        prefix,
        tables: ['assessments'],
        pollIntervalMs: 20,
        waitTimeoutMs: 150,
      }).catch((caught: unknown) => caught);
      expect(DalError.isInstance(late, 'deadline_exceeded')).toBe(true);
      expect((late as DalError).message).toContain('did not become ACTIVE within 150 ms');
      proxy.plan('DescribeTable', []);
      await deleteTables({ client: clients.client, prefix, tables: ['assessments'] });
    } finally {
      proxied.destroy();
      await proxy.close();
    }
  });

  it('finishes every other table before reporting a mismatch', async () => {
    const proxy = await startFaultProxy(inject('dynamoDbLocalEndpoint'));
    const proxied = createTestClients(proxy.endpoint);
    try {
      const prefix = uniquePrefix('settle');
      const names = resolveTableNames({ prefix });
      await createUsersTableKeyedByUserId(names.users);
      // The users mismatch is known at once; the rubrics table's creation is answered late.
      proxy.plan('CreateTable', [{ kind: 'delay', milliseconds: 400 }]);
      const error = await createTables({ client: proxied.client, prefix, tables: ['users', 'rubrics'], pollIntervalMs: 20 }).catch(
        (caught: unknown) => caught,
      );
      expect(DalError.isInstance(error, 'table_mismatch')).toBe(true);
      const [rubrics] = await describeTables({ client: clients.client, prefix, tables: ['rubrics'] });
      expect(rubrics?.status).toBe('ACTIVE');
      await deleteTables({ client: clients.client, prefix, tables: ['users', 'rubrics'] });
    } finally {
      proxied.destroy();
      await proxy.close();
    }
  });
});
