import { parseAnswerKeyEntry } from '@ielts-genai-prep/ai-evaluators';
import type { Question } from '@ielts-genai-prep/core';

// "Choose TWO letters": the pair shares one key ("A / C") and each question gives one of its letters.
const choosesSeveralLetters = /Choose (TWO|THREE) letters/;

/**
 * Answer sheets that a reading or listening test's key marks all correct: sheet n answers
 * each question with the n-th form its key accepts (or its last), so every accepted form is
 * in some sheet; a "choose TWO letters" pair gives one of its letters per question.
 */
export function keyedAnswerSheets(test: Question): Array<Record<string, string>> {
  const forms = new Map<number, string[]>();
  for (const group of test.question_groups) {
    group.questions.forEach((question, index) => {
      const accepted = parseAnswerKeyEntry(test.answer_key?.[String(question.number)] ?? '').accepted;
      forms.set(question.number, choosesSeveralLetters.test(group.instructions) ? [accepted[index] ?? ''] : accepted);
    });
  }
  const rounds = Math.max(1, ...[...forms.values()].map((accepted) => accepted.length));
  return Array.from({ length: rounds }, (_, round) =>
    Object.fromEntries([...forms].map(([number, accepted]) => [String(number), accepted[Math.min(round, accepted.length - 1)] ?? ''])),
  );
}
