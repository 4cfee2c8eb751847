import type {
  CreateTableCommandInput,
  GlobalSecondaryIndex,
  TableDescription,
  UpdateTimeToLiveCommandInput,
} from '@aws-sdk/client-dynamodb';
import {
  DEFAULT_BILLING,
  TABLE_DEFINITIONS,
  TABLE_KEYS,
  type BillingOptions,
  type KeyAttribute,
  type TableDefinition,
  type TableKey,
  type TableNames,
} from './table-definitions.js';

function keySchema(partitionKey: KeyAttribute, sortKey: KeyAttribute | undefined) {
  return [
    { AttributeName: partitionKey.name, KeyType: 'HASH' as const },
    ...(sortKey ? [{ AttributeName: sortKey.name, KeyType: 'RANGE' as const }] : []),
  ];
}

function throughput(billing: BillingOptions) {
  return billing.mode === 'PROVISIONED'
    ? { ReadCapacityUnits: billing.readCapacityUnits, WriteCapacityUnits: billing.writeCapacityUnits }
    : undefined;
}

/** Every attribute used as a key by the table or one of its indexes, each once. */
export function keyAttributes(definition: TableDefinition): KeyAttribute[] {
  const attributes = new Map<string, KeyAttribute>();
  const add = (attribute: KeyAttribute | undefined) => {
    if (attribute && !attributes.has(attribute.name)) attributes.set(attribute.name, attribute);
  };
  add(definition.partitionKey);
  for (const index of definition.indexes) {
    add(index.partitionKey);
    add(index.sortKey);
  }
  return [...attributes.values()];
}

/**
 * The `CreateTable` request for a definition. Pure: the SDK path sends it, and the AWS CLI
 * and CloudFormation renderers print the same shape.
 */
export function buildCreateTableInput(
  definition: TableDefinition,
  tableName: string,
  billing: BillingOptions = DEFAULT_BILLING,
): CreateTableCommandInput {
  const provisioned = throughput(billing);
  const indexes: GlobalSecondaryIndex[] = definition.indexes.map((index) => ({
    IndexName: index.name,
    KeySchema: keySchema(index.partitionKey, index.sortKey),
    Projection: { ProjectionType: index.projection },
    ...(provisioned ? { ProvisionedThroughput: provisioned } : {}),
  }));
  return {
    TableName: tableName,
    AttributeDefinitions: keyAttributes(definition).map((attribute) => ({
      AttributeName: attribute.name,
      AttributeType: attribute.type,
    })),
    KeySchema: keySchema(definition.partitionKey, undefined),
    BillingMode: billing.mode,
    ...(provisioned ? { ProvisionedThroughput: provisioned } : {}),
    ...(indexes.length > 0 ? { GlobalSecondaryIndexes: indexes } : {}),
  };
}

/** Which tables a renderer describes, under which names and billing. */
export interface TableSelectionOptions {
  /** Physical names, from `resolveTableNames`. */
  tableNames: TableNames;
  /** Billing for the tables. Default on demand. */
  billing?: BillingOptions;
  /** Which tables. Default all of them. */
  tables?: readonly TableKey[];
}

/** One selected table: its definition, physical name and `CreateTable` request. */
export interface SelectedTableRequest {
  key: TableKey;
  definition: TableDefinition;
  tableName: string;
  input: CreateTableCommandInput;
}

/** The selected tables (default all, in {@link TABLE_KEYS} order), each with the `CreateTable` request that creates it. */
export function selectTableRequests(options: TableSelectionOptions): SelectedTableRequest[] {
  return (options.tables ?? TABLE_KEYS).map((key) => {
    const definition = TABLE_DEFINITIONS[key];
    const tableName = options.tableNames[key];
    return { key, definition, tableName, input: buildCreateTableInput(definition, tableName, options.billing ?? DEFAULT_BILLING) };
  });
}

/** The `UpdateTimeToLive` request enabling TTL, or undefined for a table without a TTL attribute. */
export function buildUpdateTimeToLiveInput(definition: TableDefinition, tableName: string): UpdateTimeToLiveCommandInput | undefined {
  if (!definition.timeToLiveAttribute) return undefined;
  return {
    TableName: tableName,
    TimeToLiveSpecification: { AttributeName: definition.timeToLiveAttribute, Enabled: true },
  };
}

/**
 * How an existing table differs from its definition, one line per difference; empty when it
 * matches. Only what code depends on is compared: keys, attribute types and index keys.
 * Billing and throughput may differ (they are tuned per environment).
 */
export function compareTableDescription(definition: TableDefinition, description: TableDescription): string[] {
  const differences: string[] = [];
  const types = new Map((description.AttributeDefinitions ?? []).map((item) => [item.AttributeName, item.AttributeType]));
  const describeKeys = (keys: { AttributeName?: string; KeyType?: string }[] | undefined) =>
    (keys ?? []).map((key) => `${key.AttributeName}:${key.KeyType}`).join(',');
  const expectedTableKeys = describeKeys(keySchema(definition.partitionKey, undefined));
  const actualTableKeys = describeKeys(description.KeySchema);
  if (expectedTableKeys !== actualTableKeys) {
    differences.push(`key schema is ${actualTableKeys || 'missing'}, expected ${expectedTableKeys}`);
  }
  for (const attribute of keyAttributes(definition)) {
    const actual = types.get(attribute.name);
    if (actual !== undefined && actual !== attribute.type) {
      differences.push(`attribute ${attribute.name} has type ${actual}, expected ${attribute.type}`);
    }
  }
  const actualIndexes = new Map((description.GlobalSecondaryIndexes ?? []).map((index) => [index.IndexName, index]));
  for (const index of definition.indexes) {
    const actual = actualIndexes.get(index.name);
    if (!actual) {
      differences.push(`global secondary index ${index.name} is missing`);
      continue;
    }
    const expectedKeys = describeKeys(keySchema(index.partitionKey, index.sortKey));
    const actualKeys = describeKeys(actual.KeySchema);
    if (expectedKeys !== actualKeys) {
      differences.push(`index ${index.name} has key schema ${actualKeys}, expected ${expectedKeys}`);
    }
    const projection = actual.Projection?.ProjectionType;
    if (projection !== undefined && projection !== index.projection) {
      differences.push(`index ${index.name} projects ${projection}, expected ${index.projection}`);
    }
  }
  return differences;
}
