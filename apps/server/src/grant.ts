import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDynamoClients, createRepositories } from '@ielts-genai-prep/dal-dynamodb';
import { startEmbeddedDynamo } from '@ielts-genai-prep/dal-dynamodb/local';
import { ConfigError, loadConfig } from './config.js';
import { findRunningEmbeddedEndpoint } from './embedded-endpoint.js';
import { findRootDirectory } from './root-directory.js';
import { runGrant } from './grant-program.js';

// The admin CLI: `pnpm --filter @ielts-genai-prep/server grant -- --email … --product … --types … --count …`.
// It reads the same environment as the server, so it writes where the server reads.
async function main(): Promise<number> {
  const config = loadConfig(process.env, { rootDirectory: findRootDirectory() });
  const naming = { prefix: config.tables.prefix, suffix: config.tables.suffix };
  let documentClient: DynamoDBDocumentClient;
  let close: () => Promise<void>;
  const running = config.storage.kind === 'embedded' ? await findRunningEmbeddedEndpoint(config.dataDir) : undefined;
  const storage = running ? { kind: 'endpoint' as const, endpoint: running, region: 'us-east-1' } : config.storage;
  if (storage.kind === 'embedded') {
    // No server is running on the store: open its files here.
    const embedded = await startEmbeddedDynamo({ path: storage.directory, ...naming });
    documentClient = embedded.documentClient;
    close = embedded.close;
  } else {
    const { client, documentClient: created } = createDynamoClients(
      storage.kind === 'endpoint'
        ? { endpoint: storage.endpoint, region: storage.region, credentials: config.endpointCredentials }
        : { region: storage.region },
    );
    documentClient = created;
    close = async () => client.destroy();
  }
  try {
    const repositories = createRepositories({ documentClient, cursorSecret: config.cursorSecret, ...naming });
    return await runGrant(
      process.argv.slice(2).filter((argument) => argument !== '--'),
      { repositories, output: console },
    );
  } finally {
    await close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
