import type { QuestionReasonCode, QuestionReasonDetail } from '@ielts-genai-prep/core';
import type { MarkingFormat } from './answer-format.js';
import type { AnswerKeyEntry } from './answer-key.js';
import { answerTokens, countAnswerWords, isNumberToken } from './answer-normalization.js';
import { editDistance } from './edit-distance.js';
import { EvaluatorError } from './evaluator-error.js';
import { canonicalizeNumbers } from './number-words.js';
import { defaultSpellingVariants, type SpellingVariants } from './spelling-variants.js';

/** The marking of one answer. */
export interface AnswerMark {
  /** True when the answer earns the mark. */
  correct: boolean;
  /** Why, as a code (see core's `questionReasonCodeSchema`). */
  code: QuestionReasonCode;
  /** The figures the code needs: the word limit, the answer family, the options, the closest accepted answer. */
  detail: QuestionReasonDetail;
  /** Why, in plain words for the learner. */
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
  TRUE: 'TRUE',
  T: 'TRUE',
  FALSE: 'FALSE',
  F: 'FALSE',
  NOTGIVEN: 'NOT GIVEN',
  NG: 'NOT GIVEN',
  YES: 'YES',
  Y: 'YES',
  NO: 'NO',
  N: 'NO',
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

const FAMILY_ANSWERS: Readonly<Record<'true_false_not_given' | 'yes_no_not_given', string>> = {
  true_false_not_given: 'TRUE, FALSE or NOT GIVEN',
  yes_no_not_given: 'YES, NO or NOT GIVEN',
};

function describeOptions(options: readonly string[]): string {
  if (options.length > 3) {
    const first = options[0] ?? '';
    const last = options[options.length - 1] ?? '';
    return `${first}–${last}`;
  }
  return options.join(', ');
}

/**
 * The reason for a mark in plain words, from its code and figures: "Over the word limit: 3 words,
 * and the instructions allow at most 2." `expected` are the accepted answers as the key writes them.
 */
export function describeAnswerMark(code: QuestionReasonCode, detail: QuestionReasonDetail, expected: readonly string[] = []): string {
  const answer = expected.length > 0 ? `“${expected.join('” or “')}”` : 'another answer';
  switch (code) {
    case 'correct':
      return 'Correct.';
    case 'blank':
      return 'Left blank. A wrong answer costs nothing, so always write something.';
    case 'over_word_limit': {
      const allowed = detail.numbers_allowed
        ? `${plural(detail.max_words ?? 0, 'word')} and a number`
        : plural(detail.max_words ?? 0, 'word');
      const given = (detail.numbers ?? 0) > 0 ? `${plural(detail.words ?? 0, 'word')} and a number` : plural(detail.words ?? 0, 'word');
      return `Over the word limit: ${given}, and the instructions allow at most ${allowed}. A longer answer is wrong even when it contains the right words.`;
    }
    case 'wrong_answer_family':
      return detail.family === 'yes_no_not_given'
        ? 'This question asks for YES, NO or NOT GIVEN (the writer’s views); TRUE and FALSE answer a different kind of question.'
        : 'This question asks for TRUE, FALSE or NOT GIVEN (facts in the passage); YES and NO answer a different kind of question.';
    case 'not_a_choice':
      return `Not an answer this question takes: write ${FAMILY_ANSWERS[detail.family ?? 'true_false_not_given']}.`;
    case 'not_an_option':
      return `Not one of the letters offered (${describeOptions(detail.options ?? [])}): write the letter of one option only.`;
    case 'letter_already_counted':
      return `${detail.letter ?? 'This letter'} already counts for question ${detail.counted_for ?? ''}: the letters may come in either order, but each counts once.`;
    case 'misspelled':
      return `Spelt differently from “${detail.closest ?? expected[0] ?? ''}”. Spelling must be exact for the mark.`;
    case 'not_a_number':
      return `This question asks for a number; the answer is ${answer}.`;
    case 'number_not_allowed':
      return `This question takes words only, not digits; the answer is ${answer}.`;
    default:
      return `Not the answer: the answer is ${answer}.`;
  }
}

function answerMark(code: QuestionReasonCode, expected: readonly string[], detail: QuestionReasonDetail = {}): AnswerMark {
  return { correct: code === 'correct', code, detail, reason: describeAnswerMark(code, detail, expected) };
}

// Close enough to an accepted answer to call it a misspelling: the same number of words, every
// word within one letter of the key's (two for words of eight letters or more), and no number.
function closestMisspelling(
  answer: readonly string[],
  keys: ReadonlyArray<{ text: string; tokens: readonly string[] }>,
): string | undefined {
  return keys.find(
    ({ tokens }) =>
      tokens.length === answer.length &&
      answer.some((token, index) => token !== tokens[index]) &&
      answer.every((token, index) => {
        const key = tokens[index] ?? '';
        if (isNumberToken(token) || isNumberToken(key)) return token === key;
        return editDistance(token, key, 2) <= (key.length >= 8 ? 2 : 1) && key.length >= 3;
      }),
  )?.text;
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
  const written = [...new Set(expected as ChoiceAnswer[])];
  if (isBlank(given)) return answerMark('blank', written);
  const answer = readChoiceAnswer(given);
  if (answer === undefined) return answerMark('not_a_choice', written, { family: kind });
  if (expected.includes(answer)) return answerMark('correct', written);
  if (!valid.includes(answer)) return answerMark('wrong_answer_family', written, { family: kind });
  return answerMark('wrong', written);
}

function markLetter(given: string, entry: AnswerKeyEntry, options: readonly string[]): AnswerMark {
  const expected = entry.accepted.map((text) => readLetterAnswer(text, options));
  if (expected.length === 0 || expected.some((letter) => letter === undefined)) {
    throw new EvaluatorError('invalid_input', `the key "${entry.written}" is not one of the options ${describeOptions(options)}`);
  }
  const written = entry.alternatives;
  if (isBlank(given)) return answerMark('blank', written);
  const answer = readLetterAnswer(given, options);
  if (answer === undefined) return answerMark('not_an_option', written, { options: [...options] });
  return answerMark(expected.includes(answer) ? 'correct' : 'wrong', written);
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
 * Anything else — a misspelling included — does not match; a misspelling is told apart
 * (`misspelled`, with the accepted answer it is closest to) so the learner knows why. Throws an `invalid_input`
 * EvaluatorError when the key itself does not fit the format.
 */
export function markAnswer(given: string, entry: AnswerKeyEntry, format: MarkingFormat, options: MarkAnswerOptions = {}): AnswerMark {
  if (format.kind === 'true_false_not_given' || format.kind === 'yes_no_not_given') return markChoice(given, entry, format.kind);
  if (format.kind === 'letter') return markLetter(given, entry, format.options);
  const written = entry.alternatives;
  if (isBlank(given)) return answerMark('blank', written);

  const spelling = options.spellingVariants ?? defaultSpellingVariants();
  const numbersAllowed = format.kind === 'number' || format.numbers_allowed;
  const answer = wordTokens(given, numbersAllowed);

  if (format.kind === 'words' && format.max_words !== null) {
    const length = countAnswerWords(answer, format.numbers_allowed);
    if (length.words > format.max_words) {
      return answerMark('over_word_limit', written, {
        words: length.words,
        numbers: length.numbers,
        max_words: format.max_words,
        numbers_allowed: format.numbers_allowed,
      });
    }
  }

  const keys = entry.accepted.map((text) => ({ text, tokens: wordTokens(text, numbersAllowed) }));
  if (keys.some(({ tokens }) => tokensMatch(answer, tokens, spelling))) return answerMark('correct', written);

  if (format.kind === 'number' && !answer.some(isNumberToken)) return answerMark('not_a_number', written);
  if (format.kind === 'words' && !format.numbers_allowed && answer.some((token) => /\d/.test(token)))
    return answerMark('number_not_allowed', written);
  const closest = closestMisspelling(answer, keys);
  if (closest !== undefined) return answerMark('misspelled', written, { closest });
  return answerMark('wrong', written);
}
