import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { assessmentSchema, summarizeAssessment } from '@ielts-genai-prep/core';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProvider } from './app-context.js';
import { AssessmentList } from './assessment-list.js';
import { errorBody, fakeApi } from './fake-api.js';
import { formatDateTime } from './labels.js';
import { ResultView } from './result-view.js';
import { RouterProvider } from './router.js';

const base = {
  user_email: 'learner@example.com',
  user_id: '7f9c2d1e-3b4a-4c5d-8e6f-0a1b2c3d4e5f',
  ai_generated: false,
  content_safe: true,
  feedback: '',
};
const unfinished = {
  ...base,
  assessment_id: 'speaking-1',
  assessment_type: 'speaking',
  question_id: 'sp-001',
  timestamp: '2026-11-26T10:00:00.000Z',
  completed: false,
  overall_band: null,
  criteria_scores: {},
};
const reading = {
  ...base,
  assessment_id: 'reading-1',
  assessment_type: 'reading_academic',
  question_id: 'ra-test-01',
  timestamp: '2026-11-25T10:00:00.000Z',
  completed_at: '2026-11-25T10:00:01.000Z',
  completed: true,
  overall_band: 5.5,
  raw_score: 20,
  criteria_scores: {},
  provenance: { provider: 'answer_key', model_id: null, token_usage: null, cost_usd: 0, latency_ms: 1, confidence: 1 },
};

afterEach(() => window.history.replaceState(null, '', '/'));

