import type { DeleteCommandInput, GetCommandInput, PutCommandInput, QueryCommandInput, UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  ASSESSMENT_TYPES,
  CRITERION_IDS,
  assessmentListItemSchema,
  assessmentResultSchema,
  assessmentSchema,
  assessmentTypeSchema,
  identifierSchema,
  normalizeEmail,
  type Assessment,
  type AssessmentListItem,
  type AssessmentResult,
  type AssessmentResultInput,
  type AssessmentType,
} from '@ielts-genai-prep/core';
import { createHash } from 'node:crypto';
import * as z from 'zod';
import { buildConditionalSetRequest, buildPutIfAbsentRequest, unlessConditionFails } from './conditional-writes.js';
import { assertCursorSecret } from './cursor.js';
import { DalError } from './errors.js';
import { createExpressionBuilder, versionCondition } from './expressions.js';
import { buildIndexQuery, type IndexQuery } from './index-query.js';
import { assertItemSize } from './item-size.js';
import { bindRepositoryCalls, type RepositoryOptions, dateClock } from './request-sender.js';
import { checkExpectedVersion, parseInput, parseStoredItem, withoutUndefined } from './schema-boundary.js';
import { readSignedPage, type Page } from './signed-page.js';
import { USER_EMAIL_INDEX, resolveTableNames } from './table-definitions.js';

/** An assessment to save: {@link Assessment} before defaults are applied. */
export type AssessmentInput = z.input<typeof assessmentSchema>;

/** One page of a user's history, newest first, in core's page shape: the list fields of each assessment. */
export type AssessmentPage = Page<AssessmentListItem>;

/** What a history page reads of each item: core's list fields, each criterion's band without its feedback. */
const LIST_ITEM_PROJECTION = [
  ...Object.keys(assessmentListItemSchema.shape).filter((field) => field !== 'criteria_scores'),
  ...CRITERION_IDS.map((criterion) => `criteria_scores.${criterion}.band`),
];

/** The most assessments one page may hold. */
export const MAX_ASSESSMENT_PAGE_SIZE = 100;
/** The page size when none is given. */
export const DEFAULT_ASSESSMENT_PAGE_SIZE = 20;

const MARKER_KIND = 'idempotency_marker';

/**
 * The id of the item that reserves an idempotency key for a user within a `scope` (the route
 * it was sent to). It contains `#`, which assessment ids cannot, so it never collides with one;
 * it has no `user_email`, so it never shows in the user's history (the GSI is sparse). Pure.
 */
export function idempotencyMarkerId(userEmail: string, idempotencyKey: string, scope = ''): string {
  const scoped = scope === '' ? `${userEmail}\u0000${idempotencyKey}` : `${userEmail}\u0000${scope}\u0000${idempotencyKey}`;
  return `idempotency#${createHash('sha256').update(scoped).digest('base64url')}`;
}

/** PutItem for an assessment, failing the condition if the id exists. Pure. */
export function buildPutAssessmentRequest(tableName: string, assessment: Assessment): PutCommandInput {
  return buildPutIfAbsentRequest(tableName, { ...assessment }, 'assessment_id');
}

/** A request to reserve an idempotency key: who, on which route, with which body, for which assessment. */
export interface IdempotencyClaim {
  userEmail: string;
  /** What the key is scoped to, such as the route's name; the same key in another scope is another claim. */
  scope: string;
  idempotencyKey: string;
  /** A hash of the request body: a retry must send the same one. */
  fingerprint: string;
  /** The assessment the first request will store. */
  targetAssessmentId: string;
}

/** The stored reservation of an idempotency key. */
export interface IdempotencyRecord {
  scope: string;
  /** Null for a key reserved before fingerprints were stored. */
  fingerprint: string | null;
  target_assessment_id: string;
  /** When the first request reserved it (ISO 8601). */
  created_at: string;
}

const idempotencyRecordSchema = z.object({
  scope: z.string().default(''),
  fingerprint: z.string().nullable().default(null),
  target_assessment_id: z.string(),
  created_at: z.string(),
});

