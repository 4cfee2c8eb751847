import { promptParts } from './task-prompt';

it('cuts a prompt into paragraphs and the bullet lines between them', () => {
  const prompt =
    'Write a letter to the council. In your letter\n• describe the problems\n• say what you want\n\nWrite at least 150 words.\n\n\nDear Sir or Madam,';
  expect(promptParts(prompt)).toEqual([
    { paragraph: 'Write a letter to the council. In your letter' },
    { bullets: ['describe the problems', 'say what you want'] },
    { paragraph: 'Write at least 150 words.' },
    { paragraph: 'Dear Sir or Madam,' },
  ]);
  expect(promptParts('One line\nand the next\r\n- a dash point')).toEqual([
    { paragraph: 'One line\nand the next' },
    { bullets: ['a dash point'] },
  ]);
});
