import { diagramSchema } from '@ielts-genai-prep/core';
import { describe, expect, it } from 'vitest';
import { diagramDescription, diagramLabelPlace } from './diagram-description.js';

const diagram = diagramSchema.parse({
  title: 'A mangrove tree',
  drawing: {
    width: 12,
    height: 9,
    views: [{ label: 'At low tide', features: [{ shape: 'rect', kind: 'parking', label: 'mud', x: 0, y: 6, width: 12, height: 3 }] }],
  },
  labels: [
    { number: 9, x: 6, y: 4.5 },
    { number: 7, x: 1, y: 8 },
    { number: 8, x: 12, y: 0 },
  ],
});

describe('diagramLabelPlace', () => {
  it('names the third of the drawing a label is in, across and down, with the far edges in the last third', () => {
    const places = [
      [0, 0],
      [6, 0],
      [12, 0],
      [0, 4.5],
      [6, 4.5],
      [12, 4.5],
      [0, 9],
      [6, 9],
      [12, 9],
    ].map(([x = 0, y = 0]) => diagramLabelPlace({ number: 1, x, y }, diagram.drawing));
    expect(places).toEqual(['top left', 'top', 'top right', 'left', 'centre', 'right', 'bottom left', 'bottom', 'bottom right']);
  });
});

describe('diagramDescription', () => {
  it('gives the title, then every numbered part in number order with where it is, and never a feature’s label', () => {
    expect(diagramDescription(diagram)).toBe('A mangrove tree. Parts to label: 7 at the bottom left, 8 at the top right, 9 at the centre.');
  });
});
