import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../dynamodb-local.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The endpoint of the one DynamoDB Local the whole run shares. */
    dynamoDbLocalEndpoint: string;
  }
}

/**
 * Starts one DynamoDB Local (one JVM) for the whole test run; each test file uses its own
 * table prefix, so files can share it safely.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const local = await startDynamoDbLocal({
    searchFrom: import.meta.dirname,
    // Small heap and the serial collector: the run is short and the machine has 2 cores.
    javaOptions: ['-Xmx512m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1'],
  });
  project.provide('dynamoDbLocalEndpoint', local.endpoint);
  return () => local.close();
}
