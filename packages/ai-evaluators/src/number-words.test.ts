import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalizeNumbers, formatNumber, numberToWords, ordinalSuffix, parseDigits, parseNumberWords } from './number-words.js';
import { spellNumber } from './test-support/number-spelling.js';

const words = (text: string) => text.split(/[\s-]+/);

describe('parseNumberWords', () => {
  it.each([
    ['three', 3],
    ['fifteen', 15],
    ['twenty one', 21],
    ['ninety-nine', 99],
    ['one hundred', 100],
    ['a hundred', 100],
    ['one hundred and five', 105],
    ['one hundred five', 105],
    ['fifteen hundred', 1500],
    ['one thousand', 1000],
    ['a thousand', 1000],
    ['one thousand and five', 1005],
    ['two thousand five hundred', 2500],
    ['three million', 3_000_000],
    ['one million two hundred thousand', 1_200_000],
    ['zero', 0],
  ])('reads "%s" as %d', (text, value) => {
    expect(parseNumberWords(words(text))).toEqual({ value, ordinal: false });
  });

  it.each([
    ['first', 1],
    ['second', 2],
    ['twelfth', 12],
    ['twenty-first', 21],
    ['one hundredth', 100],
  ])('reads the ordinal "%s" as %d', (text, value) => {
    expect(parseNumberWords(words(text))).toEqual({ value, ordinal: true });
  });

  it.each([
    'five six',
    'twenty twenty',
    'thousand two million',
    'one thousand thousand',
    'and five',
    'a',
    'zero one',
    'river',
    'hundred five hundred',
  ])('rejects "%s"', (text) => {
    expect(parseNumberWords(words(text))).toBeUndefined();
  });
});

describe('parseDigits', () => {
  it.each([
    ['15', 15, false],
    ['1,000', 1000, false],
    ['1000', 1000, false],
    ['1,000,000', 1_000_000, false],
    ['3.5', 3.5, false],
    ['21st', 21, true],
    ['2nd', 2, true],
    ['13th', 13, true],
  ])('reads %s', (token, value, ordinal) => {
    expect(parseDigits(token)).toEqual({ value, ordinal });
  });

  it.each(['1,00', '21th', '2st', '1.000.000', 'ten', '15km', ''])('rejects %s', (token) => {
    expect(parseDigits(token)).toBeUndefined();
  });

  it('suffixes ordinals as English does', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112].map((value) => `${value}${ordinalSuffix(value)}`)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
      '112th',
    ]);
  });
});

describe('canonicalizeNumbers', () => {
  it.each([
    [
      ['three', 'bedrooms'],
      ['3', 'bedrooms'],
    ],
    [
      ['1,000', 'people'],
      ['1000', 'people'],
    ],
    [
      ['one', 'thousand', 'people'],
      ['1000', 'people'],
    ],
    [['twenty-one'], ['21']],
    [['twenty', 'one'], ['21']],
    [['five-year-old'], ['5-year-old']],
    [['3', 'million'], ['3000000']],
    [['1.5', 'million'], ['1500000']],
    [['£1,000'], ['£1000']],
    [['15%'], ['15%']],
    [['007'], ['007']],
    [
      ['the', 'second', 'floor'],
      ['the', '2nd', 'floor'],
    ],
    [
      ['bread', 'and', 'butter'],
      ['bread', 'and', 'butter'],
    ],
    [
      ['two', 'and', 'three'],
      ['2', 'and', '3'],
    ],
    [
      ['one', 'hundred', 'and', 'five', 'days'],
      ['105', 'days'],
    ],
  ])('%j → %j', (tokens, expected) => {
    expect(canonicalizeNumbers(tokens)).toEqual(expected);
  });

  it('gives the digits and the words of 0–100 the same form', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.constantFrom<' ' | '-'>(' ', '-'), (value, joiner) => {
        const spelled = spellNumber(value, joiner).split(' ');
        expect(canonicalizeNumbers(spelled)).toEqual([String(value)]);
        expect(canonicalizeNumbers([String(value)])).toEqual([String(value)]);
      }),
    );
  });

  it('gives round thousands the same form in digits, grouped digits and words', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), (thousands) => {
        const value = thousands * 1000;
        const grouped = value.toLocaleString('en-GB');
        const spelled = `${spellNumber(thousands, '-')} thousand`.split(' ');
        expect(canonicalizeNumbers(spelled)).toEqual([String(value)]);
        expect(canonicalizeNumbers([grouped])).toEqual([String(value)]);
        expect(canonicalizeNumbers([String(value)])).toEqual([String(value)]);
      }),
    );
  });
});

describe('numberToWords', () => {
  it.each([
    [0, 'zero'],
    [21, 'twenty-one'],
    [105, 'one hundred and five'],
    [1000, 'one thousand'],
    [1005, 'one thousand and five'],
    [2500, 'two thousand five hundred'],
    [3_000_000, 'three million'],
  ])('%d → %s', (value, text) => {
    expect(numberToWords(value)).toBe(text);
  });

  it('is read back by parseNumberWords for any whole number below a trillion', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (value) => {
        expect(parseNumberWords(words(numberToWords(value)))).toEqual({ value, ordinal: false });
      }),
    );
  });

  it('refuses what it cannot write', () => {
    expect(() => numberToWords(-1)).toThrow(RangeError);
    expect(() => numberToWords(1.5)).toThrow(RangeError);
  });

  it('formats numbers canonically', () => {
    expect(formatNumber({ value: 1000, ordinal: false })).toBe('1000');
    expect(formatNumber({ value: 3.5, ordinal: false })).toBe('3.5');
    expect(formatNumber({ value: 22, ordinal: true })).toBe('22nd');
  });
});
