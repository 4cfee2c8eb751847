import { useEffect, useRef, useState } from 'react';
import { useApp } from './app-context.js';
import { ErrorBanner } from './error-banner.js';
import { Loading, PageHeading } from './page-parts.js';
import { Link, useQuery } from './router.js';

/** Confirms an email address with the token from the link in the email. */
export function VerifyEmailPage() {
  const { client, user, signedIn } = useApp();
  const token = useQuery().get('token') ?? '';
  const [state, setState] = useState<'working' | 'done' | 'failed'>('working');
  const [error, setError] = useState<unknown>(null);
  // The token is single-use: never send it twice (React runs effects twice in development).
  const sent = useRef(false);

  const verify = () => {
    setState('working');
    setError(null);
    client.auth.verifyEmail({ token }).then(
      () => {
        setState('done');
        // A signed-in learner's record now says "verified": fetch it so the dashboard stops asking.
        // auth.session, not auth.me: a visitor who opened the link signed out gets null, not a 401.
        client.auth.session().then(
          (result) => {
            if (result.user) signedIn(result.user);
          },
          () => undefined,
        );
      },
      (caught: unknown) => {
        setError(caught);
        setState('failed');
      },
    );
  };

  // The link's token is sent once, on arrival (sent keeps a second mount in development from sending it again).
  // biome-ignore lint/correctness/useExhaustiveDependencies: verify is new on every render; the page verifies once.
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    verify();
  }, []);

  return (
    <div className="auth-page">
      <PageHeading>Confirm your email</PageHeading>
      <div className="card">
        {state === 'working' && <Loading label="Confirming your email address…" />}
        {state === 'done' && (
          <div role="status">
            <p className="banner banner-success">Your email address is confirmed. Thank you!</p>
            <p>{user ? <Link to="/">Go to your dashboard</Link> : <Link to="/sign-in">Sign in to start practising</Link>}</p>
          </div>
        )}
        {state === 'failed' && (
          <>
            <ErrorBanner error={error} onRetry={verify} />
            <p className="muted">
              The link may have expired or been used already.{' '}
              {user ? 'You can send a new one from your dashboard.' : 'Sign in to send a new one.'}
            </p>
          </>
        )}
      </div>
    </div>
  );
}
