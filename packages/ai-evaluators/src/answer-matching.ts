import type { MarkingFormat } from './answer-format.js';
import type { AnswerKeyEntry } from './answer-key.js';
import { answerTokens, countAnswerWords, isNumberToken } from './answer-normalization.js';
import { EvaluatorError } from './evaluator-error.js';
import { canonicalizeNumbers } from './number-words.js';
import { defaultSpellingVariants, type SpellingVariants } from './spelling-variants.js';

/** The marking of one answer. */
export interface AnswerMark {
  /** True when the answer earns the mark. */
  correct: boolean;
  /**
   * Why: "correct", "blank", "over the word limit (3 words; at most 2)",
   * "TRUE expected, not YES", "not one of the options (A–D)", "does not match the key", …
   */
  reason: string;
}

/** Options of {@link markAnswer}. */
export interface MarkAnswerOptions {
  /** British/American spellings accepted as the same word. Default: the generated table; `false` accepts only the key's spelling. */
  spellingVariants?: SpellingVariants | false;
}

/** The answers of TRUE/FALSE/NOT GIVEN and YES/NO/NOT GIVEN questions. */
export type ChoiceAnswer = 'TRUE' | 'FALSE' | 'NOT GIVEN' | 'YES' | 'NO';

const CHOICES: Readonly<Record<string, ChoiceAnswer>> = {
  TRUE: 'TRUE', T: 'TRUE', FALSE: 'FALSE', F: 'FALSE', NOTGIVEN: 'NOT GIVEN', NG: 'NOT GIVEN', YES: 'YES', Y: 'YES', NO: 'NO', N: 'NO',
};

/**
 * Reads a TRUE/FALSE/NOT GIVEN or YES/NO/NOT GIVEN answer in any case, with its letter
 * forms (T, F, NG, Y, N) and stray punctuation ("N.G.", "not-given"); undefined otherwise.
 */
export function readChoiceAnswer(text: string): ChoiceAnswer | undefined {
  const letters = text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
  return CHOICES[letters];
}

/** The valid answers of a TRUE/FALSE/NOT GIVEN or YES/NO/NOT GIVEN question. */
export function choicesOf(kind: 'true_false_not_given' | 'yes_no_not_given'): readonly ChoiceAnswer[] {
  return kind === 'true_false_not_given' ? ['TRUE', 'FALSE', 'NOT GIVEN'] : ['YES', 'NO', 'NOT GIVEN'];
}

/** Reads a letter answer ("b", "(B)", "iv.") as the option it names, in the options' case. */
export function readLetterAnswer(text: string, options: readonly string[]): string | undefined {
  const tokens = answerTokens(text);
  if (tokens.length !== 1) return undefined;
  const token = (tokens[0] ?? '').toUpperCase();
  return options.find((option) => option.toUpperCase() === token);
}

function describeOptions(options: readonly string[]): string {
  if (options.length > 3) {
    const first = options[0] ?? '';
    const last = options[options.length - 1] ?? '';
    return `${first}–${last}`;
  }
  return options.join(', ');
}

function tokenMatches(answer: string, key: string, spelling: SpellingVariants | false): boolean {
  if (answer === key) return true;
  if (spelling === false) return false;
  if (spelling.accepts(answer, key)) return true;
  // "well-organised" for "well-organized": compare the parts of a hyphenated word.
  const answerParts = answer.split('-');
  const keyParts = key.split('-');
  return (
    answerParts.length > 1 &&
    answerParts.length === keyParts.length &&
    answerParts.every((part, index) => spelling.accepts(part, keyParts[index] ?? ''))
  );
}

function tokensMatch(answer: readonly string[], key: readonly string[], spelling: SpellingVariants | false): boolean {
  return answer.length === key.length && answer.every((token, index) => tokenMatches(token, key[index] ?? '', spelling));
}

function wordTokens(text: string, numbersAllowed: boolean): string[] {
  const tokens = answerTokens(text);
  return numbersAllowed ? canonicalizeNumbers(tokens) : tokens;
}

