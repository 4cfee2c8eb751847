import type { AssessmentType, Product, Purchase } from '@ielts-genai-prep/core';
import type { Repositories } from '@ielts-genai-prep/dal-dynamodb';

/** A pack to add to a user's purchases. */
export interface PackGrant {
  email: string;
  /** The purchase's id: the same id is granted once, however often it is sent. */
  purchaseId: string;
  productId: string;
  assessmentTypes: readonly AssessmentType[];
  /** Assessments of each type. */
  assessments: number;
  purchasedAt: Date;
  /** ISO date-time after which the pack grants nothing; null when it never expires. */
  expiresAt: string | null;
  source: Purchase['source'];
}

/** When a pack bought at `purchasedAt` stops granting, from its `validity_days`. */
export function packExpiry(product: Pick<Product, 'validity_days'>, purchasedAt: Date): string | null {
  return product.validity_days === null ? null : new Date(purchasedAt.getTime() + product.validity_days * 24 * 3600 * 1000).toISOString();
}

/**
 * Adds a pack to the user's purchases (which the entitlements count), once per purchase id: one
 * conditional write in the DAL, so repeats, retries and concurrent deliveries grant it once. The
 * grant CLI and the payment webhook both grant through here. A user that does not exist is the
 * DAL's `not_found`.
 */
export async function grantPack(repositories: Pick<Repositories, 'users'>, grant: PackGrant): Promise<{ added: boolean }> {
  const { added } = await repositories.users.addPurchase(grant.email, {
    purchase_id: grant.purchaseId,
    product_id: grant.productId,
    assessment_types: [...new Set(grant.assessmentTypes)].sort(),
    assessments: grant.assessments,
    purchased_at: grant.purchasedAt.toISOString(),
    expires_at: grant.expiresAt,
    source: grant.source,
  });
  return { added };
}
