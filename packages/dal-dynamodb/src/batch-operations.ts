import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { retry } from '@ielts-genai-prep/core';
import { DalError } from './errors.js';
import type { RequestSender } from './request-sender.js';
import { backoffDelay, resolveRetryPolicy, type CallContext, type RetryPolicy } from './retry-policy.js';

/** DynamoDB's most writes in one BatchWriteItem. */
export const BATCH_WRITE_LIMIT = 25;

/** One put or delete of a BatchWriteItem, in document form. */
export type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } };

/** Splits write requests into BatchWriteItem inputs of at most 25. Pure. */
export function buildBatchWriteInputs(tableName: string, requests: readonly WriteRequest[]) {
  const inputs = [];
  for (let start = 0; start < requests.length; start += BATCH_WRITE_LIMIT) {
    inputs.push({ RequestItems: { [tableName]: requests.slice(start, start + BATCH_WRITE_LIMIT) } });
  }
  return inputs;
}

/**
 * Sends every write, 25 at a time, re-sending the items DynamoDB returns as unprocessed (it
 * does so under throttling) with backoff. Throws `throttled` when some are still unprocessed
 * after the policy's attempts.
 */
export async function writeAll(
  sender: RequestSender,
  context: CallContext,
  requests: readonly WriteRequest[],
  retryPolicy?: RetryPolicy,
): Promise<void> {
  const policy = resolveRetryPolicy(retryPolicy);
  for (const input of buildBatchWriteInputs(context.tableName, requests)) {
    let pending = input.RequestItems;
    // Items still unprocessed after an attempt: the one error worth another (the sender's own are not).
    let unprocessedError: DalError | undefined;
    await retry(
      async (attempt) => {
        const output = await sender.batchWrite(context, { RequestItems: pending });
        const unprocessed = output.UnprocessedItems?.[context.tableName] ?? [];
        if (unprocessed.length === 0) return;
        pending = { [context.tableName]: unprocessed as WriteRequest[] };
        unprocessedError = new DalError({
          code: 'throttled',
          message: `${context.operation}: ${unprocessed.length} writes to ${context.tableName} still unprocessed after ${attempt} attempts`,
          tableName: context.tableName,
        });
        throw unprocessedError;
      },
      {
        maxAttempts: policy.maxAttempts,
        delay: (retryNumber) => backoffDelay(retryNumber, policy),
        shouldRetry: (error) => error === unprocessedError,
      },
    );
  }
}

/** Runs a Query and follows LastEvaluatedKey through every page, returning all items in order. */
export async function queryAll(sender: RequestSender, context: CallContext, input: QueryCommandInput): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const output = await sender.query(context, { ...input, ...(startKey ? { ExclusiveStartKey: startKey } : {}) });
    items.push(...(output.Items ?? []));
    startKey = output.LastEvaluatedKey;
  } while (startKey);
  return items;
}