function markChoice(given: string, entry: AnswerKeyEntry, kind: 'true_false_not_given' | 'yes_no_not_given'): AnswerMark {
  const valid = choicesOf(kind);
  const expected = entry.accepted.map(readChoiceAnswer);
  if (expected.length === 0 || expected.some((choice) => choice === undefined || !valid.includes(choice))) {
    throw new EvaluatorError('invalid_input', `the key "${entry.written}" is not one of ${valid.join(' / ')}`);
  }
  if (isBlank(given)) return { correct: false, reason: 'blank' };
  const answer = readChoiceAnswer(given);
  if (answer === undefined) return { correct: false, reason: `not a ${valid.join('/')} answer` };
  if (expected.includes(answer)) return { correct: true, reason: 'correct' };
  return { correct: false, reason: `${expected[0]} expected, not ${answer}` };
}

function markLetter(given: string, entry: AnswerKeyEntry, options: readonly string[]): AnswerMark {
  const expected = entry.accepted.map((text) => readLetterAnswer(text, options));
  if (expected.length === 0 || expected.some((letter) => letter === undefined)) {
    throw new EvaluatorError('invalid_input', `the key "${entry.written}" is not one of the options ${describeOptions(options)}`);
  }
  if (isBlank(given)) return { correct: false, reason: 'blank' };
  const answer = readLetterAnswer(given, options);
  if (answer === undefined) return { correct: false, reason: `not one of the options (${describeOptions(options)})` };
  return expected.includes(answer) ? { correct: true, reason: 'correct' } : { correct: false, reason: 'does not match the key' };
}

function isBlank(given: string): boolean {
  return answerTokens(given).length === 0;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * Marks one answer against one key entry by the IELTS rules: capitals, surrounding spaces and
 * punctuation do not matter; British and American spellings are both right; numbers may be
 * digits or words where numbers are allowed; the word limit is strict (a longer answer is wrong
 * even when it contains the key; a hyphenated word is one word); TRUE/FALSE/NOT GIVEN and
 * YES/NO/NOT GIVEN never stand for each other; a letter must be one of the options.
 * Anything else — a misspelling included — does not match. Throws an `invalid_input`
 * EvaluatorError when the key itself does not fit the format.
 */
export function markAnswer(given: string, entry: AnswerKeyEntry, format: MarkingFormat, options: MarkAnswerOptions = {}): AnswerMark {
  if (format.kind === 'true_false_not_given' || format.kind === 'yes_no_not_given') return markChoice(given, entry, format.kind);
  if (format.kind === 'letter') return markLetter(given, entry, format.options);
  if (isBlank(given)) return { correct: false, reason: 'blank' };

  const spelling = options.spellingVariants ?? defaultSpellingVariants();
  const numbersAllowed = format.kind === 'number' || format.numbers_allowed;
  const answer = wordTokens(given, numbersAllowed);

  if (format.kind === 'words' && format.max_words !== null) {
    const length = countAnswerWords(answer, format.numbers_allowed);
    if (length.words > format.max_words) {
      const reason =
        length.numbers > 0
          ? `over the word limit (${plural(length.words, 'word')} and a number; at most ${plural(format.max_words, 'word')} and a number)`
          : `over the word limit (${plural(length.words, 'word')}; at most ${format.max_words})`;
      return { correct: false, reason };
    }
  }

  if (entry.accepted.some((text) => tokensMatch(answer, wordTokens(text, numbersAllowed), spelling))) return { correct: true, reason: 'correct' };

  if (format.kind === 'number' && !answer.some(isNumberToken)) return { correct: false, reason: 'not a number' };
  if (format.kind === 'words' && !format.numbers_allowed && answer.some((token) => /\d/.test(token))) {
    return { correct: false, reason: 'a number is not accepted here (words only)' };
  }
  return { correct: false, reason: 'does not match the key' };
}
