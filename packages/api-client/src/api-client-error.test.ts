import { describe, expect, it } from 'vitest';
import { ApiInputValidationError, ApiResponseValidationError } from './index.js';

const details = [
  { path: 'essay', message: 'must not be empty' },
  { path: '', message: 'expected an object' },
];

describe('validation errors name each field problem in their message', () => {
  it('says which part of the input failed, each problem after its path', () => {
    const error = new ApiInputValidationError('writing.evaluate', { part: 'body', details });
    expect(error.message).toBe('writing.evaluate: invalid body: essay: must not be empty; expected an object');
  });

  it('says the status of a response that did not match, each problem after its path', () => {
    const error = new ApiResponseValidationError('auth.me', { status: 200, details, body: {} });
    expect(error.message).toBe('auth.me: unexpected response (status 200): essay: must not be empty; expected an object');
  });
});
