import { describe, expect, it } from 'vitest';
import {
  assessmentResultSchema,
  assessmentSchema,
  assessmentSummarySchema,
  summarizeAssessment,
  type AssessmentResultInput,
} from './assessment.js';
import { criteriaFor } from './criteria.js';
import { publicQuestionSchema, questionSchema, toPublicQuestion } from './question.js';
import { sessionSchema } from './session.js';
import { speakingPromptId, speakingTurnInputSchema, speakingTurnSubmissionSchema } from './speaking.js';
import { publicUserSchema, toPublicUser, userSchema } from './user.js';

const user = {
  email: 'learner@example.com',
  user_id: '3f0a4b4e-8c9d-4f55-9a53-2b9e3d1c7a10',
  password_hash: 'scrypt$17$8$1$salt$hash',
  created_at: '2026-11-25T10:00:00.000Z',
  last_login: null,
  purchases: [],
  preferences: {},
};

const writingResult: AssessmentResultInput = {
  assessment_type: 'writing_task2',
  overall_band: 6.5,
  criteria_scores: {
    task_response: { band: 6.5, feedback: 'Develop your second body paragraph.' },
    coherence_cohesion: { band: 6.5, feedback: 'Paragraphing is clear.' },
    lexical_resource: { band: 6, feedback: 'Vary your vocabulary.' },
    grammatical_range_accuracy: { band: 7, feedback: 'Good range of complex sentences.' },
  },
  feedback: 'A solid answer.',
  ai_generated: true,
  content_safe: true,
  provenance: { provider: 'bedrock', model_id: 'amazon.nova-micro-v1:0', token_usage: null, cost_usd: 0.0001, latency_ms: 900 },
};

describe('users', () => {
  it('fills defaults and keeps the password hash on the item', () => {
    const parsed = userSchema.parse(user);
    expect(parsed.password_hash).toBe(user.password_hash);
    expect(parsed.version).toBe(0);
    expect(parsed.preferences).toEqual({ target_band: null, exam_variant: 'academic', email_notifications: true, locale: 'en' });
  });

  it('can never carry password_hash in its public shape', () => {
    const publicUser = toPublicUser(userSchema.parse(user));
    expect(publicUser).not.toHaveProperty('password_hash');
    expect(publicUser).not.toHaveProperty('version');
    expect(publicUserSchema.parse({ ...user })).not.toHaveProperty('password_hash');
  });

  it('rejects a bad email and a purchase without types', () => {
    expect(userSchema.safeParse({ ...user, email: 'not-an-email' }).success).toBe(false);
    const purchase = {
      purchase_id: 'p1',
      product_id: 'pack',
      assessment_types: [],
      assessments: 1,
      purchased_at: user.created_at,
      source: 'web',
    };
    expect(userSchema.safeParse({ ...user, purchases: [purchase] }).success).toBe(false);
  });
});

describe('sessions', () => {
  it('needs a SHA-256 hex id and epoch-second expiry', () => {
    const session = {
      session_id: 'a'.repeat(64),
      user_email: user.email,
      user_id: user.user_id,
      created_at: user.created_at,
      expires_at: 1_800_000_000,
      absolute_expires_at: 1_800_100_000,
      last_seen_at: 1_799_000_000,
    };
    expect(sessionSchema.parse(session).client).toBe('web');
    expect(sessionSchema.safeParse({ ...session, session_id: 'raw-token' }).success).toBe(false);
    expect(sessionSchema.safeParse({ ...session, expires_at: 1.5 }).success).toBe(false);
    const milliseconds = sessionSchema.safeParse({ ...session, expires_at: 1_800_000_000_000 });
    expect(milliseconds.success).toBe(false);
    expect(milliseconds.error?.issues[0]?.message).toBe('must be in epoch seconds, not milliseconds');
  });
});

