import type { QuestionReasonCode } from '@ielts-genai-prep/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MarkingFormat } from './answer-format.js';
import { parseAnswerKeyEntry } from './answer-key.js';
import { describeAnswerMark, markAnswer, readChoiceAnswer } from './answer-matching.js';
import { EvaluatorError } from './evaluator-error.js';
import { SYMMETRIC_SPELLING_PAIRS, defaultSpellingVariants } from './spelling-variants.js';
import { SMALL_NUMBER_WORDS, TENS_WORDS, spellNumber } from './test-support/number-spelling.js';

const twoWordsAndNumber: MarkingFormat = { kind: 'words', max_words: 2, numbers_allowed: true };
const twoWords: MarkingFormat = { kind: 'words', max_words: 2, numbers_allowed: false };
const oneWordOnly: MarkingFormat = { kind: 'words', max_words: 1, numbers_allowed: false };
const threeWordsAndNumber: MarkingFormat = { kind: 'words', max_words: 3, numbers_allowed: true };
const number: MarkingFormat = { kind: 'number' };
const tfng: MarkingFormat = { kind: 'true_false_not_given' };
const ynng: MarkingFormat = { kind: 'yes_no_not_given' };
const letterAD: MarkingFormat = { kind: 'letter', options: ['A', 'B', 'C', 'D'] };
const headings: MarkingFormat = { kind: 'letter', options: ['i', 'ii', 'iii', 'iv', 'v', 'vi'] };

const mark = (given: string, key: string, format: MarkingFormat) => markAnswer(given, parseAnswerKeyEntry(key), format);

