import { summarizeProgress, type AssessmentType, type ProgressEntry } from '@ielts-genai-prep/core';
import { describe, expect, it } from 'vitest';
import { overallBandExplanation, skillProgressWords } from './progress-summary.js';

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

describe('overallBandExplanation', () => {
  it('explains the estimated overall band from the four latest skill bands and the rounding', () => {
    expect(overallBandExplanation(summarizeProgress(allFour))).toBe(
      'Your latest bands, Listening 6.5, Reading 6.5, Writing 6.0 and Speaking 6.0, average 6.25, which IELTS rounds to the nearest half band (a quarter rounds up) to give 6.5.',
    );
    expect(
      overallBandExplanation(
        summarizeProgress([row('listening', 6, 0), row('reading_academic', 6, 1), row('writing_task2', 6, 2), row('speaking', 6, 3)]),
      ),
    ).toBe('Your latest bands, Listening 6.0, Reading 6.0, Writing 6.0 and Speaking 6.0, average 6.0: your estimated overall band.');
  });

  it('says which tests are missing before there is an overall band', () => {
    expect(overallBandExplanation(summarizeProgress([row('reading_academic', 7, 0)]))).toBe(
      'Take a Listening, Writing and Speaking test to see your estimated overall band: it needs a band in all four skills.',
    );
    expect(overallBandExplanation(summarizeProgress([row('reading_academic', 7, 0), row('listening', 6, 1), row('speaking', 6, 2)]))).toBe(
      'Take a Writing test to see your estimated overall band: it needs a band in all four skills.',
    );
  });
});

describe('skillProgressWords', () => {
  it('says where a skill band comes from, the best result and how many there were', () => {
    const progress = summarizeProgress([...allFour, row('writing_task1_academic', 7, 5)]);
    expect(skillProgressWords(progress.skills[1]!)).toBe('From your latest result. Best single result 7.0, from 2 results.');
    expect(skillProgressWords(progress.skills[2]!)).toBe(
      'Task 1 (7.0) and Task 2 (6.0) combined, Task 2 counting twice. Best single result 7.0, from 2 results.',
    );
    expect(skillProgressWords(summarizeProgress([row('writing_task2', 6, 0)]).skills[2]!)).toBe(
      'From your latest task; take both tasks for a Writing band. Best single result 6.0, from 1 result.',
    );
    expect(skillProgressWords(summarizeProgress([]).skills[0]!)).toBe('No results yet.');
  });
});
