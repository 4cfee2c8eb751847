// Contract-shaped data for the stand-in server (speaking-timing.test.tsx): one learner and one speaking set.
import { ASSESSMENT_TYPES, publicQuestionSchema, type AssessmentType, type PublicQuestion } from '@ielts-genai-prep/core';

export const LEARNER = {
  email: 'mai@example.com',
  password: 'river-lantern-42',
  user_id: '3f1c2a9e-7b4d-4e21-9a55-0c8d2f6b1e77',
  display_name: 'Mai',
};

/** Allowances per type: `granted` and `used`. */
export type Allowances = Partial<Record<AssessmentType, { granted: number; used: number }>>;

/** The free allowance of a new account: 3 of each writing type, 1 of the others. */
export function freeAllowances(): Allowances {
  return Object.fromEntries(ASSESSMENT_TYPES.map((type) => [type, { granted: type.startsWith('writing') ? 3 : 1, used: 0 }])) as Allowances;
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
