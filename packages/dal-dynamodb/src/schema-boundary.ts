import type * as z from 'zod';
import { DalError, describeKey, type DalErrorIssue } from './errors.js';

/** Where an item comes from or goes to, for error messages. */
export interface ItemContext {
  /** The physical table name. */
  tableName: string;
  /** The item's key, when known. */
  key?: Record<string, unknown>;
}

function toIssues(error: z.ZodError): DalErrorIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

function summary(issues: DalErrorIssue[]): string {
  const shown = issues.slice(0, 3).map((issue) => `${issue.path || '(item)'}: ${issue.message}`);
  return shown.join('; ') + (issues.length > 3 ? `; and ${issues.length - 3} more` : '');
}

/**
 * Parses input before anything is sent; a `validation` {@link DalError} lists the fields at fault.
 */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown, context: ItemContext): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = toIssues(result.error);
  throw new DalError({
    code: 'validation',
    message: `Invalid input for ${context.tableName}${context.key ? ` (${describeKey(context.key)})` : ''}: ${summary(issues)}`,
    tableName: context.tableName,
    key: context.key,
    issues,
    cause: result.error,
  });
}

/**
 * Parses an item read back from a table; an item that does not match the domain schema is an
 * `invalid_item` {@link DalError} naming the table and key, so bad data stops here.
 */
export function parseStoredItem<Schema extends z.ZodType>(
  schema: Schema,
  item: Record<string, unknown>,
  context: ItemContext,
): z.output<Schema> {
  const result = schema.safeParse(item);
  if (result.success) return result.data;
  const issues = toIssues(result.error);
  throw new DalError({
    code: 'invalid_item',
    message: `Item ${describeKey(context.key)} in ${context.tableName} does not match its schema: ${summary(issues)}`,
    tableName: context.tableName,
    key: context.key,
    issues,
    cause: result.error,
  });
}

/**
 * Checks an `expectedVersion` before anything is sent: a whole number ≥ 0, else a `validation`
 * {@link DalError}.
 */
export function checkExpectedVersion(expectedVersion: unknown, context: ItemContext): number {
  if (typeof expectedVersion === 'number' && Number.isInteger(expectedVersion) && expectedVersion >= 0) return expectedVersion;
  throw new DalError({
    code: 'validation',
    message: `expectedVersion must be a whole number ≥ 0, not ${String(expectedVersion)}`,
    tableName: context.tableName,
    key: context.key,
    issues: [{ path: 'expectedVersion', message: 'must be a whole number ≥ 0' }],
  });
}

/** A copy without `undefined` values (DynamoDB has no such value), recursively through plain objects and arrays. */
export function withoutUndefined<Value>(value: Value): Value {
  if (Array.isArray(value)) return value.map((element) => withoutUndefined(element)) as Value;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Record<string, unknown> = {};
    for (const [name, element] of Object.entries(value)) {
      if (element !== undefined) copy[name] = withoutUndefined(element);
    }
    return copy as Value;
  }
  return value;
}