/** PutItem reserving an idempotency key, failing if it is reserved already. Pure. */
export function buildPutIdempotencyMarkerRequest(tableName: string, claim: IdempotencyClaim, createdAt: string): PutCommandInput {
  const marker = {
    assessment_id: idempotencyMarkerId(normalizeEmail(claim.userEmail), claim.idempotencyKey, claim.scope),
    item_kind: MARKER_KIND,
    scope: claim.scope,
    fingerprint: claim.fingerprint,
    target_assessment_id: claim.targetAssessmentId,
    created_at: createdAt,
  };
  return buildPutIfAbsentRequest(tableName, marker, 'assessment_id');
}

/** DeleteItem releasing an idempotency marker, only while it is still the reservation made at `createdAt`. Pure. */
export function buildDeleteIdempotencyMarkerRequest(
  tableName: string,
  markerId: string,
  targetId: string,
  createdAt?: string,
): DeleteCommandInput {
  const builder = createExpressionBuilder();
  const conditions = [`${builder.name('target_assessment_id')} = ${builder.value(targetId)}`];
  if (createdAt !== undefined) conditions.push(`${builder.name('created_at')} = ${builder.value(createdAt)}`);
  return {
    TableName: tableName,
    Key: { assessment_id: markerId },
    ConditionExpression: conditions.join(' AND '),
    ...builder.attributes(),
  };
}

/** GetItem for an assessment (or marker), strongly consistent. Pure. */
export function buildGetAssessmentRequest(tableName: string, assessmentId: string): GetCommandInput {
  return { TableName: tableName, Key: { assessment_id: assessmentId }, ConsistentRead: true };
}

/** A query of one user's assessments through `user-email-index`. Pure. */
function buildUserEmailQuery(
  tableName: string,
  userEmail: string,
  page: Omit<IndexQuery, 'tableName' | 'indexName' | 'partitionKey' | 'partitionValue'>,
): QueryCommandInput {
  return buildIndexQuery({ tableName, indexName: USER_EMAIL_INDEX, partitionKey: 'user_email', partitionValue: userEmail, ...page });
}

/** Query of one page of a user's assessments, newest first, through `user-email-index`. Pure. */
export function buildUserAssessmentsQuery(
  tableName: string,
  userEmail: string,
  limit: number,
  exclusiveStartKey: Record<string, unknown> | undefined,
): QueryCommandInput {
  return buildUserEmailQuery(tableName, userEmail, { order: 'descending', limit, exclusiveStartKey, projection: LIST_ITEM_PROJECTION });
}

/**
 * UpdateItem storing a result, marking the assessment completed and bumping its version, only
 * if it exists with the same type (and at `expectedVersion`, when given). Pure.
 */
export function buildCompleteAssessmentRequest(
  tableName: string,
  assessmentId: string,
  result: AssessmentResult,
  completedAt: string,
  expectedVersion: number | undefined,
): UpdateCommandInput {
  const builder = createExpressionBuilder();
  const assignments = Object.entries(withoutUndefined({ ...result }))
    .filter(([field]) => field !== 'assessment_type')
    .map(([field, value]) => `${builder.name(field)} = ${builder.value(value)}`);
  assignments.push(`${builder.name('completed')} = ${builder.value(true)}`);
  assignments.push(`${builder.name('completed_at')} = ${builder.value(completedAt)}`);
  const version = builder.name('version');
  assignments.push(`${version} = if_not_exists(${version}, ${builder.value(0)}) + ${builder.value(1)}`);
  const conditions = [
    `attribute_exists(${builder.name('assessment_id')})`,
    `${builder.name('assessment_type')} = ${builder.value(result.assessment_type)}`,
    ...(expectedVersion === undefined ? [] : [versionCondition(builder, expectedVersion)]),
  ];
  return buildConditionalSetRequest(tableName, { assessment_id: assessmentId }, builder, assignments, conditions);
}

/**
 * The state of a test in progress that {@link AssessmentRepository.updateProgress} replaces:
 * each field given is stored whole, in place of the old value.
 */
export interface AssessmentProgress {
  /** The state of a speaking test (the speaking workflow's state machine). */
  speaking_session?: Record<string, unknown> | null;
  /** The answer so far, e.g. `{ turns: [...] }`. */
  submission?: Record<string, unknown> | null;
}

