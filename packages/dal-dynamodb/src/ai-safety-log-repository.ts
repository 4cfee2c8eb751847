import type { PutCommandInput, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { aiSafetyLogSchema, identifierSchema, normalizeEmail, type AiSafetyLog } from '@ielts-genai-prep/core';
import type * as z from 'zod';
import { queryAll } from './batch-operations.js';
import { buildPutIfAbsentRequest, unlessConditionFails } from './conditional-writes.js';
import { buildIndexQuery } from './index-query.js';
import { assertItemSize } from './item-size.js';
import { bindRepositoryCalls, type RepositoryOptions } from './request-sender.js';
import { parseInput, parseStoredItem } from './schema-boundary.js';
import { ASSESSMENT_ID_INDEX, resolveTableNames } from './table-definitions.js';

/** A log entry to append: {@link AiSafetyLog} before defaults are applied. */
export type AiSafetyLogInput = z.input<typeof aiSafetyLogSchema>;

/** PutItem appending a log entry; the condition makes a retried append a no-op. Pure. */
export function buildAppendSafetyLogRequest(tableName: string, log: AiSafetyLog): PutCommandInput {
  return buildPutIfAbsentRequest(tableName, { ...log }, 'log_id');
}

/** Query of an assessment's log entries, oldest first, through `assessment-id-index`. Pure. */
export function buildSafetyLogsByAssessmentQuery(tableName: string, assessmentId: string): QueryCommandInput {
  return buildIndexQuery({
    tableName,
    indexName: ASSESSMENT_ID_INDEX,
    partitionKey: 'assessment_id',
    partitionValue: assessmentId,
    order: 'ascending',
  });
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

  return bindRepositoryCalls<AiSafetyLogRepository>('aiSafetyLogs', options, (sender) => ({
    async append(input) {
      const log = parseInput(
        aiSafetyLogSchema,
        { ...input, user_email: typeof input.user_email === 'string' ? normalizeEmail(input.user_email) : input.user_email },
        { tableName, key: { log_id: input.log_id } },
      );
      const request = buildAppendSafetyLogRequest(tableName, log);
      assertItemSize(request.Item!, tableName, { log_id: log.log_id });
      // A log id already stored is this entry, appended by an earlier attempt.
      await unlessConditionFails(sender.put({ operation: 'aiSafetyLogs.append', tableName, key: { log_id: log.log_id } }, request));
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
  }));
}
