import { assessmentSchema, type Assessment, type AssessmentType } from '@ielts-genai-prep/core';
import { describe, expect, it } from 'vitest';
import { summariseProgress } from './progress.js';

let counter = 0;
function assessment(type: AssessmentType, band: number | null, completed = true): Assessment {
  counter += 1;
  const criteria: Record<AssessmentType, string[]> = {
    writing_task1_academic: ['task_achievement', 'coherence_cohesion', 'lexical_resource', 'grammatical_range_accuracy'],
    writing_task1_general_training: ['task_achievement', 'coherence_cohesion', 'lexical_resource', 'grammatical_range_accuracy'],
    writing_task2: ['task_response', 'coherence_cohesion', 'lexical_resource', 'grammatical_range_accuracy'],
    speaking: ['fluency_coherence', 'lexical_resource', 'grammatical_range_accuracy', 'pronunciation'],
    reading_academic: [],
    reading_general_training: [],
    listening: [],
  };
  return assessmentSchema.parse({
    assessment_id: `a-${counter}`,
    user_email: 'learner@example.com',
    user_id: '7f9c2d1e-3b4a-4c5d-8e6f-0a1b2c3d4e5f',
    assessment_type: type,
    overall_band: band,
    criteria_scores: completed ? Object.fromEntries(criteria[type].map((criterion) => [criterion, { band, feedback: '' }])) : {},
    feedback: '',
    raw_score: type.startsWith('reading') || type === 'listening' ? 30 : null,
    ai_generated: false,
    content_safe: true,
    timestamp: '2026-11-25T10:00:00.000Z',
    completed,
    provenance: completed ? { provider: 'offline', model_id: null, token_usage: null, cost_usd: 0, latency_ms: 1 } : null,
  });
}

describe('summariseProgress', () => {
  it('takes the newest band per skill and the best, and no overall band until every skill has one', () => {
    const progress = summariseProgress([assessment('reading_academic', 7), assessment('reading_general_training', 5.5), assessment('speaking', null, false)]);
    expect(progress.skills.find((entry) => entry.skill === 'reading')).toEqual({ skill: 'reading', latest: 7, best: 7, count: 2 });
    expect(progress.skills.find((entry) => entry.skill === 'speaking')).toEqual({ skill: 'speaking', latest: null, best: null, count: 0 });
    expect(progress.overall).toBeNull();
  });

  it('combines the newest writing tasks as (T1 + 2·T2) / 3 and rounds the overall band as IELTS does', () => {
    const progress = summariseProgress([
      assessment('writing_task2', 6),
      assessment('writing_task1_academic', 7),
      assessment('writing_task2', 5),
      assessment('listening', 6.5),
      assessment('reading_academic', 6.5),
      assessment('speaking', 6),
    ]);
    // Writing: (7 + 2 × 6) / 3 = 6.33, rounded down to 6.0.
    expect(progress.skills.find((entry) => entry.skill === 'writing')).toMatchObject({ latest: 6, best: 7, count: 3 });
    // (6.5 + 6.5 + 6 + 6) / 4 = 6.25 → 6.5.
    expect(progress.overall).toBe(6.5);
  });
});
