import type { GetCommandInput, PutCommandInput, UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  assessmentTypeSchema,
  emailSchema,
  normalizeEmail,
  purchaseSchema,
  userPreferencesSchema,
  userSchema,
  type AssessmentType,
  type Purchase,
  type User,
  type UserPreferences,
} from '@ielts-genai-prep/core';
import type * as z from 'zod';
import {
  allowanceAttribute,
  buildConsumeAllowanceRequest,
  buildGetAllowanceUsageRequest,
  buildInitializeAllowanceRequest,
  buildReconcileAllowanceRequest,
  buildReleaseAllowanceRequest,
  allowanceUsageSchema,
  readAllowanceUsage,
  unusedAllowanceItem,
  type AllowanceConsumption,
  type AllowanceUsage,
} from './allowance-usage.js';
import { buildConditionalSetRequest, buildPutIfAbsentRequest, conditionHeld, unlessConditionFails } from './conditional-writes.js';
import { DalError } from './errors.js';
import { createExpressionBuilder, versionCondition } from './expressions.js';
import { assertItemSize } from './item-size.js';
import { bindRepositoryCalls, type RepositoryOptions, dateClock } from './request-sender.js';
import { checkExpectedVersion, parseInput, parseStoredItem, withoutUndefined } from './schema-boundary.js';
import { resolveTableNames } from './table-definitions.js';

/** The user fields `update()` may change; everything else has its own method or never changes. */
export const USER_UPDATABLE_FIELDS = ['display_name', 'email_verified', 'password_hash', 'preferences'] as const;

/** A change to a user: any of {@link USER_UPDATABLE_FIELDS}; `preferences` changes only the keys given. */
export interface UserUpdate {
  /** The name shown in the apps; null clears it. */
  display_name?: string | null;
  /** Whether the email address was confirmed. */
  email_verified?: boolean;
  /** A new password hash. */
  password_hash?: string;
  /** Preference keys to change; others keep their values. */
  preferences?: Partial<UserPreferences>;
}

/** A user to create: {@link User} before defaults are applied. */
export type UserInput = z.input<typeof userSchema>;
/** A purchase to add: {@link Purchase} before defaults are applied. */
export type PurchaseInput = z.input<typeof purchaseSchema>;

/** The attribute holding the ids of a user's purchases, for the idempotency check. Not part of {@link User}. */
export const PURCHASE_IDS_ATTRIBUTE = 'purchase_ids';

/** The stored form of a user: the user plus the set of its purchase ids. Pure. */
export function toUserItem(user: User): Record<string, unknown> {
  const ids = user.purchases.map((purchase) => purchase.purchase_id);
  return withoutUndefined({ ...user, ...(ids.length > 0 ? { [PURCHASE_IDS_ATTRIBUTE]: new Set(ids) } : {}) });
}

/**
 * PutItem for a new user, with every allowance counter at 0 (so counting what they may still take
 * never reads their history); fails the condition when the email is taken. Pure.
 */
export function buildCreateUserRequest(tableName: string, user: User): PutCommandInput {
  return buildPutIfAbsentRequest(tableName, { ...toUserItem(user), ...unusedAllowanceItem() }, 'email');
}

/** GetItem for a user, strongly consistent (sign-in reads what sign-up wrote). Pure. */
export function buildGetUserRequest(tableName: string, email: string): GetCommandInput {
  return { TableName: tableName, Key: { email }, ConsistentRead: true };
}

/**
 * UpdateItem setting the given (already validated) fields and the next version, only if the
 * user exists at `expectedVersion`. Preference keys are set one by one. Pure.
 */
