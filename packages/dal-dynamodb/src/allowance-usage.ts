import type { GetCommandInput, UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { ASSESSMENT_TYPES, type AssessmentType } from '@ielts-genai-prep/core';
import * as z from 'zod';
import { buildConditionalSetRequest } from './conditional-writes.js';
import { createExpressionBuilder } from './expressions.js';
import { parseStoredItem, type ItemContext } from './schema-boundary.js';

/**
 * How many assessments of each type a user has used, as counted on their user item. A type
 * without a counter yet is absent (its count is then whatever the assessments table holds).
 */
export type AllowanceUsage = Partial<Record<AssessmentType, number>>;

/** Counters as a caller gives them: known types only, each a whole number ≥ 0. */
export const allowanceUsageSchema = z.strictObject(Object.fromEntries(ASSESSMENT_TYPES.map((type) => [type, z.int().min(0).optional()])));

/** What {@link UserRepository.consumeAllowance} did. */
export interface AllowanceConsumption {
  /** True when one assessment was counted; false when `used` had reached the limit. */
  consumed: boolean;
  /** The counter after the call. */
  used: number;
}

/**
 * The prefix of the user-item attributes that count used assessments, one per type
 * (`allowance_used_writing_task2`). Like `purchase_ids`, they are not part of core's `User`:
 * parsing a user strips them, and only the allowance methods read or write them.
 */
export const ALLOWANCE_ATTRIBUTE_PREFIX = 'allowance_used_';

/** The attribute counting a type's used assessments. Top-level, so `ADD` works on an item that has none yet. Pure. */
export function allowanceAttribute(type: AssessmentType): string {
  return `${ALLOWANCE_ATTRIBUTE_PREFIX}${type}`;
}

/**
 * The prefix of the attributes stamping when a type's counter last counted one (epoch
 * milliseconds), so that {@link buildReconcileAllowanceRequest} only corrects a counter no
 * request can still be storing an answer for.
 */
export const ALLOWANCE_COUNTED_AT_PREFIX = 'allowance_counted_at_';

/** The attribute stamping a type's last count. Pure. */
export function allowanceCountedAtAttribute(type: AssessmentType): string {
  return `${ALLOWANCE_COUNTED_AT_PREFIX}${type}`;
}

/** GetItem reading only the user's key and allowance counters, strongly consistent. Pure. */
export function buildGetAllowanceUsageRequest(tableName: string, email: string): GetCommandInput {
  const builder = createExpressionBuilder();
  return {
    TableName: tableName,
    Key: { email },
    ConsistentRead: true,
    ProjectionExpression: [builder.name('email'), ...ASSESSMENT_TYPES.map((type) => builder.name(allowanceAttribute(type)))].join(', '),
    ...builder.attributes(),
  };
}

/**
 * UpdateItem counting one assessment of `type`, only while the user exists and the counter is
 * below `limit`: the check and the count are one atomic request, so concurrent callers can
 * never pass the limit together. A missing counter fails the condition (it must be
 * initialized first, from the assessments already stored). Stamps the count's time, `nowMs`. Pure.
 */
export function buildConsumeAllowanceRequest(
  tableName: string,
  email: string,
  type: AssessmentType,
  limit: number,
  nowMs: number,
): UpdateCommandInput {
  const builder = createExpressionBuilder();
  const used = builder.name(allowanceAttribute(type));
  return {
    TableName: tableName,
    Key: { email },
    UpdateExpression: `ADD ${used} ${builder.value(1)} SET ${builder.name(allowanceCountedAtAttribute(type))} = ${builder.value(nowMs)}`,
    ConditionExpression: `attribute_exists(${builder.name('email')}) AND ${used} < ${builder.value(limit)}`,
    ReturnValues: 'UPDATED_NEW',
    ...builder.attributes(),
  };
}

/**
 * UpdateItem setting the counters in `counts` that the user has none of yet, only for an existing
 * user; a counter already there (another caller got first) is kept. Returns the counters after it.
 * Pure.
 */
export function buildInitializeAllowanceRequest(tableName: string, email: string, counts: AllowanceUsage): UpdateCommandInput {
  const builder = createExpressionBuilder();
  const assignments = ASSESSMENT_TYPES.flatMap((type) => {
    const count = counts[type];
    if (count === undefined) return [];
    const used = builder.name(allowanceAttribute(type));
    return [`${used} = if_not_exists(${used}, ${builder.value(count)})`];
  });
  return buildConditionalSetRequest(tableName, { email }, builder, assignments, [`attribute_exists(${builder.name('email')})`]);
}

/**
 * UpdateItem lowering a counter to `stored` (the assessments of the type stored), only when it is
 * above it and its last count is older than `settledBeforeMs`: a count no request is still
 * storing an answer for, so the difference is assessments counted by requests that died before
 * storing them. A count made since fails the condition. Pure.
 */
export function buildReconcileAllowanceRequest(
  tableName: string,
  email: string,
  type: AssessmentType,
  stored: number,
  settledBeforeMs: number,
): UpdateCommandInput {
  const builder = createExpressionBuilder();
  const used = builder.name(allowanceAttribute(type));
  const countedAt = builder.name(allowanceCountedAtAttribute(type));
  const storedValue = builder.value(stored);
  return {
    TableName: tableName,
    Key: { email },
    UpdateExpression: `SET ${used} = ${storedValue}`,
    ConditionExpression: `${used} > ${storedValue} AND (attribute_not_exists(${countedAt}) OR ${countedAt} < ${builder.value(settledBeforeMs)})`,
    ReturnValues: 'UPDATED_NEW',
    ...builder.attributes(),
  };
}

/** The counters of a new user: none of any type used. */
export function unusedAllowanceItem(): Record<string, number> {
  return Object.fromEntries(ASSESSMENT_TYPES.map((type) => [allowanceAttribute(type), 0]));
}

/** UpdateItem giving back one counted assessment of `type`, never below zero. Pure. */
export function buildReleaseAllowanceRequest(tableName: string, email: string, type: AssessmentType): UpdateCommandInput {
  const builder = createExpressionBuilder();
  const used = builder.name(allowanceAttribute(type));
  return {
    TableName: tableName,
    Key: { email },
    UpdateExpression: `ADD ${used} ${builder.value(-1)}`,
    ConditionExpression: `${used} > ${builder.value(0)}`,
    ReturnValues: 'UPDATED_NEW',
    ...builder.attributes(),
  };
}

const counterSchema = z.int().min(0).optional();
const allowanceItemSchema = z.object(Object.fromEntries(ASSESSMENT_TYPES.map((type) => [allowanceAttribute(type), counterSchema])));

/**
 * The counters of a user item read with {@link buildGetAllowanceUsageRequest}. A counter that is
 * not a whole number ≥ 0 is an `invalid_item` DalError naming the table and key. Pure.
 */
export function readAllowanceUsage(item: Record<string, unknown>, context: ItemContext): AllowanceUsage {
  const counters = parseStoredItem(allowanceItemSchema, item, context) as Record<string, number | undefined>;
  const usage: AllowanceUsage = {};
  for (const type of ASSESSMENT_TYPES) {
    const value = counters[allowanceAttribute(type)];
    if (value !== undefined) usage[type] = value;
  }
  return usage;
}
