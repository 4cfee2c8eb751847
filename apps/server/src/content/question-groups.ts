import type { QuestionGroup } from '@ielts-genai-prep/core';

const THREE_LETTERS = ['A', 'B', 'C'];

/**
 * A "Choose the correct letter, A, B or C" question as a group of its own, the way a test
 * prints it: `<test id>-q11`, the standard instructions, and options lettered A–C in order.
 */
export function chooseOneLetter(item: {
  testId: string;
  part: number;
  number: number;
  stem: string;
  options: [string, string, string];
}): QuestionGroup {
  return {
    group_id: `${item.testId}-q${String(item.number).padStart(2, '0')}`,
    part: item.part,
    instructions: `Question ${item.number}. Choose the correct letter, A, B or C.`,
    answer_format: { kind: 'letter', options: THREE_LETTERS },
    options: item.options.map((text, index) => ({ letter: THREE_LETTERS[index] ?? '', text })),
    questions: [{ number: item.number, text: item.stem }],
  };
}
