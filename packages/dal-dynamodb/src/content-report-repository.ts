import type { PutCommandInput, QueryCommandInput, UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  contentReportSchema,
  contentReportStatusSchema,
  normalizeEmail,
  type ContentReport,
  type ContentReportStatus,
} from '@ielts-genai-prep/core';
import type * as z from 'zod';
import { decodeCursor, encodeCursor } from './cursor.js';
import { DalError } from './errors.js';
import { createExpressionBuilder, versionCondition } from './expressions.js';
import { assertItemSize } from './item-size.js';
import { createRequestSender, type RepositoryOptions } from './request-sender.js';
import { isConditionalCheckFailed } from './retry-policy.js';
import { parseInput, parseStoredItem, withoutUndefined } from './schema-boundary.js';
import { STATUS_INDEX, resolveTableNames } from './table-definitions.js';

/** A report to create: {@link ContentReport} before defaults are applied. */
export type ContentReportInput = z.input<typeof contentReportSchema>;

/** One page of reports, newest first, in core's page shape. */
export interface ContentReportPage {
  /** The reports on this page. */
  items: ContentReport[];
  /** Pass to the next call for the next page; null on the last page. */
  next_cursor: string | null;
}

/** PutItem for a new report; fails the condition if the id exists. Pure. */
export function buildCreateContentReportRequest(tableName: string, report: ContentReport): PutCommandInput {
  const builder = createExpressionBuilder();
  return {
    TableName: tableName,
    Item: withoutUndefined({ ...report }),
    ConditionExpression: `attribute_not_exists(${builder.name('report_id')})`,
    ...builder.attributes(),
  };
}

/** Query of one page of reports with a status, newest first, through `status-index`. Pure. */
export function buildReportsByStatusQuery(
  tableName: string,
  status: ContentReportStatus,
  limit: number,
  exclusiveStartKey: Record<string, unknown> | undefined,
): QueryCommandInput {
  const builder = createExpressionBuilder();
  return {
    TableName: tableName,
    IndexName: STATUS_INDEX,
    KeyConditionExpression: `${builder.name('status')} = ${builder.value(status)}`,
    ScanIndexForward: false,
    Limit: limit,
    ...(exclusiveStartKey ? { ExclusiveStartKey: exclusiveStartKey } : {}),
    ...builder.attributes(),
  };
}

/** UpdateItem moving a report to a status (and note), bumping its version. Pure. */
export function buildUpdateReportStatusRequest(
  tableName: string,
  reportId: string,
  change: { status: ContentReportStatus; resolutionNote?: string | null; updatedAt: string; expectedVersion?: number },
): UpdateCommandInput {
  const builder = createExpressionBuilder();
  const version = builder.name('version');
  const assignments = [
    `${builder.name('status')} = ${builder.value(change.status)}`,
    `${builder.name('updated_at')} = ${builder.value(change.updatedAt)}`,
    ...(change.resolutionNote !== undefined ? [`${builder.name('resolution_note')} = ${builder.value(change.resolutionNote)}`] : []),
    `${version} = if_not_exists(${version}, ${builder.value(0)}) + ${builder.value(1)}`,
  ];
  const conditions = [
    `attribute_exists(${builder.name('report_id')})`,
    ...(change.expectedVersion === undefined ? [] : [versionCondition(builder, change.expectedVersion)]),
  ];
  return {
    TableName: tableName,
    Key: { report_id: reportId },
    UpdateExpression: `SET ${assignments.join(', ')}`,
    ConditionExpression: conditions.join(' AND '),
    ReturnValues: 'ALL_NEW',
    ...builder.attributes(),
  };
}

/** Options for {@link createContentReportRepository}. */
export interface ContentReportRepositoryOptions extends RepositoryOptions {
  /** Physical table name. Default `ielts-content-reports`. */
  tableName?: string;
  /** Signs pagination cursors (HMAC-SHA256). Required. */
  cursorSecret: string | Uint8Array;
}