describe('markAnswer: the IELTS rules, one by one', () => {
  it.each<[string, string, string, MarkingFormat, boolean, QuestionReasonCode]>([
    // Capital letters do not matter.
    ['capitals', 'LIBRARY', 'library', twoWords, true, 'correct'],
    ['capitals in the key', 'library', 'Library', twoWords, true, 'correct'],
    // Surrounding whitespace and punctuation are ignored.
    ['surrounding punctuation', '  "library."  ', 'library', twoWords, true, 'correct'],
    ['brackets around the answer', '(library)', 'library', twoWords, true, 'correct'],
    // A hyphenated word is one word.
    ['a hyphenated word is one word', 'well-known writer', 'well-known writer', twoWords, true, 'correct'],
    ['hyphen and space are not the same word', 'well known writer', 'well-known writer', twoWords, false, 'over_word_limit'],
    // British and American spellings.
    ['American for a British key', 'color', 'colour', twoWords, true, 'correct'],
    ['British for an American key', 'colour', 'color', twoWords, true, 'correct'],
    ['-ise/-ize', 'organized tour', 'organised tour', twoWords, true, 'correct'],
    ['-re/-er', 'city center', 'city centre', twoWords, true, 'correct'],
    ['-ll-/-l-', 'traveled', 'travelled', twoWords, true, 'correct'],
    ['-ence/-ense', 'defense', 'defence', twoWords, true, 'correct'],
    ['programme/program', 'program', 'programme', twoWords, true, 'correct'],
    ['grey/gray', 'gray', 'grey', twoWords, true, 'correct'],
    ['within a hyphenated word', 'well-organized', 'well-organised', twoWords, true, 'correct'],
    // Misspellings are wrong, and the spelling rules do not make them right.
    ['a misspelling', 'libary', 'library', twoWords, false, 'misspelled'],
    ['a rule that would make a misspelling', 'advize', 'advise', twoWords, false, 'misspelled'],
    ['-our/-or does not apply to four', 'for', 'four', twoWords, false, 'misspelled'],
    ['a wrong plural', 'libraries', 'library', twoWords, false, 'wrong'],
    // Numbers as digits or words where the key allows numbers.
    ['3 for three', '3', 'three', twoWordsAndNumber, true, 'correct'],
    ['three for 3', 'three', '3', twoWordsAndNumber, true, 'correct'],
    ['15 for fifteen', '15', 'fifteen', twoWordsAndNumber, true, 'correct'],
    ['1,000 for 1000', '1,000', '1000', twoWordsAndNumber, true, 'correct'],
    ['1000 for one thousand', '1000', 'one thousand', twoWordsAndNumber, true, 'correct'],
    ['one thousand for 1,000', 'one thousand', '1,000', twoWordsAndNumber, true, 'correct'],
    ['a number with a word', 'three bedrooms', '3 bedrooms', twoWordsAndNumber, true, 'correct'],
    ['money', '£1,500', '£1500', twoWordsAndNumber, true, 'correct'],
    ['ordinals', '21st', 'twenty-first', twoWordsAndNumber, true, 'correct'],
    ['a wrong number', '14', 'fifteen', twoWordsAndNumber, false, 'wrong'],
    ['ONE WORD ONLY takes no digits', '3', 'three', oneWordOnly, false, 'number_not_allowed'],
    ['ONE WORD ONLY takes the word', 'three', 'three', oneWordOnly, true, 'correct'],
    ['a number answer', 'one hundred and five', '105', number, true, 'correct'],
    ['a number answer given in words only', 'many', '105', number, false, 'not_a_number'],
    // Alternatives and optional words in keys.
    ['the first alternative', 'colour', 'colour / color', twoWords, true, 'correct'],
    ['the second alternative', 'lorry', 'truck OR lorry', twoWords, true, 'correct'],
    ['alternatives without spaces', 'color', 'colour/color', twoWords, true, 'correct'],
    ['with the optional word', 'the river', '(the) river', twoWords, true, 'correct'],
    ['without the optional word', 'river', '(the) river', twoWords, true, 'correct'],
    ['a different article', 'a river', '(the) river', twoWords, false, 'wrong'],
    // Word limits are strict.
    ['over the limit even though it contains the key', 'the big river', 'river', twoWords, false, 'over_word_limit'],
    ['over the limit with a number', '15 May next year', '15 May', twoWordsAndNumber, false, 'over_word_limit'],
    ['two words and a number are within the limit', '15 May 2020', '15 May 2020', twoWordsAndNumber, true, 'correct'],
    ['numbers in words count once', 'one hundred and five years', '105 years', twoWordsAndNumber, true, 'correct'],
    [
      'numbers in words count as words without AND/OR A NUMBER',
      'one hundred years',
      'one hundred years',
      twoWords,
      false,
      'over_word_limit',
    ],
    ['ONE WORD ONLY', 'rivers banks', 'river', oneWordOnly, false, 'over_word_limit'],
    [
      'no limit known',
      'the old stone bridge',
      'the old stone bridge',
      { kind: 'words', max_words: null, numbers_allowed: true },
      true,
      'correct',
    ],
    // TRUE/FALSE/NOT GIVEN and YES/NO/NOT GIVEN, with their letters, kept apart.
    ['TRUE', 'true', 'TRUE', tfng, true, 'correct'],
    ['T for TRUE', 'T', 'TRUE', tfng, true, 'correct'],
    ['NG for NOT GIVEN', 'N.G.', 'NOT GIVEN', tfng, true, 'correct'],
    ['Not given in any case', 'Not Given', 'NG', tfng, true, 'correct'],
    ['FALSE for TRUE', 'FALSE', 'TRUE', tfng, false, 'wrong'],
    ['YES for TRUE', 'YES', 'TRUE', tfng, false, 'wrong_answer_family'],
    ['Y for TRUE', 'y', 'TRUE', tfng, false, 'wrong_answer_family'],
    ['NO for FALSE', 'NO', 'FALSE', tfng, false, 'wrong_answer_family'],
    ['TRUE for YES', 'TRUE', 'YES', ynng, false, 'wrong_answer_family'],
    ['F for NO', 'F', 'NO', ynng, false, 'wrong_answer_family'],
    ['N for NO', 'n', 'NO', ynng, true, 'correct'],
    ['not a choice at all', 'maybe', 'TRUE', tfng, false, 'not_a_choice'],
    // Letters compared case-insensitively, and only the options count.
    ['a letter', 'b', 'B', letterAD, true, 'correct'],
    ['a letter with punctuation', '(C).', 'C', letterAD, true, 'correct'],
    ['the wrong letter', 'A', 'B', letterAD, false, 'wrong'],
    ['a letter not offered', 'E', 'B', letterAD, false, 'not_an_option'],
    ['two letters for one question', 'B C', 'B', letterAD, false, 'not_an_option'],
    ['the text of an option', 'the cost of transport', 'B', letterAD, false, 'not_an_option'],
    ['roman numerals in any case', 'IV', 'iv', headings, true, 'correct'],
    // Blank answers.
    ['blank', '   ', 'river', twoWords, false, 'blank'],
    ['only punctuation', '...', 'TRUE', tfng, false, 'blank'],
  ])('%s: %j for key %j', (_rule, given, key, format, correct, code) => {
    const marked = mark(given, key, format);
    expect({ correct: marked.correct, code: marked.code }).toEqual({ correct, code });
    expect(marked.reason).toBe(
      describeAnswerMark(
        code,
        marked.detail,
        parseAnswerKeyEntry(key).alternatives.map((text) => readChoiceAnswer(text) ?? text),
      ),
    );
  });

  it('gives the figures behind a reason, and says it in plain words', () => {
    expect(mark('the big river', 'river', twoWords)).toEqual({
      correct: false,
      code: 'over_word_limit',
      detail: { words: 3, numbers: 0, max_words: 2, numbers_allowed: false },
      reason:
        'Over the word limit: 3 words, and the instructions allow at most 2 words. A longer answer is wrong even when it contains the right words.',
    });
    expect(mark('15 May next year', '15 May', twoWordsAndNumber).detail).toEqual({
      words: 3,
      numbers: 1,
      max_words: 2,
      numbers_allowed: true,
    });
    expect(mark('a standard class ticket', 'standard class', twoWordsAndNumber).reason).toMatch(
      /^Over the word limit: 4 words, and the instructions allow at most 2 words and a number\./,
    );
    expect(mark('15 May next year', '15 May', twoWordsAndNumber).reason).toMatch(
      /^Over the word limit: 3 words and a number, and the instructions allow at most 2 words and a number\./,
    );
    expect(mark('YES', 'TRUE', tfng)).toMatchObject({ code: 'wrong_answer_family', detail: { family: 'true_false_not_given' } });
    expect(mark('YES', 'TRUE', tfng).reason).toBe(
      'This question asks for TRUE, FALSE or NOT GIVEN (facts in the passage); YES and NO answer a different kind of question.',
    );
    expect(mark('TRUE', 'NO', ynng).reason).toMatch(/^This question asks for YES, NO or NOT GIVEN/);
    expect(mark('FALSE', 'T', tfng).reason).toBe('Not the answer: the answer is “TRUE”.');
    expect(mark('libary', 'library', twoWords)).toMatchObject({
      code: 'misspelled',
      detail: { closest: 'library' },
      reason: 'Spelt differently from “library”. Spelling must be exact for the mark.',
    });
    expect(mark('E', 'B', letterAD)).toMatchObject({
      detail: { options: ['A', 'B', 'C', 'D'] },
      reason: 'Not one of the letters offered (A–D): write the letter of one option only.',
    });
    expect(mark('', 'river', twoWords).reason).toBe('Left blank. A wrong answer costs nothing, so always write something.');
    expect(mark('river', 'river', twoWords).reason).toBe('Correct.');
    expect(mark('libraries', 'library / books', twoWords).reason).toBe('Not the answer: the answer is “library” or “books”.');
  });

  it('accepts only the key spelling when spelling variants are off', () => {
    expect(markAnswer('color', parseAnswerKeyEntry('colour'), twoWords, { spellingVariants: false })).toMatchObject({
      correct: false,
      code: 'misspelled',
    });
  });

  it('rejects a key that does not fit its format', () => {
    expect(() => mark('TRUE', 'YES', tfng)).toThrow(EvaluatorError);
    expect(() => mark('A', 'F', letterAD)).toThrow(/not one of the options/);
  });
});

