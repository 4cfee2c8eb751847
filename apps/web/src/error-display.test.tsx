import { ApiError, ApiNetworkError, ApiTimeoutError } from '@ielts-genai-prep/api-client';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeError, fieldErrorSentence, fieldErrorsOf, unplacedFieldErrors } from '@ielts-genai-prep/app-kit';
import { App } from './app.js';
import { ErrorBanner } from './error-banner.js';
import { TextField } from './text-field.js';
import { createWebClient } from './web-client.js';

const validationError = new ApiError({
  code: 'validation_failed',
  endpoint: 'auth.register',
  message: 'Invalid request body',
  status: 400,
  details: [
    { path: 'password', message: 'is too common: choose a password that is not on lists of common passwords' },
    { path: 'password', message: 'must not be your email address' },
    { path: 'recaptcha_token', message: 'the reCAPTCHA check failed: try again' },
  ],
  requestId: 'req-123',
});

afterEach(() => window.history.replaceState(null, '', '/'));

describe('fieldErrorsOf', () => {
  it('maps server details to fields, joining several messages for one field', () => {
    expect(fieldErrorsOf(validationError)).toEqual({
      password: 'is too common: choose a password that is not on lists of common passwords; must not be your email address',
      recaptcha_token: 'the reCAPTCHA check failed: try again',
    });
  });

  it('has nothing for errors that are not about fields', () => {
    expect(
      fieldErrorsOf(new ApiError({ code: 'payment_required', endpoint: 'writing.evaluate', message: 'No more', status: 402 })),
    ).toEqual({});
    expect(fieldErrorsOf(new Error('boom'))).toEqual({});
  });

  it('leaves the fields a form shows to the form, and the rest to the banner', () => {
    expect(unplacedFieldErrors(fieldErrorsOf(validationError), ['password'])).toEqual([
      ['recaptcha_token', 'the reCAPTCHA check failed: try again'],
    ]);
  });
});

/** A password field holding its own value, with the validation error above shown on it. */
function Field() {
  const [value, setValue] = useState('');
  return (
    <TextField
      label="Password"
      value={value}
      onChange={setValue}
      error={fieldErrorsOf(validationError).password}
      hint="At least 8 characters."
    />
  );
}

describe('TextField', () => {
  it('shows the error next to the field and links it for screen readers', () => {
    render(<Field />);
    const input = screen.getByLabelText('Password');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual([
      'At least 8 characters.',
      'Password is too common: choose a password that is not on lists of common passwords; must not be your email address.',
    ]);
  });

  it('is a text input even when no type is given, so it is styled like the others', () => {
    render(<TextField label="Your name (optional)" value="" onChange={() => undefined} error="must not contain control characters" />);
    const input = screen.getByLabelText('Your name (optional)');
    expect(input.getAttribute('type')).toBe('text');
    expect(document.querySelector('.field-error')?.textContent).toBe('Your name must not contain control characters.');
  });
});

