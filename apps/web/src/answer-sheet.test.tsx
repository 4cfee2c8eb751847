import type { Answers } from '@ielts-genai-prep/app-kit';
import { questionGroupSchema, type QuestionGroup } from '@ielts-genai-prep/core';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { AnswerSheet } from './answer-sheet.js';

const groups: QuestionGroup[] = [
  questionGroupSchema.parse({
    group_id: 'g-tfng',
    part: 1,
    instructions: 'Questions 1–2. Do the following statements agree with the information given in the passage?',
    answer_format: { kind: 'true_false_not_given' },
    questions: [
      { number: 1, text: 'Mangroves grow where the tide floods twice a day.' },
      { number: 2, text: 'All mangroves remove salt through their leaves.' },
    ],
  }),
  questionGroupSchema.parse({
    group_id: 'g-gaps',
    part: 1,
    instructions: 'Questions 3–4. Choose ONE WORD ONLY from the passage for each answer.',
    answer_format: { kind: 'words', max_words: 1, numbers_allowed: false },
    questions: [
      { number: 3, text: 'The roots of some species work as very fine ________.' },
      { number: 4, text: 'What do the roots trap?' },
    ],
  }),
  questionGroupSchema.parse({
    group_id: 'g-headings',
    part: 2,
    instructions: 'Questions 5–6. Choose the correct heading for each paragraph.',
    answer_format: { kind: 'letter', options: ['i', 'ii', 'iii'] },
    options: [
      { letter: 'i', text: 'Cheaper transport' },
      { letter: 'ii', text: 'Shared measurements' },
      { letter: 'iii', text: 'New ports' },
    ],
    questions: [
      { number: 5, text: 'Paragraph A' },
      { number: 6, text: 'Paragraph B' },
    ],
  }),
];

function Sheet({ errors, onSheet }: { errors?: Record<string, string>; onSheet?: (answers: Answers) => void }) {
  const [answers, setAnswers] = useState<Answers>({});
  return (
    <AnswerSheet
      groups={groups}
      answers={answers}
      errors={errors}
      onChange={(number, value) =>
        setAnswers((previous) => {
          const next = { ...previous, [String(number)]: value };
          onSheet?.(next);
          return next;
        })
      }
    />
  );
}

describe('AnswerSheet', () => {
  it('offers TRUE / FALSE / NOT GIVEN as radio buttons, one group per question', () => {
    render(<Sheet />);
    const first = screen.getByRole('radiogroup', { name: 'Question 1' });
    expect(
      within(first)
        .getAllByRole('radio')
        .map((radio) => (radio as HTMLInputElement).value),
    ).toEqual(['TRUE', 'FALSE', 'NOT GIVEN']);
    const second = screen.getByRole('radiogroup', { name: 'Question 2' });
    // Different questions never share a radio group.
    expect((within(first).getAllByRole('radio')[0] as HTMLInputElement).name).not.toBe(
      (within(second).getAllByRole('radio')[0] as HTMLInputElement).name,
    );
  });

  it('records the chosen answer, and can clear it', () => {
    let latest: Answers = {};
    render(<Sheet onSheet={(answers) => (latest = answers)} />);
    const first = screen.getByRole('radiogroup', { name: 'Question 1' });
    fireEvent.click(within(first).getByLabelText('NOT GIVEN'));
    expect(latest).toEqual({ '1': 'NOT GIVEN' });
    expect((within(first).getByLabelText('NOT GIVEN') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(first).getByRole('button', { name: /clear/i }));
    expect(latest).toEqual({ '1': '' });
    expect((within(first).getByLabelText('NOT GIVEN') as HTMLInputElement).checked).toBe(false);
  });

  it('puts a text input into the gap of a gap-fill question and a plain one otherwise', () => {
    let latest: Answers = {};
    render(<Sheet onSheet={(answers) => (latest = answers)} />);
    const gap = screen.getByLabelText('Answer to question 3') as HTMLInputElement;
    expect(gap.closest('p')?.textContent).toBe('The roots of some species work as very fine .');
    fireEvent.change(gap, { target: { value: 'filters' } });
    fireEvent.change(screen.getByLabelText('Answer to question 4'), { target: { value: 'sediment' } });
    expect(latest).toEqual({ '3': 'filters', '4': 'sediment' });
    expect(screen.getByText('Write one word.')).toBeTruthy();
  });

  it('lists letter options once and offers each letter as a choice', () => {
    render(<Sheet />);
    expect(screen.getByText('Shared measurements')).toBeTruthy();
    const question5 = screen.getByRole('radiogroup', { name: 'Question 5' });
    expect(
      within(question5)
        .getAllByRole('radio')
        .map((radio) => (radio as HTMLInputElement).value),
    ).toEqual(['i', 'ii', 'iii']);
  });

  it("shows the server's error next to the question it is about", () => {
    render(<Sheet errors={{ 'answers.3': 'must be at most 200 characters' }} />);
    const input = screen.getByLabelText('Answer to question 3');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const describedBy = input.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe('The answer to question 3 must be at most 200 characters.');
  });
});