/** The fields {@link AssessmentProgress} may set, in a fixed order so requests are deterministic. */
const PROGRESS_FIELDS = ['speaking_session', 'submission'] as const;

// Core's fields without their `null` default: a field left out must stay out, not become null.
const progressSchema = z.strictObject({
  speaking_session: assessmentSchema.shape.speaking_session.unwrap().optional(),
  submission: assessmentSchema.shape.submission.unwrap().optional(),
});

/**
 * UpdateItem replacing the given progress fields and bumping the version, only if the assessment
 * exists, is not completed, and is at `expectedVersion`. Pure.
 */
export function buildUpdateProgressRequest(
  tableName: string,
  assessmentId: string,
  progress: AssessmentProgress,
  expectedVersion: number,
): UpdateCommandInput {
  const builder = createExpressionBuilder();
  const assignments: string[] = [];
  for (const field of PROGRESS_FIELDS) {
    const value = progress[field];
    if (value !== undefined) assignments.push(`${builder.name(field)} = ${builder.value(withoutUndefined(value))}`);
  }
  assignments.push(`${builder.name('version')} = ${builder.value(expectedVersion + 1)}`);
  const conditions = [
    `attribute_exists(${builder.name('assessment_id')})`,
    `${builder.name('completed')} = ${builder.value(false)}`,
    versionCondition(builder, expectedVersion),
  ];
  return buildConditionalSetRequest(tableName, { assessment_id: assessmentId }, builder, assignments, conditions);
}

/**
 * Delete of an assessment still in progress at `expectedVersion`: the condition keeps a scored
 * one and one changed meanwhile. Pure.
 */
export function buildDiscardInProgressRequest(tableName: string, assessmentId: string, expectedVersion: number): DeleteCommandInput {
  const builder = createExpressionBuilder();
  return {
    TableName: tableName,
    Key: { assessment_id: assessmentId },
    ConditionExpression: [
      `attribute_exists(${builder.name('assessment_id')})`,
      `${builder.name('completed')} = ${builder.value(false)}`,
      versionCondition(builder, expectedVersion),
    ].join(' AND '),
    ...builder.attributes(),
  };
}

/**
 * Query of one page of the types of a user's assessments through `user-email-index`: only
 * `assessment_type` comes back, so a long history costs little to transfer and parse. Pure.
 */
export function buildUserAssessmentTypesQuery(
  tableName: string,
  userEmail: string,
  exclusiveStartKey: Record<string, unknown> | undefined,
): QueryCommandInput {
  return buildUserEmailQuery(tableName, userEmail, { projection: ['assessment_type', 'completed'], exclusiveStartKey });
}

/** How many assessments a user has of each type; every type is present, 0 when none. */
export type AssessmentCounts = Record<AssessmentType, number>;

/** Options for {@link createAssessmentRepository}. */
export interface AssessmentRepositoryOptions extends RepositoryOptions {
  /** Physical table name. Default `ielts-genai-prep-assessments`. */
  tableName?: string;
  /** Signs pagination cursors (HMAC-SHA256). Required: keep it secret and the same across instances. */
  cursorSecret: string | Uint8Array;
}

