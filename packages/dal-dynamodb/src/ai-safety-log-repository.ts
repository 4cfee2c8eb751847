import type { PutCommandInput, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { aiSafetyLogSchema, identifierSchema, normalizeEmail, type AiSafetyLog } from '@ielts-genai-prep/core';
import type * as z from 'zod';
import { queryAll } from './batch-operations.js';
import { createExpressionBuilder } from './expressions.js';
import { assertItemSize } from './item-size.js';
import { createRequestSender, type RepositoryOptions } from './request-sender.js';
import { isConditionalCheckFailed } from './retry-policy.js';
import { parseInput, parseStoredItem, withoutUndefined } from './schema-boundary.js';
import { ASSESSMENT_ID_INDEX, resolveTableNames } from './table-definitions.js';

/** A log entry to append: {@link AiSafetyLog} before defaults are applied. */
export type AiSafetyLogInput = z.input<typeof aiSafetyLogSchema>;

/** PutItem appending a log entry; the condition makes a retried append a no-op. Pure. */
export function buildAppendSafetyLogRequest(tableName: string, log: AiSafetyLog): PutCommandInput {
  const builder = createExpressionBuilder();
  return {
    TableName: tableName,
    Item: withoutUndefined({ ...log }),
    ConditionExpression: `attribute_not_exists(${builder.name('log_id')})`,
    ...builder.attributes(),
  };
}

/** Query of an assessment's log entries, oldest first, through `assessment-id-index`. Pure. */
export function buildSafetyLogsByAssessmentQuery(tableName: string, assessmentId: string): QueryCommandInput {
  const builder = createExpressionBuilder();
  return {
    TableName: tableName,
    IndexName: ASSESSMENT_ID_INDEX,
    KeyConditionExpression: `${builder.name('assessment_id')} = ${builder.value(assessmentId)}`,
    ScanIndexForward: true,
    ...builder.attributes(),
  };
}

/** Options for {@link createAiSafetyLogRepository}. */
export interface AiSafetyLogRepositoryOptions extends RepositoryOptions {
  /** Physical table name. Default `ielts-ai-safety-logs`. */
  tableName?: string;
}

/** The AI safety logs table: append-only. */
export interface AiSafetyLogRepository {
  /** Appends an entry; appending the same `log_id` again (a retry) stores it once. */
  append(input: AiSafetyLogInput): Promise<AiSafetyLog>;
  /** Every entry for an assessment, oldest first, all pages read. */
  listByAssessment(assessmentId: string): Promise<AiSafetyLog[]>;
}

/** Creates the {@link AiSafetyLogRepository}. */
export function createAiSafetyLogRepository(options: AiSafetyLogRepositoryOptions): AiSafetyLogRepository {
  const tableName = options.tableName ?? resolveTableNames().aiSafetyLogs;
  const sender = createRequestSender(options);

  return {
    async append(input) {
      const log = parseInput(
        aiSafetyLogSchema,
        { ...input, user_email: typeof input.user_email === 'string' ? normalizeEmail(input.user_email) : input.user_email },
        { tableName, key: { log_id: input.log_id } },
      );
      const request = buildAppendSafetyLogRequest(tableName, log);
      assertItemSize(request.Item!, tableName, { log_id: log.log_id });
      try {
        await sender.put({ operation: 'aiSafetyLogs.append', tableName, key: { log_id: log.log_id } }, request);
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
      }
      return log;
    },

    async listByAssessment(assessmentId) {
      const id = parseInput(identifierSchema, assessmentId, { tableName });
      const items = await queryAll(
        sender,
        { operation: 'aiSafetyLogs.listByAssessment', tableName, key: { assessment_id: id } },
        buildSafetyLogsByAssessmentQuery(tableName, id),
      );
      return items.map((item) => parseStoredItem(aiSafetyLogSchema, item, { tableName, key: { log_id: item.log_id } }));
    },
  };
}
