import { WRITING_LIMITS } from '@ielts-genai-prep/core';
import { describe, expect, it } from 'vitest';
import { minimumWordsFor, wordCountStatus, wordCountText } from './word-count-status.js';

describe('minimumWordsFor', () => {
  it('takes the question’s own limit first, else core’s minimum for the task, else none', () => {
    expect(minimumWordsFor({ word_limit: 180, assessment_type: 'writing_task2' })).toBe(180);
    expect(minimumWordsFor({ word_limit: null, assessment_type: 'writing_task2' })).toBe(WRITING_LIMITS.task2.minimumWords);
    expect(minimumWordsFor({ word_limit: null, assessment_type: 'writing_task1_academic' })).toBe(150);
    expect(minimumWordsFor({ word_limit: null, assessment_type: 'writing_task1_general_training' })).toBe(150);
    expect(minimumWordsFor({ word_limit: null, assessment_type: 'speaking' })).toBe(0);
  });
});

describe('wordCountStatus', () => {
  it('counts as IELTS does (a hyphenated word is one) and says what is left', () => {
    expect(wordCountStatus('A well-known city, don’t you think?', 150)).toEqual({
      words: 6,
      minimum: 150,
      remaining: 144,
      reached: false,
      percent: 4,
    });
  });

  it('is reached at the minimum exactly, and the bar stops at 100', () => {
    const words = (count: number) => Array.from({ length: count }, () => 'word').join(' ');
    expect(wordCountStatus(words(249), 250)).toMatchObject({ words: 249, remaining: 1, reached: false, percent: 100 });
    expect(wordCountStatus(words(250), 250)).toMatchObject({ remaining: 0, reached: true, percent: 100 });
    expect(wordCountStatus(words(400), 250)).toMatchObject({ words: 400, remaining: 0, reached: true, percent: 100 });
    expect(wordCountStatus(words(125), 250).percent).toBe(50);
  });

  it('without a minimum, an empty text has reached it', () => {
    expect(wordCountStatus('', 0)).toEqual({ words: 0, minimum: 0, remaining: 0, reached: true, percent: 100 });
  });
});

describe('wordCountText', () => {
  it('says one word, many words, what is missing and when the minimum is reached', () => {
    expect(wordCountText(wordCountStatus('Hello', 150))).toEqual({ count: '1 word', progress: '149 more to reach the minimum of 150' });
    expect(wordCountText(wordCountStatus('', 150))).toEqual({ count: '0 words', progress: '150 more to reach the minimum of 150' });
    expect(wordCountText(wordCountStatus('one two three', 3))).toEqual({ count: '3 words', progress: 'minimum of 3 reached' });
  });
});
