import { ApiError } from '@ielts-genai-prep/api-client';
import { describe, expect, it } from 'vitest';
import { errorSentence, fieldErrorSentence, fieldErrorsOf, unplacedFieldErrors } from './field-errors.js';

describe('field errors', () => {
  it('writes a field problem as a sentence naming the field as learners call it', () => {
    expect(fieldErrorSentence('token', 'is invalid or has expired')).toBe('The link is invalid or has expired.');
    expect(fieldErrorSentence('answers.12', 'must be at most 3 words')).toBe('The answer to question 12 must be at most 3 words.');
    expect(fieldErrorSentence('recaptcha_token', 'the reCAPTCHA check failed')).toBe('The reCAPTCHA check failed.');
    expect(errorSentence('Password', 'must be at least 8 characters')).toBe('Password must be at least 8 characters.');
  });

  it('gathers the server’s field problems by path, and lists those no field on screen shows', () => {
    const error = new ApiError({
      status: 400,
      code: 'validation_failed',
      endpoint: 'auth.register',
      message: 'The request is invalid',
      details: [
        { path: 'email', message: 'must be an email address' },
        { path: 'email', message: 'is too long' },
        { path: 'display_name', message: 'has control characters' },
      ],
      requestId: null,
    });
    const byPath = fieldErrorsOf(error);
    expect(byPath).toEqual({ email: 'must be an email address; is too long', display_name: 'has control characters' });
    expect(unplacedFieldErrors(byPath, ['email', 'password'])).toEqual([['display_name', 'has control characters']]);
    expect(fieldErrorsOf(new Error('not an API error'))).toEqual({});
  });
});
