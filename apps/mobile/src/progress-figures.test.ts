import { assessmentSchema, criteriaFor, summarizeProgress, type Assessment, type AssessmentType } from '@ielts-genai-prep/core';
import { bandChartPoints } from './band-chart';
import { PHONE_FRAME, plotBox } from './chart-geometry';

let sequence = 0;
/** A scored result of `type` with `band`, taken on November `day` 2026 at 09:00 UTC. */
function result(type: AssessmentType, band: number, day: number, completed = true): Assessment {
  sequence += 1;
  const at = new Date(Date.UTC(2026, 10, day, 9)).toISOString();
  return assessmentSchema.parse({
    assessment_id: `asm_${sequence}`,
    user_email: 'mai@example.com',
    user_id: '3f1c2a9e-7b4d-4e21-9a55-0c8d2f6b1e77',
    assessment_type: type,
    timestamp: at,
    completed_at: completed ? at : null,
    completed,
    overall_band: completed ? band : null,
    criteria_scores: completed ? Object.fromEntries(criteriaFor(type).map((criterion) => [criterion, { band, feedback: '' }])) : {},
    feedback: '',
    raw_score: type.startsWith('reading') || type === 'listening' ? 30 : null,
    ai_generated: false,
    content_safe: true,
    provenance: completed ? { provider: 'offline', model_id: null, token_usage: null, cost_usd: 0, latency_ms: 1 } : null,
  });
}

// Newest first, as the API lists them.
const history = [
  result('speaking', 0, 25, false),
  result('listening', 7, 24),
  result('writing_task1_academic', 6, 23),
  result('reading_academic', 6.5, 22),
  result('writing_task2', 6.5, 21),
  result('speaking', 6, 20),
  result('listening', 7.5, 19),
  result('writing_task2', 5.5, 18),
  result('listening', 6, 11),
];

// The figures are core's summarizeProgress, the web dashboard's too: these check the phone reads them as the web does.
it('gives the latest and best band per skill, Writing from both tasks, and the overall band of the four', () => {
  const progress = summarizeProgress(history);
  expect(progress.skills).toEqual([
    { skill: 'listening', latest: 7, best: 7.5, taken: 3, writingTasks: null },
    { skill: 'reading', latest: 6.5, best: 6.5, taken: 1, writingTasks: null },
    // (6 + 2 × 6.5) / 3 = 6.33, rounded down as core's writingBand does.
    { skill: 'writing', latest: 6, best: 6.5, taken: 3, writingTasks: { task1: 6, task2: 6.5 } },
    // The test in progress does not count.
    { skill: 'speaking', latest: 6, best: 6, taken: 1, writingTasks: null },
  ]);
  // (7 + 6.5 + 6 + 6) / 4 = 6.375, to the nearest half band.
  expect(progress.overall).toBe(6.5);
  expect(progress.history.listening.map((point) => point.band)).toEqual([6, 7.5, 7]);
  expect(progress.history.writing.map((point) => point.band)).toEqual([5.5, 6.5, 6]);
});

it('has no overall band until every skill has one, and Writing from one task alone', () => {
  const progress = summarizeProgress(
    history.filter((assessment) => assessment.assessment_type !== 'speaking' && assessment.assessment_type !== 'writing_task1_academic'),
  );
  expect(progress.overall).toBeNull();
  expect(progress.skills.find((entry) => entry.skill === 'writing')).toEqual({
    skill: 'writing',
    latest: 6.5,
    best: 6.5,
    taken: 2,
    writingTasks: null,
  });
  expect(progress.skills.find((entry) => entry.skill === 'speaking')).toEqual({
    skill: 'speaking',
    latest: null,
    best: null,
    taken: 0,
    writingTasks: null,
  });
  expect(summarizeProgress([]).overall).toBeNull();
});

it('puts the chart’s points on one time axis from the first result to the last, and bands on 0–9', () => {
  const box = plotBox(PHONE_FRAME);
  const { start, end, lines } = bandChartPoints(summarizeProgress(history).history);
  expect(start).toBe(Date.UTC(2026, 10, 11, 9));
  expect(end).toBe(Date.UTC(2026, 10, 24, 9));
  const xOf = (day: number) => box.left + ((day - 11) / (24 - 11)) * box.width;
  const yOf = (band: number) => box.bottom - (band / 9) * box.height;
  expect(lines.listening.map((point) => [point.x, point.y])).toEqual([
    [box.left, yOf(6)],
    [expect.closeTo(xOf(19), 2), expect.closeTo(yOf(7.5), 2)],
    [box.right, expect.closeTo(yOf(7), 2)],
  ]);
  expect(lines.reading).toEqual([expect.objectContaining({ band: 6.5, x: expect.closeTo(xOf(22), 2), y: expect.closeTo(yOf(6.5), 2) })]);
  expect(lines.speaking.map((point) => point.band)).toEqual([6]);

  // A single result sits in the middle.
  const [only] = bandChartPoints(summarizeProgress([result('reading_academic', 9, 3)]).history).lines.reading;
  expect(only).toMatchObject({ x: (box.left + box.right) / 2, y: box.top });
});
