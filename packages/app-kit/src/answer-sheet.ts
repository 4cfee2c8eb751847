import type { AnswerFormat, QuestionGroup } from '@ielts-genai-prep/core';

/** Answers by question number (`"1"` … `"40"`), as the learner typed or chose them. */
export type Answers = Record<string, string>;

/**
 * The answer sheet to send: trimmed answers, blanks left out (an unanswered question is
 * simply marked wrong), inner runs of spaces collapsed.
 */
export function answerSheetFrom(answers: Answers): Answers {
  const sheet: Answers = {};
  for (const [number, value] of Object.entries(answers)) {
    const cleaned = value.replace(/\s+/g, ' ').trim();
    if (cleaned) sheet[number] = cleaned;
  }
  return sheet;
}

/** Every question number in the groups, in order. */
export function questionNumbers(groups: readonly QuestionGroup[]): number[] {
  return groups.flatMap((group) => group.questions.map((question) => question.number)).sort((a, b) => a - b);
}

/** The choices of a question answered by picking one (TRUE/FALSE/NOT GIVEN, YES/NO/NOT GIVEN, letters), or null for written answers. */
export function choicesFor(format: AnswerFormat): readonly string[] | null {
  switch (format.kind) {
    case 'true_false_not_given':
      return ['TRUE', 'FALSE', 'NOT GIVEN'];
    case 'yes_no_not_given':
      return ['YES', 'NO', 'NOT GIVEN'];
    case 'letter':
      return format.options;
    default:
      return null;
  }
}

/** The instruction under a written answer: how many words are allowed ("Write one word."); null for answers picked from choices. */
export function writtenAnswerHint(format: AnswerFormat): string | null {
  if (format.kind === 'number') return 'Write a number.';
  if (format.kind !== 'words') return null;
  const words = format.max_words === 1 ? 'one word' : `no more than ${format.max_words} words`;
  return `Write ${words}${format.numbers_allowed ? ' and/or a number' : ''}.`;
}

/** What an answer sheet takes, on the web and on the phone alike. */
export interface AnswerSheetProps {
  groups: readonly QuestionGroup[];
  answers: Answers;
  onChange: (questionNumber: number, value: string) => void;
  /** Field errors from the server, by path (`answers.12`). */
  errors?: Record<string, string>;
  disabled?: boolean;
}
