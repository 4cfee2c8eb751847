import { useState, type FormEvent } from 'react';
import { fieldErrorsOf } from '@ielts-genai-prep/app-kit';
import { useApp } from './app-context.js';
import { ErrorBanner } from './error-banner.js';
import { PageHeading } from './page-parts.js';
import { Link, navigate } from './router.js';
import { TextField } from './text-field.js';

const FIELDS = ['display_name', 'email', 'password', 'confirm_password'] as const;

/** Create an account; the server emails a confirmation link. */
export function SignUpPage() {
  const { client } = useApp();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [mismatch, setMismatch] = useState(false);
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
      const trimmedName = displayName.trim();
      await client.auth.register({ email: email.trim(), password, ...(trimmedName ? { display_name: trimmedName } : {}) });
      navigate(`/check-email?email=${encodeURIComponent(email.trim())}`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="auth-page">
      <PageHeading lead="Practise all four IELTS skills and get a band score with feedback in seconds.">Create your account</PageHeading>
      <form className="card form" onSubmit={submit} noValidate>
        {error !== null && <ErrorBanner error={error} fields={FIELDS} />}
        <TextField
          label="Your name (optional)"
          autoComplete="name"
          value={displayName}
          onChange={setDisplayName}
          maxLength={100}
          error={fieldErrors.display_name}
        />
        <TextField label="Email" type="email" autoComplete="email" required value={email} onChange={setEmail} error={fieldErrors.email} />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 8 characters. A few unrelated words make a strong password."
          value={password}
          onChange={setPassword}
          error={fieldErrors.password}
        />
        <TextField
          label="Confirm password"
          type="password"
          autoComplete="new-password"
          required
          value={confirmation}
          onChange={setConfirmation}
          error={mismatch ? 'The passwords do not match' : undefined}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Creating your account…' : 'Create account'}
        </button>
        <p className="form-links">
          <span>
            Already registered? <Link to="/sign-in">Sign in</Link>
          </span>
        </p>
      </form>
    </div>
  );
}
