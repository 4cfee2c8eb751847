import { describe, expect, it } from 'vitest';
import { answerTokens, countAnswerWords, isNumberToken, normalizeAnswerText } from './answer-normalization.js';

describe('normalizeAnswerText', () => {
  it('lowercases, folds accents, typographic quotes and dashes, and collapses spaces', () => {
    expect(normalizeAnswerText('  The  CAFÉ’s\u00a0well\u2011known ')).toBe("the cafe's well-known");
  });

  it('keeps an acute accent used as an apostrophe inside the word', () => {
    expect(normalizeAnswerText('children\u00b4s')).toBe("children's");
  });

  it('folds full-width letters', () => {
    expect(normalizeAnswerText('ＲＩＶＥＲ')).toBe('river');
  });
});

describe('answerTokens', () => {
  it.each([
    ['(the) river.', ['the', 'river']],
    ['  "Library"  ', ['library']],
    ['well-known writer!', ['well-known', 'writer']],
    ["children's books", ["children's", 'books']],
    ['1,000 people', ['1,000', 'people']],
    ['£3.50', ['£3.50']],
    ['15%', ['15%']],
    ['bread, butter', ['bread', 'butter']],
    ['colour/color', ['colour', 'color']],
    ['24/7', ['24/7']],
    ['- - -', []],
    ['', []],
  ])('%j → %j', (text, tokens) => {
    expect(answerTokens(text)).toEqual(tokens);
  });
});

describe('countAnswerWords', () => {
  it('counts a hyphenated word as one word', () => {
    expect(countAnswerWords(['well-known', 'writer'], false)).toEqual({ words: 2, numbers: 0 });
  });

  it('does not count one number as a word where a number is allowed', () => {
    expect(countAnswerWords(['15', 'may'], true)).toEqual({ words: 1, numbers: 1 });
    expect(countAnswerWords(['£3.50', 'each'], true)).toEqual({ words: 1, numbers: 1 });
  });

  it('counts a second number as a word', () => {
    expect(countAnswerWords(['15', 'may', '2020'], true)).toEqual({ words: 2, numbers: 1 });
  });

  it('counts numbers as words where no number is allowed', () => {
    expect(countAnswerWords(['15', 'may'], false)).toEqual({ words: 2, numbers: 0 });
  });

  it('recognises numbers in digits', () => {
    expect(['15', '1,000', '3.5', '21st', '£20', '15%'].every(isNumberToken)).toBe(true);
    expect(['fifteen', 'a4', '1,00', '15km'].some(isNumberToken)).toBe(false);
  });
});
