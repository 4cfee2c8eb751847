import { answerFormatSchema } from '@ielts-genai-prep/core';
import { describe, expect, it } from 'vitest';
import { inferAnswerFormat, parseAnswerFormat } from './answer-format.js';
import { parseAnswerKeyEntry } from './answer-key.js';

describe('parseAnswerFormat', () => {
  it.each([
    ['Write NO MORE THAN TWO WORDS AND/OR A NUMBER for each answer.', { kind: 'words', max_words: 2, numbers_allowed: true }],
    ['Write NO MORE THAN THREE WORDS for each answer.', { kind: 'words', max_words: 3, numbers_allowed: false }],
    ['Write ONE WORD ONLY for each answer.', { kind: 'words', max_words: 1, numbers_allowed: false }],
    ['Write ONE WORD AND/OR A NUMBER for each answer.', { kind: 'words', max_words: 1, numbers_allowed: true }],
    ['Write ONLY ONE WORD OR A NUMBER in each gap.', { kind: 'words', max_words: 1, numbers_allowed: true }],
    ['Choose NO MORE THAN 3 WORDS from the passage', { kind: 'words', max_words: 3, numbers_allowed: false }],
    ['Write no more than two words and/or a number', { kind: 'words', max_words: 2, numbers_allowed: true }],
    ['Write A NUMBER for each answer.', { kind: 'number' }],
    [
      'Do the following statements agree with the information given in Reading Passage 1? Write TRUE, FALSE or NOT GIVEN.',
      { kind: 'true_false_not_given' },
    ],
    ['Do the following statements agree with the views of the writer? Write YES, NO or NOT GIVEN.', { kind: 'yes_no_not_given' }],
    ['Choose the correct letter, A, B, C or D.', { kind: 'letter', options: ['A', 'B', 'C', 'D'] }],
    ['Choose TWO letters, A–E.', { kind: 'letter', options: ['A', 'B', 'C', 'D', 'E'] }],
    ['Write the correct letter, A-G, next to questions 14-19.', { kind: 'letter', options: ['A', 'B', 'C', 'D', 'E', 'F', 'G'] }],
    [
      'Choose the correct heading for each paragraph from the list of headings below. Write the correct number, i–viii.',
      { kind: 'letter', options: ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii'] },
    ],
  ])('%s', (instructions, format) => {
    const parsed = parseAnswerFormat(instructions);
    expect(parsed).toEqual(format);
    expect(answerFormatSchema.parse(parsed)).toEqual(format);
  });

  it.each(['Complete the notes below.', 'Label the diagram.', ''])('returns null for "%s"', (instructions) => {
    expect(parseAnswerFormat(instructions)).toBeNull();
  });
});

describe('inferAnswerFormat', () => {
  it.each([
    ['TRUE', { kind: 'true_false_not_given' }],
    ['NOT GIVEN', { kind: 'true_false_not_given' }],
    ['NO', { kind: 'yes_no_not_given' }],
    ['B', { kind: 'letter' }],
    ['vii', { kind: 'letter' }],
    ['F', { kind: 'letter' }],
    ['(the) river', { kind: 'words', max_words: null, numbers_allowed: true }],
  ])('%s', (key, expected) => {
    expect(inferAnswerFormat(parseAnswerKeyEntry(key))).toMatchObject(expected);
  });
});