/** The assessments table. */
export interface AssessmentRepository {
  /**
   * Stores a new assessment. An existing `assessment_id` is a `duplicate` {@link DalError},
   * unless the stored one has the same non-null `idempotency_key` and user: then it is returned
   * (`created: false`). Reserve the key first with {@link claimIdempotencyKey}.
   */
  save(input: AssessmentInput): Promise<{ assessment: Assessment; created: boolean }>;
  /**
   * Reserves an idempotency key for a user and scope in one conditional write: `claimed: true`
   * for the first request; for any other, `claimed: false` and the reservation as stored (its
   * fingerprint tells a retry from a reuse with another body; its target, once stored, is the
   * answer).
   */
  claimIdempotencyKey(claim: IdempotencyClaim): Promise<{ claimed: true } | { claimed: false; record: IdempotencyRecord }>;
  /**
   * Gives a reserved key back (the first request failed), only while it is still the reservation
   * made at `createdAt` when given; a no-op when it is gone.
   */
  releaseIdempotencyKey(
    claim: Pick<IdempotencyClaim, 'userEmail' | 'scope' | 'idempotencyKey' | 'targetAssessmentId'>,
    createdAt?: string,
  ): Promise<void>;
  /** The assessment with this id, or undefined. */
  get(assessmentId: string): Promise<Assessment | undefined>;
  /**
   * One page of a user's history, newest first: each assessment's list fields (core's
   * `assessmentListItemSchema`: type, question, dates, bands, flags), read by projection, so a
   * page moves a few hundred bytes an item rather than whole assessments; {@link get} reads one
   * whole. `cursor` is the previous page's
   * `next_cursor`; one from another user, or altered, is an `invalid_cursor` {@link DalError}.
   * Read through the GSI, which is eventually consistent: on AWS an assessment saved a moment
   * ago may not be listed yet.
   */
  listByUser(userEmail: string, options?: { limit?: number; cursor?: string | null }): Promise<AssessmentPage>;
  /**
   * Stores the result of a scored assessment and marks it completed. `not_found` when there is
   * no such assessment, `validation` when the result is for another type, `conflict` when
   * `expectedVersion` is given and stale.
   */
  updateCompletion(
    assessmentId: string,
    result: AssessmentResultInput,
    options?: { expectedVersion?: number; completedAt?: Date },
  ): Promise<Assessment>;
  /**
   * Saves the state of a test in progress (a speaking test's `speaking_session` and the
   * `submission` so far), replacing each field given, if the assessment is still at
   * `expectedVersion` and not completed; bumps the version and returns the stored assessment.
   * `conflict` when it changed meanwhile or is completed, `not_found` when there is no such
   * assessment, `validation` for a bad value (nothing sent).
   */
  updateProgress(assessmentId: string, progress: AssessmentProgress, options: { expectedVersion: number }): Promise<Assessment>;
  /**
   * How many assessments of each type a user has (started ones included, unless
   * `completedOnly`), from every page of `user-email-index` with only `assessment_type` and
   * `completed` projected. Read units are still billed by item size: it saves transfer and
   * parsing, not capacity. Eventually consistent, like {@link listByUser}.
   */
  countByType(userEmail: string, options?: { completedOnly?: boolean }): Promise<AssessmentCounts>;
  /**
   * Deletes an assessment that is still in progress (a speaking test the learner gave up), if it
   * is still at `expectedVersion`. `conflict` when it was scored or changed meanwhile,
   * `not_found` when there is no such assessment. A scored assessment is never deleted.
   */
  discardInProgress(assessmentId: string, options: { expectedVersion: number }): Promise<void>;
}