export function buildUpdateUserRequest(tableName: string, email: string, update: UserUpdate, expectedVersion: number): UpdateCommandInput {
  const builder = createExpressionBuilder();
  const assignments: string[] = [];
  for (const field of USER_UPDATABLE_FIELDS) {
    const value = update[field];
    if (value === undefined) continue;
    if (field === 'preferences') {
      for (const [key, preference] of Object.entries(value as Partial<UserPreferences>)) {
        if (preference !== undefined) assignments.push(`${builder.path('preferences', key)} = ${builder.value(preference)}`);
      }
    } else {
      assignments.push(`${builder.name(field)} = ${builder.value(value)}`);
    }
  }
  assignments.push(`${builder.name('version')} = ${builder.value(expectedVersion + 1)}`);
  const conditions = [`attribute_exists(${builder.name('email')})`, versionCondition(builder, expectedVersion)];
  return buildConditionalSetRequest(tableName, { email }, builder, assignments, conditions);
}

/**
 * UpdateItem appending a purchase and recording its id, unless the id is already recorded:
 * one request, so a retried purchase is stored once. Pure.
 */
export function buildAddPurchaseRequest(tableName: string, email: string, purchase: Purchase): UpdateCommandInput {
  const builder = createExpressionBuilder();
  const purchases = builder.name('purchases');
  const ids = builder.name(PURCHASE_IDS_ATTRIBUTE);
  return {
    TableName: tableName,
    Key: { email },
    UpdateExpression:
      `SET ${purchases} = list_append(if_not_exists(${purchases}, ${builder.value([])}), ${builder.value([withoutUndefined(purchase)])}) ` +
      `ADD ${ids} ${builder.value(new Set([purchase.purchase_id]))}`,
    ConditionExpression: `attribute_exists(${builder.name('email')}) AND NOT contains(${ids}, ${builder.value(purchase.purchase_id)})`,
    ReturnValues: 'ALL_NEW',
    ...builder.attributes(),
  };
}

/** UpdateItem setting `last_login`, only for an existing user. Pure. */
export function buildRecordLoginRequest(tableName: string, email: string, at: string): UpdateCommandInput {
  const builder = createExpressionBuilder();
  const assignments = [`${builder.name('last_login')} = ${builder.value(at)}`];
  return buildConditionalSetRequest(tableName, { email }, builder, assignments, [`attribute_exists(${builder.name('email')})`]);
}

/** Options for {@link createUserRepository}. */
export interface UserRepositoryOptions extends RepositoryOptions {
  /** Physical table name. Default `ielts-genai-prep-users`. */
  tableName?: string;
}

/** The users table. Emails are normalized (trimmed, lowercased) on the way in. */
export interface UserRepository {
  /** Stores a new user; a `duplicate` {@link DalError} when the email is taken, even under concurrent attempts. */
  create(input: UserInput): Promise<User>;
  /** The user with this email, or undefined. */
  get(email: string): Promise<User | undefined>;
  /**
   * The user and their assessment counters (see {@link getAllowanceUsage}) from one read of the
   * user's item, or undefined: for a request that needs both, such as a signed-in caller whose
   * entitlements are asked for.
   */
  getWithAllowanceUsage(email: string): Promise<{ user: User; allowanceUsage: AllowanceUsage } | undefined>;
  /**
   * Changes allow-listed fields if the stored version is still `expectedVersion`, and bumps it.
   * `conflict` when the user changed meanwhile, `not_found` when there is no such user,
   * `validation` for a field outside {@link USER_UPDATABLE_FIELDS} or a bad value.
   */
  update(email: string, update: UserUpdate, options: { expectedVersion: number }): Promise<User>;
  /** Adds a purchase once per `purchase_id`; `added` is false when it was already there. */
  addPurchase(email: string, purchase: PurchaseInput): Promise<{ user: User; added: boolean }>;
  /** Sets `last_login` (default now); `not_found` when there is no such user. */
  recordLogin(email: string, at?: Date): Promise<User>;
  /**
   * The user's assessment counters, one per type that has one (see {@link consumeAllowance}),
   * or undefined when there is no such user.
   */
  getAllowanceUsage(email: string): Promise<AllowanceUsage | undefined>;
  /**
   * Counts one assessment of `type` against `limit`, atomically: of any number of concurrent
   * calls for the last allowance, exactly one gets `consumed: true`. A user without a counter
   * for the type gets one first, set to `countExisting()` (the assessments of the type already
   * stored; only called then, and its time counts toward the call's deadline). `not_found`
   * when there is no such user.
   */
  consumeAllowance(
    email: string,
    type: AssessmentType,
    options: { limit: number; countExisting: () => Promise<number> },
  ): Promise<AllowanceConsumption>;
  /**
   * Gives back one assessment counted by {@link consumeAllowance} (scoring failed, or the answer
   * was stored already). False when there was nothing to give back.
   */
  releaseAllowance(email: string, type: AssessmentType): Promise<boolean>;
  /**
   * Starts the counters in `counts` that the user has none of (a user created before counters
   * existed), in one request; a counter already there is kept. Returns all the user's counters
   * after it. `not_found` when there is no such user; `validation` for a count that is not a
   * whole number ≥ 0.
   */
  initializeAllowance(email: string, counts: AllowanceUsage): Promise<AllowanceUsage>;
  /**
   * Lowers the counter of `type` to `stored` (the assessments of the type stored, e.g. from
   * `assessments.countByType`) when it is above it and its last count was before
   * `settledBefore`: assessments counted by requests that died before storing them are given
   * back, never one a request still under way may store. True when it lowered the counter.
   */
  reconcileAllowance(email: string, type: AssessmentType, options: { stored: number; settledBefore: Date }): Promise<boolean>;
}