// Number words: kept out of the random words, which would otherwise be read as numbers.
const NUMBER_WORDS = new Set<string>([
  'a',
  'and',
  ...SMALL_NUMBER_WORDS,
  ...TENS_WORDS,
  'hundred',
  'thousand',
  'million',
  'billion',
  'first',
  'second',
  'third',
]);
const wordArbitrary = fc
  .string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 1, maxLength: 9 })
  .filter((word) => !NUMBER_WORDS.has(word));
const wrapperArbitrary = fc.string({
  unit: fc.constantFrom(' ', '\t', '.', ',', '!', '?', '"', "'", '(', ')', ':', ';', '\u2019', '\u00a0'),
  maxLength: 4,
});
const randomCase = (text: string, flips: readonly boolean[]) =>
  [...text].map((character, index) => (flips[index % Math.max(1, flips.length)] ? character.toUpperCase() : character)).join('');

describe('markAnswer: properties', () => {
  it('accepts every accepted answer of a key in any case with any surrounding spaces and punctuation', () => {
    fc.assert(
      fc.property(
        fc.array(wordArbitrary, { minLength: 1, maxLength: 3 }),
        fc.array(wordArbitrary, { minLength: 1, maxLength: 2 }),
        fc.boolean(),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        wrapperArbitrary,
        wrapperArbitrary,
        fc.nat(),
        (words, alternative, optionalFirst, flips, before, after, pick) => {
          const written = `${optionalFirst ? `(${words[0]}) ${words.slice(1).join(' ')}` : words.join(' ')} / ${alternative.join(' ')}`;
          const entry = parseAnswerKeyEntry(written);
          const accepted = entry.accepted[pick % entry.accepted.length] ?? '';
          const given = `${before}${randomCase(accepted, flips)}${after}`;
          expect(markAnswer(given, entry, threeWordsAndNumber)).toMatchObject({ correct: true, code: 'correct' });
        },
      ),
    );
  });

  it('marks wrong any answer with one word more than the limit, even when it contains the key', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        fc.array(wordArbitrary, { minLength: 3, maxLength: 3 }),
        wordArbitrary,
        fc.nat(),
        fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }),
        (limit, numbersAllowed, words, extra, position, amount) => {
          const keyWords = words.slice(0, limit);
          if (numbersAllowed && amount !== undefined) keyWords.push(String(amount));
          const givenWords = [...keyWords];
          givenWords.splice(position % (givenWords.length + 1), 0, extra);
          const format: MarkingFormat = { kind: 'words', max_words: limit, numbers_allowed: numbersAllowed };
          const result = markAnswer(givenWords.join(' '), parseAnswerKeyEntry(keyWords.join(' ')), format);
          expect(result.correct).toBe(false);
          expect(result.code).toBe('over_word_limit');
        },
      ),
    );
  });

  it('counts a hyphenated word as one word, and its parts written apart as several', () => {
    fc.assert(
      fc.property(fc.array(wordArbitrary, { minLength: 2, maxLength: 4 }), fc.integer({ min: 1, max: 3 }), (parts, limit) => {
        const hyphenated = parts.join('-');
        const format: MarkingFormat = { kind: 'words', max_words: limit, numbers_allowed: false };
        const filler = Array.from({ length: limit - 1 }, () => 'the');
        // limit - 1 words and one hyphenated word: exactly at the limit.
        const key = [...filler, hyphenated].join(' ');
        expect(markAnswer(key, parseAnswerKeyEntry(key), format)).toMatchObject({ correct: true, code: 'correct' });
        // The same parts without hyphens are more words than the limit allows.
        const apart = [...filler, ...parts].join(' ');
        expect(markAnswer(apart, parseAnswerKeyEntry(key), format).code).toBe('over_word_limit');
      }),
    );
  });

  it('never lets a YES/NO answer match a TRUE/FALSE key or the other way round', () => {
    const forms = {
      TRUE: ['TRUE', 'T'],
      FALSE: ['FALSE', 'F'],
      YES: ['YES', 'Y'],
      NO: ['NO', 'N'],
      'NOT GIVEN': ['NOT GIVEN', 'NG'],
    } as const;
    fc.assert(
      fc.property(
        fc.constantFrom('true_false_not_given' as const, 'yes_no_not_given' as const),
        fc.constantFrom('TRUE', 'FALSE', 'YES', 'NO', 'NOT GIVEN'),
        fc.constantFrom('TRUE', 'FALSE', 'YES', 'NO', 'NOT GIVEN'),
        fc.nat(),
        fc.nat(),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 9 }),
        (kind, keyChoice, givenChoice, keyForm, givenForm, flips) => {
          const family = kind === 'true_false_not_given' ? ['TRUE', 'FALSE', 'NOT GIVEN'] : ['YES', 'NO', 'NOT GIVEN'];
          fc.pre(family.includes(keyChoice));
          const keyForms = forms[keyChoice as keyof typeof forms];
          const givenForms = forms[givenChoice as keyof typeof forms];
          const key = keyForms[keyForm % keyForms.length] ?? keyChoice;
          const given = randomCase(givenForms[givenForm % givenForms.length] ?? givenChoice, flips);
          const result = markAnswer(given, parseAnswerKeyEntry(key), { kind });
          expect(result.correct).toBe(givenChoice === keyChoice);
          if (!family.includes(givenChoice)) expect(result).toMatchObject({ code: 'wrong_answer_family', detail: { family: kind } });
        },
      ),
    );
  });

  it('accepts digits for words and words for digits from 0 to 100 where numbers are allowed, and not where they are not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.boolean(), (value, digitsInKey) => {
        const [key, given] = digitsInKey ? [String(value), spellNumber(value, '-')] : [spellNumber(value, '-'), String(value)];
        expect(mark(given, key, twoWordsAndNumber).correct).toBe(true);
        expect(mark(given, key, number).correct).toBe(true);
        expect(mark(given, key, twoWords).correct).toBe(false);
      }),
    );
  });

  it('accepts round thousands in digits, grouped digits and words alike', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.constantFrom(0, 1, 2), fc.constantFrom(0, 1, 2), (thousands, keyForm, givenForm) => {
        const forms = [String(thousands * 1000), (thousands * 1000).toLocaleString('en-GB'), `${spellNumber(thousands, '-')} thousand`];
        expect(mark(forms[givenForm] ?? '', forms[keyForm] ?? '', twoWordsAndNumber)).toMatchObject({ correct: true, code: 'correct' });
      }),
    );
  });

  it('accepts the other spelling of every symmetric British/American pair, and nothing one letter short of it', () => {
    const variants = defaultSpellingVariants();
    fc.assert(
      fc.property(fc.constantFrom(...SYMMETRIC_SPELLING_PAIRS), fc.boolean(), fc.nat(), ([british, american], britishKey, cut) => {
        const [key, given] = britishKey ? [british, american] : [american, british];
        expect(mark(given, key, twoWords).correct).toBe(true);
        const index = cut % given.length;
        const misspelt = given.slice(0, index) + given.slice(index + 1);
        fc.pre(misspelt !== key && !variants.accepts(misspelt, key));
        expect(mark(misspelt, key, twoWords).correct).toBe(false);
      }),
    );
  });

  it('marks wrong, as a misspelling of the key, any word with a letter missing, doubled or changed', () => {
    const keys = ['library', 'museum', 'station', 'hospital', 'river', 'bridge', 'market', 'garden', 'factory', 'castle'];
    fc.assert(
      fc.property(
        fc.constantFrom(...keys),
        fc.nat(),
        fc.constantFrom('drop', 'double', 'change'),
        fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'),
        (key, at, kind, letter) => {
          const index = at % key.length;
          const misspelt =
            kind === 'drop'
              ? key.slice(0, index) + key.slice(index + 1)
              : kind === 'double'
                ? key.slice(0, index + 1) + key.slice(index)
                : key.slice(0, index) + letter + key.slice(index + 1);
          fc.pre(misspelt !== key);
          expect(mark(misspelt, key, twoWordsAndNumber)).toMatchObject({ correct: false, code: 'misspelled', detail: { closest: key } });
        },
      ),
    );
  });
});
