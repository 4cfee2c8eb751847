import { ASSESSMENT_TYPES, type AssessmentType, type User } from '@ielts-genai-prep/core';

/** A user's allowance for one assessment type. */
export interface Entitlement {
  assessment_type: AssessmentType;
  granted: number;
  used: number;
  remaining: number;
}

/**
 * What a user may still take, per assessment type: the free allowance plus every unexpired
 * purchase that covers the type, less the assessments of that type already started.
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
