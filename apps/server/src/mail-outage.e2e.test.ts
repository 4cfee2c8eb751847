import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { SESClient } from '@aws-sdk/client-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIL_HOLD_SECONDS } from './mail-outbox.js';
import { createOutboxMailSender } from './mail-sender.js';
import { createSesMailer } from './mailer.js';
import { TASK2_ESSAY } from './test-support/essays.js';
import { GOOD_PASSWORD, startTestServer, type SentEmail, type TestServer } from './test-support/test-server.js';

// An SES emulator of this file's own (aws-ses-v2-local, in-process), so the test can stop it
// (an SES outage) and start it again on the same port. Nothing here waits on a timer: the outbox
// is drained by calling the sender, and the (fake) clock is moved past each retry's time.
const startSes = async (port: number): Promise<Server> => {
  const { default: start } = await import('aws-ses-v2-local');
  return start({ host: '127.0.0.1', port });
};
let ses: Server;
let sesPort: number;
const stopSes = async () => {
  ses.closeAllConnections();
  await new Promise<void>((resolve) => ses.close(() => resolve()));
};
const sentTo = async (email: string): Promise<SentEmail[]> => {
  const store = (await (await fetch(`http://127.0.0.1:${sesPort}/store`)).json()) as { emails: SentEmail[] };
  return store.emails.filter((mail) => mail.destination.to.some((address) => address.includes(email)));
};

const MAX_ATTEMPTS = 3;
const HOUR = 3_600_000;
let server: TestServer;
const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.com`;
const post = (pathname: string, body: unknown) =>
  server.request(pathname, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  ses = await startSes(0);
  sesPort = (ses.address() as AddressInfo).port;
  // Jitter fixed at the middle of its range; three attempts before a message is dead.
  server = await startTestServer({
    sesEndpoint: `http://127.0.0.1:${sesPort}`,
    mailSender: { maxAttempts: MAX_ATTEMPTS, random: () => 0.5 },
  });
});

afterAll(async () => {
  await server?.close();
  if (ses?.listening) await stopSes();
});

