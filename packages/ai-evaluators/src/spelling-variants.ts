import table from './answer-spelling-table.json';

/**
 * British and American spellings of one word, as answer-key marking accepts them
 * (IELTS accepts both). The table is generated from SCOWL word lists by spelling rules
 * (-our/-or, -ise/-ize, -yse/-yze, -re/-er, -ll-/-l-, -ence/-ense, -ogue/-og, ae/oe → e,
 * -mme/-m, judgement/judgment) plus irregular pairs (grey/gray, tyre/tire, plough/plow, …);
 * a pair is kept only when both spellings are listed words, so a rule never turns a
 * misspelling into a match ("for" is not "four", "advize" is not "advise").
 */
export interface SpellingVariants {
  /** True when `answer` is `key` or an accepted spelling of it. Both must already be lowercase. */
  accepts(answer: string, key: string): boolean;
  /** The other accepted spellings of a lowercase key word (empty when it has none). */
  variantsOf(key: string): readonly string[];
  /** Pairs held (each counted once). */
  readonly size: number;
}

/** A British → American pair: `[british, american]`. */
export type SpellingPair = readonly [british: string, american: string];

/** Options of {@link createSpellingVariants}. */
export interface SpellingVariantsOptions {
  /** Pairs accepted both ways. Default: the generated table's symmetric pairs. */
  symmetric?: readonly SpellingPair[];
  /**
   * Pairs whose American form is also a common word of its own ("metre" / "meter",
   * "cheque" / "check", "storey" / "story"): the American spelling is accepted for a British
   * key, but a key written "check" does not accept "cheque". Default: the generated table's.
   */
  britishKeyOnly?: readonly SpellingPair[];
}

const toPairs = (lines: readonly string[]): SpellingPair[] =>
  lines.map((line) => {
    const [british = '', american = ''] = line.split(' ');
    return [british, american] as const;
  });

/** The generated pairs accepted both ways. */
export const SYMMETRIC_SPELLING_PAIRS: readonly SpellingPair[] = toPairs(table.symmetric);
/** The generated pairs accepted only for a British key (see {@link SpellingVariantsOptions}). */
export const BRITISH_KEY_ONLY_SPELLING_PAIRS: readonly SpellingPair[] = toPairs(table.britishKeyOnly);

/** Builds a lookup of accepted spellings from pairs (default: the generated table). */
export function createSpellingVariants(options: SpellingVariantsOptions = {}): SpellingVariants {
  const variants = new Map<string, string[]>();
  const link = (key: string, answer: string) => {
    const list = variants.get(key);
    if (list) {
      if (!list.includes(answer)) list.push(answer);
    } else variants.set(key, [answer]);
  };
  const symmetric = options.symmetric ?? SYMMETRIC_SPELLING_PAIRS;
  const britishKeyOnly = options.britishKeyOnly ?? BRITISH_KEY_ONLY_SPELLING_PAIRS;
  for (const [british, american] of symmetric) {
    link(british, american);
    link(american, british);
  }
  for (const [british, american] of britishKeyOnly) link(british, american);
  return {
    accepts: (answer, key) => answer === key || (variants.get(key)?.includes(answer) ?? false),
    variantsOf: (key) => variants.get(key) ?? [],
    size: symmetric.length + britishKeyOnly.length,
  };
}

let defaultVariants: SpellingVariants | undefined;

/** The lookup over the generated table, built on first use. */
export function defaultSpellingVariants(): SpellingVariants {
  defaultVariants ??= createSpellingVariants();
  return defaultVariants;
}
