import { describe, expect, it } from 'vitest';
import { findLearnerErrors } from './learner-grammar-rules.js';

const corrections = (text: string) => findLearnerErrors(text).map((error) => [error.quote, error.suggestion]);

describe('findLearnerErrors', () => {
  it('corrects the learner errors Harper misses', () => {
    expect(corrections('Many people feels isolated when they work from home.')).toEqual([['people feels', 'people feel']]);
    expect(corrections('The government should to invest in public transport.')).toEqual([['should to invest', 'should invest']]);
    expect(corrections('It reduce the cost of travel.')).toEqual([['It reduce', 'It reduces']]);
    expect(corrections('Workers receive many email every days.')).toEqual([
      ['many email', 'many emails'],
      ['every days', 'every day'],
    ]);
  });

  it('quotes the text exactly where it is', () => {
    const text = 'At home, many students thinks that it is easier.';
    const [error] = findLearnerErrors(text);
    expect(error?.kind).toBe('agreement');
    expect(text.slice(error?.start, (error?.start ?? 0) + (error?.quote.length ?? 0))).toBe(error?.quote);
  });

  it('leaves correct sentences alone', () => {
    for (const sentence of [
      'Many people feel isolated when they work from home.',
      'The government should invest in public transport.',
      'It reduces the cost of travel, and this helps families.',
      'Workers receive many emails every day.',
      'Many 24 year olds live with their parents.',
      'Companies ought to invest in training, as it makes them stronger.',
      'Most of the students in these countries study abroad.',
    ]) {
      expect(corrections(sentence), sentence).toEqual([]);
    }
  });
});
