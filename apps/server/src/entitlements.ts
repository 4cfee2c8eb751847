import { ASSESSMENT_TYPES, type AssessmentType, type User } from '@ielts-genai-prep/core';
import type { AllowanceUsage } from '@ielts-genai-prep/dal-dynamodb';
import type { BaseServices } from './app-services.js';
import { ServerError } from './server-error.js';

/** A user's allowance for one assessment type. */
export interface Entitlement {
  assessment_type: AssessmentType;
  granted: number;
  used: number;
  remaining: number;
}

/**
 * What a user may still take, per assessment type: the free allowance plus every unexpired
 * purchase that covers the type, less the assessments of that type already scored.
 */
export function computeEntitlements(
  user: Pick<User, 'purchases'>,
  used: Partial<Record<AssessmentType, number>>,
  options: { freePerType: number; now: Date },
): Entitlement[] {
  return ASSESSMENT_TYPES.map((type) => {
    const purchased = user.purchases
      .filter((purchase) => purchase.assessment_types.includes(type))
      .filter((purchase) => purchase.expires_at === null || Date.parse(purchase.expires_at) > options.now.getTime())
      .reduce((sum, purchase) => sum + purchase.assessments, 0);
    const granted = options.freePerType + purchased;
    const usedOfType = used[type] ?? 0;
    return { assessment_type: type, granted, used: usedOfType, remaining: Math.max(0, granted - usedOfType) };
  });
}

/** A user with their assessment counters, as the session read them (a signed-in caller is one). */
export interface Account {
  user: User;
  allowanceUsage: AllowanceUsage;
}

/**
 * The account's entitlements now. `used` is the user's counter of each type (see
 * {@link reserveAssessment}), read with the user, however long their history. A user registered
 * before counters existed has some missing: those are counted once from the scored assessments
 * stored (reading only their types and completion) and kept as counters, so later calls count nothing.
 */
export async function entitlementsOf(services: BaseServices, { user, allowanceUsage }: Account): Promise<Entitlement[]> {
  const { users, assessments } = services.repositories;
  let counters = allowanceUsage;
  const missing = ASSESSMENT_TYPES.filter((type) => counters[type] === undefined);
  if (missing.length > 0) {
    const stored = await assessments.countByType(user.email, { completedOnly: true });
    counters = await users.initializeAllowance(user.email, Object.fromEntries(missing.map((type) => [type, stored[type]])));
  }
  const used = Object.fromEntries(ASSESSMENT_TYPES.map((type) => [type, counters[type] ?? 0]));
  return computeEntitlements(user, used, { freePerType: freeAllowanceOf(services, user), now: new Date(services.clock()) });
}

/** Throws the 402 of {@link reserveAssessment} now, without counting anything, when no assessment of `type` is left. */
export async function ensureAllowanceLeft(services: BaseServices, account: Account, type: AssessmentType): Promise<void> {
  const entitlement = (await entitlementsOf(services, account)).find((entry) => entry.assessment_type === type)!;
  if (entitlement.remaining <= 0) {
    throw new ServerError(
      'payment_required',
      `You have used all ${entitlement.granted} of your ${type} assessments: buy a pack to take more`,
    );
  }
}

/**
 * The free assessments of each type the user gets: the full allowance once the email address is
 * confirmed, `freeAssessmentsBeforeVerification` (default none) before, so throwaway accounts
 * cannot farm it.
 */
export function freeAllowanceOf(services: BaseServices, user: Pick<User, 'email_verified'>): number {
  const { freeAssessmentsPerType, freeAssessmentsBeforeVerification } = services.config;
  return user.email_verified ? freeAssessmentsPerType : Math.min(freeAssessmentsPerType, freeAssessmentsBeforeVerification);
}

/**
 * Gives back, at sign-in, the assessments counted against the user's allowance by requests that
 * died before storing them (a crash between counting and storing): each counter above the scored
 * assessments stored is lowered to them, if its last count is older than `allowanceSettleSeconds`
 * (so no request still under way loses its count). One read and one index query; a failure is
 * logged and never fails the sign-in.
 */
export async function reconcileAllowance(services: BaseServices, email: string): Promise<void> {
  const { users, assessments } = services.repositories;
  try {
    const usage = await users.getAllowanceUsage(email);
    if (!usage) return;
    const stored = await assessments.countByType(email, { completedOnly: true });
    const settledBefore = new Date(services.clock() - services.config.allowanceSettleSeconds * 1000);
    const above = ASSESSMENT_TYPES.filter((type) => (usage[type] ?? 0) > stored[type]);
    const lowered = await Promise.all(above.map((type) => users.reconcileAllowance(email, type, { stored: stored[type], settledBefore })));
    const given = above.filter((_, index) => lowered[index]);
    if (given.length > 0) services.logger.warn('assessment allowance reconciled: counted, never stored', { types: given });
  } catch (error) {
    services.logger.error('assessment allowance not reconciled', { error: error instanceof Error ? error.message : String(error) });
  }
}

/** One assessment counted against the user's allowance before it is scored. */
export interface AssessmentReservation {
  /** Gives the assessment back (scoring failed, or nothing new was stored). Safe to call twice; never throws. */
  release(): Promise<void>;
}

/**
 * Counts one assessment of `type` against the user's allowance, or throws a 402. The check and
 * the count are one conditional write on the user item, so two requests racing for the last
 * assessment cannot both pass; it happens before scoring, so a refused request costs no model call.
 */
export async function reserveAssessment(services: BaseServices, user: User, type: AssessmentType): Promise<AssessmentReservation> {
  const { users, assessments } = services.repositories;
  const granted = computeEntitlements(user, {}, { freePerType: freeAllowanceOf(services, user), now: new Date(services.clock()) }).find(
    (entry) => entry.assessment_type === type,
  )!.granted;
  const { consumed } = await users.consumeAllowance(user.email, type, {
    limit: granted,
    // Only for a user without a counter for the type yet: start it from the scored ones stored
    // (a speaking test in progress is not charged until it is scored).
    countExisting: async () => (await assessments.countByType(user.email, { completedOnly: true }))[type],
  });
  if (!consumed) {
    throw new ServerError('payment_required', `You have used all ${granted} of your ${type} assessments: buy a pack to take more`);
  }
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      try {
        await users.releaseAllowance(user.email, type);
      } catch (error) {
        // The user loses one assessment rather than the request its real error.
        services.logger.error('assessment allowance not given back', {
          type,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    },
  };
}
