// Test fixtures both apps draw from, so the web and the phone are tested on the same items.
// Not for production code: nothing in `src/index.ts` imports this file.

/**
 * A diagram-label group (questions 7–9 on a mangrove tree) as content writes it, before core's
 * schema parses it: labels out of order, and 8 on the very corner, which apps must still draw
 * inside the frame.
 */
export const DIAGRAM_LABEL_GROUP = {
  group_id: 'g-diagram',
  part: 1,
  instructions: 'Questions 7–9. Label the diagram below. Choose NO MORE THAN TWO WORDS from the passage for each answer.',
  answer_format: { kind: 'words', max_words: 2, numbers_allowed: false },
  questions: [
    { number: 7, text: 'roots that work as very fine ________' },
    { number: 8, text: 'salt pushed out through ________ on the leaves' },
    { number: 9, text: 'a ________ that grows on the parent tree' },
  ],
  diagram: {
    title: 'A mangrove tree',
    drawing: {
      width: 12,
      height: 12,
      views: [
        {
          label: 'At low tide',
          features: [
            { shape: 'rect', kind: 'parking', label: 'mud', x: 0, y: 9, width: 12, height: 3 },
            { shape: 'circle', kind: 'trees', label: 'leaves with glands', x: 6, y: 3, radius: 3 },
            {
              shape: 'line',
              kind: 'building',
              label: 'root filter',
              points: [
                { x: 6, y: 6 },
                { x: 2, y: 11 },
              ],
            },
          ],
        },
      ],
    },
    // Out of order, and 8 on the very edge: drawn inside the frame all the same.
    labels: [
      { number: 9, x: 6, y: 6 },
      { number: 7, x: 1, y: 11 },
      { number: 8, x: 12, y: 0 },
    ],
  },
} as const;

/**
 * A scored Writing Task 2 result as the server sends it, before core's schema parses it: four
 * criteria with feedback, an essay with two corrections found in it and one that is not, a flag,
 * and the offline scorer's provenance. Tests spread it and change what they look at.
 */
export const WRITING_TASK2_RESULT = {
  assessment_id: 'a-1',
  user_email: 'learner@example.com',
  user_id: '7f9c2d1e-3b4a-4c5d-8e6f-0a1b2c3d4e5f',
  question_id: 'w2-001',
  assessment_type: 'writing_task2',
  timestamp: '2026-11-25T10:00:00.000Z',
  completed_at: '2026-11-25T10:00:05.000Z',
  completed: true,
  overall_band: 6.5,
  criteria_scores: {
    task_response: { band: 6, feedback: 'You give a clear position but develop it only briefly.' },
    coherence_cohesion: { band: 7, feedback: 'Paragraphs are logical.' },
    lexical_resource: { band: 6.5, feedback: 'A fair range of vocabulary.' },
    grammatical_range_accuracy: { band: 6, feedback: 'Some agreement errors.' },
  },
  feedback: 'A solid answer. Develop your main ideas further.',
  inline_corrections: [
    { quote: 'people believes', suggestion: 'people believe', category: 'grammar', explanation: 'Plural subject, plural verb.' },
    { quote: 'to narrow', suggestion: 'too narrow', category: 'spelling', explanation: '"too" means excessively.' },
    { quote: 'not in the essay', suggestion: 'x', category: 'style' },
  ],
  word_count: 18,
  flags: ['under_length'],
  ai_generated: false,
  content_safe: true,
  submission: {
    essay: 'Some people believes that universities should teach job skills.\n\nIn my opinion, this view is to narrow.',
  },
  provenance: { provider: 'offline', model_id: null, token_usage: null, cost_usd: 0, latency_ms: 42, confidence: 0.62 },
} as const;
