import { useState, type FormEvent } from 'react';
import { fieldErrorSentence, fieldErrorsOf } from '@ielts-genai-prep/app-kit';
import { useApp } from './app-context.js';
import { ErrorBanner } from './error-banner.js';
import { PageHeading } from './page-parts.js';
import { Link, useQuery } from './router.js';
import { TextField } from './text-field.js';

function RequestReset() {
  const { client } = useApp();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldErrors = fieldErrorsOf(error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await client.auth.requestPasswordReset({ email: email.trim() });
      setMessage(result.message);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (message) {
    return (
      <div className="card" role="status">
        <p className="banner banner-success">{message}</p>
        <p>
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      </div>
    );
  }
  return (
    <form className="card form" onSubmit={submit} noValidate>
      <p>Enter the email address you registered with and we will send you a link to choose a new password.</p>
      {error !== null && <ErrorBanner error={error} fields={['email']} />}
      <TextField label="Email" type="email" autoComplete="email" required value={email} onChange={setEmail} error={fieldErrors.email} />
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Sending…' : 'Send reset link'}
      </button>
      <p className="form-links">
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </form>
  );
}

function ConfirmReset({ token }: { token: string }) {
  const { client, signedOut } = useApp();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const fieldErrors = fieldErrorsOf(error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (password !== confirmation) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setBusy(true);
    try {
      await client.auth.confirmPasswordReset({ token, password });
      // The server ends every session when the password changes.
      signedOut();
      setDone(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <div className="card" role="status">
        <p className="banner banner-success">Your password has been changed.</p>
        <p>
          <Link to="/sign-in">Sign in with your new password</Link>
        </p>
      </div>
    );
  }
  return (
    <form className="card form" onSubmit={submit} noValidate>
      {error !== null && <ErrorBanner error={error} fields={['password', 'token']} />}
      {fieldErrors.token && (
        <p className="field-error">
          {fieldErrorSentence('token', fieldErrors.token)} <Link to="/reset-password">Ask for a new reset link</Link>.
        </p>
      )}
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 8 characters."
        value={password}
        onChange={setPassword}
        error={fieldErrors.password}
      />
      <TextField
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        required
        value={confirmation}
        onChange={setConfirmation}
        error={mismatch ? 'The passwords do not match' : undefined}
      />
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Saving…' : 'Set new password'}
      </button>
    </form>
  );
}

/** Password reset: ask for a link, or (with `?token=` from the link) choose a new password. */
export function ResetPasswordPage() {
  const token = useQuery().get('token');
  return (
    <div className="auth-page">
      <PageHeading>{token ? 'Choose a new password' : 'Reset your password'}</PageHeading>
      {token ? <ConfirmReset token={token} /> : <RequestReset />}
    </div>
  );
}
