import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createAssessmentRepository } from './assessment-repository.js';
import { createContentReportRepository } from './content-report-repository.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { DalError } from './errors.js';
import { createQuestionRepository } from './question-repository.js';

const secret = 'cursor-secret';
const scope = { list: 'assessments', owner: 'ada@example.com' };
const key = { assessment_id: 'asm-1', user_email: 'ada@example.com', timestamp: '2026-11-25T10:00:00.000Z' };

function code(action: () => unknown): string | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    return DalError.isInstance(error) ? error.code : 'other';
  }
}

describe('cursors', () => {
  it('round-trip a LastEvaluatedKey', () => {
    fc.assert(
      fc.property(
        // Keys are attribute names of our tables; `__proto__` is dropped on decoding, as it should be.
        fc.dictionary(
          fc.string({ minLength: 1 }).filter((name) => name !== '__proto__'),
          fc.oneof(fc.string(), fc.integer()),
        ),
        fc.string(),
        (lastKey, owner) => {
          const cursorScope = { list: 'x', owner };
          expect(decodeCursor(cursorScope, encodeCursor(cursorScope, lastKey, secret), secret)).toEqual(lastKey);
        },
      ),
    );
  });

  it('are URL-safe text', () => {
    expect(encodeCursor(scope, key, secret)).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it('reject another scope, another secret, any altered character, and garbage', () => {
    const cursor = encodeCursor(scope, key, secret);
    expect(code(() => decodeCursor({ ...scope, owner: 'eve@example.com' }, cursor, secret))).toBe('invalid_cursor');
    expect(code(() => decodeCursor({ ...scope, list: 'reports' }, cursor, secret))).toBe('invalid_cursor');
    expect(code(() => decodeCursor(scope, cursor, 'other-secret'))).toBe('invalid_cursor');
    for (const text of ['', '.', 'abc', 'a.b.c', `${cursor}x`, 'x'.repeat(5000)]) {
      expect(code(() => decodeCursor(scope, text, secret))).toBe('invalid_cursor');
    }
    fc.assert(
      fc.property(
        fc.nat(cursor.length - 1),
        fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'),
        (index, replacement) => {
          fc.pre(cursor[index] !== replacement && cursor[index] !== '.');
          const altered = `${cursor.slice(0, index)}${replacement}${cursor.slice(index + 1)}`;
          // base64url's last character can carry unused bits; an alteration there may decode the same.
          const sameBytes = (text: string) =>
            text
              .split('.')
              .map((part) => Buffer.from(part, 'base64url').toString('hex'))
              .join('.');
          fc.pre(sameBytes(altered) !== sameBytes(cursor));
          expect(code(() => decodeCursor(scope, altered, secret))).toBe('invalid_cursor');
        },
      ),
    );
  });
});

describe('repositories that sign cursors', () => {
  // Never sent: the factories refuse before any request.
  const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9' }));

  it('refuse to be made without a secret, naming the factory', () => {
    for (const [factory, create] of [
      ['createAssessmentRepository', createAssessmentRepository],
      ['createContentReportRepository', createContentReportRepository],
      ['createQuestionRepository', createQuestionRepository],
    ] as const) {
      for (const cursorSecret of ['', new Uint8Array(0)]) {
        let caught: unknown;
        try {
          create({ documentClient, cursorSecret });
        } catch (error) {
          caught = error;
        }
        expect(DalError.isInstance(caught, 'validation')).toBe(true);
        expect((caught as DalError).message).toBe(`${factory} needs a cursorSecret`);
      }
      expect(() => create({ documentClient, cursorSecret: secret })).not.toThrow();
    }
  });
});
