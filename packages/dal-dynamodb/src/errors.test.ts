import { describe, expect, it } from 'vitest';
import { DalError, describeKey } from './errors.js';

describe('DalError', () => {
  it('carries a code, table, key and issues, and defaults isRetryable by code', () => {
    const error = new DalError({ code: 'conflict', message: 'stale', tableName: 'users', key: { email: 'a@b.c' } });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'DalError',
      code: 'conflict',
      tableName: 'users',
      key: { email: 'a@b.c' },
      isRetryable: false,
      issues: [],
    });
    expect(new DalError({ code: 'throttled', message: 'slow down' }).isRetryable).toBe(true);
    expect(new DalError({ code: 'deadline_exceeded', message: 'late' }).isRetryable).toBe(true);
    expect(new DalError({ code: 'dynamodb', message: 'x', isRetryable: true }).isRetryable).toBe(true);
  });

  it('is recognized by isInstance across copies of the package, optionally by code', () => {
    const error = new DalError({ code: 'duplicate', message: 'taken' });
    expect(DalError.isInstance(error)).toBe(true);
    expect(DalError.isInstance(error, 'duplicate')).toBe(true);
    expect(DalError.isInstance(error, 'conflict')).toBe(false);
    // A copy from another installed version has the same Symbol.for marker, not the same class.
    const foreign = Object.assign(new Error('x'), { [Symbol.for('@ielts-genai-prep/dal-dynamodb/error')]: true, code: 'duplicate' });
    expect(DalError.isInstance(foreign, 'duplicate')).toBe(true);
    expect(DalError.isInstance(new Error('plain'))).toBe(false);
    expect(DalError.isInstance(null)).toBe(false);
    expect(DalError.isInstance('duplicate')).toBe(false);
  });

  it('keeps the cause', () => {
    const cause = new Error('root');
    expect(new DalError({ code: 'dynamodb', message: 'wrapped', cause }).cause).toBe(cause);
  });

  it('describes keys for messages', () => {
    expect(describeKey({ email: 'a@b.c', n: 1 })).toBe('email="a@b.c", n=1');
    expect(describeKey(undefined)).toBe('');
  });
});
