import { questionGroupSchema } from '@ielts-genai-prep/core';
import { render, screen, within } from '@testing-library/react-native';
import { AnswerSheet } from './answer-sheet';
import { diagramDescription } from '@ielts-genai-prep/app-kit';
import { DIAGRAM_LABEL_GROUP } from '@ielts-genai-prep/app-kit/testing';
import { calloutPositions, DIAGRAM_CELL_SIZE } from './diagram-view';

const group = questionGroupSchema.parse(DIAGRAM_LABEL_GROUP);
/** A node of the rendered tree, as far as these tests read it. */
type ReactTestInstance = { type: unknown; props: Record<string, unknown> };

const diagram = group.diagram;
if (!diagram) throw new Error('the group has a diagram');

it('draws the diagram above its answer fields, one numbered callout per question where its label point is', () => {
  render(<AnswerSheet groups={[group]} answers={{}} onChange={() => {}} />);
  const figure = screen.getByLabelText(diagramDescription(diagram));
  expect(figure.props.accessibilityRole).toBe('image');
  expect(screen.getByText('A mangrove tree')).toBeOnTheScreen();
  for (const callout of calloutPositions(diagram)) {
    const drawn = within(figure).getByTestId(`diagram-callout-${callout.number}`);
    const [circle] = drawn.findAll((node: ReactTestInstance) => node.type === 'RNSVGCircle');
    expect(circle?.props).toMatchObject({ cx: callout.x, cy: callout.y, r: callout.r });
    // The number, as react-native-svg hands it to the native text span.
    const spans = drawn.findAll((node: ReactTestInstance) => node.type === 'RNSVGTSpan');
    expect(spans.map((span: ReactTestInstance) => span.props.content)).toEqual([String(callout.number)]);
  }
  // 9 is at its point; 8 sits on the corner, so it is drawn just inside the frame.
  expect(calloutPositions(diagram).map(({ number, x, y }) => [number, x, y])).toEqual([
    [9, 6 * DIAGRAM_CELL_SIZE, 6 * DIAGRAM_CELL_SIZE],
    [7, 1 * DIAGRAM_CELL_SIZE, 11 * DIAGRAM_CELL_SIZE],
    [8, 12 * DIAGRAM_CELL_SIZE - 0.55 * DIAGRAM_CELL_SIZE - 1, 0.55 * DIAGRAM_CELL_SIZE + 1],
  ]);
  expect(screen.getByTestId('answer-7')).toBeOnTheScreen();
  expect(screen.getByTestId('answer-9')).toBeOnTheScreen();
});

it('reads out each numbered part and where it is, and never the features’ labels, which may be answers', () => {
  render(<AnswerSheet groups={[group]} answers={{}} onChange={() => {}} />);
  expect(diagramDescription(diagram)).toBe('A mangrove tree. Parts to label: 7 at the bottom left, 8 at the top right, 9 at the centre.');
  for (const hidden of ['mud', 'leaves with glands', 'root filter']) {
    expect(screen.queryByText(hidden, { includeHiddenElements: true })).toBeNull();
  }
});

it('draws no figure for a group without a diagram', () => {
  const { diagram: _, ...plain } = group;
  render(<AnswerSheet groups={[plain]} answers={{}} onChange={() => {}} />);
  expect(screen.queryByTestId('diagram')).toBeNull();
  expect(screen.getByTestId('answer-8')).toBeOnTheScreen();
});
