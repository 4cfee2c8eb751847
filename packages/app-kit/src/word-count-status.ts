import { countWords, writingLimitsFor, type PublicQuestion } from '@ielts-genai-prep/core';

/** Where a word count stands against a task's minimum. */
export interface WordCountStatus {
  words: number;
  minimum: number;
  /** Words still needed; 0 once the minimum is reached. */
  remaining: number;
  reached: boolean;
  /** How far towards the minimum, 0 to 100 (100 when there is no minimum): how full a progress bar is. */
  percent: number;
}

/** The minimum words for a question: its own `word_limit`, else the IELTS minimum for its task (core's limits); 0 for a type without one. */
export function minimumWordsFor(question: Pick<PublicQuestion, 'word_limit' | 'assessment_type'>): number {
  return question.word_limit ?? writingLimitsFor(question.assessment_type)?.minimumWords ?? 0;
}

/** Counts words as IELTS does (core's `countWords`: a hyphenated word is one) and compares with the minimum. */
export function wordCountStatus(text: string, minimum: number): WordCountStatus {
  const words = countWords(text);
  const remaining = Math.max(0, minimum - words);
  const percent = minimum > 0 ? Math.min(100, Math.round((words / minimum) * 100)) : 100;
  return { words, minimum, remaining, reached: remaining === 0, percent };
}

/** A status in words: the count (`1 word`, `12 words`) and how it stands (`138 more to reach the minimum of 150`). */
export function wordCountText(status: WordCountStatus): { count: string; progress: string } {
  return {
    count: `${status.words} ${status.words === 1 ? 'word' : 'words'}`,
    progress: status.reached
      ? `minimum of ${status.minimum} reached`
      : `${status.remaining} more to reach the minimum of ${status.minimum}`,
  };
}
