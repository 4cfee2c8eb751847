import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDynamoDbLocal } from './dynamodb-local.js';
import { DalError } from './errors.js';

const savedDirectory = process.env.DYNAMODB_LOCAL_DIR;
afterEach(() => {
  if (savedDirectory === undefined) delete process.env.DYNAMODB_LOCAL_DIR;
  else process.env.DYNAMODB_LOCAL_DIR = savedDirectory;
});

describe('startDynamoDbLocal when it cannot start', () => {
  it('is a DalError local_dynamodb_unavailable that says where to get DynamoDB Local when none is found', async () => {
    delete process.env.DYNAMODB_LOCAL_DIR;
    const nowhere = mkdtempSync(path.join(tmpdir(), 'no-dynamodb-local-'));
    const error = await startDynamoDbLocal({ searchFrom: nowhere }).catch((caught: unknown) => caught);
    expect(DalError.isInstance(error)).toBe(true);
    expect((error as DalError).code).toBe('local_dynamodb_unavailable');
    expect((error as DalError).message).toContain('amplify-dynamodb-simulator');
    expect((error as DalError).message).not.toContain('scripts/');
  });

  it('is a DalError local_dynamodb_unavailable with the cause when Java cannot be run', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'fake-dynamodb-local-'));
    const error = await startDynamoDbLocal({ directory, java: path.join(directory, 'no-such-java'), startTimeoutMs: 5_000 }).catch(
      (caught: unknown) => caught,
    );
    expect(DalError.isInstance(error)).toBe(true);
    expect((error as DalError).code).toBe('local_dynamodb_unavailable');
    expect((error as DalError).message).toMatch(/did not start/);
    expect((error as DalError).cause).toBeInstanceOf(Error);
  });
});
