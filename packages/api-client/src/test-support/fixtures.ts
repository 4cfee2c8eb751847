// Response bodies in the shape the reference server sends (JSON on the wire, defaults spelled out
// or left for the client to fill), checked against core's schemas by the tests that use them.

export const USER_ID = '3f1c2a9e-7b4d-4e21-9a55-0c8d2f6b1e77';

export const publicUserJson = {
  email: 'learner@example.com',
  user_id: USER_ID,
  display_name: 'Mai',
  email_verified: true,
  created_at: '2026-11-01T09:00:00.000Z',
  last_login: '2026-11-25T08:30:00.000Z',
  purchases: [],
  // preferences left out: the schema's default fills them in.
};

export const writingAssessmentJson = {
  assessment_id: 'asm_01JDX7Q2W',
  user_email: 'learner@example.com',
  user_id: USER_ID,
  question_id: 'wt2-remote-work',
  assessment_type: 'writing_task2',
  timestamp: '2026-11-25T09:12:44.000Z',
  completed_at: '2026-11-25T09:13:02.000Z',
  completed: true,
  overall_band: 6.5,
  criteria_scores: {
    task_response: { band: 6.5, feedback: 'Both views are discussed, but your own opinion only appears in the conclusion.' },
    coherence_cohesion: { band: 7, feedback: 'Clear progression; referencing is accurate.' },
    lexical_resource: { band: 6.5, feedback: 'Some less common items, with occasional errors in collocation.' },
    grammatical_range_accuracy: { band: 6, feedback: 'A mix of complex structures; errors in articles and agreement.' },
  },
  feedback: 'State your position in the introduction and develop each body paragraph with one example.',
  inline_corrections: [
    { quote: 'a advantage', suggestion: 'an advantage', category: 'grammar', explanation: '"an" before a vowel sound.' },
  ],
  word_count: 287,
  flags: [],
  ai_generated: true,
  content_safe: true,
  provenance: {
    provider: 'bedrock',
    model_id: 'amazon.nova-micro-v1:0',
    token_usage: { input_tokens: 1830, output_tokens: 612, total_tokens: 2442 },
    cost_usd: 0.000148,
    latency_ms: 4120,
  },
  idempotency_key: 'essay-7f3e1a2b',
};

export const speakingViewJson = {
  assessment_id: 'asm_01JDX8SPK',
  question_id: 'spk-hometown',
  phase: 'part1',
  current_prompt: { part: 1, prompt_id: 'part1-0', text: 'Do you work or are you a student?' },
  phase_deadline_at: null,
  turns_completed: 1,
  can_complete: false,
};

export function errorJson(code: string, message: string, details: Array<{ path: string; message: string }> = []) {
  return { error: { code, message, details } };
}
