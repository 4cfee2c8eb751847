import { DEFAULT_BILLING, type BillingOptions, type TableKey } from './table-definitions.js';
import { DalError } from './errors.js';
import { selectTableRequests, type TableSelectionOptions } from './table-requests.js';

/** Options for {@link buildCloudFormationTemplate}: the tables, their names and billing, and their replicas. */
export interface CloudFormationOptions extends TableSelectionOptions {
  /**
   * Regions to replicate to besides the stack's own: each table becomes an
   * `AWS::DynamoDB::GlobalTable` (streams on, on-demand billing only). Default none.
   */
  replicaRegions?: readonly string[];
}

const regionPattern = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** Checks replica regions: AWS region names, each once, on-demand billing. */
function checkReplicaRegions(regions: readonly string[], billing: BillingOptions): void {
  for (const region of regions) {
    if (!regionPattern.test(region)) {
      throw new DalError({ code: 'validation', message: `Invalid replica region "${region}": an AWS region name such as eu-west-1` });
    }
  }
  if (new Set(regions).size !== regions.length) {
    throw new DalError({ code: 'validation', message: `Replica regions must each be named once: ${regions.join(', ')}` });
  }
  if (billing.mode !== 'PAY_PER_REQUEST') {
    throw new DalError({
      code: 'validation',
      message: 'Replica regions need on-demand billing: provisioned global tables need capacity per replica',
    });
  }
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
  const billing = options.billing ?? DEFAULT_BILLING;
  const replicaRegions = options.replicaRegions ?? [];
  if (replicaRegions.length > 0) checkReplicaRegions(replicaRegions, billing);
  for (const { key, definition, input } of selectTableRequests({ ...options, billing })) {
    const id = logicalResourceId(key);
    const global = replicaRegions.length > 0;
    resources[id] = {
      Type: global ? 'AWS::DynamoDB::GlobalTable' : 'AWS::DynamoDB::Table',
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
        ...(global
          ? {
              // Global tables replicate through the stream; each replica keeps its own backups.
              StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
              Replicas: [{ Ref: 'AWS::Region' }, ...replicaRegions].map((region) => ({
                Region: region,
                PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
              })),
            }
          : {}),
      },
    };
    outputs[`${id}Name`] = { Description: definition.description, Value: { Ref: id } };
  }
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'IELTS GenAI Prep: the DynamoDB tables',
    Resources: resources,
    Outputs: outputs,
  };
}

/** {@link buildCloudFormationTemplate} as JSON text (which CloudFormation also accepts as YAML). */
export function renderCloudFormationTemplate(options: CloudFormationOptions): string {
  return `${JSON.stringify(buildCloudFormationTemplate(options), null, 2)}\n`;
}
