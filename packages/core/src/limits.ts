import type { AssessmentType } from './assessment-type-rules.js';

/** Minimum words and suggested minutes of each writing task. There is no upper word limit. */
export const WRITING_LIMITS = {
  task1: { minimumWords: 150, minutes: 20 },
  task2: { minimumWords: 250, minutes: 40 },
} as const;

/** An answer of this many words or fewer earns band 1 on every criterion. */
export const MINIMAL_RESPONSE_WORDS = 20;

/** Timings of the speaking test, in seconds. */
export const SPEAKING_TIMINGS = {
  total: { minimumSeconds: 11 * 60, maximumSeconds: 14 * 60 },
  part1: { minimumSeconds: 4 * 60, maximumSeconds: 5 * 60 },
  part2: { preparationSeconds: 60, minimumTalkSeconds: 60, maximumTalkSeconds: 120 },
  part3: { minimumSeconds: 4 * 60, maximumSeconds: 5 * 60 },
} as const;

/** Minutes and questions of the reading and listening tests. */
export const TEST_LIMITS = {
  reading: { minutes: 60, passages: 3, questions: 40 },
  listening: { minutes: 30, sections: 4, questions: 40 },
} as const;

/** The minimum word count and minutes for a writing type; undefined for other types. */
export function writingLimitsFor(type: AssessmentType): { minimumWords: number; minutes: number } | undefined {
  if (type === 'writing_task2') return WRITING_LIMITS.task2;
  if (type === 'writing_task1_academic' || type === 'writing_task1_general_training') return WRITING_LIMITS.task1;
  return undefined;
}

// A word is a run of letters or digits; apostrophes and hyphens inside it keep it one
// word ("well-known", "don't"), as IELTS counts hyphenated words as one.
const wordPattern = /[\p{L}\p{N}]+(?:['\u2019\u2010\u2011-][\p{L}\p{N}]+)*/gu;

/** The words of a text, as IELTS counts them (a hyphenated word is one word). */
export function splitWords(text: string): string[] {
  return text.match(wordPattern) ?? [];
}

/** How many words a text has, as IELTS counts them (a hyphenated word is one word). */
export function countWords(text: string): number {
  return splitWords(text).length;
}