describe('ErrorBanner', () => {
  it('lists field errors no field shows, and the request id to quote', () => {
    render(<ErrorBanner error={validationError} fields={['email', 'password']} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Please check the form');
    expect(alert.textContent).toContain('The reCAPTCHA check failed: try again.');
    expect(alert.textContent).not.toContain('is too common');
    expect(alert.textContent).toContain('Reference: req-123');
  });

  it('where there is no form, says what went wrong in sentences instead of "Please check the form"', () => {
    const expired = new ApiError({
      code: 'validation_failed',
      endpoint: 'auth.verifyEmail',
      message: 'The link is invalid or has expired',
      status: 400,
      details: [{ path: 'token', message: 'is invalid or has expired: ask for a new link' }],
    });
    render(<ErrorBanner error={expired} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).not.toContain('Please check the form');
    expect(alert.textContent).not.toContain('token:');
    expect(alert.querySelector('.banner-title')?.textContent).toBe('That did not work');
    expect(alert.textContent).toContain('The link is invalid or has expired: ask for a new link.');
  });

  it('writes field problems as sentences', () => {
    expect(fieldErrorSentence('token', 'is invalid or has expired')).toBe('The link is invalid or has expired.');
    expect(fieldErrorSentence('answers.12', 'must be at most 100 characters')).toBe(
      'The answer to question 12 must be at most 100 characters.',
    );
    expect(fieldErrorSentence('turns', 'must have at least 1 item')).toBe('The turns must have at least 1 item.');
    expect(fieldErrorSentence('recaptcha_token', 'the reCAPTCHA check failed: try again')).toBe('The reCAPTCHA check failed: try again.');
  });

  it('offers a retry after a network error', () => {
    const onRetry = vi.fn();
    render(<ErrorBanner error={new ApiNetworkError('assessments.list', { cause: new TypeError('Failed to fetch') })} onRetry={onRetry} />);
    expect(screen.getByRole('alert').textContent).toContain('You seem to be offline');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('explains a 402 as used-up assessments and what to do, with a link to buy more and no retry', () => {
    const error = new ApiError({
      code: 'payment_required',
      endpoint: 'writing.evaluate',
      message: 'You have used all 3 of your writing_task2 assessments: buy a pack to take more',
      status: 402,
    });
    render(<ErrorBanner error={error} onRetry={() => undefined} />);
    expect(screen.getByRole('alert').textContent).toContain('No assessments of this kind left');
    expect(screen.getByRole('alert').textContent).toContain(
      'You have used all 3 of your Writing Task 2 assessments: buy a pack to take more. Once you have bought one, try again: your earlier results stay available in your history.',
    );
    expect(screen.getByRole('link', { name: 'Buy more assessments' }).getAttribute('href')).toBe('/buy');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('says in plain words that a server takes no payments', () => {
    const error = new ApiError({
      code: 'purchases_not_configured',
      endpoint: 'purchases.checkout',
      message: 'Purchases are not configured on this server.',
      status: 503,
    });
    expect(describeError(error)).toMatchObject({
      kind: 'purchases_not_configured',
      title: 'Purchases are not configured',
      retryable: false,
    });
  });

  it('describes each kind of failure', () => {
    expect(describeError(new ApiTimeoutError('writing.evaluate', { timeout: 1000 }))).toMatchObject({ kind: 'network', retryable: true });
    expect(describeError(new ApiError({ code: 'unauthorized', endpoint: 'auth.me', message: 'Sign in', status: 401 }))).toMatchObject({
      kind: 'unauthorized',
      retryable: false,
    });
    expect(describeError(new ApiError({ code: 'service_unavailable', endpoint: 'x.y', message: 'Busy', status: 503 }))).toMatchObject({
      kind: 'server',
      retryable: true,
    });
  });
});

describe('the sign-up form with the real client', () => {
  it("shows the client's own contract checks next to the fields, without sending anything", async () => {
    const sent: Request[] = [];
    const webClient = createWebClient({
      baseUrl: 'http://127.0.0.1:9',
      fetch: async (request) => {
        sent.push(request);
        throw new TypeError('no server in this test');
      },
    });
    window.history.replaceState(null, '', '/sign-up');
    render(<App webClient={webClient} initialUser={null} />);
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'not-an-email' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'short' } });
    fireEvent.change(screen.getByLabelText('Confirm password'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    await waitFor(() => expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true'));
    const passwordError = document.getElementById(
      screen.getByLabelText('Password').getAttribute('aria-describedby')?.split(' ').pop() ?? '',
    );
    expect(passwordError?.textContent).toBe('Password must be at least 8 characters.');
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    expect(sent).toHaveLength(0);
  });

  it('catches mismatched passwords before asking the server', async () => {
    window.history.replaceState(null, '', '/sign-up');
    render(<App webClient={createWebClient({ baseUrl: 'http://127.0.0.1:9' })} initialUser={null} />);
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'a long passphrase' } });
    fireEvent.change(screen.getByLabelText('Confirm password'), { target: { value: 'another passphrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('The passwords do not match.')).toBeTruthy();
  });
});
