import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startDynamoDbLocal } from '@ielts-genai-prep/dal-dynamodb/local';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The one DynamoDB Local of the run. */
    dynamoDbLocalEndpoint: string;
    /** The one SES emulator (aws-ses-v2-local) of the run; `GET /store` lists sent mail. */
    sesEndpoint: string;
  }
}

/** Starts DynamoDB Local and the SES emulator once for every test file. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dynamo = await startDynamoDbLocal({
    searchFrom: import.meta.dirname,
    javaOptions: ['-Xmx512m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1'],
  });
  const { default: startSes } = await import('aws-ses-v2-local');
  let ses: Server;
  try {
    ses = await startSes({ host: '127.0.0.1', port: 0 });
  } catch (error) {
    await dynamo.close();
    throw error;
  }
  const { port } = ses.address() as AddressInfo;
  project.provide('dynamoDbLocalEndpoint', dynamo.endpoint);
  project.provide('sesEndpoint', `http://127.0.0.1:${port}`);
  return async () => {
    await new Promise<void>((resolve) => ses.close(() => resolve()));
    await dynamo.close();
  };
}
