import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { createDynamoClients } from './dynamo-clients.js';
import { createRepositories } from './repositories.js';
import { createTables } from './create-tables.js';
import { uniquePrefix } from './test-support/clients.js';
import { userInput } from './test-support/fixtures.js';

describe('createDynamoClients', () => {
  const { client, documentClient } = createDynamoClients({ endpoint: inject('dynamoDbLocalEndpoint') });
  afterAll(() => client.destroy());

  it('connects to a local endpoint with dummy credentials and drops undefined values', async () => {
    expect(await client.config.region()).toBe('us-east-1');
    const prefix = uniquePrefix('clients');
    await createTables({ client, prefix, tables: ['users'] });
    const users = createRepositories({ documentClient, prefix, cursorSecret: 's' }).users;
    const user = await users.create({ ...userInput(), display_name: undefined });
    expect((await users.get(user.email))?.display_name).toBeNull();
  });
});

/** The parts of the SDK's signed HTTP request the tests read. */
interface SignedRequest {
  protocol: string;
  hostname: string;
  headers: Record<string, string>;
  body: unknown;
}

describe('createDynamoClients without an endpoint (real AWS)', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  /** Sends one GetItem through a request handler that keeps the signed request instead of sending it. */
  async function signedRequest(options: Parameters<typeof createDynamoClients>[0]): Promise<SignedRequest> {
    let captured: SignedRequest | undefined;
    const requestHandler = {
      handle: async (request: SignedRequest) => {
        captured = request;
        throw Object.assign(new Error('kept, not sent'), { name: 'KeptRequest' });
      },
    };
    const { client, documentClient } = createDynamoClients({
      ...options,
      clientConfig: { requestHandler: requestHandler as unknown as DynamoDBClientConfig['requestHandler'], maxAttempts: 1 },
    });
    const users = createRepositories({ documentClient, cursorSecret: 's' }).users;
    await users.get('ada@example.com').catch(() => undefined);
    client.destroy();
    if (!captured) throw new Error('no request reached the handler');
    return captured;
  }

  it("signs for DynamoDB in the region and with the credentials of AWS's standard environment variables", async () => {
    for (const name of ['AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_DEFAULT_REGION', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_DYNAMODB'])
      delete process.env[name];
    process.env.AWS_REGION = 'eu-west-2';
    process.env.AWS_ACCESS_KEY_ID = 'AKIAENVIRONMENT1';
    process.env.AWS_SECRET_ACCESS_KEY = 'environment-secret';
    const request = await signedRequest({});
    expect(request.protocol).toBe('https:');
    expect(request.hostname).toBe('dynamodb.eu-west-2.amazonaws.com');
    expect(request.headers['x-amz-target']).toBe('DynamoDB_20120810.GetItem');
    expect(request.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAENVIRONMENT1\/\d{8}\/eu-west-2\/dynamodb\/aws4_request,/,
    );
    const body = typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body as Uint8Array);
    expect(JSON.parse(body)).toMatchObject({ TableName: 'ielts-genai-prep-users', Key: { email: { S: 'ada@example.com' } } });
  });

  it('prefers a region and credentials given outright', async () => {
    process.env.AWS_REGION = 'eu-west-2';
    process.env.AWS_ACCESS_KEY_ID = 'AKIAENVIRONMENT1';
    process.env.AWS_SECRET_ACCESS_KEY = 'environment-secret';
    const request = await signedRequest({
      region: 'ap-southeast-2',
      credentials: { accessKeyId: 'AKIAGIVEN0000001', secretAccessKey: 'given' },
    });
    expect(request.hostname).toBe('dynamodb.ap-southeast-2.amazonaws.com');
    expect(request.headers.authorization).toContain('Credential=AKIAGIVEN0000001/');
  });
});
