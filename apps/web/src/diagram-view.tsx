import { diagramDescription } from '@ielts-genai-prep/app-kit';
import type { Diagram } from '@ielts-genai-prep/core';
import { MAP_CELL_SIZE, mapShapes } from './chart-layout.js';
import { MapShapeView } from './chart-view.js';

const CALLOUT_RADIUS = MAP_CELL_SIZE * 0.55;

/**
 * The figure of a diagram-label group: the drawing's shapes (without their labels, which may be
 * answers) and a numbered callout at each label point, matching the numbers of the answer fields.
 */
export function DiagramView({ diagram }: { diagram: Diagram }) {
  const { drawing } = diagram;
  const width = drawing.width * MAP_CELL_SIZE;
  const height = drawing.height * MAP_CELL_SIZE;
  const shapes = drawing.views.flatMap((view) => mapShapes(view.features));
  return (
    <figure className="diagram" data-diagram>
      <figcaption className="diagram-title">{diagram.title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} className="diagram-svg" role="img" aria-label={diagramDescription(diagram)}>
        <rect x={0} y={0} width={width} height={height} fill="#FAFAF5" stroke="#BDBDBD" />
        {shapes.map((shape, index) => (
          <MapShapeView key={index} shape={shape} named={false} />
        ))}
        {diagram.labels.map((label) => {
          // Kept whole inside the frame, so a label at the edge is not cut off.
          const x = Math.min(Math.max(label.x * MAP_CELL_SIZE, CALLOUT_RADIUS + 1), width - CALLOUT_RADIUS - 1);
          const y = Math.min(Math.max(label.y * MAP_CELL_SIZE, CALLOUT_RADIUS + 1), height - CALLOUT_RADIUS - 1);
          return (
            <g key={label.number} className="diagram-callout" data-callout={label.number}>
              <circle cx={x} cy={y} r={CALLOUT_RADIUS} fill="#FFFFFF" stroke="#1F1F1F" strokeWidth={2} />
              <text
                x={x}
                y={y}
                textAnchor="middle"
                dominantBaseline="central"
                fontSize={MAP_CELL_SIZE * 0.55}
                fontWeight={700}
                fill="#1F1F1F"
              >
                {label.number}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
