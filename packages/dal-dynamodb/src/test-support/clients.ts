import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';

/** A client pair for a test, and the names of every command it sent. */
export interface TestClients {
  client: DynamoDBClient;
  documentClient: DynamoDBDocumentClient;
  /** Command names (`PutCommand`, `QueryCommand`…) in the order they were sent. */
  sentCommands: string[];
  destroy: () => void;
}

/** Clients for a local endpoint, recording every command through SDK middleware. */
export function createTestClients(endpoint: string, options: { maxAttempts?: number } = {}): TestClients {
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: options.maxAttempts ?? 3,
  });
  const documentClient = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  const sentCommands = recordCommands(client);
  return { client, documentClient, sentCommands, destroy: () => client.destroy() };
}

/**
 * Records the name of every command the client (and document clients made from it, which
 * share its middleware stack) sends, through SDK middleware: the test sees what went on the wire.
 */
export function recordCommands(client: DynamoDBClient): string[] {
  const sentCommands: string[] = [];
  const record = (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => (args: unknown) => {
    sentCommands.push(context.commandName ?? 'unknown');
    return next(args);
  };
  client.middlewareStack.add(record as never, { step: 'initialize', name: 'recordCommands' });
  return sentCommands;
}

/** A table prefix no other test file uses. */
export function uniquePrefix(label: string): string {
  return `t-${label}-${randomUUID().slice(0, 8)}-`;
}
