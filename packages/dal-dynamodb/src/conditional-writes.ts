import type { PutCommandInput } from '@aws-sdk/lib-dynamodb';
import { createExpressionBuilder } from './expressions.js';
import { isConditionalCheckFailed } from './retry-policy.js';
import { withoutUndefined } from './schema-boundary.js';

/**
 * PutItem storing `item` only if no item has its key yet (`attribute_not_exists` on the
 * partition key): the unique-key check and the write are one atomic request. Pure.
 */
export function buildPutIfAbsentRequest(tableName: string, item: Record<string, unknown>, keyAttribute: string): PutCommandInput {
  const builder = createExpressionBuilder();
  return {
    TableName: tableName,
    Item: withoutUndefined(item),
    ConditionExpression: `attribute_not_exists(${builder.name(keyAttribute)})`,
    ...builder.attributes(),
  };
}

/**
 * Awaits a conditional write: its output, or undefined when DynamoDB found the condition false
 * (the caller then decides what that means: duplicate, conflict, not found…). Other failures
 * are thrown.
 */
export async function unlessConditionFails<Output>(request: Promise<Output>): Promise<Output | undefined> {
  try {
    return await request;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return undefined;
    throw error;
  }
}

/** Awaits a conditional write: true when it was made, false when DynamoDB found the condition false. Other failures are thrown. */
export async function conditionHeld(request: Promise<unknown>): Promise<boolean> {
  return (await unlessConditionFails(request)) !== undefined;
}
