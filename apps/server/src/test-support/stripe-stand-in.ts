// A local stand-in of Stripe's HTTP API, at the wire level: `POST /v1/checkout/sessions` takes the
// form-encoded body the official SDK sends and answers a Checkout Session with an id and a url; the
// url is a small hosted-checkout page whose Pay button completes the session and delivers the
// signed `checkout.session.completed` event to the webhook (as often, and as concurrently, as the
// test asks), then sends the browser to the session's success_url, as Stripe does.
//
// Only `node:` modules and `stripe` are imported, so the web app's browser test can run this file
// as its own process (`node apps/server/src/test-support/stripe-stand-in.ts --webhook-secret …`).
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import Stripe from 'stripe';

/** A Checkout Session as the stand-in keeps it (the fields the server reads, and what it was created with). */
export interface StandInSession {
  id: string;
  object: 'checkout.session';
  url: string;
  mode: string;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'unpaid' | 'paid';
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  customer_email: string | null;
  metadata: Record<string, string>;
  success_url: string;
  cancel_url: string | null;
  created: number;
  livemode: false;
  /** The line items as sent (Stripe keeps these apart from the session; here they show what was asked). */
  line_items: unknown;
}

/** A request the stand-in's API received. */
export interface StandInRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  /** The form-encoded body, decoded into nested objects and arrays. */
  body: Record<string, unknown>;
}

/** An event signed as Stripe signs it: the exact payload and its `Stripe-Signature` header. */
export interface SignedEvent {
  id: string;
  type: string;
  payload: string;
  signature: string;
}

/** How a webhook delivery went. */
export interface Delivery {
  eventId: string;
  status: number;
  body: string;
}

/** Options of {@link startStripeStandIn}. */
export interface StripeStandInOptions {
  /** The webhook signing secret (`whsec_…`) events are signed with. */
  webhookSecret: string;
  /** Where Pay delivers the completed event. Default none (set it later with `configureWebhook`). */
  webhookUrl?: string;
  /** How many times Pay delivers each event, all at once. Default 1. */
  deliveries?: number;
  /** The port to listen on (loopback). Default 0: any free one. */
  port?: number;
}

/** The stand-in, listening on loopback. */
export interface StripeStandIn {
  /** `http://127.0.0.1:<port>`: give it to the server as STRIPE_API_BASE. */
  apiBase: string;
  sessions: Map<string, StandInSession>;
  requests: StandInRequest[];
  deliveries: Delivery[];
  /** Where Pay delivers events, and how many times. */
  configureWebhook(url: string, deliveries?: number): void;
  /** Marks a session paid and returns its `checkout.session.completed` event, signed. */
  complete(sessionId: string): SignedEvent;
  /** Signs any event about a session (`checkout.session.expired`, an event type the server ignores, …). */
  signedEvent(type: string, object: unknown): SignedEvent;
  /** Delivers an event `times` times to `url`, one after another or all at once; answers each delivery's status. */
  deliver(event: SignedEvent, options: { url?: string; times?: number; concurrent?: boolean; signature?: string }): Promise<Delivery[]>;
  close(): Promise<void>;
}

/** Decodes `a[b][0][c]=1` form fields (as Stripe's SDKs encode parameters) into nested objects and arrays. */
export function decodeStripeForm(text: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const parts = key.split(/\[|\]\[|\]/).filter((part) => part !== '');
    let target: Record<string, unknown> | unknown[] = root;
    parts.forEach((part, index) => {
      const last = index === parts.length - 1;
      const nextIsIndex = /^\d+$/.test(parts[index + 1] ?? '');
      const container = target as Record<string, unknown>;
      if (last) container[part] = value;
      else {
        container[part] ??= nextIsIndex ? [] : {};
        target = container[part] as Record<string, unknown>;
      }
    });
  }
  return root;
}

function readBody(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    incoming.on('error', reject);
  });
}

