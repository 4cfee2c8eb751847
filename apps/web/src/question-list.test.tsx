import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppProvider } from './app-context.js';
import { errorBody, fakeApi, type FakeRoutes } from './fake-api.js';
import { QuestionList } from './question-list.js';
import { RouterProvider } from './router.js';

/** A Writing Task 2 question as the API lists it. */
const question = (index: number) => ({
  question_id: `w2-00${index}`,
  assessment_type: 'writing_task2',
  title: `Essay question ${index}`,
  prompt: 'Discuss both views.',
  time_limit: 40,
  word_limit: 250,
});

function renderList(routes: FakeRoutes) {
  const { webClient, requests } = fakeApi(routes);
  render(
    <AppProvider webClient={webClient} initialUser={null}>
      <RouterProvider>
        <QuestionList type="writing_task2" renderItem={(item) => <span className="title">{item.title}</span>} />
      </RouterProvider>
    </AppProvider>,
  );
  const shown = () => [...document.querySelectorAll('.title')].map((title) => title.textContent);
  return { requests, shown };
}

describe('QuestionList', () => {
  it('walks every page by its cursor, each question shown once and in order, then offers no more', async () => {
    const pages: Record<string, { items: unknown[]; next_cursor: string | null }> = {
      first: { items: [question(1), question(2)], next_cursor: 'after-2' },
      'after-2': { items: [question(3), question(4)], next_cursor: 'after-4' },
      'after-4': { items: [question(5)], next_cursor: null },
    };
    const { requests, shown } = renderList({ 'GET /api/questions': (request) => ({ body: pages[request.query.cursor ?? 'first'] }) });
    await waitFor(() => expect(shown()).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(shown()).toHaveLength(4));
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(shown()).toHaveLength(5));
    expect(shown()).toEqual([1, 2, 3, 4, 5].map((index) => `Essay question ${index}`));
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(requests.map((request) => request.query)).toEqual([
      { type: 'writing_task2', limit: '20' },
      { type: 'writing_task2', limit: '20', cursor: 'after-2' },
      { type: 'writing_task2', limit: '20', cursor: 'after-4' },
    ]);
  });

  it('keeps the questions shown when "Load more" fails, and asks for that page again on "Try again"', async () => {
    let busy = true;
    const { requests, shown } = renderList({
      'GET /api/questions': (request) => {
        if (!request.query.cursor) return { body: { items: [question(1)], next_cursor: 'after-1' } };
        if (busy) return { status: 503, body: errorBody('service_unavailable', 'The service is busy: try again shortly') };
        return { body: { items: [question(2)], next_cursor: null } };
      },
    });
    await waitFor(() => expect(shown()).toEqual(['Essay question 1']));
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    // The api-client asks a busy server three times before the learner is told.
    await screen.findByText('Something went wrong on our side', {}, { timeout: 15_000 });
    expect(shown()).toEqual(['Essay question 1']);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    busy = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(shown()).toEqual(['Essay question 1', 'Essay question 2']));
    expect(screen.queryByText('Something went wrong on our side')).toBeNull();
    // The first page was read once; every later request asked for the page after it.
    expect(requests.filter((request) => !request.query.cursor)).toHaveLength(1);
    expect(requests.slice(1).every((request) => request.query.cursor === 'after-1')).toBe(true);
  });

  it('says so when there are no questions of the kind', async () => {
    renderList({ 'GET /api/questions': () => ({ body: { items: [], next_cursor: null } }) });
    expect(await screen.findByText('There are no practice questions of this kind yet.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });
});
