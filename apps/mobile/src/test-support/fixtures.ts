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

/** A speaking set, as `publicQuestionSchema` parses it: two Part 1 questions, a cue card with one follow-up, two Part 3 questions. */
export const SPEAKING_SET: PublicQuestion = publicQuestionSchema.parse({
  question_id: 'sp-places',
  assessment_type: 'speaking',
  title: 'Places in your town',
  prompt: 'Part 1: your home town. Part 2: a place you enjoy visiting. Part 3: public spaces.',
  time_limit: 14,
  tags: ['places'],
  speaking: {
    part1: { topic: 'Your home town', questions: ['Where is your home town?', 'What do you like most about living there?'] },
    part2: {
      topic: 'Describe a place in your town or city that you enjoy visiting',
      prompts: ['where this place is', 'how often you go there', 'what you usually do there'],
      closing: 'and explain why you enjoy visiting this place.',
      follow_up: ['Do your friends like this place too?'],
    },
    part3: {
      topic: 'Public spaces in towns and cities',
      questions: [
        'What kinds of public places do people in your country like to spend time in?',
        'Should local governments spend more money on parks?',
      ],
    },
  },
});

/** A listening test: section 1 read aloud from its transcript (two speakers), section 2 recorded. */
export const LISTENING_TEST: PublicQuestion = publicQuestionSchema.parse({
  question_id: 'li-test-01',
  assessment_type: 'listening',
  title: 'Evening classes and a museum tour',
  prompt: 'Listen to two recordings and answer questions 1–6.',
  time_limit: 30,
  sections: [
    {
      part: 1,
      title: 'Enrolling on an evening class',
      transcript: [
        'RECEPTIONIST: Good morning, Riverside Community Centre.',
        "ANNA: Hello. I'd like to enrol on the woodwork course.",
        'RECEPTIONIST: It meets on Thursday evenings.',
        '',
        'ANNA: Thursday is fine. My name is Anna Harwood.',
      ].join('\n'),
    },
    {
      part: 2,
      title: 'A tour of the town museum',
      transcript: 'GUIDE: Welcome to the museum. The tour starts in the map room.',
      audio_url: 'https://media.example.com/listening/li-test-01-section-2.mp3',
      audio_duration_seconds: 95,
    },
  ],
  question_groups: [
    {
      group_id: 'li-test-01-g1',
      part: 1,
      instructions: 'Complete the form. Write ONE WORD AND/OR A NUMBER for each answer.',
      answer_format: { kind: 'words', max_words: 1, numbers_allowed: true },
      questions: [
        { number: 1, text: 'Course: introduction to ____' },
        { number: 2, text: 'Day of the class: ____' },
        { number: 3, text: 'Surname: Anna ____' },
      ],
    },
    {
      group_id: 'li-test-01-g2',
      part: 2,
      instructions: 'Choose the correct letter, A, B or C.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C'] },
      options: [
        { letter: 'A', text: 'the map room' },
        { letter: 'B', text: 'the café' },
        { letter: 'C', text: 'the garden' },
      ],
      questions: [
        { number: 4, text: 'Where does the tour start?' },
        { number: 5, text: 'Where do visitors leave their bags?' },
        { number: 6, text: 'Which room is closed today?' },
      ],
    },
  ],
});

/** The answer key of {@link LISTENING_TEST}, as the server keeps it (never sent to the app). */
export const LISTENING_ANSWER_KEY: Record<string, string> = { '1': 'woodwork', '2': 'Thursday', '3': 'Harwood', '4': 'A', '5': 'B', '6': 'C' };
