import { ApiError } from '@ielts-genai-prep/api-client';
import { useState, type FormEvent } from 'react';
import { fieldErrorsOf } from '@ielts-genai-prep/app-kit';
import { useApp } from './app-context.js';
import { ErrorBanner } from './error-banner.js';
import { PageHeading } from './page-parts.js';
import { Link, navigate, useQuery } from './router.js';
import { TextField } from './text-field.js';

/** Only paths inside the app are followed after signing in, never another site. */
export function safeNextPath(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

const FIELDS = ['email', 'password'] as const;

/** Sign in with email and password; the server sets the session cookie. */
export function SignInPage() {
  const { client, signedIn } = useApp();
  const query = useQuery();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldErrors = fieldErrorsOf(error);
  const wrongCredentials = ApiError.isInstance(error) && error.code === 'unauthorized';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await client.auth.login({ email: email.trim(), password });
      signedIn(session.user);
      navigate(safeNextPath(query.get('next')), { replace: true });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="auth-page">
      <PageHeading lead="Welcome back. Sign in to continue your practice.">Sign in</PageHeading>
      <form className="card form" onSubmit={submit} noValidate>
        {wrongCredentials ? (
          <div className="banner banner-error" role="alert">
            <p className="banner-title">Could not sign in</p>
            <p>{(error as ApiError).message || 'The email or password is not right.'}</p>
          </div>
        ) : (
          error !== null && <ErrorBanner error={error} fields={FIELDS} />
        )}
        <TextField label="Email" type="email" autoComplete="email" required value={email} onChange={setEmail} error={fieldErrors.email} />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
          error={fieldErrors.password}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="form-links">
          <Link to="/reset-password">Forgot your password?</Link>
          <span>
            New here? <Link to="/sign-up">Create an account</Link>
          </span>
        </p>
      </form>
    </div>
  );
}
