// `@ielts-genai-prep/dal-dynamodb/local`: databases for development and tests, not for
// production: the embedded dynalite store and DynamoDB Local (the official emulator, on Java).
export { startEmbeddedDynamo, type EmbeddedDynamo, type StartEmbeddedDynamoOptions } from './embedded-dynamo.js';
export type { TornWriteRepair } from './repair-torn-writes.js';
export {
  startDynamoDbLocal,
  findDynamoDbLocalDirectory,
  findFreePort,
  type DynamoDbLocal,
  type StartDynamoDbLocalOptions,
} from './dynamodb-local.js';
