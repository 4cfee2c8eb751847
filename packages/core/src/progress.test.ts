import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AssessmentType } from './assessment-type.js';
import { BANDS, overallBand } from './band.js';
import { resultTimeOf, summarizeProgress, type ProgressEntry } from './progress.js';

let counter = 0;
/** A history row taken `minute` minutes after 10:00 on 25 November 2026. */
function row(type: AssessmentType, band: number | null, minute: number, extra: Partial<ProgressEntry> = {}): ProgressEntry {
  counter += 1;
  const at = new Date(Date.UTC(2026, 10, 25, 10, minute)).toISOString();
  return {
    assessment_id: `a-${counter}`,
    assessment_type: type,
    completed: band !== null,
    overall_band: band,
    timestamp: at,
    completed_at: band === null ? null : at,
    ...extra,
  };
}

describe('summarizeProgress', () => {
  it('takes the newest band per skill and the best, and no overall band until every skill has one', () => {
    const progress = summarizeProgress([row('reading_academic', 7, 2), row('reading_general_training', 5.5, 1), row('speaking', null, 3)]);
    expect(progress.skills.find((entry) => entry.skill === 'reading')).toEqual({
      skill: 'reading',
      latest: 7,
      best: 7,
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
    expect(progress.overall).toBeNull();
    expect(progress.overallMean).toBeNull();
    expect(progress.overallHistory).toEqual([]);
    expect(progress.history.reading.map((point) => point.band)).toEqual([5.5, 7]);
  });

  it('combines the newest writing tasks as (T1 + 2·T2) / 3 and rounds the overall band as IELTS does', () => {
    const progress = summarizeProgress([
      row('writing_task2', 6, 6),
      row('writing_task1_academic', 7, 5),
      row('writing_task2', 5, 4),
      row('listening', 6.5, 3),
      row('reading_academic', 6.5, 2),
      row('speaking', 6, 1),
    ]);
    // Writing: (7 + 2 × 6) / 3 = 6.33, rounded down to 6.0.
    expect(progress.skills.find((entry) => entry.skill === 'writing')).toEqual({
      skill: 'writing',
      latest: 6,
      best: 7,
      taken: 3,
      writingTasks: { task1: 7, task2: 6 },
    });
    // (6.5 + 6.5 + 6 + 6) / 4 = 6.25 → 6.5.
    expect(progress.overall).toBe(6.5);
    expect(progress.overallMean).toBe(6.25);
  });

  it('estimates the overall band again after each result once every skill has one, oldest first', () => {
    const rows = [
      row('listening', 6, 0),
      row('reading_academic', 7, 1),
      row('writing_task2', 6, 2),
      row('speaking', 5, 3),
      row('listening', 8, 4),
      row('writing_task1_academic', 5, 5),
    ];
    const progress = summarizeProgress(rows);
    // 6 + 7 + 6 + 5 = 24 → 6.0; then 8 + 7 + 6 + 5 = 26 → 6.5; then writing (5 + 12) / 3 = 5.67 → 5.5: 25.5 / 4 = 6.375 → 6.5.
    expect(progress.overallHistory.map((point) => point.band)).toEqual([6, 6.5, 6.5]);
    expect(progress.overallHistory.map((point) => point.assessmentId)).toEqual(rows.slice(3).map((entry) => entry.assessment_id));
    expect(progress.overallMean).toBe(6.375);
  });

  it('orders and dates results by when they were scored, not when they were started', () => {
    // A speaking test started first but scored last is the latest speaking result.
    const early = row('speaking', 5, 0, { completed_at: new Date(Date.UTC(2026, 10, 25, 11, 0)).toISOString() });
    const late = row('speaking', 7, 30);
    const progress = summarizeProgress([early, late]);
    expect(progress.skills.find((entry) => entry.skill === 'speaking')?.latest).toBe(5);
    expect(progress.history.speaking.map((point) => point.at)).toEqual([Date.parse(late.timestamp), Date.UTC(2026, 10, 25, 11, 0)]);
  });

  it('gives the overall band of the latest skill bands for any history', () => {
    const band = fc.constantFrom(...BANDS);
    const type = fc.constantFrom<AssessmentType>('listening', 'reading_academic', 'reading_general_training', 'speaking', 'writing_task2');
    fc.assert(
      fc.property(fc.array(fc.tuple(type, band), { minLength: 1, maxLength: 30 }), (results) => {
        const progress = summarizeProgress(results.map(([assessmentType, value], index) => row(assessmentType, value, index)));
        const latest = (skill: string) => progress.skills.find((entry) => entry.skill === skill)?.latest ?? null;
        const [listening, reading, writing, speaking] = ['listening', 'reading', 'writing', 'speaking'].map(latest);
        const expected =
          listening != null && reading != null && writing != null && speaking != null
            ? overallBand({ listening, reading, writing, speaking })
            : null;
        expect(progress.overall).toBe(expected);
        expect(progress.overallHistory.at(-1)?.band ?? null).toBe(expected);
      }),
    );
  });
});

describe('resultTimeOf', () => {
  it('is the completion time when there is one and the start time otherwise', () => {
    expect(resultTimeOf({ timestamp: '2026-11-25T10:00:00.000Z', completed_at: '2026-11-25T10:14:00.000Z' })).toBe(
      '2026-11-25T10:14:00.000Z',
    );
    expect(resultTimeOf({ timestamp: '2026-11-25T10:00:00.000Z', completed_at: null })).toBe('2026-11-25T10:00:00.000Z');
  });
});
