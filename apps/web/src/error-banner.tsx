import { describeError, fieldErrorSentence, fieldErrorsOf, unplacedFieldErrors } from '@ielts-genai-prep/app-kit';
import { Link } from './router.js';

/** Props of {@link ErrorBanner}. */
export interface ErrorBannerProps {
  error: unknown;
  /** Shows a "Try again" button when the error is worth retrying. */
  onRetry?: () => void;
  /**
   * On a form: the fields it shows errors next to; the banner lists the others. Left out where
   * there is no form (a confirmation link, the end of a test): the banner then says what went wrong
   * in sentences instead of "Please check the form".
   */
  fields?: readonly string[];
}

/** An error message with what to do next: retry, sign in, or see the history. */
export function ErrorBanner({ error, onRetry, fields }: ErrorBannerProps) {
  const text = describeError(error, { onForm: fields !== undefined });
  const leftOver = fields === undefined ? [] : unplacedFieldErrors(fieldErrorsOf(error), fields);
  return (
    <div className={`banner banner-error banner-${text.kind}`} role="alert">
      <p className="banner-title">{text.title}</p>
      <p>{text.message}</p>
      {leftOver.length > 0 && (
        <ul className="banner-details">
          {leftOver.map(([path, message]) => (
            <li key={path}>{fieldErrorSentence(path, message)}</li>
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
