import { describeError, fieldErrorsOf, unplacedFieldErrors } from './api-error-text.js';
import { Link } from './router.js';

/** Props of {@link ErrorBanner}. */
export interface ErrorBannerProps {
  error: unknown;
  /** Shows a "Try again" button when the error is worth retrying. */
  onRetry?: () => void;
  /** Fields the form shows errors next to; the banner lists the others. */
  fields?: readonly string[];
}

/** An error message with what to do next: retry, sign in, or see the history. */
export function ErrorBanner({ error, onRetry, fields = [] }: ErrorBannerProps) {
  const text = describeError(error);
  const leftOver = unplacedFieldErrors(fieldErrorsOf(error), fields);
  return (
    <div className={`banner banner-error banner-${text.kind}`} role="alert">
      <p className="banner-title">{text.title}</p>
      <p>{text.message}</p>
      {leftOver.length > 0 && (
        <ul className="banner-details">
          {leftOver.map(([path, message]) => (
            <li key={path}>{path ? `${path}: ${message}` : message}</li>
          ))}
        </ul>
      )}
      <div className="banner-actions">
        {text.retryable && onRetry && (
          <button type="button" className="button button-secondary" onClick={onRetry}>
            Try again
          </button>
        )}
        {text.kind === 'unauthorized' && <Link to="/sign-in">Sign in</Link>}
        {text.kind === 'payment_required' && (
          <>
            <Link to="/buy" className="button">
              Buy more assessments
            </Link>
            <Link to="/">See what you have left</Link>
          </>
        )}
      </div>
      {text.requestId && <p className="banner-request-id">Reference: {text.requestId}</p>}
    </div>
  );
}
