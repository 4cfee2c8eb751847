import { ApiError, type ApiClient } from '@ielts-genai-prep/api-client';
import {
  PRODUCTS,
  WRITING_ASSESSMENT_TYPES,
  apiContract,
  errorEnvelopeSchema,
  findProduct,
  type AssessmentType,
  type ProductId,
} from '@ielts-genai-prep/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkoutPurchaseId } from './purchase-handlers.js';
import { startStripeStandIn, type SignedEvent, type StripeStandIn } from './test-support/stripe-stand-in.js';
import { readJson, startTestServer, type TestServer } from './test-support/test-server.js';

const WEBHOOK_SECRET = 'whsec_standInSigningSecret';

let standIn: StripeStandIn;
let server: TestServer;
let unconfigured: TestServer;
beforeAll(async () => {
  standIn = await startStripeStandIn({ webhookSecret: WEBHOOK_SECRET });
  [server, unconfigured] = await Promise.all([
    startTestServer({
      env: { STRIPE_SECRET_KEY: 'sk_test_standInKey', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_BASE: standIn.apiBase },
    }),
    startTestServer(),
  ]);
});
afterAll(async () => {
  await server?.close();
  await unconfigured?.close();
  await standIn?.close();
});

const webhookUrl = () => `${server.baseUrl}/api/purchases/webhook`;

async function remaining(client: ApiClient): Promise<Record<AssessmentType, number>> {
  const { entitlements } = await client.entitlements.get();
  return Object.fromEntries(entitlements.map((entry) => [entry.assessment_type, entry.remaining])) as Record<AssessmentType, number>;
}

/** A learner who has started a checkout of `productId` through the real SDK; answers the session the stand-in holds. */
async function checkoutOf(productId: ProductId) {
  const learner = await server.signUp();
  const checkout = await learner.client.purchases.checkout({ product_id: productId });
  const session = standIn.sessions.get(checkout.checkout_session_id);
  if (!session) throw new Error(`the stand-in holds no session ${checkout.checkout_session_id}`);
  return { ...learner, checkout, session };
}

const outcomes = (deliveries: Array<{ status: number; body: string }>) =>
  deliveries.map(
    (delivery) =>
      `${delivery.status} ${(JSON.parse(delivery.body) as { outcome?: string; error?: { code: string } }).outcome ?? (JSON.parse(delivery.body) as { error: { code: string } }).error.code}`,
  );

describe('the products', () => {
  it('are listed with their prices, without signing in, with whether checkout is available', async () => {
    const anonymous = await server.request('/api/purchases/products');
    expect(anonymous.status).toBe(200);
    expect(await readJson(anonymous)).toEqual({ products: PRODUCTS, checkout_available: true });
    expect(
      (await readJson(await unconfigured.request('/api/purchases/products'), apiContract.purchases.products.response)).checkout_available,
    ).toBe(false);
  });
});

describe('checkout through the Stripe SDK against the stand-in', () => {
  it('creates a Checkout Session at the product table’s price for the signed-in learner and answers its url', async () => {
    const { email, checkout, session } = await checkoutOf('writing-pack-5');
    const product = findProduct('writing-pack-5')!;
    expect(checkout.checkout_url).toBe(`${standIn.apiBase}/checkout/${checkout.checkout_session_id}`);
    expect(checkout.checkout_session_id).toMatch(/^cs_test_/);
    const user = (await server.repositories.users.get(email))!;
    // What the SDK sent, form-encoded, as Stripe reads it.
    const sent = standIn.requests.find((request) => request.body.client_reference_id === user.user_id)!;
    expect(sent.authorization).toBe('Bearer sk_test_standInKey');
    expect(sent.idempotencyKey).toBeTruthy();
    expect(sent.body).toMatchObject({
      mode: 'payment',
      customer_email: email,
      metadata: { user_email: email, user_id: user.user_id, product_id: 'writing-pack-5' },
      line_items: [
        { quantity: '1', price_data: { currency: 'gbp', unit_amount: String(product.price.amount), product_data: { name: product.name } } },
      ],
      success_url: 'http://app.ielts.test/buy/return?outcome=success&session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'http://app.ielts.test/buy/return?outcome=cancelled',
    });
    expect(session.amount_total).toBe(product.price.amount);
  });

  it('takes only products on sale, and only from a signed-in learner', async () => {
    const { token } = await server.signUp();
    const unknown = await server.request('/api/purchases/checkout', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ product_id: 'everything-free' }),
    });
    expect(unknown.status).toBe(400);
    const envelope = await readJson(unknown, errorEnvelopeSchema);
    expect(envelope.error.details).toEqual([{ path: 'product_id', message: expect.stringContaining('writing-pack-5') }]);
    const anonymous = await server.request('/api/purchases/checkout', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ product_id: 'writing-pack-5' }),
    });
    expect(anonymous.status).toBe(401);
  });
});

