import type { Question } from '@ielts-genai-prep/core';

/** The fields a content item may leave out; each item spreads these and sets only what it needs. */
type OptionalQuestionFields = Pick<
  Question,
  'word_limit' | 'chart' | 'letter_points' | 'speaking' | 'passages' | 'sections' | 'question_groups' | 'tags' | 'answer_key'
>;

/**
 * The empty values core's `questionSchema` fills in by default, so that items written by hand
 * are already in their parsed shape. A fresh object each call: items never share arrays.
 */
export function emptyQuestionFields(): OptionalQuestionFields {
  return {
    word_limit: null,
    chart: null,
    letter_points: [],
    speaking: null,
    passages: [],
    sections: [],
    question_groups: [],
    tags: [],
    answer_key: null,
  };
}
