import { DEFAULT_BILLING, TABLE_DEFINITIONS, TABLE_KEYS, type BillingOptions, type TableKey, type TableNames } from './table-definitions.js';
import { buildCreateTableInput } from './table-requests.js';

/** Options for {@link buildCloudFormationTemplate}. */
export interface CloudFormationOptions {
  /** Physical names, from `resolveTableNames`. */
  tableNames: TableNames;
  /** Billing for the tables. Default on demand. */
  billing?: BillingOptions;
  /** Which tables. Default all seven. */
  tables?: readonly TableKey[];
}

/** The CloudFormation logical id of a table, e.g. `ContentReportsTable`. */
export function logicalResourceId(table: TableKey): string {
  return `${table.charAt(0).toUpperCase()}${table.slice(1)}Table`;
}

/**
 * A CloudFormation template with one `AWS::DynamoDB::Table` per table, built from the same
 * requests `createTables()` sends. Tables are retained when the stack is deleted: they hold
 * learners' data.
 */
export function buildCloudFormationTemplate(options: CloudFormationOptions): Record<string, unknown> {
  const resources: Record<string, unknown> = {};
  const outputs: Record<string, unknown> = {};
  for (const table of options.tables ?? TABLE_KEYS) {
    const definition = TABLE_DEFINITIONS[table];
    const input = buildCreateTableInput(definition, options.tableNames[table], options.billing ?? DEFAULT_BILLING);
    const id = logicalResourceId(table);
    resources[id] = {
      Type: 'AWS::DynamoDB::Table',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        TableName: input.TableName,
        AttributeDefinitions: input.AttributeDefinitions,
        KeySchema: input.KeySchema,
        BillingMode: input.BillingMode,
        ...(input.ProvisionedThroughput ? { ProvisionedThroughput: input.ProvisionedThroughput } : {}),
        ...(input.GlobalSecondaryIndexes ? { GlobalSecondaryIndexes: input.GlobalSecondaryIndexes } : {}),
        ...(definition.timeToLiveAttribute
          ? { TimeToLiveSpecification: { AttributeName: definition.timeToLiveAttribute, Enabled: true } }
          : {}),
      },
    };
    outputs[`${id}Name`] = { Description: definition.description, Value: { Ref: id } };
  }
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'IELTS GenAI Prep: the seven DynamoDB tables',
    Resources: resources,
    Outputs: outputs,
  };
}

/** {@link buildCloudFormationTemplate} as JSON text (which CloudFormation also accepts as YAML). */
export function renderCloudFormationTemplate(options: CloudFormationOptions): string {
  return `${JSON.stringify(buildCloudFormationTemplate(options), null, 2)}\n`;
}
