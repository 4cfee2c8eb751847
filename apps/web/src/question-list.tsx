import type { AssessmentType, PublicQuestion } from '@ielts-genai-prep/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useApp } from './app-context.js';
import { ErrorBanner } from './error-banner.js';
import { Loading } from './page-parts.js';

/** How many questions a page asks for. */
const PAGE_SIZE = 20;

/** Props of {@link QuestionList}. */
export interface QuestionListProps {
  type: AssessmentType;
  /** Renders one question's entry. */
  renderItem: (question: PublicQuestion) => ReactNode;
}

/**
 * Practice questions of one type, a page at a time with "Load more", through the app's query cache:
 * a type opened again shows what it read before while it reads afresh.
 */
export function QuestionList({ type, renderItem }: QuestionListProps) {
  const { client } = useApp();
  const questions = useInfiniteQuery({
    queryKey: ['questions', type, PAGE_SIZE],
    queryFn: ({ pageParam, signal }) =>
      client.questions.list({ type, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor,
  });
  const items = questions.data?.pages.flatMap((page) => page.items) ?? [];
  // A read afresh in the background (focus, a type opened again) leaves the list as it is.
  const loading = (questions.isFetching && questions.data === undefined) || questions.isFetchingNextPage;
  // While a retry reads, the error it retries goes, as the list shows it is loading.
  const error = questions.isError && !questions.isFetching ? questions.error : null;
  // A failed "Load more" keeps the pages shown and asks for that page again; a failed first page reads afresh.
  const retry = () => void (questions.isFetchNextPageError ? questions.fetchNextPage() : questions.refetch());

  return (
    <div className="question-list">
      {items.length > 0 && (
        <ul className="cards">
          {items.map((question) => (
            <li key={question.question_id}>{renderItem(question)}</li>
          ))}
        </ul>
      )}
      {questions.isSuccess && items.length === 0 && <p className="muted">There are no practice questions of this kind yet.</p>}
      {loading && <Loading label="Loading questions…" />}
      {error !== null && <ErrorBanner error={error} onRetry={retry} />}
      {!loading && error === null && questions.hasNextPage && (
        <button type="button" className="button button-secondary" onClick={() => void questions.fetchNextPage()}>
          Load more
        </button>
      )}
    </div>
  );
}
