import { questionGroupSchema } from '@ielts-genai-prep/core';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AnswerSheet } from './answer-sheet.js';
import { diagramDescription } from '@ielts-genai-prep/app-kit';
import { DIAGRAM_LABEL_GROUP } from '@ielts-genai-prep/app-kit/testing';

const group = questionGroupSchema.parse(DIAGRAM_LABEL_GROUP);

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
