import { ApiError, ApiInputValidationError, ApiNetworkError, ApiResponseValidationError } from '@ielts-genai-prep/api-client';
import { describe, expect, it } from 'vitest';
import { describeError } from './describe-error.js';

const apiError = (status: number, code: string, message: string, details: Array<{ path: string; message: string }> = []) =>
  new ApiError({ status, code: code as never, endpoint: 'test.call', message, details, requestId: 'req-1' });

describe('describeError', () => {
  it('names assessment types as learners read them in a 402, and says what to do', () => {
    const text = describeError(
      apiError(402, 'payment_required', 'You have used all 3 of your writing_task2 assessments: buy a pack to take more'),
    );
    expect(text).toMatchObject({
      kind: 'payment_required',
      title: 'No assessments of this kind left',
      retryable: false,
      requestId: 'req-1',
    });
    expect(text.message).toContain('Writing Task 2');
    expect(text.message).not.toContain('writing_task2');
  });

  it('says "Please check the form" only on a form; elsewhere the problems themselves, as sentences', () => {
    const invalid = apiError(400, 'validation_failed', 'The request is invalid', [{ path: 'token', message: 'is invalid or has expired' }]);
    expect(describeError(invalid, { onForm: true })).toMatchObject({
      title: 'Please check the form',
      message: 'Some fields need attention.',
    });
    expect(describeError(invalid)).toMatchObject({ title: 'That did not work', message: 'The link is invalid or has expired.' });
  });

  it("takes each app's own hint for an unreachable or mismatched server", () => {
    const offline = new ApiNetworkError('test.call', { cause: new TypeError('fetch failed') });
    expect(describeError(offline).message).toBe('We could not reach the server. Check your connection and try again.');
    expect(describeError(offline, { offlineHint: 'Check the API address in Settings.' }).message).toBe(
      'We could not reach the server. Check the API address in Settings.',
    );
    const mismatch = new ApiResponseValidationError('test.call', {
      status: 200,
      details: [{ path: 'items', message: 'expected an array' }],
      body: {},
    });
    expect(describeError(mismatch, { outdatedHint: 'The app may need an update.' })).toMatchObject({
      kind: 'server',
      message: 'The app may need an update.',
    });
  });

  it("describes the client's own input check like the server's", () => {
    const input = new ApiInputValidationError('test.call', {
      part: 'body',
      details: [{ path: 'email', message: 'must be an email address' }],
    });
    expect(describeError(input)).toMatchObject({ kind: 'validation', message: 'The email address must be an email address.' });
  });
});
