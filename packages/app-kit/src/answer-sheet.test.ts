import { questionGroupSchema } from '@ielts-genai-prep/core';
import { describe, expect, it } from 'vitest';
import { answerSheetFrom, choicesFor, questionNumbers, writtenAnswerHint } from './answer-sheet.js';
import { DIAGRAM_LABEL_GROUP } from './testing.js';

describe('answerSheetFrom', () => {
  it('trims each answer, collapses inner runs of white space and leaves blanks out', () => {
    expect(answerSheetFrom({ '1': ' TRUE ', '2': '', '3': '  ', '4': 'blue   carbon', '5': 'salt\n\twater' })).toEqual({
      '1': 'TRUE',
      '4': 'blue carbon',
      '5': 'salt water',
    });
  });

  it('leaves the answers it was given as they were', () => {
    const answers = { '1': ' TRUE ' };
    answerSheetFrom(answers);
    expect(answers).toEqual({ '1': ' TRUE ' });
  });
});

describe('questionNumbers', () => {
  it('lists every question of every group in number order, whatever order the groups come in', () => {
    const diagram = questionGroupSchema.parse(DIAGRAM_LABEL_GROUP);
    const opening = {
      ...diagram,
      group_id: 'g-opening',
      questions: [
        { number: 2, text: 'b' },
        { number: 1, text: 'a' },
      ],
    };
    // The later group first, and the earlier one's questions out of order.
    expect(questionNumbers([diagram, opening])).toEqual([1, 2, 7, 8, 9]);
    expect(questionNumbers([])).toEqual([]);
  });
});

describe('choicesFor', () => {
  it('offers the fixed answers of TRUE/FALSE/NOT GIVEN and YES/NO/NOT GIVEN, and a group’s own letters', () => {
    expect(choicesFor({ kind: 'true_false_not_given' })).toEqual(['TRUE', 'FALSE', 'NOT GIVEN']);
    expect(choicesFor({ kind: 'yes_no_not_given' })).toEqual(['YES', 'NO', 'NOT GIVEN']);
    expect(choicesFor({ kind: 'letter', options: ['i', 'ii', 'iii'] })).toEqual(['i', 'ii', 'iii']);
  });

  it('has no choices for a written answer', () => {
    expect(choicesFor({ kind: 'words', max_words: 2, numbers_allowed: false })).toBeNull();
    expect(choicesFor({ kind: 'number' })).toBeNull();
  });
});

describe('writtenAnswerHint', () => {
  it('says how many words a written answer may have, and whether a number may stand with them', () => {
    expect(writtenAnswerHint({ kind: 'words', max_words: 1, numbers_allowed: false })).toBe('Write one word.');
    expect(writtenAnswerHint({ kind: 'words', max_words: 2, numbers_allowed: true })).toBe('Write no more than 2 words and/or a number.');
    expect(writtenAnswerHint({ kind: 'number' })).toBe('Write a number.');
  });

  it('has no hint for an answer picked from choices', () => {
    expect(writtenAnswerHint({ kind: 'true_false_not_given' })).toBeNull();
    expect(writtenAnswerHint({ kind: 'letter', options: ['A', 'B'] })).toBeNull();
  });
});
