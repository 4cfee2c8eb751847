import type { ReactNode } from 'react';
import { ErrorBanner } from './error-banner.js';
import type { ApiDataResult } from './use-api-data.js';

/** A page's one `h1`; focused after navigation so screen readers announce the new page. */
export function PageHeading({ children, lead }: { children: ReactNode; lead?: ReactNode }) {
  return (
    <div className="page-heading">
      <h1 tabIndex={-1}>{children}</h1>
      {lead && <p className="lead">{lead}</p>}
    </div>
  );
}

/** A polite "loading" line. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" /> {label}
    </p>
  );
}

/** Renders loaded data, or a loading line, or the error with a retry button. */
export function Loaded<Value>({
  data,
  children,
  label,
}: {
  data: ApiDataResult<Value>;
  children: (value: Value) => ReactNode;
  label?: string;
}) {
  if (data.status === 'loading') return <Loading label={label} />;
  if (data.status === 'error') return <ErrorBanner error={data.error} onRetry={data.retry} />;
  return <>{children(data.data)}</>;
}
