import type { PutCommandInput, QueryCommandInput, UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  contentReportSchema,
  contentReportStatusSchema,
  identifierSchema,
  normalizeEmail,
  type ContentReport,
  type ContentReportStatus,
} from '@ielts-genai-prep/core';
import type * as z from 'zod';
import { buildConditionalSetRequest, buildPutIfAbsentRequest, unlessConditionFails } from './conditional-writes.js';
import { assertCursorSecret } from './cursor.js';
import { DalError } from './errors.js';
import { createExpressionBuilder, versionCondition } from './expressions.js';
import { buildIndexQuery } from './index-query.js';
import { assertItemSize } from './item-size.js';
import { bindRepositoryCalls, type RepositoryOptions, dateClock } from './request-sender.js';
import { checkExpectedVersion, parseInput, parseStoredItem } from './schema-boundary.js';
import { readSignedPage, type Page } from './signed-page.js';
import { STATUS_INDEX, resolveTableNames } from './table-definitions.js';

/** A report to create: {@link ContentReport} before defaults are applied. */
export type ContentReportInput = z.input<typeof contentReportSchema>;

/** One page of reports, newest first, in core's page shape. */
export type ContentReportPage = Page<ContentReport>;

/** The most reports one page may hold. */
export const MAX_CONTENT_REPORT_PAGE_SIZE = 100;
/** The page size when none is given. */
export const DEFAULT_CONTENT_REPORT_PAGE_SIZE = 20;

/** PutItem for a new report; fails the condition if the id exists. Pure. */
export function buildCreateContentReportRequest(tableName: string, report: ContentReport): PutCommandInput {
  return buildPutIfAbsentRequest(tableName, { ...report }, 'report_id');
}

/** Query of one page of reports with a status, newest first, through `status-index`. Pure. */
export function buildReportsByStatusQuery(
  tableName: string,
  status: ContentReportStatus,
  limit: number,
  exclusiveStartKey: Record<string, unknown> | undefined,
): QueryCommandInput {
  return buildIndexQuery({
    tableName,
    indexName: STATUS_INDEX,
    partitionKey: 'status',
    partitionValue: status,
    order: 'descending',
    limit,
    exclusiveStartKey,
  });
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
  return buildConditionalSetRequest(tableName, { report_id: reportId }, builder, assignments, conditions);
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
  const now = dateClock(options);
  assertCursorSecret(options.cursorSecret, 'createContentReportRepository', tableName);
  const parseReport = (item: Record<string, unknown>) =>
    parseStoredItem(contentReportSchema, item, { tableName, key: { report_id: item.report_id } });

  return bindRepositoryCalls<ContentReportRepository>('contentReports', options, (sender) => ({
    async create(input) {
      const report = parseInput(
        contentReportSchema,
        { ...input, reporter_email: normalizeEmail(String(input.reporter_email ?? '')) },
        { tableName, key: { report_id: input.report_id } },
      );
      const key = { report_id: report.report_id };
      const request = buildCreateContentReportRequest(tableName, report);
      assertItemSize(request.Item!, tableName, key);
      const stored = await unlessConditionFails(sender.put({ operation: 'contentReports.create', tableName, key }, request));
      if (!stored) throw new DalError({ code: 'duplicate', message: `Content report ${report.report_id} already exists`, tableName, key });
      return report;
    },

    async listByStatus(rawStatus, { limit = DEFAULT_CONTENT_REPORT_PAGE_SIZE, cursor } = {}) {
      const status = parseInput(contentReportStatusSchema, rawStatus, { tableName });
      return readSignedPage({
        sender,
        context: { operation: 'contentReports.listByStatus', tableName, key: { status } },
        query: (pageLimit, startKey) => buildReportsByStatusQuery(tableName, status, pageLimit, startKey),
        partition: { name: 'status', value: status },
        scope: { list: `content-reports:${tableName}`, owner: status },
        cursorSecret: options.cursorSecret,
        limit,
        maxLimit: MAX_CONTENT_REPORT_PAGE_SIZE,
        cursor,
        parse: parseReport,
        keyOf: (report) => ({ report_id: report.report_id, status: report.status, created_at: report.created_at }),
      });
    },

    async updateStatus(reportId, rawStatus, { resolutionNote, expectedVersion } = {}) {
      const key = { report_id: reportId };
      const context = { operation: 'contentReports.updateStatus', tableName, key };
      const status = parseInput(contentReportStatusSchema, rawStatus, { tableName, key });
      const note =
        resolutionNote === undefined || resolutionNote === null
          ? resolutionNote
          : parseInput(contentReportSchema.shape.resolution_note, resolutionNote, { tableName, key });
      if (expectedVersion !== undefined) checkExpectedVersion(expectedVersion, { tableName, key });
      const notFound = () => new DalError({ code: 'not_found', message: `No content report ${reportId}`, tableName, key });
      // Every stored report id passed core's schema: another one names no report, and is not sent.
      if (!identifierSchema.safeParse(reportId).success) throw notFound();
      const output = await unlessConditionFails(
        sender.update(
          context,
          buildUpdateReportStatusRequest(tableName, reportId, {
            status,
            resolutionNote: note,
            updatedAt: now().toISOString(),
            expectedVersion,
          }),
        ),
      );
      if (output) return parseReport(output.Attributes ?? {});
      const existing = await sender.get(context, { TableName: tableName, Key: key, ConsistentRead: true });
      if (!existing.Item) throw notFound();
      throw new DalError({
        code: 'conflict',
        message: `Content report ${reportId} is at version ${String(existing.Item.version ?? 0)}, not ${expectedVersion}`,
        tableName,
        key,
      });
    },
  }));
}
