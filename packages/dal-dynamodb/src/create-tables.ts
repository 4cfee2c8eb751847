import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  UpdateTimeToLiveCommand,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { sleep } from '@ielts-genai-prep/core';
import { DalError } from './errors.js';
import {
  DEFAULT_BILLING,
  TABLE_DEFINITIONS,
  TABLE_KEYS,
  resolveTableNames,
  type BillingOptions,
  type TableKey,
  type TableNameOptions,
} from './table-definitions.js';
import { buildCreateTableInput, buildUpdateTimeToLiveInput, compareTableDescription } from './table-requests.js';

/** One step of table creation or deletion, for progress output. */
export interface TableProgressEvent {
  /** Which table. */
  table: TableKey;
  /** Its physical name. */
  tableName: string;
  /** What just happened. */
  step:
    | 'creating'
    | 'exists'
    | 'waiting'
    | 'active'
    | 'ttl_enabled'
    | 'ttl_already_enabled'
    | 'ttl_unsupported'
    | 'deleting'
    | 'deleted'
    | 'absent';
  /** A line a person can read. */
  message: string;
}

/** Options shared by {@link createTables}, {@link deleteTables} and {@link describeTables}. */
export interface TableAdminOptions extends TableNameOptions {
  /** A low-level DynamoDB client (the caller owns its endpoint, region and credentials). */
  client: DynamoDBClient;
  /** Which tables; default all of them. */
  tables?: readonly TableKey[];
  /** Called on every step. Default: silent. */
  onProgress?: (event: TableProgressEvent) => void;
  /** How often to poll while waiting for a status, in milliseconds. Default 250. */
  pollIntervalMs?: number;
  /** How long to wait for tables to become ACTIVE (or gone), in milliseconds. Default 300000. */
  waitTimeoutMs?: number;
}

/** Options for {@link createTables}. */
export interface CreateTablesOptions extends TableAdminOptions {
  /** On-demand (the default) or provisioned capacity for new tables. */
  billing?: BillingOptions;
}

/** What {@link createTables} did for one table. */
export interface CreateTableResult {
  /** Which table. */
  table: TableKey;
  /** Its physical name. */
  tableName: string;
  /** Whether this call created it or found it in place. */
  status: 'created' | 'exists';
  /** TTL state after the call; `unsupported` on emulators without UpdateTimeToLive (dynalite). */
  timeToLive: 'enabled' | 'already_enabled' | 'unsupported' | 'none';
}

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
}

