import { inject } from 'vitest';
import { createTables } from './create-tables.js';
import { createTestClients, uniquePrefix } from './test-support/clients.js';
import { describeRepositorySuite } from './test-support/repository-suite.js';

describeRepositorySuite(
  'DynamoDB Local',
  async (prefix) => {
    const clients = createTestClients(inject('dynamoDbLocalEndpoint'));
    await createTables({ client: clients.client, prefix, pollIntervalMs: 50 });
    return { ...clients, close: async () => clients.destroy() };
  },
  uniquePrefix('repos'),
);
