import { assessmentSchema, summarizeProgress, type Assessment } from '@ielts-genai-prep/core';
import { render, screen } from '@testing-library/react-native';
import { BandChart, bandChartPoints } from './band-chart';

const at = (day: number) => new Date(Date.UTC(2026, 10, day, 9)).toISOString();
const reading = (id: string, band: number, day: number): Assessment =>
  assessmentSchema.parse({
    assessment_id: id,
    user_email: 'mai@example.com',
    user_id: '3f1c2a9e-7b4d-4e21-9a55-0c8d2f6b1e77',
    assessment_type: 'reading_academic',
    timestamp: at(day),
    completed_at: at(day),
    completed: true,
    overall_band: band,
    criteria_scores: {},
    feedback: '',
    raw_score: 25,
    ai_generated: false,
    content_safe: true,
    provenance: { provider: 'answer_key', model_id: null, token_usage: null, cost_usd: 0, latency_ms: 1 },
  });

it('draws a point for each band where the geometry puts it, and says the bands in words', () => {
  const { history } = summarizeProgress([reading('r3', 7, 20), reading('r2', 6.5, 15), reading('r1', 5.5, 10)]);
  render(<BandChart history={history} />);
  const { lines } = bandChartPoints(history);
  expect(lines.reading).toHaveLength(3);
  lines.reading.forEach((point, index) => {
    expect(screen.getByTestId(`band-point-reading-${index}`).props).toMatchObject({ cx: point.x, cy: point.y });
  });
  expect(screen.queryByTestId('band-point-writing-0')).toBeNull();
  expect(screen.getByTestId('band-chart').props.accessibilityLabel).toMatch(
    /^Your bands over time\. Reading: 5\.5 on .+, 6\.5 on .+, 7\.0 on .+\.$/,
  );
});

it('draws nothing without a band', () => {
  render(<BandChart history={summarizeProgress([]).history} />);
  expect(screen.queryByTestId('band-chart')).toBeNull();
});
