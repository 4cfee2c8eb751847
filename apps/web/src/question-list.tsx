import type { AssessmentType, PublicQuestion } from '@ielts-genai-prep/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useApp } from './app-context.js';
import { ErrorBanner } from './error-banner.js';
import { Loading } from './page-parts.js';

/** Props of {@link QuestionList}. */
export interface QuestionListProps {
  type: AssessmentType;
  /** Renders one question's entry. */
  renderItem: (question: PublicQuestion) => ReactNode;
}

/** Practice questions of one type, a page at a time. Give it `key={type}` so a new type starts afresh. */
export function QuestionList({ type, renderItem }: QuestionListProps) {
  const { client } = useApp();
  const [items, setItems] = useState<PublicQuestion[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [pageCursor, setPageCursor] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    client.questions.list({ type, limit: 20, ...(pageCursor ? { cursor: pageCursor } : {}) }, { signal: controller.signal }).then(
      (page) => {
        if (controller.signal.aborted) return;
        setItems((previous) => (pageCursor ? [...previous, ...page.items] : page.items));
        setCursor(page.next_cursor);
        setLoading(false);
      },
      (caught: unknown) => {
        if (controller.signal.aborted) return;
        setError(caught);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [client, type, pageCursor, attempt]);

  return (
    <div className="question-list">
      {items.length > 0 && (
        <ul className="cards">
          {items.map((question) => (
            <li key={question.question_id}>{renderItem(question)}</li>
          ))}
        </ul>
      )}
      {!loading && !error && items.length === 0 && <p className="muted">There are no practice questions of this kind yet.</p>}
      {loading && <Loading label="Loading questions…" />}
      {error !== null && <ErrorBanner error={error} onRetry={() => setAttempt((value) => value + 1)} />}
      {!loading && !error && cursor && (
        <button type="button" className="button button-secondary" onClick={() => setPageCursor(cursor)}>
          Load more
        </button>
      )}
    </div>
  );
}