/** The content reports table. */
export interface ContentReportRepository {
  /** Stores a new report; `duplicate` if the id exists. */
  create(input: ContentReportInput): Promise<ContentReport>;
  /** One page of reports with a status, newest first; the cursor is bound to that status. */
  listByStatus(status: ContentReportStatus, options?: { limit?: number; cursor?: string | null }): Promise<ContentReportPage>;
  /** Moves a report to a status; `not_found` if absent, `conflict` if `expectedVersion` is stale. */
  updateStatus(
    reportId: string,
    status: ContentReportStatus,
    options?: { resolutionNote?: string | null; expectedVersion?: number },
  ): Promise<ContentReport>;
}

/** Creates the {@link ContentReportRepository}. */
export function createContentReportRepository(options: ContentReportRepositoryOptions): ContentReportRepository {
  const tableName = options.tableName ?? resolveTableNames().contentReports;
  const sender = createRequestSender(options);
  const now = options.now ?? (() => new Date());
  if (!options.cursorSecret || options.cursorSecret.length === 0) {
    throw new DalError({ code: 'validation', message: 'createContentReportRepository needs a cursorSecret', tableName });
  }
  const parseReport = (item: Record<string, unknown>) =>
    parseStoredItem(contentReportSchema, item, { tableName, key: { report_id: item.report_id } });

  return {
    async create(input) {
      const report = parseInput(
        contentReportSchema,
        { ...input, reporter_email: normalizeEmail(String(input.reporter_email ?? '')) },
        { tableName, key: { report_id: input.report_id } },
      );
      const request = buildCreateContentReportRequest(tableName, report);
      assertItemSize(request.Item!, tableName, { report_id: report.report_id });
      try {
        await sender.put({ operation: 'contentReports.create', tableName, key: { report_id: report.report_id } }, request);
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
        throw new DalError({
          code: 'duplicate',
          message: `Content report ${report.report_id} already exists`,
          tableName,
          key: { report_id: report.report_id },
          cause: error,
        });
      }
      return report;
    },

    async listByStatus(rawStatus, { limit = 20, cursor } = {}) {
      const status = parseInput(contentReportStatusSchema, rawStatus, { tableName });
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
        throw new DalError({ code: 'validation', message: `limit must be 1–100, not ${limit}`, tableName });
      }
      const scope = { list: `content-reports:${tableName}`, owner: status };
      const startKey = cursor ? decodeCursor(scope, cursor, options.cursorSecret) : undefined;
      const output = await sender.query(
        { operation: 'contentReports.listByStatus', tableName, key: { status } },
        buildReportsByStatusQuery(tableName, status, limit + 1, startKey),
      );
      const items = (output.Items ?? []).map(parseReport);
      let lastKey: Record<string, string | number> | undefined;
      if (items.length > limit) {
        items.length = limit;
        const last = items[limit - 1]!;
        lastKey = { report_id: last.report_id, status: last.status, created_at: last.created_at };
      } else if (output.LastEvaluatedKey) {
        lastKey = output.LastEvaluatedKey as Record<string, string | number>;
      }
      return { items, next_cursor: lastKey ? encodeCursor(scope, lastKey, options.cursorSecret) : null };
    },

    async updateStatus(reportId, rawStatus, { resolutionNote, expectedVersion } = {}) {
      const key = { report_id: reportId };
      const status = parseInput(contentReportStatusSchema, rawStatus, { tableName, key });
      const note =
        resolutionNote === undefined || resolutionNote === null
          ? resolutionNote
          : parseInput(contentReportSchema.shape.resolution_note, resolutionNote, { tableName, key });
      try {
        const output = await sender.update(
          { operation: 'contentReports.updateStatus', tableName, key },
          buildUpdateReportStatusRequest(tableName, reportId, {
            status,
            resolutionNote: note,
            updatedAt: now().toISOString(),
            expectedVersion,
          }),
        );
        return parseReport(output.Attributes ?? {});
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
        const existing = await sender.get({ operation: 'contentReports.updateStatus', tableName, key }, {
          TableName: tableName,
          Key: key,
          ConsistentRead: true,
        });
        if (!existing.Item) throw new DalError({ code: 'not_found', message: `No content report ${reportId}`, tableName, key, cause: error });
        throw new DalError({
          code: 'conflict',
          message: `Content report ${reportId} is at version ${String(existing.Item.version ?? 0)}, not ${expectedVersion}`,
          tableName,
          key,
          cause: error,
        });
      }
    },
  };
}
