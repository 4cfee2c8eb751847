import type { Product, User } from '@ielts-genai-prep/core';
import Stripe from 'stripe';
import * as z from 'zod';
import { ServerError } from './server-error.js';

/** The path of the page the web app shows when the learner comes back from checkout. */
export const CHECKOUT_RETURN_PATH = '/buy/return';

/** What a checkout is for. */
export interface CheckoutRequest {
  product: Product;
  user: Pick<User, 'email' | 'user_id'>;
  /** Where the learner comes back to: the server's `PUBLIC_URL`. */
  publicUrl: string;
}

/** A provider's checkout page for one purchase. */
export interface CheckoutSession {
  id: string;
  url: string;
}

/** A paid checkout, as read from the provider's verified event. */
export interface PaidCheckout {
  sessionId: string;
  /** The user the checkout was started by (their id and email, as the server sent them). */
  userId: string;
  email: string;
  productId: string;
  amount: number;
  currency: string;
}

/** What a verified webhook event asks of the server. */
export type PaymentEvent =
  | { kind: 'paid'; eventId: string; created: Date; checkout: PaidCheckout }
  /** Nothing to grant: another event type, a checkout whose payment is still pending, or a session the server did not start. */
  | { kind: 'ignored'; eventId: string; type: string; reason: string };

/** Takes payments: creates checkouts, and verifies the provider's event notifications. */
export interface PaymentProvider {
  createCheckout(request: CheckoutRequest): Promise<CheckoutSession>;
  /** Verifies `signature` over the exact `rawBody` and reads the event; an `invalid_signature` ServerError otherwise. */
  readEvent(rawBody: string, signature: string | undefined): PaymentEvent;
}

/** Options of {@link createStripePayments}. */
export interface StripePaymentsOptions {
  secretKey: string;
  webhookSecret: string;
  /** A Stripe-compatible API (`http://127.0.0.1:12111`): its host, port and protocol go to the SDK. Default Stripe's. */
  apiBase?: string;
  /** Milliseconds one Stripe request may take. Default 15000. */
  timeoutMs?: number;
  /** Retries of a failed Stripe request (the SDK sends an idempotency key with each). Default 1. */
  maxNetworkRetries?: number;
}

/**
 * The Checkout Session to create for a request: one line item at the price in core's product
 * table, the user in `client_reference_id` and `metadata` (read back from the webhook's event), and
 * the return page for success (with the session id, for the page to say which pack) and cancel. Pure.
 */
export function buildCheckoutSessionParams(request: CheckoutRequest): Stripe.Checkout.SessionCreateParams {
  const { product, user, publicUrl } = request;
  return {
    mode: 'payment',
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: product.price.currency,
          unit_amount: product.price.amount,
          product_data: { name: product.name, description: product.description },
        },
      },
    ],
    client_reference_id: user.user_id,
    customer_email: user.email,
    metadata: { user_email: user.email, user_id: user.user_id, product_id: product.product_id },
    success_url: `${publicUrl}${CHECKOUT_RETURN_PATH}?outcome=success&session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${publicUrl}${CHECKOUT_RETURN_PATH}?outcome=cancelled`,
  };
}

// The fields of a Checkout Session the grant needs; the rest of Stripe's object is not read.
const paidSessionSchema = z.object({
  id: z.string().min(1).max(255),
  payment_status: z.string(),
  amount_total: z.int().nullable(),
  currency: z.string().nullable(),
  metadata: z.object({ user_email: z.string().min(1), user_id: z.string().min(1), product_id: z.string().min(1) }),
});

/** Events that mean a checkout has been paid for. */
const PAID_EVENT_TYPES = new Set(['checkout.session.completed', 'checkout.session.async_payment_succeeded']);

/**
 * What a verified Stripe event asks for. `checkout.session.completed` with the payment made (a
 * delayed method completes unpaid and pays with `checkout.session.async_payment_succeeded`), about
 * a session this server started: a paid checkout. Anything else is ignored. Pure.
 */
export function interpretStripeEvent(event: Pick<Stripe.Event, 'id' | 'type' | 'created' | 'data'>): PaymentEvent {
  const ignored = (reason: string): PaymentEvent => ({ kind: 'ignored', eventId: event.id, type: event.type, reason });
  if (!PAID_EVENT_TYPES.has(event.type)) return ignored('not a payment this server grants for');
  const session = paidSessionSchema.safeParse(event.data.object);
  if (!session.success) return ignored('not a checkout this server started (no user or product in its metadata)');
  const { id, payment_status: paymentStatus, amount_total: amount, currency, metadata } = session.data;
  if (paymentStatus !== 'paid' && paymentStatus !== 'no_payment_required') return ignored(`payment is ${paymentStatus}`);
  return {
    kind: 'paid',
    eventId: event.id,
    created: new Date(event.created * 1000),
    checkout: {
      sessionId: id,
      userId: metadata.user_id,
      email: metadata.user_email,
      productId: metadata.product_id,
      amount: amount ?? 0,
      currency: currency ?? '',
    },
  };
}

/** Stripe's errors as the server's: the provider down or slow is a 503 to retry; anything else (a bad key) is ours, a 500. */
function fromStripeError(error: unknown): unknown {
  if (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeRateLimitError ||
    error instanceof Stripe.errors.StripeAPIError
  ) {
    return new ServerError('service_unavailable', 'The payment provider did not answer: try again shortly', {
      headers: { 'retry-after': '5' },
      cause: error,
    });
  }
  return error;
}

/** Payments through Stripe Checkout with the official SDK. Makes no request until one is needed. */
export function createStripePayments(options: StripePaymentsOptions): PaymentProvider {
  const base = options.apiBase ? new URL(options.apiBase) : undefined;
  const stripe = new Stripe(options.secretKey, {
    timeout: options.timeoutMs ?? 15_000,
    maxNetworkRetries: options.maxNetworkRetries ?? 1,
    telemetry: false,
    appInfo: { name: 'ielts-genai-prep-server' },
    ...(base
      ? {
          host: base.hostname,
          port: base.port || (base.protocol === 'https:' ? 443 : 80),
          protocol: base.protocol === 'https:' ? ('https' as const) : ('http' as const),
        }
      : {}),
  });
  return {
    async createCheckout(request) {
      let session: Stripe.Checkout.Session;
      try {
        session = await stripe.checkout.sessions.create(buildCheckoutSessionParams(request));
      } catch (error) {
        throw fromStripeError(error);
      }
      if (!session.url) throw new Error(`Stripe answered checkout session ${session.id} without a url`);
      return { id: session.id, url: session.url };
    },
    readEvent(rawBody, signature) {
      if (!signature) throw new ServerError('invalid_signature', 'The Stripe-Signature header is missing');
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(rawBody, signature, options.webhookSecret);
      } catch (error) {
        if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
          throw new ServerError(
            'invalid_signature',
            "The Stripe-Signature header does not match the body: the event was not sent by Stripe with this endpoint's secret, was altered, or is too old",
          );
        }
        throw error;
      }
      return interpretStripeEvent(event);
    },
  };
}
