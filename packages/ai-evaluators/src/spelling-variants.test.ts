import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IRREGULAR_PAIRS, buildSpellingTable, loadWordlist } from '../scripts/generate-answer-spelling-table.mjs';
import table from './answer-spelling-table.json';
import {
  BRITISH_KEY_ONLY_SPELLING_PAIRS,
  SYMMETRIC_SPELLING_PAIRS,
  createSpellingVariants,
  defaultSpellingVariants,
} from './spelling-variants.js';

const wordlist = loadWordlist();
const variants = defaultSpellingVariants();

describe('the generated table', () => {
  it('is what the generator derives from SCOWL today (run scripts/generate-answer-spelling-table.mjs after changing a rule)', () => {
    const derived = buildSpellingTable(wordlist);
    expect(table.symmetric).toEqual(derived.symmetric);
    expect(table.britishKeyOnly).toEqual(derived.britishKeyOnly);
  });

  it('holds well over a thousand pairs, each of two different words', () => {
    expect(SYMMETRIC_SPELLING_PAIRS.length).toBeGreaterThan(1500);
    for (const [british, american] of [...SYMMETRIC_SPELLING_PAIRS, ...BRITISH_KEY_ONLY_SPELLING_PAIRS]) {
      expect(british).toMatch(/^[a-z]+$/);
      expect(american).toMatch(/^[a-z]+$/);
      expect(british).not.toBe(american);
    }
  });

  it('pairs only words SCOWL lists: every British form is a British word, every American form an American or common one', () => {
    const britishWords = new Set(wordlist['english/british']);
    const americanWords = new Set([...(wordlist['english/american'] ?? []), ...(wordlist.english ?? [])]);
    // Irregular base pairs are listed by hand; what is derived from them must be attested.
    const irregular = new Set(IRREGULAR_PAIRS.map((pair) => pair.join(' ')));
    for (const [british, american] of [...SYMMETRIC_SPELLING_PAIRS, ...BRITISH_KEY_ONLY_SPELLING_PAIRS]) {
      if (irregular.has(`${british} ${american}`)) continue;
      expect(britishWords.has(british), british).toBe(true);
      expect(americanWords.has(american), american).toBe(true);
    }
  });
});

describe('spelling variants', () => {
  it.each([
    ['colour', 'color'],
    ['centre', 'center'],
    ['organise', 'organize'],
    ['organisation', 'organization'],
    ['realised', 'realized'],
    ['analyse', 'analyze'],
    ['travelled', 'traveled'],
    ['travelling', 'traveling'],
    ['fulfil', 'fulfill'],
    ['enrolment', 'enrollment'],
    ['defence', 'defense'],
    ['catalogue', 'catalog'],
    ['theatre', 'theater'],
    ['neighbourhood', 'neighborhood'],
    ['favourite', 'favorite'],
    ['paediatric', 'pediatric'],
    ['manoeuvre', 'maneuver'],
    ['judgement', 'judgment'],
    ['grey', 'gray'],
    ['jewellery', 'jewelry'],
    ['aluminium', 'aluminum'],
    ['plough', 'plow'],
    ['pyjamas', 'pajamas'],
    ['sceptical', 'skeptical'],
    ['mould', 'mold'],
    ['aeroplane', 'airplane'],
  ])('accepts %s and %s for each other', (british, american) => {
    expect(variants.accepts(american, british)).toBe(true);
    expect(variants.accepts(british, american)).toBe(true);
  });

  it.each([
    ['programme', 'program'],
    ['metre', 'meter'],
    ['cheque', 'check'],
    ['tyre', 'tire'],
    ['licence', 'license'],
    ['storey', 'story'],
  ])(
    'accepts the American spelling for the British key %s, but a key written %s (a word of its own) only as written',
    (british, american) => {
      expect(variants.accepts(american, british)).toBe(true);
      expect(variants.accepts(british, american)).toBe(false);
    },
  );

  it.each([
    ['for', 'four'],
    ['hor', 'hour'],
    ['advize', 'advise'],
    ['surprize', 'surprise'],
    ['acer', 'acre'],
    ['prize', 'prise'],
    ['colur', 'colour'],
    ['tel', 'tell'],
    ['hem', 'haem'],
  ])('does not accept %s for %s', (answer, key) => {
    expect(variants.accepts(answer, key)).toBe(false);
  });

  it('accepts a word for itself and lists the variants of a key', () => {
    expect(variants.accepts('river', 'river')).toBe(true);
    expect(variants.variantsOf('colour')).toEqual(['color']);
    expect(variants.variantsOf('river')).toEqual([]);
  });

  it('is symmetric for every symmetric pair', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SYMMETRIC_SPELLING_PAIRS), ([british, american]) => {
        expect(variants.accepts(american, british) && variants.accepts(british, american)).toBe(true);
      }),
    );
  });

  it('can be built from pairs of your own', () => {
    const custom = createSpellingVariants({ symmetric: [['tonne', 'ton']], britishKeyOnly: [] });
    expect(custom.accepts('ton', 'tonne')).toBe(true);
    expect(custom.accepts('color', 'colour')).toBe(false);
    expect(custom.size).toBe(1);
  });
});
