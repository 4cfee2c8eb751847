import { afterAll, describe, expect, inject, it } from 'vitest';
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
