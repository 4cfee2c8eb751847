import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTables } from './create-tables.js';
import { DalError } from './errors.js';
import { MAX_ITEM_BYTES, assertItemSize, itemSize } from './item-size.js';
import { resolveTableNames } from './table-definitions.js';
import { createTestClients, uniquePrefix } from './test-support/clients.js';

describe('itemSize', () => {
  it('counts UTF-8 bytes of names and strings', () => {
    expect(itemSize({ email: 'a@b.c' })).toBe(5 + 5);
    expect(itemSize({ name: 'é' })).toBe(4 + 2);
    expect(itemSize({ emoji: '😀' })).toBe(5 + 4);
  });

  it('counts numbers by significant digits, and null and booleans as one byte', () => {
    expect(itemSize({ n: 0 })).toBe(1 + 1);
    expect(itemSize({ n: 7 })).toBe(1 + 2);
    expect(itemSize({ n: 12345 })).toBe(1 + 4);
    expect(itemSize({ n: 1200000 })).toBe(1 + 2);
    expect(itemSize({ n: -12 })).toBe(1 + 3);
    expect(itemSize({ n: 0.5 })).toBe(1 + 2);
    expect(itemSize({ n: 123.456 })).toBe(1 + 4);
    expect(itemSize({ n: -0.001 })).toBe(1 + 3);
    expect(itemSize({ n: 6.5 })).toBe(1 + 2);
    expect(itemSize({ n: 12345678901234567890n })).toBe(1 + 11);
    expect(itemSize({ a: null, b: true })).toBe(1 + 1 + 1 + 1);
  });

  it('adds list and map overheads, and skips undefined', () => {
    expect(itemSize({ l: ['ab', 'c'] })).toBe(1 + 3 + (1 + 2) + (1 + 1));
    expect(itemSize({ m: { k: 'v' } })).toBe(1 + 3 + (1 + 1 + 1));
    expect(itemSize({ s: new Set(['ab', 'cd']), b: new Uint8Array(10), u: undefined })).toBe(1 + 4 + 1 + 10);
  });

  it('throws item_too_large naming the table and key', () => {
    const item = { id: 'x', data: 'a'.repeat(MAX_ITEM_BYTES) };
    expect(() => assertItemSize(item, 'table', { id: 'x' })).toThrow(DalError);
    try {
      assertItemSize(item, 'table', { id: 'x' });
    } catch (error) {
      expect(error).toMatchObject({ code: 'item_too_large', tableName: 'table', key: { id: 'x' } });
    }
    expect(() => assertItemSize({ id: 'x' }, 'table', { id: 'x' })).not.toThrow();
  });
});

describe('itemSize agrees with DynamoDB Local at the 400 KB limit', () => {
  const clients = createTestClients(inject('dynamoDbLocalEndpoint'));
  const prefix = uniquePrefix('size');
  const tableName = resolveTableNames({ prefix }).rubrics;
  beforeAll(() => createTables({ client: clients.client, prefix, tables: ['rubrics'] }));
  afterAll(() => clients.destroy());

  const itemOfSize = (bytes: number) => {
    const base = { rubric_id: 'r', count: 12345, nested: { list: ['é', 1, true, null] }, text: '' };
    return { ...base, text: 'é'.repeat(Math.floor((bytes - itemSize(base)) / 2)) + 'x'.repeat((bytes - itemSize(base)) % 2) };
  };

  it('accepts an item of exactly 400 KB and rejects one byte more', async () => {
    const exact = itemOfSize(MAX_ITEM_BYTES);
    expect(itemSize(exact)).toBe(MAX_ITEM_BYTES);
    await clients.documentClient.send(new PutCommand({ TableName: tableName, Item: exact }));
    const over = itemOfSize(MAX_ITEM_BYTES + 1);
    expect(itemSize(over)).toBe(MAX_ITEM_BYTES + 1);
    await expect(clients.documentClient.send(new PutCommand({ TableName: tableName, Item: over }))).rejects.toThrow(/size/i);
  });
});