/** Attempts of {@link UserRepository.consumeAllowance} before it gives up with `conflict` (each lost only to a concurrent release or initialization). */
const CONSUME_ALLOWANCE_ATTEMPTS = 5;

/** Creates the {@link UserRepository}. */
export function createUserRepository(options: UserRepositoryOptions): UserRepository {
  const tableName = options.tableName ?? resolveTableNames().users;
  const now = dateClock(options);

  const parseUser = (item: Record<string, unknown>, email: string) => parseStoredItem(userSchema, item, { tableName, key: { email } });
  const notFound = (email: string) =>
    new DalError({ code: 'not_found', message: `No user ${email} in ${tableName}`, tableName, key: { email } });
  // Every stored email passed the schema: another one names no user, and is not sent.
  const storable = (email: string) => emailSchema.safeParse(email).success;
  /** The user and assessment type an allowance call is about, validated. */
  const allowanceTarget = (rawEmail: string, rawType: unknown) => {
    const email = normalizeEmail(rawEmail);
    const key = { email };
    return { email, key, type: parseInput(assessmentTypeSchema, rawType, { tableName, key }) };
  };
  /** Throws `validation` unless `value` (named `what` in the message) is a whole number ≥ 0. */
  const requireCount = (value: number, what: string, key: { email: string }) => {
    if (!Number.isInteger(value) || value < 0) {
      throw new DalError({ code: 'validation', message: `${what} must be a whole number ≥ 0, not ${value}`, tableName, key });
    }
  };

  const validateUpdate = (email: string, update: UserUpdate): UserUpdate => {
    const context = { tableName, key: { email } };
    const fields = Object.entries(update).filter(([, value]) => value !== undefined);
    const disallowed = fields.map(([field]) => field).filter((field) => !(USER_UPDATABLE_FIELDS as readonly string[]).includes(field));
    if (disallowed.length > 0) {
      throw new DalError({
        code: 'validation',
        message: `users.update may not change ${disallowed.join(', ')} (allowed: ${USER_UPDATABLE_FIELDS.join(', ')})`,
        tableName,
        key: { email },
        issues: disallowed.map((field) => ({ path: field, message: 'not an updatable field' })),
      });
    }
    if (fields.length === 0) {
      throw new DalError({ code: 'validation', message: 'users.update needs at least one field', tableName, key: { email } });
    }
    const validated: Record<string, unknown> = {};
    for (const [field, value] of fields) {
      if (field === 'preferences') {
        const preferences: Record<string, unknown> = {};
        for (const [key, preference] of Object.entries(value as Record<string, unknown>)) {
          const schema = userPreferencesSchema.shape[key as keyof UserPreferences];
          if (!schema) {
            throw new DalError({
              code: 'validation',
              message: `Unknown preference ${key}`,
              tableName,
              key: { email },
              issues: [{ path: `preferences.${key}`, message: 'not a preference' }],
            });
          }
          if (preference !== undefined) preferences[key] = parseInput(schema, preference, context);
        }
        validated.preferences = preferences;
      } else {
        validated[field] = parseInput(userSchema.shape[field as keyof typeof userSchema.shape], value, context);
      }
    }
    // The new values alone past the limit could never be stored; the rest DynamoDB checks.
    assertItemSize(withoutUndefined({ email, ...validated }), tableName, { email });
    return validated as UserUpdate;
  };

  return bindRepositoryCalls<UserRepository>('users', options, (sender) => {
    const get = async (rawEmail: string): Promise<User | undefined> => {
      const email = normalizeEmail(rawEmail);
      if (!storable(email)) return undefined;
      const output = await sender.get({ operation: 'users.get', tableName, key: { email } }, buildGetUserRequest(tableName, email));
      return output.Item ? parseUser(output.Item, email) : undefined;
    };

    const getAllowanceUsage = async (rawEmail: string): Promise<AllowanceUsage | undefined> => {
      const email = normalizeEmail(rawEmail);
      if (!storable(email)) return undefined;
      const output = await sender.get(
        { operation: 'users.getAllowanceUsage', tableName, key: { email } },
        buildGetAllowanceUsageRequest(tableName, email),
      );
      return output.Item ? readAllowanceUsage(output.Item, { tableName, key: { email } }) : undefined;
    };

    return {
      async create(input) {
        const user = parseInput(userSchema, { ...input, email: normalizeEmail(String(input.email ?? '')) }, { tableName });
        const request = buildCreateUserRequest(tableName, user);
        assertItemSize(request.Item!, tableName, { email: user.email });
        const stored = await unlessConditionFails(
          sender.put({ operation: 'users.create', tableName, key: { email: user.email } }, request),
        );
        if (!stored) {
          throw new DalError({
            code: 'duplicate',
            message: `A user with email ${user.email} already exists`,
            tableName,
            key: { email: user.email },
          });
        }
        return user;
      },

      get,

      async getWithAllowanceUsage(rawEmail) {
        const email = normalizeEmail(rawEmail);
        if (!storable(email)) return undefined;
        const output = await sender.get(
          { operation: 'users.getWithAllowanceUsage', tableName, key: { email } },
          buildGetUserRequest(tableName, email),
        );
        if (!output.Item) return undefined;
        return { user: parseUser(output.Item, email), allowanceUsage: readAllowanceUsage(output.Item, { tableName, key: { email } }) };
      },

      async update(rawEmail, update, { expectedVersion }) {
        const email = normalizeEmail(rawEmail);
        const validated = validateUpdate(email, update);
        checkExpectedVersion(expectedVersion, { tableName, key: { email } });
        if (!storable(email)) throw notFound(email);
        const output = await unlessConditionFails(
          sender.update(
            { operation: 'users.update', tableName, key: { email } },
            buildUpdateUserRequest(tableName, email, validated, expectedVersion),
          ),
        );
        if (output) return parseUser(output.Attributes ?? {}, email);
        // The condition does not say which part failed; one read tells missing from stale.
        const current = await get(email);
        if (!current) throw notFound(email);
        throw new DalError({
          code: 'conflict',
          message: `User ${email} is at version ${current.version}, not ${expectedVersion}`,
          tableName,
          key: { email },
        });
      },

      async addPurchase(rawEmail, input) {
        const email = normalizeEmail(rawEmail);
        const purchase = parseInput(purchaseSchema, input, { tableName, key: { email } });
        if (!storable(email)) throw notFound(email);
        const output = await unlessConditionFails(
          sender.update({ operation: 'users.addPurchase', tableName, key: { email } }, buildAddPurchaseRequest(tableName, email, purchase)),
        );
        if (output) return { user: parseUser(output.Attributes ?? {}, email), added: true };
        const current = await get(email);
        if (!current) throw notFound(email);
        return { user: current, added: false };
      },

      async recordLogin(rawEmail, at = now()) {
        const email = normalizeEmail(rawEmail);
        if (!storable(email)) throw notFound(email);
        const output = await unlessConditionFails(
          sender.update(
            { operation: 'users.recordLogin', tableName, key: { email } },
            buildRecordLoginRequest(tableName, email, at.toISOString()),
          ),
        );
        if (!output) throw notFound(email);
        return parseUser(output.Attributes ?? {}, email);
      },

      getAllowanceUsage,

      async consumeAllowance(rawEmail, rawType, { limit, countExisting }) {
        const { email, key, type } = allowanceTarget(rawEmail, rawType);
        requireCount(limit, 'limit', key);
        if (!storable(email)) throw notFound(email);
        const context = { operation: 'users.consumeAllowance', tableName, key };
        for (let attempt = 1; attempt <= CONSUME_ALLOWANCE_ATTEMPTS; attempt++) {
          if (limit > 0) {
            const output = await unlessConditionFails(
              sender.update(context, buildConsumeAllowanceRequest(tableName, email, type, limit, now().getTime())),
            );
            if (output) return { consumed: true, used: Number(output.Attributes?.[allowanceAttribute(type)]) };
          }
          // The condition failed: no user, no counter yet, or the limit is reached.
          const usage = await getAllowanceUsage(email);
          if (!usage) throw notFound(email);
          const used = usage[type];
          if (used === undefined) {
            const existing = await countExisting();
            requireCount(existing, 'the count from countExisting', key);
            // Another caller may initialize it first (kept), or the user may go away: the next round tells.
            await unlessConditionFails(sender.update(context, buildInitializeAllowanceRequest(tableName, email, { [type]: existing })));
            continue;
          }
          if (used >= limit) return { consumed: false, used };
          // Below the limit again: a release came in between. Try once more.
        }
        throw new DalError({
          code: 'conflict',
          message: `Could not count a ${type} assessment for ${email}: the counter kept changing`,
          tableName,
          key,
        });
      },

      async initializeAllowance(rawEmail, counts) {
        const email = normalizeEmail(rawEmail);
        const key = { email };
        const usage = parseInput(allowanceUsageSchema, counts, { tableName, key }) as AllowanceUsage;
        if (!storable(email)) throw notFound(email);
        const context = { operation: 'users.initializeAllowance', tableName, key };
        if (Object.keys(usage).length === 0) {
          const current = await getAllowanceUsage(email);
          if (!current) throw notFound(email);
          return current;
        }
        const output = await unlessConditionFails(sender.update(context, buildInitializeAllowanceRequest(tableName, email, usage)));
        if (!output) throw notFound(email);
        return readAllowanceUsage(output.Attributes ?? {}, { tableName, key });
      },

      async reconcileAllowance(rawEmail, rawType, { stored, settledBefore }) {
        const { email, key, type } = allowanceTarget(rawEmail, rawType);
        requireCount(stored, 'stored', key);
        if (!storable(email)) return false;
        return conditionHeld(
          sender.update(
            { operation: 'users.reconcileAllowance', tableName, key },
            buildReconcileAllowanceRequest(tableName, email, type, stored, settledBefore.getTime()),
          ),
        );
      },

      async releaseAllowance(rawEmail, rawType) {
        const email = normalizeEmail(rawEmail);
        const type = parseInput(assessmentTypeSchema, rawType, { tableName, key: { email } });
        if (!storable(email)) return false;
        return conditionHeld(
          sender.update(
            { operation: 'users.releaseAllowance', tableName, key: { email } },
            buildReleaseAllowanceRequest(tableName, email, type),
          ),
        );
      },
    };
  });
}
