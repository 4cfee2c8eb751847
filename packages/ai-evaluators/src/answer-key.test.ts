import { describe, expect, it } from 'vitest';
import { MAXIMUM_ACCEPTED_ANSWERS, parseAnswerKeyEntry } from './answer-key.js';

describe('parseAnswerKeyEntry', () => {
  it.each([
    ['river', ['river'], ['river']],
    ['colour / color', ['colour', 'color'], ['colour', 'color']],
    ['colour/color', ['colour', 'color'], ['colour', 'color']],
    ['lorry OR truck', ['lorry', 'truck'], ['lorry', 'truck']],
    ['(the) river', ['(the) river'], ['river', 'the river']],
    ['river (bank)', ['river (bank)'], ['river', 'river bank']],
    ['[the] museum', ['[the] museum'], ['museum', 'the museum']],
    ['(the / a) bank', ['(the / a) bank'], ['bank', 'the bank', 'a bank']],
    ['(in) (the) morning', ['(in) (the) morning'], ['morning', 'the morning', 'in morning', 'in the morning']],
    ['(the) river / (the) stream', ['(the) river', '(the) stream'], ['river', 'the river', 'stream', 'the stream']],
    ['24/7', ['24/7'], ['24/7']],
    ['3/4 / three quarters', ['3/4', 'three quarters'], ['3/4', 'three quarters']],
    ['NOT GIVEN', ['NOT GIVEN'], ['NOT GIVEN']],
    ['more or less', ['more or less'], ['more or less']],
  ])('%s', (written, alternatives, accepted) => {
    expect(parseAnswerKeyEntry(written)).toEqual({ written, alternatives, accepted });
  });

  it('treats an unclosed bracket as text', () => {
    expect(parseAnswerKeyEntry('river (bank').accepted).toEqual(['river (bank']);
  });

  it('caps the expansion of many optional groups', () => {
    const written = `${Array.from({ length: 12 }, (_, index) => `(w${index})`).join(' ')} end`;
    expect(parseAnswerKeyEntry(written).accepted).toHaveLength(MAXIMUM_ACCEPTED_ANSWERS);
  });
});
