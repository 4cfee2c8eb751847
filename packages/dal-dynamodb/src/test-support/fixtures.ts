import { createHash, randomUUID } from 'node:crypto';
import type { AiSafetyLogInput } from '../ai-safety-log-repository.js';
import type { AssessmentInput } from '../assessment-repository.js';
import type { ContentReportInput } from '../content-report-repository.js';
import type { QuestionInput } from '../question-repository.js';
import type { RubricInput } from '../rubric-repository.js';
import type { SessionInput } from '../session-repository.js';
import type { PurchaseInput, UserInput } from '../user-repository.js';

/** A unique email for a test. */
export function uniqueEmail(label = 'learner'): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.com`;
}

export function userInput(overrides: Partial<UserInput> = {}): UserInput {
  return {
    email: uniqueEmail(),
    user_id: randomUUID(),
    display_name: 'Ada Learner',
    created_at: '2026-11-25T10:00:00.000Z',
    password_hash: 'scrypt$16384$8$1$c2FsdA$aGFzaA',
    ...overrides,
  };
}

export function purchaseInput(overrides: Partial<PurchaseInput> = {}): PurchaseInput {
  return {
    purchase_id: `txn-${randomUUID()}`,
    product_id: 'academic_writing_pack',
    assessment_types: ['writing_task2'],
    assessments: 4,
    purchased_at: '2026-11-25T10:05:00.000Z',
    source: 'app_store',
    ...overrides,
  };
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export function sessionInput(overrides: Partial<SessionInput> = {}): SessionInput {
  const now = nowSeconds();
  return {
    session_id: createHash('sha256').update(randomUUID()).digest('hex'),
    user_email: uniqueEmail(),
    user_id: randomUUID(),
    created_at: new Date(now * 1000).toISOString(),
    expires_at: now + 3600,
    absolute_expires_at: now + 7 * 24 * 3600,
    last_seen_at: now,
    ...overrides,
  };
}

/** A timestamp `index` minutes after a fixed start, so histories have a known order. */
export function minutesAfterStart(index: number): string {
  return new Date(Date.UTC(2026, 10, 1, 8, 0, 0) + index * 60_000).toISOString();
}

export function startedAssessmentInput(overrides: Partial<AssessmentInput> = {}): AssessmentInput {
  return {
    assessment_id: `asm-${randomUUID()}`,
    user_email: uniqueEmail(),
    user_id: randomUUID(),
    assessment_type: 'writing_task2',
    overall_band: null,
    criteria_scores: {},
    feedback: '',
    ai_generated: true,
    content_safe: true,
    timestamp: '2026-11-25T10:00:00.000Z',
    completed: false,
    submission: { essay: 'Some people believe that universities should…' },
    ...overrides,
  };
}

export function writingTask2Result() {
  return {
    assessment_type: 'writing_task2' as const,
    overall_band: 6.5,
    criteria_scores: {
      task_response: { band: 6.5, feedback: 'Addresses all parts of the task.' },
      coherence_cohesion: { band: 7, feedback: 'Logically organised.' },
      lexical_resource: { band: 6.5, feedback: 'Adequate range.' },
      grammatical_range_accuracy: { band: 6, feedback: 'Some errors in complex sentences.' },
    },
    feedback: 'A solid answer; develop your examples further.',
    word_count: 287,
    ai_generated: true,
    content_safe: true,
    provenance: {
      provider: 'bedrock' as const,
      model_id: 'amazon.nova-micro-v1:0',
      token_usage: { input_tokens: 1200, output_tokens: 400, total_tokens: 1600 },
      cost_usd: 0.0003,
      latency_ms: 1800,
    },
  };
}

export function questionInput(overrides: Partial<QuestionInput> = {}): QuestionInput {
  return {
    question_id: `q-${randomUUID()}`,
    assessment_type: 'writing_task2',
    title: 'Universities and employment',
    prompt: 'Some people think universities should prepare students for employment. Discuss both views.',
    word_limit: 250,
    time_limit: 40,
    ...overrides,
  };
}

export function readingQuestionInput(passageCharacters: number, overrides: Partial<QuestionInput> = {}): QuestionInput {
  return questionInput({
    assessment_type: 'reading_academic',
    title: 'The history of glass',
    prompt: 'Read the passage and answer questions 1–13.',
    word_limit: null,
    time_limit: 60,
    // Passages hold at most 20,000 characters each, and a test has at most three.
    passages: [1, 2, 3]
      .map((part) => ({
        part,
        title: `Passage ${part}`,
        text: 'Glass is made from sand. '.repeat(800).slice(0, Math.min(20_000, passageCharacters - (part - 1) * 20_000)),
      }))
      .filter((passage) => passage.text.length > 0),
    answer_key: { '1': 'sand', '2': 'TRUE' },
    ...overrides,
  });
}

export function rubricInput(overrides: Partial<RubricInput> = {}): RubricInput {
  return {
    rubric_id: `rubric-${randomUUID()}`,
    assessment_type: 'writing_task2',
    criteria: [
      { criterion: 'task_response', name: 'Task Response' },
      { criterion: 'coherence_cohesion', name: 'Coherence and Cohesion' },
      { criterion: 'lexical_resource', name: 'Lexical Resource' },
      { criterion: 'grammatical_range_accuracy', name: 'Grammatical Range and Accuracy' },
    ],
    band_descriptors: { task_response: { '9': 'fully addresses all parts of the task', '5': 'addresses the task only partially' } },
    weight: 2,
    version: '2023-05',
    ...overrides,
  };
}

export function contentReportInput(overrides: Partial<ContentReportInput> = {}): ContentReportInput {
  return {
    report_id: `report-${randomUUID()}`,
    reporter_email: uniqueEmail('reporter'),
    reporter_user_id: randomUUID(),
    target: { kind: 'assessment', id: `asm-${randomUUID()}` },
    reason: 'score_seems_wrong',
    details: 'My band seems too low for this essay.',
    status: 'open',
    created_at: '2026-11-25T10:00:00.000Z',
    updated_at: '2026-11-25T10:00:00.000Z',
    ...overrides,
  };
}

export function safetyLogInput(overrides: Partial<AiSafetyLogInput> = {}): AiSafetyLogInput {
  return {
    log_id: `log-${randomUUID()}`,
    assessment_id: `asm-${randomUUID()}`,
    check: 'prompt_injection',
    verdict: 'pass',
    created_at: '2026-11-25T10:00:00.000Z',
    ...overrides,
  };
}
