import { parseDigits } from './number-words.js';

/**
 * Normalises an answer or key text the way IELTS marking reads it: capital letters do not
 * matter, accents and typographic variants (curly quotes, non-breaking hyphens, full-width
 * letters) are folded, and runs of whitespace become one space.
 */
export function normalizeAnswerText(text: string): string {
  // Quotes and dashes first: decomposing "´" would leave a space inside "children´s".
  return text
    .replace(/[\u2018\u2019\u201b\u0060\u00b4]/g, "'")
    .replace(/[\u2010\u2011\u2012\u2013\u2014\u2212]/g, '-')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

// Punctuation stripped from either end of a word; "%" stays (it is part of "15%").
const EDGE_PUNCTUATION = /^[\p{P}\p{Z}]+|[\p{P}\p{Z}]+$/gu;
const KEEP_AT_END = /%$/;
// Commas, semicolons and slashes separate words unless they sit between digits ("1,000", "24/7").
const SEPARATORS = /(?<!\d)[,;/]|[,;/](?!\d)/gu;

function stripEdges(word: string): string {
  const percent = KEEP_AT_END.test(word);
  const stripped = word.replace(EDGE_PUNCTUATION, '');
  return percent && stripped !== '' && !stripped.endsWith('%') ? `${stripped}%` : stripped;
}

/**
 * Splits a normalised answer into words, dropping punctuation around each word and around
 * the whole answer ("(the) river." → ["the", "river"]) but keeping hyphens and apostrophes
 * inside a word ("well-known", "children's") and digit grouping ("1,000").
 */
export function answerTokens(text: string): string[] {
  return normalizeAnswerText(text)
    .replace(SEPARATORS, ' ')
    .split(' ')
    .map(stripEdges)
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
}

const AMOUNT = /^\p{Sc}?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)%?$/u;

/** True for a number written in digits, possibly with a currency sign or "%": "15", "1,000", "£3.50", "21st", "15%". */
export function isNumberToken(token: string): boolean {
  if (parseDigits(token)) return true;
  return AMOUNT.test(token);
}

/** How many words and numbers an answer has, as a word limit counts them. */
export interface AnswerLength {
  /** Words that count against the limit. */
  words: number;
  /** Numbers not counted as words (at most one, where a number is allowed). */
  numbers: number;
}

/**
 * Counts an answer's words for a word limit. A hyphenated word is one word. Where the
 * instructions allow "AND/OR A NUMBER", one number (written in digits, or in words already turned into
 * digits by `canonicalizeNumbers`) is not counted as a word;
 * further numbers count as words ("15 May 2020" is two words and a number).
 */
export function countAnswerWords(tokens: readonly string[], numberAllowed: boolean): AnswerLength {
  let numbers = 0;
  let words = 0;
  for (const token of tokens) {
    if (numberAllowed && numbers === 0 && isNumberToken(token)) numbers += 1;
    else words += 1;
  }
  return { words, numbers };
}
