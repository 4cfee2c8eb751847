import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { ConfigError } from './config.js';
import { createLambdaHandler, lambdaEnvironment, mailEventMessageIds } from './lambda.js';
import { lambdaEvent as event } from './test-support/lambda-event.js';
import { closedPort } from './test-support/loopback-server.js';
import { GOOD_PASSWORD } from './test-support/test-server.js';

const saved = { ...process.env };
beforeAll(() => {
  Object.assign(process.env, {
    ...deployedEnvironment(),
    NODE_ENV: 'production',
    SEED_CONTENT: 'true',
    // DynamoDB Local on a busy machine can take seconds: this test is about the handler, not the JVM's speed.
    DYNAMODB_REQUEST_TIMEOUT_MS: '60000',
  });
});
afterAll(() => {
  process.env = saved;
});

describe('the Lambda handler', () => {
  // A cold start creates every table and loads the content: minutes on a busy machine, seconds alone.
  it('serves the same app from API Gateway events', { timeout: 180_000 }, async () => {
    const { handler } = await import('./lambda.js');
    const health = await handler(event('GET', '/health') as never, {} as never);
    expect(health.statusCode).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok' });

    const email = `lambda-${randomUUID().slice(0, 8)}@example.com`;
    const registered = await handler(
      event('POST', '/api/auth/register', { body: { email, password: GOOD_PASSWORD } }) as never,
      {} as never,
    );
    expect(registered.statusCode).toBe(202);
    const login = await handler(event('POST', '/api/auth/login', { body: { email, password: GOOD_PASSWORD } }) as never, {} as never);
    expect(login.statusCode).toBe(200);
    const cookie = (login.multiValueHeaders?.['set-cookie'] ?? login.cookies ?? [login.headers?.['set-cookie']]).flat().join(';');
    expect(cookie).toMatch(/__Host-ielts_session=.*HttpOnly.*Secure/);

    const missing = await handler(event('GET', '/api/auth/me') as never, {} as never);
    expect(missing.statusCode).toBe(401);
    expect(JSON.parse(missing.body).error.code).toBe('unauthorized');
    expect(missing.headers?.['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('the Lambda handler as the mail sender', () => {
  it('sends the mail of the outbox stream’s records and of the schedule’s sweep, and answers HTTP without sending any', async () => {
    const { handler } = await import('./lambda.js');
    const sweep = { source: 'aws.events', 'detail-type': 'Scheduled Event' } as const;
    // Mail the previous test left in the outbox goes first.
    await handler(sweep);
    const email = `lambda-mail-${randomUUID().slice(0, 8)}@example.com`;
    const registered = await handler(
      event('POST', '/api/auth/register', { body: { email, password: GOOD_PASSWORD } }) as never,
      {} as never,
    );
    expect(registered.statusCode).toBe(202);
    const sent = async () => {
      const store = (await (await fetch(`${inject('sesEndpoint')}/store`)).json()) as {
        emails: Array<{ destination: { to: string[] }; subject: string }>;
      };
      return store.emails.filter((mail) => mail.destination.to.some((address) => address.includes(email))).map((mail) => mail.subject);
    };
    expect(await sent()).toEqual([]);
    // What the outbox's stream delivers (keys only are read), and a record of another table's shape, ignored.
    const record = (messageId: string, eventName: string) => ({
      eventSource: 'aws:dynamodb' as const,
      eventName,
      dynamodb: { Keys: { message_id: { S: messageId } } },
    });
    const unknownId = `not-a-message-${randomUUID()}`;
    const streamed = await handler({ Records: [record(unknownId, 'MODIFY'), record(unknownId, 'REMOVE')] });
    // The unknown id claims nothing; whatever is due is drained with it.
    expect(streamed).toEqual({ sent: 1, skipped: 0, retried: 0, dead: 0 });
    expect(await sent()).toEqual(['Confirm your email address']);
    const reset = await handler(event('POST', '/api/auth/password-reset/request', { body: { email } }) as never, {} as never);
    expect(reset.statusCode).toBe(202);
    expect(await handler(sweep)).toEqual({ sent: 1, skipped: 0, retried: 0, dead: 0 });
    expect((await sent()).sort()).toEqual(['Confirm your email address', 'Reset your password']);
    expect(mailEventMessageIds({ Records: [record('m-1', 'INSERT'), record('m-2', 'REMOVE')] })).toEqual(['m-1']);
    expect(mailEventMessageIds(event('GET', '/health'))).toBeUndefined();
  }, 120_000);
});

/** The environment of a deployed function: AWS settings, no NODE_ENV. */
function deployedEnvironment(): Record<string, string | undefined> {
  return {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    DYNAMODB_ENDPOINT: inject('dynamoDbLocalEndpoint'),
    TABLE_PREFIX: `l${randomUUID().slice(0, 8)}-`,
    CREATE_TABLES: 'true',
    SEED_CONTENT: 'false',
    SES_FROM_ADDRESS: 'no-reply@ielts.test',
    SES_ENDPOINT: inject('sesEndpoint'),
    CURSOR_SECRET: 'a-lambda-test-secret-that-is-long-enough',
    SCRYPT_COST: '1024',
  };
}

describe('a Lambda function without NODE_ENV', () => {
  it('is production: Secure __Host- cookies, and a cursor secret required', async () => {
    expect(lambdaEnvironment({}).NODE_ENV).toBe('production');
    expect(lambdaEnvironment({ NODE_ENV: ' ' }).NODE_ENV).toBe('production');
    expect(lambdaEnvironment({ NODE_ENV: 'development' }).NODE_ENV).toBe('development');

    const handle = createLambdaHandler(deployedEnvironment);
    const email = `lambda-${randomUUID().slice(0, 8)}@example.com`;
    await handle(event('POST', '/api/auth/register', { body: { email, password: GOOD_PASSWORD } }) as never, {} as never);
    const login = await handle(event('POST', '/api/auth/login', { body: { email, password: GOOD_PASSWORD } }) as never, {} as never);
    expect(login.statusCode).toBe(200);
    const cookie = (login.multiValueHeaders?.['set-cookie'] ?? login.cookies ?? [login.headers?.['set-cookie']]).flat().join(';');
    expect(cookie).toMatch(/^__Host-ielts_session=.*Secure/);

    const withoutSecret = createLambdaHandler(() => ({ ...deployedEnvironment(), CURSOR_SECRET: undefined }));
    const error = await withoutSecret(event('GET', '/health') as never, {} as never).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual(['CURSOR_SECRET: required in production, at least 32 random characters (not set)']);
  });

  it('tries a failed start again on the next request', async () => {
    const port = await closedPort();
    let attempts = 0;
    const handle = createLambdaHandler(() => {
      attempts += 1;
      // The first start finds no DynamoDB; by the second it is there.
      return attempts === 1 ? { ...deployedEnvironment(), DYNAMODB_ENDPOINT: `http://127.0.0.1:${port}` } : deployedEnvironment();
    });
    await expect(handle(event('GET', '/health') as never, {} as never)).rejects.toThrow();
    const health = await handle(event('GET', '/health') as never, {} as never);
    expect(health.statusCode).toBe(200);
    expect(attempts).toBe(2);
  });
});