async function describe(client: DynamoDBClient, tableName: string): Promise<TableDescription | undefined> {
  try {
    const output = await client.send(new DescribeTableCommand({ TableName: tableName }));
    return output.Table;
  } catch (error) {
    if (errorName(error) === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

function isActive(description: TableDescription): boolean {
  return (
    description.TableStatus === 'ACTIVE' &&
    (description.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === undefined || index.IndexStatus === 'ACTIVE')
  );
}

/** {@link TableAdminOptions} with their defaults, the same for creating and deleting. */
function resolveAdminOptions(options: TableAdminOptions) {
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const waitTimeoutMs = options.waitTimeoutMs ?? 300_000;
  return {
    client: options.client,
    names: resolveTableNames(options),
    tables: options.tables ?? TABLE_KEYS,
    report: options.onProgress ?? (() => {}),
    /** Polls `check` until it holds, or throws `deadline_exceeded` after the wait timeout. */
    waitFor: (tableName: string, what: string, check: () => Promise<boolean>) =>
      waitUntil(check, { pollIntervalMs, waitTimeoutMs, what, tableName }),
  };
}

async function waitUntil(
  check: () => Promise<boolean>,
  options: { pollIntervalMs: number; waitTimeoutMs: number; what: string; tableName: string },
): Promise<void> {
  const deadline = Date.now() + options.waitTimeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new DalError({
        code: 'deadline_exceeded',
        message: `${options.tableName} did not become ${options.what} within ${options.waitTimeoutMs} ms`,
        tableName: options.tableName,
      });
    }
    await sleep(options.pollIntervalMs);
  }
}

async function enableTimeToLive(client: DynamoDBClient, table: TableKey, tableName: string): Promise<CreateTableResult['timeToLive']> {
  const input = buildUpdateTimeToLiveInput(TABLE_DEFINITIONS[table], tableName);
  if (!input) return 'none';
  const attribute = input.TimeToLiveSpecification?.AttributeName;
  const current = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  const status = current.TimeToLiveDescription?.TimeToLiveStatus;
  if ((status === 'ENABLED' || status === 'ENABLING') && current.TimeToLiveDescription?.AttributeName === attribute) {
    return 'already_enabled';
  }
  if (status === 'ENABLED' || status === 'ENABLING') {
    throw new DalError({
      code: 'table_mismatch',
      message: `${tableName} has TTL on ${current.TimeToLiveDescription?.AttributeName}, expected ${attribute}`,
      tableName,
    });
  }
  try {
    await client.send(new UpdateTimeToLiveCommand(input));
    return 'enabled';
  } catch (error) {
    // dynalite has no UpdateTimeToLive; repositories filter expired items on read anyway.
    if (errorName(error) === 'UnknownOperationException') return 'unsupported';
    throw error;
  }
}

/**
 * Creates the tables that do not exist, waits until every table and index is ACTIVE, and
 * enables TTL. Idempotent: a table already in place is fine when its keys and indexes match
 * the definition, and a `table_mismatch` {@link DalError} when they do not.
 */
export async function createTables(options: CreateTablesOptions): Promise<CreateTableResult[]> {
  const billing = options.billing ?? DEFAULT_BILLING;
  const { client, names, tables, report, waitFor } = resolveAdminOptions(options);

  const createOne = async (table: TableKey): Promise<CreateTableResult> => {
    const tableName = names[table];
    const definition = TABLE_DEFINITIONS[table];
    let status: CreateTableResult['status'] = 'exists';
    let description = await describe(client, tableName);
    if (!description) {
      report({ table, tableName, step: 'creating', message: `creating ${tableName}` });
      try {
        await client.send(new CreateTableCommand(buildCreateTableInput(definition, tableName, billing)));
        status = 'created';
      } catch (error) {
        // Another process created it between our describe and create: fall through to compare.
        if (errorName(error) !== 'ResourceInUseException') throw error;
      }
      description = await describe(client, tableName);
    } else {
      report({ table, tableName, step: 'exists', message: `${tableName} exists` });
    }
    if (!description) {
      throw new DalError({ code: 'table_missing', message: `${tableName} vanished while being created`, tableName });
    }
    const differences = compareTableDescription(definition, description);
    if (differences.length > 0) {
      throw new DalError({
        code: 'table_mismatch',
        message: `${tableName} exists but does not match its definition: ${differences.join('; ')}`,
        tableName,
      });
    }
    if (!isActive(description)) {
      report({ table, tableName, step: 'waiting', message: `waiting for ${tableName} to become ACTIVE` });
      await waitFor(tableName, 'ACTIVE', async () => {
        const latest = await describe(client, tableName);
        return latest !== undefined && isActive(latest);
      });
    }
    report({ table, tableName, step: 'active', message: `${tableName} is ACTIVE` });
    const timeToLive = await enableTimeToLive(client, table, tableName);
    if (timeToLive === 'enabled') {
      report({ table, tableName, step: 'ttl_enabled', message: `TTL enabled on ${tableName}.${definition.timeToLiveAttribute}` });
    } else if (timeToLive === 'already_enabled') {
      report({ table, tableName, step: 'ttl_already_enabled', message: `TTL already on for ${tableName}` });
    } else if (timeToLive === 'unsupported') {
      report({
        table,
        tableName,
        step: 'ttl_unsupported',
        message: `TTL not supported by this endpoint; expired ${tableName} items are filtered on read`,
      });
    }
    return { table, tableName, status, timeToLive };
  };

  // Tables are independent, so they are created together: on AWS each takes seconds.
  return settleAll(tables.map(createOne));
}

/**
 * Waits for every table's work to finish, then throws the first failure, if any: a caller that
 * stops at an error (and destroys its client) leaves no creation or deletion half-watched.
 */
async function settleAll<Result>(work: Promise<Result>[]): Promise<Result[]> {
  const settled = await Promise.allSettled(work);
  const failure = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<Result>).value);
}