describe('the webhook', () => {
  it('grants the pack once when the completed event is delivered three times, one after another', async () => {
    const { client, email, session } = await checkoutOf('writing-pack-5');
    const before = await remaining(client);
    const event = standIn.complete(session.id);
    const deliveries = await standIn.deliver(event, { url: webhookUrl(), times: 3 });
    expect(outcomes(deliveries)).toEqual(['200 granted', '200 already_granted', '200 already_granted']);
    const after = await remaining(client);
    for (const type of WRITING_ASSESSMENT_TYPES) expect(after[type]).toBe(before[type] + 5);
    expect(after.speaking).toBe(before.speaking);
    const purchases = (await server.repositories.users.get(email))!.purchases;
    expect(purchases).toEqual([
      expect.objectContaining({ purchase_id: checkoutPurchaseId(session.id), product_id: 'writing-pack-5', assessments: 5, source: 'web' }),
    ]);
    // 180 days from the event's time.
    expect(Date.parse(purchases[0]!.expires_at!) - Date.parse(purchases[0]!.purchased_at)).toBe(180 * 24 * 3600 * 1000);
  });

  it('grants the pack once when the completed event is delivered three times at once', async () => {
    const { client, email, session } = await checkoutOf('speaking-pack-3');
    const before = await remaining(client);
    const deliveries = await standIn.deliver(standIn.complete(session.id), { url: webhookUrl(), times: 3, concurrent: true });
    expect(outcomes(deliveries).sort()).toEqual(['200 already_granted', '200 already_granted', '200 granted']);
    expect((await remaining(client)).speaking).toBe(before.speaking + 3);
    expect((await server.repositories.users.get(email))!.purchases).toHaveLength(1);
  });

  it('grants a delayed payment when it succeeds, once even if a later event names the same session', async () => {
    const { client, session } = await checkoutOf('reading-listening-pack-5');
    const before = await remaining(client);
    const { line_items: _items, ...object } = session;
    const unpaid = standIn.signedEvent('checkout.session.completed', { ...object, status: 'complete', payment_status: 'unpaid' });
    expect(outcomes(await standIn.deliver(unpaid, { url: webhookUrl() }))).toEqual(['200 ignored']);
    expect((await remaining(client)).listening).toBe(before.listening);
    const succeeded = standIn.signedEvent('checkout.session.async_payment_succeeded', {
      ...object,
      status: 'complete',
      payment_status: 'paid',
    });
    expect(outcomes(await standIn.deliver(succeeded, { url: webhookUrl() }))).toEqual(['200 granted']);
    // Another event (another id) about the same, already granted session.
    const completedLater = standIn.complete(session.id);
    expect(outcomes(await standIn.deliver(completedLater, { url: webhookUrl() }))).toEqual(['200 already_granted']);
    expect((await remaining(client)).listening).toBe(before.listening + 5);
  });

  it('grants nothing for a bad signature: another secret, an altered body, an old timestamp or none', async () => {
    const { client, email, session } = await checkoutOf('complete-pack-10');
    const before = await remaining(client);
    const event = standIn.complete(session.id);
    const { default: Stripe } = await import('stripe');
    const otherSecret = Stripe.webhooks.generateTestHeaderString({ payload: event.payload, secret: 'whsec_someoneElse' });
    const old = Stripe.webhooks.generateTestHeaderString({
      payload: event.payload,
      secret: WEBHOOK_SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    });
    const altered: SignedEvent = { ...event, payload: event.payload.replace('"payment_status": "paid"', '"payment_status": "paid" ') };
    const answers = [
      ...(await standIn.deliver(event, { url: webhookUrl(), signature: otherSecret })),
      ...(await standIn.deliver(event, { url: webhookUrl(), signature: old })),
      ...(await standIn.deliver(altered, { url: webhookUrl() })),
    ];
    expect(outcomes(answers)).toEqual(['400 invalid_signature', '400 invalid_signature', '400 invalid_signature']);
    const unsigned = await server.request('/api/purchases/webhook', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: event.payload,
    });
    expect(unsigned.status).toBe(400);
    expect((await readJson(unsigned, errorEnvelopeSchema)).error).toEqual({
      code: 'invalid_signature',
      message: 'The Stripe-Signature header is missing',
      details: [],
    });
    expect(await remaining(client)).toEqual(before);
    expect((await server.repositories.users.get(email))!.purchases).toEqual([]);
  });

  it('acknowledges event types it does not handle, and checkouts it did not start, without granting', async () => {
    const ignored = [
      standIn.signedEvent('customer.created', { id: 'cus_123', object: 'customer' }),
      standIn.signedEvent('checkout.session.completed', {
        id: 'cs_test_elsewhere',
        object: 'checkout.session',
        payment_status: 'paid',
        metadata: {},
      }),
    ];
    for (const event of ignored) expect(outcomes(await standIn.deliver(event, { url: webhookUrl() }))).toEqual(['200 ignored']);
  });
});

describe('a server without Stripe settings', () => {
  it('answers checkout and the webhook with purchases_not_configured, in plain words', async () => {
    const { client } = await unconfigured.signUp();
    const refusal = await client.purchases.checkout({ product_id: 'writing-pack-5' }).catch((error: unknown) => error);
    expect(ApiError.isInstance(refusal)).toBe(true);
    expect(refusal).toMatchObject({
      status: 503,
      code: 'purchases_not_configured',
      message: expect.stringMatching(/^Purchases are not configured on this server\./),
    });
    const webhook = await unconfigured.request('/api/purchases/webhook', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=00' },
      body: JSON.stringify({ id: 'evt_1', type: 'checkout.session.completed' }),
    });
    expect(webhook.status).toBe(503);
    expect((await readJson(webhook, errorEnvelopeSchema)).error.code).toBe('purchases_not_configured');
  });
});

describe('when Stripe cannot be reached', () => {
  it('answers checkout with a 503 to retry, not a stack trace', async () => {
    const { token } = await server.signUp();
    await standIn.close();
    const response = await server.request('/api/purchases/checkout', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ product_id: 'writing-pack-5' }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect((await readJson(response, errorEnvelopeSchema)).error).toEqual({
      code: 'service_unavailable',
      message: 'The payment provider did not answer: try again shortly',
      details: [],
    });
  });
});
