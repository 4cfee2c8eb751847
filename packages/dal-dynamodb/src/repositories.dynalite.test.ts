import { startEmbeddedDynamo } from './embedded-dynamo.js';
import { recordCommands, uniquePrefix } from './test-support/clients.js';
import { describeRepositorySuite } from './test-support/repository-suite.js';

describeRepositorySuite(
  'embedded dynalite',
  async (prefix) => {
    const embedded = await startEmbeddedDynamo({ prefix });
    const sentCommands = recordCommands(embedded.client);
    return { client: embedded.client, documentClient: embedded.documentClient, sentCommands, close: embedded.close };
  },
  uniquePrefix('embedded'),
);
