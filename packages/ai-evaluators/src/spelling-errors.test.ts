import { describe, expect, it } from 'vitest';
import { findSpellingErrors, isKnownWord, suggestSpelling } from './spelling-errors.js';
import { LEXICON_LEVELS, createLexicon, loadEnglishLexicon, type Lexicon } from './spelling-lexicon.js';

const lexicon = await loadEnglishLexicon();

describe('the English lexicon', () => {
  it('loads over 100,000 words in British and American spellings, with frequency levels', () => {
    expect(lexicon.size).toBeGreaterThan(100_000);
    for (const word of ['colour', 'color', 'analyse', 'analyze', 'programme', 'urbanisation', 'the', 'government'])
      expect(lexicon.levelOf(word), word).toBeDefined();
    expect(lexicon.levelOf('the')).toBe(10);
    expect(lexicon.levelOf('ubiquitous')).toBeGreaterThanOrEqual(35);
    expect(lexicon.levelOf('goverment')).toBeUndefined();
    expect(LEXICON_LEVELS).toContain(lexicon.levelOf('ubiquitous'));
  });

  it('is loaded once', async () => {
    expect(await loadEnglishLexicon()).toBe(lexicon);
  });

  it('keeps the lowest level of a word listed twice', () => {
    const small = createLexicon(
      new Map([
        [35, ['Cat', 'dog']],
        [10, ['cat']],
      ]),
    );
    expect(small.levelOf('CAT')).toBe(10);
    expect(small.levelOf('dog')).toBe(35);
    expect(small.size).toBe(2);
  });
});

describe('findSpellingErrors', () => {
  it('finds misspelt words with their offsets and likely corrections', () => {
    const text = 'The goverment recieved many complaints about the enviroment.';
    const errors = findSpellingErrors(text, lexicon);
    expect(errors.map((error) => [error.word, error.suggestion])).toEqual([
      ['goverment', 'government'],
      ['recieved', 'received'],
      ['enviroment', 'environment'],
    ]);
    for (const error of errors) expect(text.slice(error.index, error.index + error.word.length)).toBe(error.word);
  });

  it('skips names, abbreviations, numbers, contractions and words of the prompt', () => {
    const text =
      'In Copenhagen, NATO and the UK spent 20km and 5% more. It\u2019s the people\u2019s choice; they don\u2019t mind. Zorblax voted.';
    expect(findSpellingErrors(text, lexicon, { knownWords: ['zorblax'] })).toEqual([]);
  });

  it('checks a capitalised word at the start of a sentence', () => {
    expect(findSpellingErrors('Fisrt, prices rose.', lexicon).map((error) => error.word)).toEqual(['Fisrt']);
  });

  it('accepts contractions only on known stems', () => {
    expect(isKnownWord("don't", lexicon)).toBe(true);
    expect(isKnownWord("can't", lexicon)).toBe(true);
    expect(isKnownWord("goverment's", lexicon)).toBe(false);
  });

  it('suggests the commonest word one edit away, or null', () => {
    expect(suggestSpelling('teh', lexicon)).toBe('the');
    expect(suggestSpelling('evry', lexicon)).toBe('every');
    expect(suggestSpelling('dont', lexicon)).toBe("don't");
    expect(suggestSpelling('doesnt', lexicon)).toBe("doesn't");
    expect(suggestSpelling('xqzvbk', lexicon)).toBeNull();
  });

  it('remembers suggestions per word list: a repeated misspelling looks nothing up again', () => {
    let lookups = 0;
    const counting: Lexicon = {
      size: lexicon.size,
      levelOf: (word) => {
        lookups++;
        return lexicon.levelOf(word);
      },
    };
    expect(suggestSpelling('recieve', counting)).toBe('receive');
    const first = lookups;
    expect(first).toBeGreaterThan(100);
    expect(suggestSpelling('Recieve', counting)).toBe('receive');
    expect(suggestSpelling('xqzvbk', counting)).toBeNull();
    const afterNull = lookups;
    expect(suggestSpelling('xqzvbk', counting)).toBeNull();
    expect(lookups).toBe(afterNull);
    // Another word list has its own answers.
    const other = createLexicon(new Map([[10, ['deceive']]]));
    expect(suggestSpelling('recieve', other)).toBeNull();
    // Bounded: after 5,000 other words the first is worked out again.
    for (let index = 0; index < 5000; index++) suggestSpelling(`zq${index.toString(36)}`, counting);
    const beforeRepeat = lookups;
    expect(suggestSpelling('recieve', counting)).toBe('receive');
    expect(lookups).toBeGreaterThan(beforeRepeat);
  });
});