describe('mail during an SES outage', () => {
  it('answers registration, reset and a scored answer while SES is down, and sends each mail once SES is back', async () => {
    const { client, email: learner } = await server.signUp();
    await server.drainMail();
    await stopSes();

    const newcomer = uniqueEmail('newcomer');
    expect((await post('/api/auth/register', { email: newcomer, password: GOOD_PASSWORD })).status).toBe(202);
    expect((await post('/api/auth/password-reset/request', { email: learner })).status).toBe(202);
    const assessment = await client.writing.evaluate({ question_id: 'w2-001', essay: TASK2_ESSAY });
    expect(assessment.completed).toBe(true);

    // Each of the three tried once, failed, and waits for its next attempt; none is lost.
    expect(await server.drainMail()).toEqual({ sent: 0, skipped: 0, retried: 3, dead: 0 });
    expect(
      server.logs
        .filter((line) => line.message === 'mail not sent: tried again later')
        .map((line) => line.fields?.kind)
        .sort(),
    ).toEqual(['password_reset', 'registration', 'result']);
    // Not due before its backoff (45 s at the first attempt, with this jitter).
    expect(await server.drainMail()).toEqual({ sent: 0, skipped: 0, retried: 0, dead: 0 });

    ses = await startSes(sesPort);
    server.clock.advance(60_000);
    expect(await server.drainMail()).toEqual({ sent: 3, skipped: 0, retried: 0, dead: 0 });
    expect((await sentTo(newcomer)).map((mail) => mail.subject)).toEqual(['Confirm your email address']);
    expect((await sentTo(learner)).map((mail) => mail.subject).sort()).toEqual(
      ['Reset your password', `Your Writing Task 2 result: band ${assessment.overall_band!.toFixed(1)}`].sort(),
    );
    // The link composed at sending works.
    const token = /token=([A-Za-z0-9_-]+)/.exec((await sentTo(newcomer))[0]!.body.text ?? '')![1]!;
    expect((await post('/api/auth/verify-email', { token })).status).toBe(200);
    // Nothing is sent again.
    server.clock.advance(HOUR);
    expect(await server.drainMail()).toEqual({ sent: 0, skipped: 0, retried: 0, dead: 0 });
    expect(await sentTo(newcomer)).toHaveLength(1);
  });

  it('sends each message once when two senders drain the outbox at once', async () => {
    const emails = Array.from({ length: 12 }, (_, index) => uniqueEmail(`pair${index}`));
    for (const email of emails) expect((await post('/api/auth/register', { email, password: GOOD_PASSWORD })).status).toBe(202);
    const other = new SESClient({
      endpoint: `http://127.0.0.1:${sesPort}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    try {
      const second = createOutboxMailSender({
        repositories: server.repositories,
        config: server.config,
        mailer: createSesMailer({ client: other, from: server.config.mail.from }),
        logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
        clock: server.clock.now,
        owner: 'second-instance',
      });
      // Small batches, so the two senders interleave over the same messages.
      const reports = await Promise.all([
        server.mail.drain({ maxBatches: 50 }),
        second.drain({ maxBatches: 50 }),
        server.mail.drain({ maxBatches: 50 }),
      ]);
      expect(reports.reduce((sum, report) => sum + report.sent, 0)).toBe(emails.length);
    } finally {
      other.destroy();
    }
    for (const email of emails) expect((await sentTo(email)).map((mail) => mail.subject)).toEqual(['Confirm your email address']);
  });

  it('gives a message up after its last attempt, logs it with its message and request ids, and counts it dead', async () => {
    const { email } = await server.signUp();
    await server.drainMail();
    await stopSes();
    try {
      const deadBefore = await server.repositories.outbox.countDead();
      const response = await post('/api/auth/password-reset/request', { email });
      expect(response.status).toBe(202);
      const requestId = response.headers.get('x-request-id');
      for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
        expect(await server.drainMail()).toMatchObject({ retried: 1, dead: 0 });
        server.clock.advance(HOUR);
      }
      expect(await server.drainMail()).toMatchObject({ retried: 0, dead: 1 });
      const logged = server.logs.filter((line) => line.message === 'mail dead: given up after its last attempt');
      expect(logged.at(-1)?.fields).toMatchObject({ request_id: requestId, kind: 'password_reset', attempt: MAX_ATTEMPTS });
      expect(await server.repositories.outbox.countDead()).toBe(deadBefore + 1);
      const [dead] = await server.repositories.outbox.listDead({ limit: 1 });
      expect(dead).toMatchObject({
        message_id: logged.at(-1)?.fields?.message_id,
        recipient: email,
        request_id: requestId,
        attempts: MAX_ATTEMPTS,
      });
      // A dead message is never tried again.
      server.clock.advance(24 * HOUR);
      expect(await server.drainMail()).toEqual({ sent: 0, skipped: 0, retried: 0, dead: 0 });
    } finally {
      ses = await startSes(sesPort);
    }
  });
});

describe('a request that dies between the outbox and its write', () => {
  it('leaves a held message that is sent when its hold ends if the write happened, and skipped if not', async () => {
    // As if the process died after holding the message: one before the account was written, one after.
    const never = uniqueEmail('never-written');
    await server.repositories.outbox.enqueue(
      { kind: 'registration', recipient: never, payload: { user_id: randomUUID() } },
      { availableAt: new Date(server.clock.now() + MAIL_HOLD_SECONDS * 1000) },
    );
    const written = uniqueEmail('written');
    const userId = randomUUID();
    await server.repositories.outbox.enqueue(
      { kind: 'registration', recipient: written, payload: { user_id: userId } },
      { availableAt: new Date(server.clock.now() + MAIL_HOLD_SECONDS * 1000) },
    );
    await server.repositories.users.create({
      email: written,
      user_id: userId,
      display_name: null,
      email_verified: false,
      created_at: new Date(server.clock.now()).toISOString(),
      password_hash: 'not-used-here',
    });
    // Held: no sender composes either before its hold ends.
    expect(await server.drainMail()).toEqual({ sent: 0, skipped: 0, retried: 0, dead: 0 });
    server.clock.advance(MAIL_HOLD_SECONDS * 1000);
    expect(await server.drainMail()).toEqual({ sent: 1, skipped: 1, retried: 0, dead: 0 });
    expect((await sentTo(written)).map((mail) => mail.subject)).toEqual(['Confirm your email address']);
    expect(await sentTo(never)).toEqual([]);
  });
});
