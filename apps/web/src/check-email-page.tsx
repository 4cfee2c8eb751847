import { PageHeading } from './page-parts.js';
import { Link, useQuery } from './router.js';

/** Shown after registering: the next step is the link in the email. */
export function CheckEmailPage() {
  const email = useQuery().get('email');
  return (
    <div className="auth-page">
      <PageHeading>Check your email</PageHeading>
      <div className="card">
        <p>
          We have sent a confirmation link to {email ? <strong>{email}</strong> : 'your email address'}. Open it to confirm your address.
        </p>
        <p className="muted">It can take a minute or two to arrive. Look in your spam folder if you cannot find it.</p>
        <p>
          You can already <Link to="/sign-in">sign in</Link> and start practising.
        </p>
      </div>
    </div>
  );
}