describe('assessment results', () => {
  it('accepts a complete writing result', () => {
    const parsed = assessmentResultSchema.parse(writingResult);
    expect(parsed.flags).toEqual([]);
    expect(parsed.review).toEqual({ required: false, reasons: [] });
  });

  it('rejects out-of-range and non-half bands, missing and foreign criteria', () => {
    const bad = (patch: Record<string, unknown>) => assessmentResultSchema.safeParse({ ...writingResult, ...patch });
    expect(bad({ overall_band: 9.7 }).success).toBe(false);
    expect(bad({ overall_band: 6.3 }).success).toBe(false);
    const { task_response: _, ...missing } = writingResult.criteria_scores as Record<string, unknown>;
    const result = bad({ criteria_scores: missing });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('criteria_scores');
    expect(bad({ criteria_scores: { ...writingResult.criteria_scores, pronunciation: { band: 6, feedback: '' } } }).success).toBe(false);
    expect(bad({ criteria_scores: { ...writingResult.criteria_scores, task_achievement: { band: 6, feedback: '' } } }).success).toBe(false);
  });

  it('allows a null pronunciation band (not assessed) for speaking', () => {
    const speaking = {
      ...writingResult,
      assessment_type: 'speaking',
      criteria_scores: Object.fromEntries(
        criteriaFor('speaking').map((criterion) => [criterion, { band: criterion === 'pronunciation' ? null : 6, feedback: 'x' }]),
      ),
      flags: ['pronunciation_not_assessed'],
    };
    expect(assessmentResultSchema.safeParse(speaking).success).toBe(true);
  });

  it('needs a raw score for reading and listening', () => {
    const reading = { ...writingResult, assessment_type: 'reading_academic', criteria_scores: {} };
    expect(assessmentResultSchema.safeParse(reading).success).toBe(false);
    expect(assessmentResultSchema.safeParse({ ...reading, raw_score: 30 }).success).toBe(true);
  });

  it('stores an unfinished assessment without a band, but not a finished one', () => {
    const item = {
      assessment_id: 'a-1',
      user_email: user.email,
      user_id: user.user_id,
      assessment_type: 'speaking',
      timestamp: user.created_at,
      completed: false,
      overall_band: null,
      criteria_scores: {},
      feedback: '',
      ai_generated: false,
      content_safe: true,
    };
    expect(assessmentSchema.safeParse(item).success).toBe(true);
    expect(assessmentSchema.safeParse({ ...item, completed: true }).success).toBe(false);
    const finished = { ...item, ...writingResult, completed: true };
    expect(assessmentSchema.safeParse(finished).success).toBe(true);
  });

  it('summarise into a history row: the bands, the title and the flags, nothing of the answer', () => {
    const assessment = assessmentSchema.parse({
      assessment_id: 'a-2',
      user_email: user.email,
      user_id: user.user_id,
      question_id: 'w2-001',
      timestamp: user.created_at,
      completed_at: user.created_at,
      ...writingResult,
      criteria_scores: { ...writingResult.criteria_scores },
      flags: ['under_length'],
      completed: true,
      submission: { essay: 'An essay.' },
    });
    const row = summarizeAssessment(assessment, 'Work and study');
    expect(assessmentSummarySchema.parse(row)).toEqual(row);
    expect(row).toMatchObject({ assessment_id: 'a-2', question_title: 'Work and study', overall_band: 6.5, flags: ['under_length'] });
    expect(row.criteria_bands).toEqual(
      Object.fromEntries(Object.entries(writingResult.criteria_scores).map(([criterion, score]) => [criterion, score?.band])),
    );
    expect(JSON.stringify(row)).not.toContain('An essay');
    expect(summarizeAssessment(assessment, null).question_title).toBeNull();
  });
});

