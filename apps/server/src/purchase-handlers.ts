import { PRODUCTS, findProduct } from '@ielts-genai-prep/core';
import { DalError } from '@ielts-genai-prep/dal-dynamodb';
import type { BaseServices } from './app-services.js';
import type { ContractHandlers } from './contract-router.js';
import { grantPack, packExpiry } from './purchase-grant.js';
import { ServerError } from './server-error.js';
import type { PaidCheckout, PaymentProvider } from './stripe-payments.js';

/** The answer of checkout and the webhook on a server without a payment provider. */
export function purchasesNotConfigured(): ServerError {
  return new ServerError(
    'purchases_not_configured',
    'Purchases are not configured on this server. Packs can still be added to your account by the people who run it.',
  );
}

/** The purchase id a paid checkout is granted under: one per Checkout Session, whatever the event. */
export function checkoutPurchaseId(sessionId: string): string {
  return `stripe:${sessionId}`;
}

type GrantOutcome = 'granted' | 'already_granted' | 'ignored';

/**
 * Grants the pack of a paid checkout, once: the purchase id is the Checkout Session's, so every
 * delivery of its event (retried, repeated, concurrent, on any instance) and any other event about
 * the same session lands on the same conditional write in the DAL. A checkout the server cannot
 * grant (no such user or product any more) is logged for an operator and acknowledged, since
 * Stripe retrying it for days would not change the answer.
 */
async function grantCheckout(services: BaseServices, checkout: PaidCheckout, paidAt: Date, eventId: string): Promise<GrantOutcome> {
  const product = findProduct(checkout.productId);
  const problem = (message: string): GrantOutcome => {
    services.logger.error(message, {
      event_id: eventId,
      checkout_session_id: checkout.sessionId,
      product_id: checkout.productId,
      user_id: checkout.userId,
    });
    return 'ignored';
  };
  if (!product) return problem('paid checkout for a product not on sale: not granted');
  const user = await services.repositories.users.get(checkout.email);
  if (!user || user.user_id !== checkout.userId) return problem('paid checkout for a user who no longer exists: not granted');
  if (checkout.amount !== product.price.amount || checkout.currency !== product.price.currency) {
    // The price changed between checkout and payment: the learner paid what they were shown.
    services.logger.warn('paid checkout at another price than the product table', {
      event_id: eventId,
      checkout_session_id: checkout.sessionId,
      amount: checkout.amount,
      currency: checkout.currency,
    });
  }
  try {
    const { added } = await grantPack(services.repositories, {
      email: user.email,
      purchaseId: checkoutPurchaseId(checkout.sessionId),
      productId: product.product_id,
      assessmentTypes: product.assessment_types,
      assessments: product.assessments,
      purchasedAt: paidAt,
      expiresAt: packExpiry(product, paidAt),
      source: 'web',
    });
    if (added)
      services.logger.info('pack granted', { event_id: eventId, checkout_session_id: checkout.sessionId, product_id: product.product_id });
    return added ? 'granted' : 'already_granted';
  } catch (error) {
    if (DalError.isInstance(error) && error.code === 'not_found')
      return problem('paid checkout for a user who no longer exists: not granted');
    throw error;
  }
}

/** The purchases routes: the product table, checkout, and the payment provider's webhook. */
export function createPurchaseHandlers(services: BaseServices, payments: PaymentProvider | undefined): ContractHandlers['purchases'] {
  return {
    products: async () => ({ products: [...PRODUCTS], checkout_available: payments !== undefined }),

    checkout: async ({ body, caller }) => {
      if (!payments) throw purchasesNotConfigured();
      // The body's schema takes only ids on sale.
      const product = findProduct(body.product_id)!;
      const session = await payments.createCheckout({ product, user: caller.user, publicUrl: services.config.publicUrl });
      return { checkout_url: session.url, checkout_session_id: session.id };
    },

    webhook: async ({ rawBody, context }) => {
      if (!payments) throw purchasesNotConfigured();
      const event = payments.readEvent(rawBody ?? '', context.req.header('stripe-signature'));
      if (event.kind === 'ignored') return { received: true as const, outcome: 'ignored' as const };
      return { received: true as const, outcome: await grantCheckout(services, event.checkout, event.created, event.eventId) };
    },
  };
}
