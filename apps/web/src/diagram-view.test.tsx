import { questionGroupSchema } from '@ielts-genai-prep/core';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AnswerSheet } from './answer-sheet.js';
import { diagramDescription } from '@ielts-genai-prep/app-kit';

const group = questionGroupSchema.parse({
  group_id: 'g-diagram',
  part: 1,
  instructions: 'Questions 7–9. Label the diagram below. Choose NO MORE THAN TWO WORDS from the passage for each answer.',
  answer_format: { kind: 'words', max_words: 2, numbers_allowed: false },
  questions: [
    { number: 7, text: 'roots that work as very fine ________' },
    { number: 8, text: 'salt pushed out through ________ on the leaves' },
    { number: 9, text: 'a ________ that grows on the parent tree' },
  ],
  diagram: {
    title: 'A mangrove tree',
    drawing: {
      width: 12,
      height: 12,
      views: [
        {
          label: 'At low tide',
          features: [
            { shape: 'rect', kind: 'parking', label: 'mud', x: 0, y: 9, width: 12, height: 3 },
            { shape: 'circle', kind: 'trees', label: 'leaves with glands', x: 6, y: 3, radius: 3 },
            {
              shape: 'line',
              kind: 'building',
              label: 'root filter',
              points: [
                { x: 6, y: 6 },
                { x: 2, y: 11 },
              ],
            },
          ],
        },
      ],
    },
    // Out of order, and 8 on the very edge: drawn inside the frame all the same.
    labels: [
      { number: 9, x: 6, y: 6 },
      { number: 7, x: 1, y: 11 },
      { number: 8, x: 12, y: 0 },
    ],
  },
});

describe('DiagramView in the answer sheet', () => {
  it('draws the figure with one numbered callout per question, beside that group’s answer fields', () => {
    render(<AnswerSheet groups={[group]} answers={{}} onChange={() => {}} />);
    const section = screen.getByRole('region', { name: 'Questions 7–9' });
    const figure = within(section).getByRole('img', { name: /^A mangrove tree\./ });
    const callouts = [...figure.querySelectorAll('[data-callout]')];
    expect(callouts.map((callout) => callout.textContent)).toEqual(['9', '7', '8']);
    expect(
      within(section)
        .getAllByRole('textbox')
        .map((field) => field.getAttribute('aria-label')),
    ).toEqual(['Answer to question 7', 'Answer to question 8', 'Answer to question 9']);
    // Three shapes, drawn before the callouts so the numbers sit on top.
    const drawn = [...figure.children].map((child) => child.tagName.toLowerCase());
    expect(drawn).toEqual(['rect', 'rect', 'circle', 'polyline', 'g', 'g', 'g']);
    const edge = figure.querySelector('[data-callout="8"] circle');
    const radius = Number(edge?.getAttribute('r'));
    expect(Number(edge?.getAttribute('cx')) + radius).toBeLessThan(12 * 24);
    expect(Number(edge?.getAttribute('cy')) - radius).toBeGreaterThan(0);
  });

  it('never shows the features’ labels, which may be answers: not as text, tooltips or attributes', () => {
    const { container } = render(<AnswerSheet groups={[group]} answers={{}} onChange={() => {}} />);
    const figure = screen.getByRole('img', { name: /A mangrove tree/ });
    expect(figure.querySelectorAll('title')).toHaveLength(0);
    expect(container.innerHTML).not.toMatch(/glands|root filter|mud/);
  });

  it('names each numbered part and where it is, in number order, for screen readers', () => {
    const diagram = group.diagram;
    if (!diagram) throw new Error('the group has a diagram');
    expect(diagramDescription(diagram)).toBe('A mangrove tree. Parts to label: 7 at the bottom left, 8 at the top right, 9 at the centre.');
    render(<AnswerSheet groups={[group]} answers={{}} onChange={() => {}} />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(diagramDescription(diagram));
  });

  it('draws nothing extra for a group without a diagram', () => {
    const { diagram: _, ...plain } = group;
    render(<AnswerSheet groups={[{ ...plain, group_id: 'g-plain' }]} answers={{}} onChange={() => {}} />);
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getAllByRole('textbox')).toHaveLength(3);
  });
});
