// Contract-shaped data for the stand-in server: what the reference server would hold for one learner.
import {
  ASSESSMENT_TYPES,
  assessmentSchema,
  publicQuestionSchema,
  type Assessment,
  type AssessmentType,
  type PublicQuestion,
} from '@ielts-genai-prep/core';

export const LEARNER = {
  email: 'mai@example.com',
  password: 'river-lantern-42',
  user_id: '3f1c2a9e-7b4d-4e21-9a55-0c8d2f6b1e77',
  display_name: 'Mai',
};

/** Writing Task 2 questions, as `publicQuestionSchema` parses them. */
export const WRITING_TASK2_QUESTIONS: PublicQuestion[] = [
  {
    question_id: 'wt2-remote-work',
    title: 'Working from home',
    prompt:
      'Some people believe that working from home benefits both employees and employers, while others think it causes more problems than it solves. Discuss both views and give your own opinion.',
    tags: ['work', 'technology'],
  },
  {
    question_id: 'wt2-city-traffic',
    title: 'Traffic in cities',
    prompt: 'Traffic congestion is a growing problem in many cities. What are the causes, and what measures could governments take to reduce it?',
    tags: ['environment'],
  },
  {
    question_id: 'wt2-museums',
    title: 'Free museums',
    prompt: 'Museums and art galleries should be free for everyone. To what extent do you agree or disagree?',
    tags: ['culture'],
  },
].map((question) => publicQuestionSchema.parse({ assessment_type: 'writing_task2', word_limit: 250, time_limit: 40, ...question }));

const WRITING_FEEDBACK = {
  task_response: 'Both views are discussed, but your own opinion only appears in the conclusion.',
  coherence_cohesion: 'Clear progression; referencing is mostly accurate.',
  lexical_resource: 'Some less common vocabulary, with occasional errors in collocation.',
  grammatical_range_accuracy: 'A mix of complex structures; errors in articles and agreement.',
};

/**
 * Past results of {@link LEARNER}, newest first: writing essays and reading tests, one a day
 * from 2026-11-20 backwards.
 */
export function pastAssessments(count: number): Assessment[] {
  return Array.from({ length: count }, (_, index) => {
    const day = new Date(Date.UTC(2026, 10, 20, 9, 0, 0) - index * 86_400_000).toISOString();
    const base = {
      assessment_id: `asm_past_${String(index + 1).padStart(3, '0')}`,
      user_email: LEARNER.email,
      user_id: LEARNER.user_id,
      timestamp: day,
      completed_at: day,
      completed: true,
      ai_generated: index % 2 === 0,
      content_safe: true,
    };
    if (index % 2 === 0) {
      const band = 5 + (index % 6) * 0.5;
      return assessmentSchema.parse({
        ...base,
        question_id: 'wt2-remote-work',
        assessment_type: 'writing_task2',
        overall_band: band,
        criteria_scores: Object.fromEntries(Object.entries(WRITING_FEEDBACK).map(([criterion, feedback]) => [criterion, { band, feedback }])),
        feedback: 'Develop each body paragraph with one example.',
        word_count: 260 + index,
        provenance: { provider: 'offline', model_id: null, token_usage: null, cost_usd: 0, latency_ms: 40 },
      });
    }
    return assessmentSchema.parse({
      ...base,
      question_id: 'reading-academic-1',
      assessment_type: 'reading_academic',
      overall_band: 7,
      criteria_scores: {},
      feedback: 'Check the word limits in sentence completion.',
      raw_score: 31,
      provenance: { provider: 'answer_key', model_id: null, token_usage: null, cost_usd: 0, latency_ms: 2 },
    });
  });
}

/** Allowances per type: `granted` and `used`. */
export type Allowances = Partial<Record<AssessmentType, { granted: number; used: number }>>;

/** The free allowance of a new account: 3 of each writing type, 1 of the others. */
export function freeAllowances(): Allowances {
  return Object.fromEntries(
    ASSESSMENT_TYPES.map((type) => [type, { granted: type.startsWith('writing') ? 3 : 1, used: 0 }]),
  ) as Allowances;
}