/** What {@link deleteTables} did for one table. */
export interface DeleteTableResult {
  /** Which table. */
  table: TableKey;
  /** Its physical name. */
  tableName: string;
  /** Whether it was deleted or was not there. */
  status: 'deleted' | 'absent';
}

/** Deletes the tables (all of them by default) and waits until they are gone. Missing tables are fine. */
export async function deleteTables(options: TableAdminOptions): Promise<DeleteTableResult[]> {
  const { client, names, tables, report, waitFor } = resolveAdminOptions(options);

  const deleteOne = async (table: TableKey): Promise<DeleteTableResult> => {
    const tableName = names[table];
    try {
      report({ table, tableName, step: 'deleting', message: `deleting ${tableName}` });
      await client.send(new DeleteTableCommand({ TableName: tableName }));
    } catch (error) {
      if (errorName(error) !== 'ResourceNotFoundException') throw error;
      report({ table, tableName, step: 'absent', message: `${tableName} does not exist` });
      return { table, tableName, status: 'absent' };
    }
    await waitFor(tableName, 'deleted', async () => (await describe(client, tableName)) === undefined);
    report({ table, tableName, step: 'deleted', message: `${tableName} deleted` });
    return { table, tableName, status: 'deleted' };
  };

  return settleAll(tables.map(deleteOne));
}

/** The state of one table, as {@link describeTables} reports it. */
export interface TableState {
  /** Which table. */
  table: TableKey;
  /** Its physical name. */
  tableName: string;
  /** `MISSING` when the table does not exist, else DynamoDB's table status. */
  status: string;
  /** Approximate item count (DynamoDB refreshes it about every six hours). */
  itemCount?: number;
  /** `PAY_PER_REQUEST` or `PROVISIONED`. */
  billingMode?: string;
  /** Index name → status. */
  indexes: Record<string, string>;
  /** TTL status (`ENABLED`, `DISABLED`…), or `UNSUPPORTED`. */
  timeToLive?: string;
  /** How the table differs from its definition (keys, indexes, TTL); empty when it matches. */
  differences: string[];
}

/**
 * Describes each table: status, billing, indexes, TTL and any drift from the definition (TTL
 * off, or on another attribute, counts as drift unless the endpoint has no TTL at all).
 */
export async function describeTables(options: TableAdminOptions): Promise<TableState[]> {
  const { client, names, tables } = resolveAdminOptions(options);
  const describeOne = async (table: TableKey): Promise<TableState> => {
    const tableName = names[table];
    const description = await describe(client, tableName);
    if (!description) return { table, tableName, status: 'MISSING', indexes: {}, differences: [] };
    const definition = TABLE_DEFINITIONS[table];
    const differences = compareTableDescription(definition, description);
    let timeToLive: string | undefined;
    try {
      const output = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
      timeToLive = output.TimeToLiveDescription?.TimeToLiveStatus;
      const attribute = output.TimeToLiveDescription?.AttributeName;
      const on = timeToLive === 'ENABLED' || timeToLive === 'ENABLING';
      if (definition.timeToLiveAttribute && !on) {
        differences.push(`TTL is ${timeToLive ?? 'off'}, expected enabled on ${definition.timeToLiveAttribute}`);
      } else if (on && attribute !== definition.timeToLiveAttribute) {
        differences.push(`TTL is on ${attribute}, expected ${definition.timeToLiveAttribute ?? 'none'}`);
      }
    } catch (error) {
      if (errorName(error) !== 'UnknownOperationException') throw error;
      timeToLive = 'UNSUPPORTED';
    }
    return {
      table,
      tableName,
      status: description.TableStatus ?? 'UNKNOWN',
      itemCount: description.ItemCount,
      billingMode:
        description.BillingModeSummary?.BillingMode ??
        (description.ProvisionedThroughput?.ReadCapacityUnits ? 'PROVISIONED' : 'PAY_PER_REQUEST'),
      indexes: Object.fromEntries(
        (description.GlobalSecondaryIndexes ?? []).map((index) => [index.IndexName ?? '', index.IndexStatus ?? 'UNKNOWN']),
      ),
      timeToLive,
      differences,
    };
  };
  return Promise.all(tables.map(describeOne));
}
