import { render, screen } from '@testing-library/react';
import {
  assessmentSchema,
  publicUserSchema,
  summarizeAssessment,
  summarizeProgress,
  type AssessmentType,
  type ProgressEntry,
} from '@ielts-genai-prep/core';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProvider } from './app-context.js';
import { DashboardPage } from './dashboard-page.js';
import { fakeApi } from './fake-api.js';
import { ProgressChart, progressChartLayout, PROGRESS_PLOT_AREA } from './progress-chart.js';
import { RouterProvider } from './router.js';

let counter = 0;
function row(type: AssessmentType, band: number, minute: number): ProgressEntry {
  counter += 1;
  const at = new Date(Date.UTC(2026, 10, 25, 10, minute)).toISOString();
  return { assessment_id: `a-${counter}`, assessment_type: type, completed: true, overall_band: band, timestamp: at, completed_at: at };
}

const allFour = [
  row('listening', 6.5, 0),
  row('reading_academic', 7, 1),
  row('writing_task2', 6, 2),
  row('speaking', 6, 3),
  row('reading_academic', 6.5, 4),
];

afterEach(() => window.history.replaceState(null, '', '/'));

describe('progressChartLayout', () => {
  it('puts one step per result along x, bands 0–9 up y, a line per skill and one for the overall band', () => {
    const layout = progressChartLayout(summarizeProgress(allFour), 7);
    const area = PROGRESS_PLOT_AREA;
    expect(layout.moments.map((moment) => moment.x)).toEqual(
      [0, 1, 2, 3, 4].map((index) => area.left + (index * (area.width - area.left - area.right)) / 4),
    );
    expect(layout.series.map((series) => series.id)).toEqual(['listening', 'reading', 'writing', 'speaking', 'overall']);
    const reading = layout.series.find((series) => series.id === 'reading');
    expect(reading?.points.map((point) => point.band)).toEqual([7, 6.5]);
    // Band 9 at the top of the plot, 0 at the bottom.
    const plotHeight = area.height - area.top - area.bottom;
    expect(reading?.points[0]?.y).toBeCloseTo(area.top + plotHeight * (2 / 9));
    // The overall band starts when the fourth skill has a band: (6.5 + 7 + 6 + 6) / 4 = 6.375 → 6.5, then 6.25 → 6.5.
    expect(layout.series.at(-1)?.points.map((point) => [point.band, point.x])).toEqual([
      [6.5, layout.moments[3]?.x],
      [6.5, layout.moments[4]?.x],
    ]);
    expect(layout.target?.y).toBeCloseTo(area.top + plotHeight * (2 / 9));
  });

  it('has no target line when the learner set none', () => {
    expect(progressChartLayout(summarizeProgress(allFour), null).target).toBeNull();
  });
});

describe('ProgressChart', () => {
  it('draws each series with its bands, the target band and a legend', () => {
    render(<ProgressChart progress={summarizeProgress(allFour)} targetBand={7.5} />);
    const chart = screen.getByTestId('progress-chart');
    expect(chart.querySelector('[data-series="reading"]')?.getAttribute('data-bands')).toBe('7 6.5');
    expect(chart.querySelector('[data-series="overall"]')?.getAttribute('data-bands')).toBe('6.5 6.5');
    expect(chart.querySelectorAll('[data-series="reading"] circle')).toHaveLength(2);
    expect(chart.querySelector('[data-series="reading"] polyline')).not.toBeNull();
    expect(chart.querySelector('[data-target-band]')?.textContent).toBe('Target 7.5');
    expect(screen.getByRole('img').textContent).toContain('Your bands over time, with your target of 7.5');
    expect([...chart.querySelectorAll('.chart-legend li')].map((item) => item.textContent)).toEqual([
      'Listening',
      'Reading',
      'Writing',
      'Speaking',
      'Overall (estimated)',
      'Your target',
    ]);
  });

  it('draws nothing before the first result', () => {
    const { container } = render(<ProgressChart progress={summarizeProgress([])} targetBand={7} />);
    expect(container.innerHTML).toBe('');
  });
});

describe('DashboardPage progress', () => {
  it('shows the chart of the history rows with the target band from the preferences, and explains the overall band', async () => {
    const base = {
      user_email: 'learner@example.com',
      user_id: '7f9c2d1e-3b4a-4c5d-8e6f-0a1b2c3d4e5f',
      ai_generated: false,
      content_safe: true,
      feedback: '',
      criteria_scores: {},
    };
    const provenance = { provider: 'answer_key', model_id: null, token_usage: null, cost_usd: 0, latency_ms: 1 };
    const items = [
      {
        assessment_id: 'r2',
        assessment_type: 'reading_academic',
        overall_band: 6,
        raw_score: 23,
        timestamp: '2026-11-25T11:00:00.000Z',
        completed_at: '2026-11-25T11:00:00.000Z',
      },
      {
        assessment_id: 'r1',
        assessment_type: 'reading_academic',
        overall_band: 7,
        raw_score: 30,
        timestamp: '2026-11-25T10:00:00.000Z',
        completed_at: '2026-11-25T10:00:00.000Z',
      },
    ].map((item) =>
      summarizeAssessment(assessmentSchema.parse({ ...base, ...item, completed: true, provenance }), 'Academic Reading test 1'),
    );
    const { webClient } = fakeApi({
      'GET /api/assessments': () => ({ body: { items, next_cursor: null } }),
      'GET /api/entitlements': () => ({ body: { entitlements: [] } }),
    });
    const user = publicUserSchema.parse({
      email: 'learner@example.com',
      user_id: base.user_id,
      email_verified: true,
      created_at: '2026-11-20T10:00:00.000Z',
      preferences: { target_band: 7.5 },
    });
    render(
      <AppProvider webClient={webClient} initialUser={user}>
        <RouterProvider>
          <DashboardPage />
        </RouterProvider>
      </AppProvider>,
    );
    const chart = await screen.findByTestId('progress-chart');
    expect(chart.querySelector('[data-series="reading"]')?.getAttribute('data-bands')).toBe('7 6');
    expect(chart.querySelector('[data-target-band]')?.getAttribute('data-target-band')).toBe('7.5');
    expect(screen.getByTestId('overall-explanation').textContent).toMatch(/^Take a Listening, Writing and Speaking test/);
    expect(document.querySelector('[data-skill="reading"]')?.textContent).toBe(
      'Reading6.0From your latest result. Best single result 7.0, from 2 results.',
    );
  });
});