function stripeError(outgoing: ServerResponse, status: number, type: string, message: string, param?: string): void {
  outgoing.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${randomBytes(6).toString('hex')}` });
  outgoing.end(JSON.stringify({ error: { type, message, ...(param ? { param } : {}) } }));
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

function checkoutPage(session: StandInSession): string {
  const items = (session.line_items as Array<{ price_data?: { product_data?: { name?: string } } }> | undefined) ?? [];
  const name = items[0]?.price_data?.product_data?.name ?? 'Your purchase';
  const amount = `${(session.amount_total / 100).toFixed(2)} ${session.currency.toUpperCase()}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stripe stand-in checkout</title></head>
<body><main><h1>Pay ${escapeHtml(amount)}</h1><p data-testid="checkout-item">${escapeHtml(name)}</p>
<form method="post" action="/checkout/${encodeURIComponent(session.id)}/pay"><button type="submit">Pay</button></form>
${session.cancel_url ? `<p><a href="${escapeHtml(session.cancel_url)}">Cancel</a></p>` : ''}</main></body></html>`;
}

/** Starts the stand-in on a loopback port. */
export async function startStripeStandIn(options: StripeStandInOptions): Promise<StripeStandIn> {
  const sessions = new Map<string, StandInSession>();
  const requests: StandInRequest[] = [];
  const deliveries: Delivery[] = [];
  let webhookUrl = options.webhookUrl;
  let deliveriesPerEvent = options.deliveries ?? 1;
  let apiBase = '';

  const signedEvent = (type: string, object: unknown): SignedEvent => {
    const id = `evt_${randomBytes(12).toString('hex')}`;
    const payload = JSON.stringify(
      {
        id,
        object: 'event',
        api_version: Stripe.API_VERSION,
        created: Math.floor(Date.now() / 1000),
        livemode: false,
        pending_webhooks: 1,
        type,
        data: { object },
      },
      null,
      2,
    );
    return { id, type, payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret: options.webhookSecret }) };
  };

  const complete = (sessionId: string): SignedEvent => {
    const session = sessions.get(sessionId);
    if (!session) throw new Error(`stripe stand-in: no session ${sessionId}`);
    session.status = 'complete';
    session.payment_status = 'paid';
    const { line_items: _items, ...object } = session;
    return signedEvent('checkout.session.completed', { ...object, url: null });
  };

  const deliverOnce = async (event: SignedEvent, url: string, signature: string): Promise<Delivery> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'stripe-signature': signature,
        'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
      },
      body: event.payload,
    });
    const delivery = { eventId: event.id, status: response.status, body: await response.text() };
    deliveries.push(delivery);
    return delivery;
  };

  const deliver: StripeStandIn['deliver'] = async (event, deliverOptions) => {
    const url = deliverOptions.url ?? webhookUrl;
    if (!url) throw new Error('stripe stand-in: no webhook url to deliver to');
    const times = deliverOptions.times ?? 1;
    const signature = deliverOptions.signature ?? event.signature;
    if (deliverOptions.concurrent) return Promise.all(Array.from({ length: times }, () => deliverOnce(event, url, signature)));
    const done: Delivery[] = [];
    for (let attempt = 0; attempt < times; attempt += 1) done.push(await deliverOnce(event, url, signature));
    return done;
  };

  const createSession = (incoming: IncomingMessage, body: Record<string, unknown>, outgoing: ServerResponse) => {
    const authorization = incoming.headers.authorization;
    if (!/^Bearer sk_(test|live)_\S+$/.test(authorization ?? '')) {
      stripeError(outgoing, 401, 'invalid_request_error', 'Invalid API Key provided');
      return;
    }
    const lineItems = body.line_items as Array<{ quantity?: string; price_data?: { currency?: string; unit_amount?: string } }> | undefined;
    if (body.mode !== 'payment' || typeof body.success_url !== 'string' || !Array.isArray(lineItems) || lineItems.length === 0) {
      stripeError(outgoing, 400, 'invalid_request_error', 'mode=payment, success_url and line_items are required', 'line_items');
      return;
    }
    const amount = lineItems.reduce(
      (sum, item) => sum + Number(item.price_data?.unit_amount ?? Number.NaN) * Number(item.quantity ?? 1),
      0,
    );
    const currency = lineItems[0]?.price_data?.currency;
    if (!Number.isInteger(amount) || amount <= 0 || !currency) {
      stripeError(
        outgoing,
        400,
        'invalid_request_error',
        'each line item needs price_data with a currency and a unit_amount',
        'line_items',
      );
      return;
    }
    const id = `cs_test_${randomBytes(16).toString('hex')}`;
    const session: StandInSession = {
      id,
      object: 'checkout.session',
      url: `${apiBase}/checkout/${id}`,
      mode: body.mode,
      status: 'open',
      payment_status: 'unpaid',
      amount_total: amount,
      currency,
      client_reference_id: typeof body.client_reference_id === 'string' ? body.client_reference_id : null,
      customer_email: typeof body.customer_email === 'string' ? body.customer_email : null,
      metadata: (body.metadata as Record<string, string> | undefined) ?? {},
      success_url: body.success_url,
      cancel_url: typeof body.cancel_url === 'string' ? body.cancel_url : null,
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      line_items: lineItems,
    };
    sessions.set(id, session);
    const { line_items: _items, ...answer } = session;
    outgoing.writeHead(200, { 'content-type': 'application/json', 'request-id': `req_${randomBytes(6).toString('hex')}` });
    outgoing.end(JSON.stringify(answer));
  };

  const server: Server = createServer((incoming, outgoing) => {
    void (async () => {
      const url = new URL(incoming.url ?? '/', 'http://stand-in');
      const text = await readBody(incoming);
      if (incoming.method === 'POST' && url.pathname === '/v1/checkout/sessions') {
        const body = decodeStripeForm(text);
        requests.push({
          method: incoming.method,
          path: url.pathname,
          authorization: incoming.headers.authorization,
          idempotencyKey: incoming.headers['idempotency-key'] as string | undefined,
          body,
        });
        createSession(incoming, body, outgoing);
        return;
      }
      const page = /^\/checkout\/([A-Za-z0-9_]+)(\/pay)?$/.exec(url.pathname);
      const session = page ? sessions.get(page[1]!) : undefined;
      if (page && session && incoming.method === 'GET' && !page[2]) {
        outgoing.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        outgoing.end(checkoutPage(session));
        return;
      }
      if (page && session && incoming.method === 'POST' && page[2]) {
        const event = complete(session.id);
        if (webhookUrl) await deliver(event, { times: deliveriesPerEvent, concurrent: true });
        outgoing.writeHead(303, { location: session.success_url.replace('{CHECKOUT_SESSION_ID}', session.id) });
        outgoing.end();
        return;
      }
      // The browser test's controls, when the stand-in runs as its own process.
      if (incoming.method === 'POST' && url.pathname === '/_stand-in/webhook') {
        const settings = JSON.parse(text) as { url: string; deliveries?: number };
        webhookUrl = settings.url;
        deliveriesPerEvent = settings.deliveries ?? 1;
        outgoing.writeHead(204).end();
        return;
      }
      if (incoming.method === 'GET' && url.pathname === '/_stand-in/deliveries') {
        outgoing.writeHead(200, { 'content-type': 'application/json' });
        outgoing.end(JSON.stringify(deliveries));
        return;
      }
      stripeError(outgoing, 404, 'invalid_request_error', `Unrecognized request URL (${incoming.method}: ${url.pathname})`);
    })().catch((error: unknown) => {
      if (!outgoing.headersSent) stripeError(outgoing, 500, 'api_error', error instanceof Error ? error.message : String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  apiBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiBase,
    sessions,
    requests,
    deliveries,
    configureWebhook(url, count = 1) {
      webhookUrl = url;
      deliveriesPerEvent = count;
    },
    complete,
    signedEvent,
    deliver,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// Run as a process: prints the address, then serves until it is stopped.
if (import.meta.main) {
  const { values } = parseArgs({ options: { 'webhook-secret': { type: 'string' }, port: { type: 'string' } } });
  if (!values['webhook-secret']) {
    console.error('usage: node stripe-stand-in.ts --webhook-secret whsec_… [--port N]');
    process.exit(2);
  }
  const standIn = await startStripeStandIn({ webhookSecret: values['webhook-secret'], port: values.port ? Number(values.port) : 0 });
  console.log(`stripe stand-in listening on ${standIn.apiBase}`);
  const stop = () => void standIn.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
