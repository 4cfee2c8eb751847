import type { Lexicon } from './spelling-lexicon.js';

/** A word the lexicon does not know, where it is, and the likeliest intended word. */
export interface SpellingError {
  /** The word as written. */
  word: string;
  /** Offset of the word in the text. */
  index: number;
  /** The commonest known word one edit away, or null when there is none. */
  suggestion: string | null;
}

/** Options of {@link findSpellingErrors}. */
export interface FindSpellingErrorsOptions {
  /** Extra words to accept, such as the words of the task prompt (names, places). Default none. */
  knownWords?: Iterable<string>;
}

const tokenPattern = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu;
const contractionSuffixes = ["n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "s'"];
const irregularContractions = new Set(["can't", "won't", "shan't", "ain't", "i'm", "o'clock", "y'all", "ma'am"]);
const alphabet = 'abcdefghijklmnopqrstuvwxyz';
// Abbreviations, units and newer words that SCOWL leaves out but essays use correctly.
const COMMON_EXTRA_WORDS = new Set(
  'etc am pm km kg mm cm ml kw kwh mph ppm gdp co eco app apps admin tech pre tv tvs cafe cafes wellbeing covid maths offline email emails internet smartphone smartphones blog blogs vlog website websites online ebook ebooks uni vs eg ie ok percent'.split(
    ' ',
  ),
);

/**
 * The misspelt words of a text. Names are not errors: a capitalised word inside a sentence,
 * an all-capitals abbreviation, anything with a digit and any word of `knownWords` is
 * skipped. Contractions ("don't", "people's") are checked on their stem.
 */
export function findSpellingErrors(text: string, lexicon: Lexicon, options: FindSpellingErrorsOptions = {}): SpellingError[] {
  const known = new Set<string>();
  for (const word of options.knownWords ?? []) known.add(word.toLowerCase());
  const errors: SpellingError[] = [];
  for (const match of text.matchAll(tokenPattern)) {
    const raw = match[0].replace(/\u2019/g, "'");
    const index = match.index ?? 0;
    if (/\p{N}/u.test(raw)) continue;
    if (raw.length > 1 && raw === raw.toUpperCase()) continue;
    const capitalised = raw[0] !== raw[0]?.toLowerCase();
    if (capitalised && !startsSentence(text, index)) continue;
    const word = raw.toLowerCase();
    if (known.has(word) || COMMON_EXTRA_WORDS.has(word) || isKnownWord(word, lexicon)) continue;
    errors.push({ word: raw, index, suggestion: suggestSpelling(word, lexicon) });
  }
  return errors;
}

/** True when the lexicon knows a lowercase word, or the stem of its contraction. */
export function isKnownWord(word: string, lexicon: Lexicon): boolean {
  if (lexicon.levelOf(word) !== undefined) return true;
  if (!word.includes("'")) return false;
  if (irregularContractions.has(word)) return true;
  for (const suffix of contractionSuffixes) {
    if (word.endsWith(suffix)) {
      const stem = word.slice(0, -suffix.length);
      if (stem.length > 0 && lexicon.levelOf(stem) !== undefined) return true;
    }
  }
  return false;
}

/**
 * The likeliest intended word: a contraction missing its apostrophe ("dont" → "don't"), else
 * the commonest known word one edit away. Ties go to the likelier slip — a letter missing, two
 * letters swapped, a wrong letter, an extra letter — then alphabetically. Null when no known
 * word is one edit away.
 */
export function suggestSpelling(word: string, lexicon: Lexicon): string | null {
  const lower = word.toLowerCase();
  // Learners misspell the same words again and again, and each suggestion tries about 50 × the
  // word's length candidates: remembered per lexicon, the most recent few thousand.
  let remembered = suggestionsByLexicon.get(lexicon);
  if (!remembered) suggestionsByLexicon.set(lexicon, (remembered = new Map()));
  const known = remembered.get(lower);
  if (known !== undefined) return known;
  const suggestion = computeSuggestion(lower, lexicon);
  if (remembered.size >= REMEMBERED_SUGGESTIONS) remembered.delete(remembered.keys().next().value as string);
  remembered.set(lower, suggestion);
  return suggestion;
}

// A plain Map in insertion order is the whole cache: no dependency for one bounded lookup.
const REMEMBERED_SUGGESTIONS = 5000;
const suggestionsByLexicon = new WeakMap<Lexicon, Map<string, string | null>>();

function computeSuggestion(lower: string, lexicon: Lexicon): string | null {
  for (let position = lower.length - 1; position > 0; position--) {
    const withApostrophe = `${lower.slice(0, position)}'${lower.slice(position)}`;
    if (/'(t|s|re|ve|ll|d|m)$/.test(withApostrophe) && isKnownWord(withApostrophe, lexicon)) return withApostrophe;
  }
  // Candidate → kind of edit (0 a missing letter put back, 1 a swap, 2 a substitution, 3 a deletion).
  const candidates = new Map<string, number>();
  const add = (candidate: string, kind: number) => {
    if (candidate !== lower && (candidates.get(candidate) ?? 99) > kind) candidates.set(candidate, kind);
  };
  for (let position = 0; position <= lower.length; position++) {
    const head = lower.slice(0, position);
    const tail = lower.slice(position);
    if (tail.length > 1) add(head + tail[1] + tail[0] + tail.slice(2), 1);
    for (const letter of alphabet) {
      add(head + letter + tail, 0);
      if (tail.length > 0) add(head + letter + tail.slice(1), 2);
    }
    if (tail.length > 0) add(head + tail.slice(1), 3);
  }
  let best: { word: string; level: number; kind: number } | null = null;
  for (const [candidate, kind] of candidates) {
    const level = lexicon.levelOf(candidate);
    if (level === undefined) continue;
    const better =
      best === null || level < best.level || (level === best.level && (kind < best.kind || (kind === best.kind && candidate < best.word)));
    if (better) best = { word: candidate, level, kind };
  }
  return best?.word ?? null;
}

// A word starts a sentence when only spaces and opening quotes or brackets stand between
// it and the start of the text, a line break, or a full stop, question or exclamation mark.
function startsSentence(text: string, index: number): boolean {
  for (let position = index - 1; position >= 0; position--) {
    const character = text[position] ?? '';
    if (character === '\n' || /[.!?:]/.test(character)) return true;
    if (!/[\s"'\u2018\u201c([-]/.test(character)) return false;
  }
  return true;
}
