import type { PutCommandInput, UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { createExpressionBuilder, type ExpressionBuilder } from './expressions.js';
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
 * UpdateItem of the item at `key`: every `SET` assignment, only if every condition holds,
 * answering the item as it is afterwards. The assignments and conditions use `builder`'s
 * placeholders, so build them before calling. Pure.
 */
export function buildConditionalSetRequest(
  tableName: string,
  key: Record<string, unknown>,
  builder: ExpressionBuilder,
  assignments: readonly string[],
  conditions: readonly string[],
): UpdateCommandInput {
  return {
    TableName: tableName,
    Key: key,
    UpdateExpression: `SET ${assignments.join(', ')}`,
    ConditionExpression: conditions.join(' AND '),
    ReturnValues: 'ALL_NEW',
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