describe('AssessmentList', () => {
  it('offers to resume or discard a speaking test that was not scored, and lists afresh after a discard', async () => {
    // The list carries history rows, as the server makes them from whole assessments.
    const historyRow = (assessment: unknown, title: string) => summarizeAssessment(assessmentSchema.parse(assessment), title);
    let items: unknown[] = [historyRow(unfinished, 'Places in your town'), historyRow(reading, 'Academic Reading test 1')];
    const { webClient, requests } = fakeApi({
      'GET /api/assessments': () => ({ body: { items, next_cursor: null } }),
      'DELETE /api/speaking/sessions/speaking-1': () => {
        items = [historyRow(reading, 'Academic Reading test 1')];
        return { body: { assessment_id: 'speaking-1', discarded: true } };
      },
    });
    render(
      <AppProvider webClient={webClient} initialUser={null}>
        <RouterProvider>
          <AssessmentList pageSize={20} />
        </RouterProvider>
      </AppProvider>,
    );
    const row = await screen.findByTestId('in-progress-status');
    expect(row.textContent).toBe('In progress — not scored, costs nothing');
    const inProgress = document.querySelector('[data-in-progress="true"]') as HTMLElement;
    expect(within(inProgress).getByRole('link', { name: 'Resume' }).getAttribute('href')).toBe('/speaking/sessions/speaking-1');

    fireEvent.click(within(inProgress).getByRole('button', { name: 'Discard' }));
    fireEvent.click(within(inProgress).getByRole('button', { name: 'Yes, discard' }));
    await waitFor(() => expect(document.querySelector('[data-in-progress="true"]')).toBeNull());
    expect(requests.filter((request) => request.method === 'DELETE').map((request) => request.path)).toEqual([
      '/api/speaking/sessions/speaking-1',
    ]);
    expect(requests.filter((request) => request.path === '/api/assessments')).toHaveLength(2);
    expect(document.querySelectorAll('.assessment-row')).toHaveLength(1);
  });

  it('dates a speaking row by when it was scored, as its result page does, and names and links its question', async () => {
    // Started at 10:00, scored a quarter of an hour later.
    const speaking = assessmentSchema.parse({
      ...base,
      assessment_id: 'speaking-2',
      assessment_type: 'speaking',
      question_id: 'sp-001',
      timestamp: '2026-11-26T10:00:00.000Z',
      completed_at: '2026-11-26T10:15:00.000Z',
      completed: true,
      overall_band: 6,
      criteria_scores: Object.fromEntries(
        ['fluency_coherence', 'lexical_resource', 'grammatical_range_accuracy', 'pronunciation'].map((criterion) => [
          criterion,
          { band: 6, feedback: '' },
        ]),
      ),
      provenance: { provider: 'offline', model_id: null, token_usage: null, cost_usd: 0, latency_ms: 1 },
    });
    const { webClient } = fakeApi({
      'GET /api/assessments': () => ({ body: { items: [summarizeAssessment(speaking, 'Places in your town')], next_cursor: null } }),
    });
    render(
      <AppProvider webClient={webClient} initialUser={null}>
        <RouterProvider>
          <AssessmentList pageSize={20} />
          <ResultView assessment={speaking} />
        </RouterProvider>
      </AppProvider>,
    );
    const link = (await screen.findByText('Places in your town')).closest('a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/assessments/speaking-2');
    expect(link.querySelector('.assessment-date')?.textContent).toBe(screen.getByTestId('result-time').textContent);
    expect(screen.getByTestId('result-time').textContent).toBe(formatDateTime('2026-11-26T10:15:00.000Z'));
  });

  it('walks every page with "Load more", in order, nothing lost and a row that moved down between pages shown once', async () => {
    const row = (index: number) =>
      summarizeAssessment(
        assessmentSchema.parse({ ...reading, assessment_id: `reading-${index}`, timestamp: `2026-11-${10 + index}T10:00:00.000Z` }),
        `Academic Reading test ${index}`,
      );
    // Newest first; the second page starts with the first page's last row again (a result was scored in between).
    const pages: Record<string, { items: unknown[]; next_cursor: string | null }> = {
      first: { items: [row(9), row(8)], next_cursor: 'after-8' },
      'after-8': { items: [row(8), row(7), row(6)], next_cursor: 'after-6' },
      'after-6': { items: [row(5)], next_cursor: null },
    };
    const { webClient, requests } = fakeApi({ 'GET /api/assessments': (request) => ({ body: pages[request.query.cursor ?? 'first'] }) });
    render(
      <AppProvider webClient={webClient} initialUser={null}>
        <RouterProvider>
          <AssessmentList pageSize={2} />
        </RouterProvider>
      </AppProvider>,
    );
    const shown = () =>
      [...document.querySelectorAll('[data-assessment-type]')].map((item) => item.querySelector('.assessment-title')?.textContent);
    await waitFor(() => expect(shown()).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(shown()).toHaveLength(4));
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(shown()).toHaveLength(5));
    expect(shown()).toEqual([9, 8, 7, 6, 5].map((index) => `Academic Reading test ${index}`));
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(requests.map((request) => request.query)).toEqual([
      { limit: '2' },
      { limit: '2', cursor: 'after-8' },
      { limit: '2', cursor: 'after-6' },
    ]);
  });

  it('reads the history afresh when the tab comes back into view, and keeps the rows on screen meanwhile', async () => {
    let items: unknown[] = [summarizeAssessment(assessmentSchema.parse(reading), 'Academic Reading test 1')];
    const { webClient, requests } = fakeApi({ 'GET /api/assessments': () => ({ body: { items, next_cursor: null } }) });
    render(
      <AppProvider webClient={webClient} initialUser={null}>
        <RouterProvider>
          <AssessmentList pageSize={20} />
        </RouterProvider>
      </AppProvider>,
    );
    await screen.findByText('Academic Reading test 1');
    expect(requests).toHaveLength(1);
    items = [summarizeAssessment(assessmentSchema.parse({ ...reading, assessment_id: 'reading-2' }), 'Academic Reading test 2'), ...items];
    window.dispatchEvent(new Event('visibilitychange'));
    expect(screen.getByText('Academic Reading test 1')).toBeTruthy();
    await screen.findByText('Academic Reading test 2');
    expect(requests).toHaveLength(2);
  });

  it('leaves retrying a read to the api-client: a busy server is asked three times in all, then the learner is told', async () => {
    const { webClient, requests } = fakeApi({
      'GET /api/assessments': () => ({ status: 503, body: errorBody('service_unavailable', 'The service is busy: try again shortly') }),
    });
    render(
      <AppProvider webClient={webClient} initialUser={null}>
        <RouterProvider>
          <AssessmentList pageSize={20} />
        </RouterProvider>
      </AppProvider>,
    );
    // The banner shows once every attempt has failed: retries on top of the client's two would come before it.
    expect(await screen.findByText('Something went wrong on our side', {}, { timeout: 15_000 })).toBeTruthy();
    expect(requests.map((request) => request.method)).toEqual(['GET', 'GET', 'GET']);
  });
});
