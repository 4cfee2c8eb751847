import {
  type AttributeValue,
  DescribeTableCommand,
  type DynamoDBClient,
  type KeySchemaElement,
  ListTablesCommand,
  PutItemCommand,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';

// dynalite writes a PutItem, UpdateItem or DeleteItem as several LevelDB writes: the index
// entries first, the item last. A process killed between them leaves an index entry ahead of its
// item (a history row whose assessment cannot be read) or an item missing from an index (an
// outbox message the sender never sees). DynamoDB applies each write whole, so the embedded store
// is made to look the same at start: every torn write is finished from the index entry (with an
// ALL projection it is the whole item that was being written), or, when nothing newer was
// written, the item is written again so its index entries come back.

/** One torn write found at start and mended. */
export interface TornWriteRepair {
  /** Physical table name. */
  table: string;
  /** The index the tear was seen in. */
  index: string;
  /** The item's table key. */
  key: Record<string, AttributeValue>;
  /**
   * `finished`: the index held a newer item than the table (or the table none): that write was
   * completed. `restored`: the table's item was missing from the index: it was written again.
   */
  action: 'finished' | 'restored';
}

interface IndexShape {
  name: string;
  keySchema: KeySchemaElement[];
}

async function scanAll(client: DynamoDBClient, tableName: string, indexName?: string) {
  const items: Array<Record<string, AttributeValue>> = [];
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const output = await client.send(
      new ScanCommand({
        TableName: tableName,
        ...(indexName ? { IndexName: indexName } : { ConsistentRead: true }),
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    items.push(...(output.Items ?? []));
    startKey = output.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** The same text for the same item, whatever order its attributes (and maps' members) came in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([left], [right]) => (left < right ? -1 : 1));
    return `{${entries.map(([name, member]) => `${JSON.stringify(name)}:${canonical(member)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

function keyOf(item: Record<string, AttributeValue>, keySchema: KeySchemaElement[]): Record<string, AttributeValue> {
  return Object.fromEntries(keySchema.map(({ AttributeName }) => [AttributeName!, item[AttributeName!]!]));
}

async function listTableNames(client: DynamoDBClient): Promise<string[]> {
  const names: string[] = [];
  let start: string | undefined;
  do {
    const output = await client.send(new ListTablesCommand(start ? { ExclusiveStartTableName: start } : {}));
    names.push(...(output.TableNames ?? []));
    start = output.LastEvaluatedTableName;
  } while (start);
  return names;
}

async function repairTable(client: DynamoDBClient, tableName: string): Promise<TornWriteRepair[]> {
  const { Table: table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const tableKeys = table?.KeySchema ?? [];
  const indexes: IndexShape[] = [...(table?.GlobalSecondaryIndexes ?? []), ...(table?.LocalSecondaryIndexes ?? [])]
    // Only an ALL projection holds the whole item, so only there can a torn write be finished.
    // Every index this package defines is ALL.
    .filter((index) => index.Projection?.ProjectionType === 'ALL')
    .map((index) => ({ name: index.IndexName!, keySchema: index.KeySchema ?? [] }));
  if (indexes.length === 0) return [];
  const repairs: TornWriteRepair[] = [];
  const write = async (item: Record<string, AttributeValue>, index: string, action: TornWriteRepair['action']) => {
    await client.send(new PutItemCommand({ TableName: tableName, Item: item }));
    repairs.push({ table: tableName, index, key: keyOf(item, tableKeys), action });
  };
  // The table read once: every write below is also set here, so it stays what the table holds.
  const items = new Map((await scanAll(client, tableName)).map((item) => [canonical(keyOf(item, tableKeys)), item] as const));

  // First finish the writes an index is ahead on: the item is written after every index entry,
  // so an entry that differs from its item (or has none) is the newer of the two.
  for (const index of indexes) {
    for (const entry of await scanAll(client, tableName, index.name)) {
      const key = canonical(keyOf(entry, tableKeys));
      const item = items.get(key);
      if (item && canonical(item) === canonical(entry)) continue;
      await write(entry, index.name, 'finished');
      items.set(key, entry);
    }
  }
  // Then put back the index entries a torn delete (or a change of index key) took away from an
  // item that is still there: the item was never replaced, so it is the state to keep.
  for (const index of indexes) {
    const listed = new Set((await scanAll(client, tableName, index.name)).map((entry) => canonical(keyOf(entry, tableKeys))));
    for (const [key, item] of items) {
      const indexed = index.keySchema.every(({ AttributeName }) => item[AttributeName!] !== undefined);
      if (indexed && !listed.has(key)) await write(item, index.name, 'restored');
    }
  }
  return repairs;
}

/**
 * Finds and mends the writes a killed process left half-done in an embedded (dynalite) store, so
 * that every index agrees with its table as it would on DynamoDB. Reads every table whole: for a
 * local store at start, before any request, never for DynamoDB itself (whose indexes are
 * eventually consistent, so a fresh write would look torn).
 */
export async function repairTornWrites(client: DynamoDBClient): Promise<TornWriteRepair[]> {
  const repairs: TornWriteRepair[] = [];
  for (const tableName of await listTableNames(client)) repairs.push(...(await repairTable(client, tableName)));
  return repairs;
}
