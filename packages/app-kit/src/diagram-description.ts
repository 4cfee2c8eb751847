import type { Diagram, DiagramLabel } from '@ielts-genai-prep/core';

/** Where a diagram's label sits on its drawing, by thirds, in words: "top left", "bottom", "centre". */
export function diagramLabelPlace(label: DiagramLabel, drawing: Diagram['drawing']): string {
  const third = (value: number, size: number) => Math.min(2, Math.floor((value / size) * 3));
  const vertical = ['top', '', 'bottom'][third(label.y, drawing.height)];
  const horizontal = ['left', '', 'right'][third(label.x, drawing.width)];
  return [vertical, horizontal].filter(Boolean).join(' ') || 'centre';
}

/**
 * What a screen reader says for a diagram-label figure drawn as one image: its title, then each
 * numbered part in number order and where it is, so the learner can match parts to answer fields.
 */
export function diagramDescription(diagram: Diagram): string {
  const labels = [...diagram.labels].sort((a, b) => a.number - b.number);
  const parts = labels.map((label) => `${label.number} at the ${diagramLabelPlace(label, diagram.drawing)}`);
  return `${diagram.title}. Parts to label: ${parts.join(', ')}.`;
}
