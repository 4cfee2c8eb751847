import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Options for {@link createDynamoClients}. */
export interface CreateDynamoClientsOptions {
  /** A local endpoint (DynamoDB Local, dynalite). Default: none, i.e. real AWS DynamoDB. */
  endpoint?: string;
  /** AWS region. Default: `us-east-1` with an endpoint, else the SDK's own resolution (AWS_REGION, profile). */
  region?: string;
  /**
   * Credentials. Default: fixed dummy ones with an endpoint (local servers check none),
   * else the SDK's default chain (environment, profile, instance role).
   */
  credentials?: DynamoDBClientConfig['credentials'];
  /** Any other client settings (maxAttempts, requestHandler…). */
  clientConfig?: DynamoDBClientConfig;
}

/**
 * A low-level client and a document client configured as the repositories expect
 * (`removeUndefinedValues`). The caller owns them: call `client.destroy()` when done.
 */
export function createDynamoClients(options: CreateDynamoClientsOptions = {}): {
  client: DynamoDBClient;
  documentClient: DynamoDBDocumentClient;
} {
  const region = options.region ?? (options.endpoint ? 'us-east-1' : undefined);
  const credentials = options.credentials ?? (options.endpoint ? { accessKeyId: 'local', secretAccessKey: 'local' } : undefined);
  const client = new DynamoDBClient({
    ...options.clientConfig,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(region ? { region } : {}),
    ...(credentials ? { credentials } : {}),
  });
  const documentClient = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return { client, documentClient };
}
