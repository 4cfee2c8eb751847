import { describe, expect, it } from 'vitest';
import { findGrammarSlips } from './offline-grammar-slips.js';
import { loadEnglishLexicon } from './spelling-lexicon.js';

const lexicon = await loadEnglishLexicon();

const pairs = (text: string, withLexicon = true) =>
  findGrammarSlips(text, withLexicon ? lexicon : undefined).map((slip) => [slip.quote, slip.suggestion]);

describe('findGrammarSlips', () => {
  it('finds article, doubling, uncountable and comparative slips, quoting the text as written', () => {
    const text = 'It is a advantage. An book on the the table. People is happy with the informations and more better results.';
    expect(pairs(text)).toEqual([
      ['a advantage', 'an advantage'],
      ['An book', 'A book'],
      ['the the', 'the'],
      ['People is', 'People are'],
      ['informations', 'information'],
      ['more better', 'better'],
    ]);
    for (const slip of findGrammarSlips(text, lexicon)) expect(text).toContain(slip.quote);
  });

  it('finds agreement slips, "there is many", modals with "to" and past forms after auxiliaries', () => {
    expect(
      pairs(
        'He have a car and they has two. There is many reasons. You must to go. She didn\u2019t went home. We can helped them. It could wanted more.',
      ),
    ).toEqual([
      ['He have', 'He has'],
      ['they has', 'they have'],
      ['There is', 'There are'],
      ['must to', 'must'],
      ['didn\u2019t went', 'didn\u2019t go'],
      ['can helped', 'can help'],
      ['could wanted', 'could want'],
    ]);
  });

  it('leaves correct English alone', () => {
    const correct =
      'An hour later a university student gave an honest answer. Groups A and B grew, and type A is larger. More water and more forest were needed. ' +
      'The number of people who need help has risen. It can be used, and they would need it. That that happened is clear. An MBA helps.';
    expect(pairs(correct)).toEqual([]);
  });

  it('finds regular past forms after auxiliaries only with a lexicon', () => {
    expect(pairs('We can helped them.', false)).toEqual([]);
    expect(pairs('We can went there.', false)).toEqual([['can went', 'can go']]);
  });
});