/** Creates the {@link AssessmentRepository}. */
export function createAssessmentRepository(options: AssessmentRepositoryOptions): AssessmentRepository {
  const tableName = options.tableName ?? resolveTableNames().assessments;
  const now = dateClock(options);
  assertCursorSecret(options.cursorSecret, 'createAssessmentRepository', tableName);
  const parseAssessment = (item: Record<string, unknown>) =>
    parseStoredItem(assessmentSchema, item, { tableName, key: { assessment_id: item.assessment_id } });
  // Marker ids (and anything else that is not an identifier) are never assessments, and are not sent.
  const storable = (assessmentId: string) => identifierSchema.safeParse(assessmentId).success;
  const notFound = (assessmentId: string) =>
    new DalError({ code: 'not_found', message: `No assessment ${assessmentId}`, tableName, key: { assessment_id: assessmentId } });
  const duplicateId = (assessmentId: string) =>
    new DalError({
      code: 'duplicate',
      message: `Assessment ${assessmentId} already exists`,
      tableName,
      key: { assessment_id: assessmentId },
    });

  return bindRepositoryCalls<AssessmentRepository>('assessments', options, (sender) => {
    const getItem = async (assessmentId: string) => {
      const output = await sender.get(
        { operation: 'assessments.get', tableName, key: { assessment_id: assessmentId } },
        buildGetAssessmentRequest(tableName, assessmentId),
      );
      return output.Item;
    };

    const get = async (assessmentId: string): Promise<Assessment | undefined> => {
      if (!storable(assessmentId)) return undefined;
      const item = await getItem(assessmentId);
      return item ? parseAssessment(item) : undefined;
    };

    /** Puts the assessment; on an existing id, returns the stored one if it is this same submission. */
    const putOrFind = async (assessment: Assessment): Promise<{ assessment: Assessment; created: boolean } | undefined> => {
      const stored = await unlessConditionFails(
        sender.put(
          { operation: 'assessments.save', tableName, key: { assessment_id: assessment.assessment_id } },
          buildPutAssessmentRequest(tableName, assessment),
        ),
      );
      if (stored) return { assessment, created: true };
      const existing = await get(assessment.assessment_id);
      if (
        existing &&
        assessment.idempotency_key !== null &&
        existing.idempotency_key === assessment.idempotency_key &&
        existing.user_email === assessment.user_email
      ) {
        return { assessment: existing, created: false };
      }
      return undefined;
    };

    return {
      async save(input) {
        const assessment = parseInput(
          assessmentSchema,
          { ...input, user_email: normalizeEmail(String(input.user_email ?? '')) },
          { tableName, key: { assessment_id: input.assessment_id } },
        );
        assertItemSize(buildPutAssessmentRequest(tableName, assessment).Item!, tableName, { assessment_id: assessment.assessment_id });
        const result = await putOrFind(assessment);
        if (!result) throw duplicateId(assessment.assessment_id);
        return result;
      },

      async claimIdempotencyKey(claim) {
        const request = buildPutIdempotencyMarkerRequest(tableName, claim, now().toISOString());
        const markerId = String(request.Item!.assessment_id);
        const context = { operation: 'assessments.claimIdempotencyKey', tableName, key: { assessment_id: markerId } };
        if ((await unlessConditionFails(sender.put(context, request))) !== undefined) return { claimed: true as const };
        const item = await getItem(markerId);
        // Released between the two calls: claim again, once.
        if (!item) {
          if ((await unlessConditionFails(sender.put(context, request))) !== undefined) return { claimed: true as const };
          const again = await getItem(markerId);
          if (!again)
            throw new DalError({
              code: 'conflict',
              message: 'The idempotency key is being claimed and released',
              tableName,
              key: context.key,
            });
          return { claimed: false as const, record: parseStoredItem(idempotencyRecordSchema, again, { tableName, key: context.key }) };
        }
        return { claimed: false as const, record: parseStoredItem(idempotencyRecordSchema, item, { tableName, key: context.key }) };
      },

      async releaseIdempotencyKey(claim, createdAt) {
        const markerId = idempotencyMarkerId(normalizeEmail(claim.userEmail), claim.idempotencyKey, claim.scope);
        await unlessConditionFails(
          sender.delete(
            { operation: 'assessments.releaseIdempotencyKey', tableName, key: { assessment_id: markerId } },
            buildDeleteIdempotencyMarkerRequest(tableName, markerId, claim.targetAssessmentId, createdAt),
          ),
        );
      },

      get,

      async listByUser(rawEmail, { limit = DEFAULT_ASSESSMENT_PAGE_SIZE, cursor } = {}) {
        const email = normalizeEmail(rawEmail);
        return readSignedPage({
          sender,
          context: { operation: 'assessments.listByUser', tableName, key: { user_email: email } },
          query: (pageLimit, startKey) => buildUserAssessmentsQuery(tableName, email, pageLimit, startKey),
          partition: { name: 'user_email', value: email },
          scope: { list: `assessments:${tableName}`, owner: email },
          cursorSecret: options.cursorSecret,
          limit,
          maxLimit: MAX_ASSESSMENT_PAGE_SIZE,
          cursor,
          parse: (item) => parseStoredItem(assessmentListItemSchema, item, { tableName, key: { assessment_id: item.assessment_id } }),
          keyOf: (assessment) => ({
            assessment_id: assessment.assessment_id,
            user_email: assessment.user_email,
            timestamp: assessment.timestamp,
          }),
        });
      },

      async updateCompletion(assessmentId, input, { expectedVersion, completedAt } = {}) {
        const key = { assessment_id: assessmentId };
        const result = parseInput(assessmentResultSchema, input, { tableName, key });
        if (expectedVersion !== undefined) checkExpectedVersion(expectedVersion, { tableName, key });
        // The result alone already past the limit can never be stored; the rest DynamoDB checks.
        assertItemSize(withoutUndefined({ ...key, ...result }), tableName, key);
        if (!storable(assessmentId)) throw notFound(assessmentId);
        const output = await unlessConditionFails(
          sender.update(
            { operation: 'assessments.updateCompletion', tableName, key },
            buildCompleteAssessmentRequest(tableName, assessmentId, result, (completedAt ?? now()).toISOString(), expectedVersion),
          ),
        );
        if (output) return parseAssessment(output.Attributes ?? {});
        const current = await get(assessmentId);
        if (!current) throw notFound(assessmentId);
        if (current.assessment_type !== result.assessment_type) {
          throw new DalError({
            code: 'validation',
            message: `Assessment ${assessmentId} is ${current.assessment_type}, not ${result.assessment_type}`,
            tableName,
            key,
            issues: [{ path: 'assessment_type', message: `the assessment is ${current.assessment_type}` }],
          });
        }
        throw new DalError({
          code: 'conflict',
          message: `Assessment ${assessmentId} is at version ${current.version}, not ${expectedVersion}`,
          tableName,
          key,
        });
      },

      async updateProgress(assessmentId, input, { expectedVersion }) {
        const key = { assessment_id: assessmentId };
        const progress = parseInput(progressSchema, input, { tableName, key });
        if (PROGRESS_FIELDS.every((field) => progress[field] === undefined)) {
          throw new DalError({
            code: 'validation',
            message: 'assessments.updateProgress needs speaking_session or submission',
            tableName,
            key,
          });
        }
        checkExpectedVersion(expectedVersion, { tableName, key });
        if (!storable(assessmentId)) throw notFound(assessmentId);
        const request = buildUpdateProgressRequest(tableName, assessmentId, progress, expectedVersion);
        // The fields alone already past the limit can never be stored; the rest DynamoDB checks.
        assertItemSize(withoutUndefined({ ...key, ...progress }), tableName, key);
        const output = await unlessConditionFails(sender.update({ operation: 'assessments.updateProgress', tableName, key }, request));
        if (output) return parseAssessment(output.Attributes ?? {});
        // The condition does not say which part failed; one read tells them apart.
        const current = await get(assessmentId);
        if (!current) throw notFound(assessmentId);
        throw new DalError({
          code: 'conflict',
          message: current.completed
            ? `Assessment ${assessmentId} is completed: its progress can no longer change`
            : `Assessment ${assessmentId} is at version ${current.version}, not ${expectedVersion}`,
          tableName,
          key,
        });
      },

      async discardInProgress(assessmentId, { expectedVersion }) {
        const key = { assessment_id: assessmentId };
        checkExpectedVersion(expectedVersion, { tableName, key });
        if (!storable(assessmentId)) throw notFound(assessmentId);
        const output = await unlessConditionFails(
          sender.delete(
            { operation: 'assessments.discardInProgress', tableName, key },
            buildDiscardInProgressRequest(tableName, assessmentId, expectedVersion),
          ),
        );
        if (output) return;
        const current = await get(assessmentId);
        if (!current) throw notFound(assessmentId);
        throw new DalError({
          code: 'conflict',
          message: current.completed
            ? `Assessment ${assessmentId} is completed: it cannot be discarded`
            : `Assessment ${assessmentId} is at version ${current.version}, not ${expectedVersion}`,
          tableName,
          key,
        });
      },

      async countByType(rawEmail, countOptions = {}) {
        const email = normalizeEmail(rawEmail);
        const context = { operation: 'assessments.countByType', tableName, key: { user_email: email } };
        const counts = Object.fromEntries(ASSESSMENT_TYPES.map((type) => [type, 0])) as AssessmentCounts;
        let startKey: Record<string, unknown> | undefined;
        do {
          const output = await sender.query(context, buildUserAssessmentTypesQuery(tableName, email, startKey));
          for (const item of output.Items ?? []) {
            const type = parseStoredItem(assessmentTypeSchema, item.assessment_type, { tableName, key: { user_email: email } });
            if (countOptions.completedOnly && item.completed !== true) continue;
            counts[type] += 1;
          }
          startKey = output.LastEvaluatedKey;
        } while (startKey);
        return counts;
      },
    };
  });
}