describe('questions', () => {
  const question = {
    question_id: 'ra-test-01',
    assessment_type: 'reading_academic',
    title: 'Reading test',
    prompt: 'Read the passages and answer questions 1–40.',
    time_limit: 60,
    question_groups: [
      {
        group_id: 'g1',
        part: 1,
        instructions: 'Write NO MORE THAN TWO WORDS AND/OR A NUMBER.',
        answer_format: { kind: 'words', max_words: 2, numbers_allowed: true },
        questions: [{ number: 1, text: 'The river is ___.' }],
      },
    ],
    answer_key: { '1': '(the) river / stream' },
  };

  it('keeps the answer key on the item and strips it from the public shape', () => {
    const parsed = questionSchema.parse(question);
    expect(parsed.answer_key).toEqual({ '1': '(the) river / stream' });
    expect(toPublicQuestion(parsed)).not.toHaveProperty('answer_key');
    expect(publicQuestionSchema.parse(question)).not.toHaveProperty('answer_key');
  });

  it('rejects question numbers outside 1–40 in a key', () => {
    expect(questionSchema.safeParse({ ...question, answer_key: { '41': 'x' } }).success).toBe(false);
  });

  it('carries a listening section’s recording with its duration, or neither', () => {
    const listening = { ...question, question_id: 'li-test-01', assessment_type: 'listening' };
    const section = { part: 1, title: 'Enrolling on a course', transcript: 'WOMAN: Good morning.' };
    const recorded = { ...section, audio_url: 'https://cdn.example.com/li-test-01/1.mp3', audio_duration_seconds: 312 };
    expect(publicQuestionSchema.parse({ ...listening, sections: [section] }).sections[0]).toMatchObject({
      audio_url: null,
      audio_duration_seconds: null,
    });
    expect(publicQuestionSchema.parse({ ...listening, sections: [recorded] }).sections[0]).toMatchObject({
      audio_url: recorded.audio_url,
      audio_duration_seconds: 312,
    });
    const noDuration = questionSchema.safeParse({ ...listening, sections: [{ ...recorded, audio_duration_seconds: null }] });
    expect(noDuration.error?.issues[0]?.path).toEqual(['sections', 0, 'audio_duration_seconds']);
    expect(questionSchema.safeParse({ ...listening, sections: [{ ...section, audio_duration_seconds: 10 }] }).success).toBe(false);
  });
});

describe('speaking turns', () => {
  it('need audio or a transcript', () => {
    expect(speakingTurnInputSchema.safeParse({ part: 1 }).success).toBe(false);
    expect(speakingTurnInputSchema.safeParse({ part: 1, transcript: { text: 'I live in Hanoi.' } }).success).toBe(true);
    expect(speakingTurnInputSchema.safeParse({ part: 4, transcript: { text: 'x' } }).success).toBe(false);
    expect(speakingTurnInputSchema.safeParse({ part: 2, audio: { data: 'not base64!', mime_type: 'audio/webm' } }).success).toBe(false);
  });

  it('are submitted with the id of the prompt they answer and where the transcript came from', () => {
    const answer = { part: 3, prompt_id: speakingPromptId(3, 2), transcript: { text: 'I think so.' }, transcript_source: 'device' };
    expect(speakingPromptId(3, 2)).toBe('part3-2');
    expect(speakingTurnSubmissionSchema.parse(answer)).toMatchObject({ prompt_id: 'part3-2', transcript_source: 'device' });
    const { prompt_id: _omitted, ...withoutPrompt } = answer;
    expect(speakingTurnSubmissionSchema.safeParse(withoutPrompt).error?.issues[0]?.path).toEqual(['prompt_id']);
    expect(speakingTurnSubmissionSchema.safeParse({ ...answer, prompt_id: 'part4-0' }).success).toBe(false);
    expect(speakingTurnSubmissionSchema.safeParse({ ...answer, transcript_source: 'provider' }).success).toBe(false);
    expect(speakingTurnSubmissionSchema.safeParse({ part: 3, prompt_id: 'part3-2' }).error?.issues[0]?.message).toBe(
      'a turn needs audio or a transcript',
    );
  });
});
