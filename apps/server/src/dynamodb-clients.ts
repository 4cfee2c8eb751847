import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StorageConfig } from './config.js';

/** A DynamoDB client pair for an endpoint (DynamoDB Local, a running embedded store) or a real region. */
export function createDynamoDbClients(storage: Exclude<StorageConfig, { kind: 'embedded' }>): {
  client: DynamoDBClient;
  documentClient: DynamoDBDocumentClient;
} {
  const client = new DynamoDBClient(
    storage.kind === 'endpoint'
      ? {
          endpoint: storage.endpoint,
          region: storage.region,
          // A local endpoint takes any credentials; real ones from the environment still win.
          ...(process.env.AWS_ACCESS_KEY_ID ? {} : { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
        }
      : { region: storage.region },
  );
  return { client, documentClient: DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }) };
}
