import type { AnswerFormat } from '@ielts-genai-prep/core';
import type { AnswerKeyEntry } from './answer-key.js';
import { answerTokens } from './answer-normalization.js';

const COUNT_WORDS: Readonly<Record<string, number>> = {
  ONE: 1,
  TWO: 2,
  THREE: 3,
  FOUR: 4,
  FIVE: 5,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
  '5': 5,
};
const COUNT = '(ONE|TWO|THREE|FOUR|FIVE|[1-5])';

const WORD_LIMIT_PATTERNS: readonly RegExp[] = [
  new RegExp(`NO MORE THAN ${COUNT} WORDS?`),
  new RegExp(`(?:UP TO|A MAXIMUM OF|MAXIMUM) ${COUNT} WORDS?`),
  new RegExp(`ONLY ${COUNT} WORDS?`),
  new RegExp(`\\b${COUNT} WORDS?(?: ONLY| AND/OR| OR| AND|\\b)`),
];
const NUMBER_ALLOWED = /\b(?:AND\/OR|AND OR|OR|AND) (?:A )?NUMBERS?\b/;
const NUMBER_ONLY = /\b(?:A NUMBER|NUMBERS? ONLY|ONLY (?:A )?NUMBERS?|IN (?:FIGURES|DIGITS))\b/;

/** Roman numerals i–xxvi, the numbering of lists of headings. */
export const ROMAN_NUMERALS: readonly string[] = Array.from({ length: 26 }, (_, index) => toRoman(index + 1));

function toRoman(value: number): string {
  const digits: ReadonlyArray<readonly [number, string]> = [
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let remaining = value;
  let roman = '';
  for (const [amount, letters] of digits) {
    while (remaining >= amount) {
      roman += letters;
      remaining -= amount;
    }
  }
  return roman;
}

/** Every capital letter, A to Z. */
export const LETTERS: readonly string[] = Array.from({ length: 26 }, (_, index) => String.fromCharCode(65 + index));

function letterRange(first: string, last: string): string[] | null {
  const start = LETTERS.indexOf(first);
  const end = LETTERS.indexOf(last);
  return start >= 0 && end > start ? LETTERS.slice(start, end + 1) : null;
}

function romanRange(first: string, last: string): string[] | null {
  const start = ROMAN_NUMERALS.indexOf(first);
  const end = ROMAN_NUMERALS.indexOf(last);
  return start >= 0 && end > start ? ROMAN_NUMERALS.slice(start, end + 1) : null;
}

/**
 * Reads a question group's instructions into an answer format, or null when they say
 * nothing this recognises:
 * - "Write NO MORE THAN TWO WORDS AND/OR A NUMBER" → `{ kind: 'words', max_words: 2, numbers_allowed: true }`
 * - "Write ONE WORD ONLY" → `{ kind: 'words', max_words: 1, numbers_allowed: false }`
 * - "Write A NUMBER" → `{ kind: 'number' }`
 * - "Write TRUE, FALSE or NOT GIVEN" → `{ kind: 'true_false_not_given' }`; YES / NO / NOT GIVEN likewise
 * - "Choose the correct letter, A, B, C or D" / "Write the correct letter, A–G" → `{ kind: 'letter', options: [...] }`
 * - "… from the list of headings … i–viii" → letter options in roman numerals
 */
export function parseAnswerFormat(instructions: string): AnswerFormat | null {
  const original = instructions.replace(/[\u2010-\u2015\u2212]/g, '-').replace(/\s+/g, ' ');
  const text = original.toUpperCase();

  if (/\bNOT GIVEN\b/.test(text)) {
    if (/\bYES\b/.test(text) && /\bNO\b/.test(text)) return { kind: 'yes_no_not_given' };
    if (/\bTRUE\b/.test(text) && /\bFALSE\b/.test(text)) return { kind: 'true_false_not_given' };
  }

  for (const pattern of WORD_LIMIT_PATTERNS) {
    const match = pattern.exec(text);
    const maxWords = match ? COUNT_WORDS[match[1] ?? ''] : undefined;
    if (maxWords !== undefined) return { kind: 'words', max_words: maxWords, numbers_allowed: NUMBER_ALLOWED.test(text) };
  }
  if (NUMBER_ONLY.test(text) && !/\bLETTERS?\b/.test(text)) return { kind: 'number' };

  // Roman numerals are written in lower case: "i-viii", "i to x".
  const roman = /\b([ivx]+)\s*(?:-|TO)\s*([ivx]+)\b/i.exec(original);
  if (roman && /\b(?:HEADINGS?|NUMBERS?|NUMERALS?)\b/.test(text)) {
    const options = romanRange((roman[1] ?? '').toLowerCase(), (roman[2] ?? '').toLowerCase());
    if (options) return { kind: 'letter', options };
  }
  if (/\bLETTERS?\b/.test(text)) {
    const range = /\b([A-Z])\s*(?:-|TO)\s*([A-Z])\b/.exec(text);
    if (range) {
      const options = letterRange(range[1] ?? '', range[2] ?? '');
      if (options) return { kind: 'letter', options };
    }
    const list = /\b((?:[A-Z],? )+(?:OR|AND) [A-Z])\b/.exec(text);
    if (list) {
      const options = (list[1] ?? '').split(/,? (?:OR |AND )?|, /).filter((letter) => /^[A-Z]$/.test(letter));
      if (options.length >= 2) return { kind: 'letter', options: [...new Set(options)].sort() };
    }
  }
  return null;
}

const TFNG_WORDS = new Set(['true', 'false', 't', 'f']);
const YNNG_WORDS = new Set(['yes', 'no', 'y', 'n']);

/**
 * A best guess at a question's format from its key alone, for keys given without
 * instructions: TRUE/FALSE/NOT GIVEN or YES/NO/NOT GIVEN when the key is written so, a
 * letter when every alternative is one capital letter or a roman numeral (any letter is then a
 * valid option), and otherwise words with numbers allowed and no word limit (`max_words` null).
 */
export function inferAnswerFormat(entry: AnswerKeyEntry): MarkingFormat {
  const texts = entry.accepted.map((text) => answerTokens(text).join(' '));
  if (texts.length > 0 && texts.every((text) => text === 'not given' || text === 'ng' || TFNG_WORDS.has(text) || YNNG_WORDS.has(text))) {
    const fullWords = entry.accepted.some((text) => /^(?:TRUE|FALSE|YES|NO|NOT GIVEN)$/i.test(text.trim()));
    if (fullWords || texts.some((text) => text === 'not given' || text === 'ng')) {
      return texts.some((text) => YNNG_WORDS.has(text)) ? { kind: 'yes_no_not_given' } : { kind: 'true_false_not_given' };
    }
  }
  if (entry.accepted.length > 0 && entry.accepted.every((text) => /^[A-Z]$/.test(text.trim())))
    return { kind: 'letter', options: [...LETTERS] };
  if (entry.accepted.length > 0 && entry.accepted.every((text) => ROMAN_NUMERALS.includes(text.trim()))) {
    return { kind: 'letter', options: [...ROMAN_NUMERALS] };
  }
  return { kind: 'words', max_words: null, numbers_allowed: true };
}

/**
 * How one answer is marked: core's {@link AnswerFormat}, or words without a known limit
 * (`max_words: null`) when a key came without instructions.
 */
export type MarkingFormat = AnswerFormat | { kind: 'words'; max_words: number | null; numbers_allowed: boolean };
