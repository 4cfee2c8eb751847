import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { createExpressionBuilder } from './expressions.js';

/** One partition of a global secondary index to read, for {@link buildIndexQuery}. */
export interface IndexQuery {
  /** Physical table name. */
  tableName: string;
  /** The GSI to read. */
  indexName: string;
  /** The index's partition key attribute, e.g. `user_email`. */
  partitionKey: string;
  /** The partition to read, e.g. the user's email. */
  partitionValue: string;
  /** Sort-key order: `ascending` (oldest first) or `descending` (newest first). Default: DynamoDB's, ascending. */
  order?: 'ascending' | 'descending';
  /** The most items per page. Default: DynamoDB's (1 MB of items). */
  limit?: number;
  /** Where the page starts: the previous page's `LastEvaluatedKey`. Default: the first page. */
  exclusiveStartKey?: Record<string, unknown>;
  /** Attributes to read back, or document paths within them (`criteria_scores.task_response.band`). Default: every projected attribute. */
  projection?: readonly string[];
}

/**
 * The Query reading one partition of a GSI, every attribute name through a placeholder. The
 * repositories' list and count methods all use it. Pure.
 */
export function buildIndexQuery(query: IndexQuery): QueryCommandInput {
  const builder = createExpressionBuilder();
  return {
    TableName: query.tableName,
    IndexName: query.indexName,
    KeyConditionExpression: `${builder.name(query.partitionKey)} = ${builder.value(query.partitionValue)}`,
    ...(query.projection
      ? {
          ProjectionExpression: query.projection
            .map((path) =>
              path
                .split('.')
                .map((attribute) => builder.name(attribute))
                .join('.'),
            )
            .join(', '),
        }
      : {}),
    ...(query.order ? { ScanIndexForward: query.order === 'ascending' } : {}),
    ...(query.limit !== undefined ? { Limit: query.limit } : {}),
    ...(query.exclusiveStartKey ? { ExclusiveStartKey: query.exclusiveStartKey } : {}),
    ...builder.attributes(),
  };
}
