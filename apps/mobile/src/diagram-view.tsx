import { diagramDescription, MAP_FEATURE_STYLES } from '@ielts-genai-prep/app-kit';
import type { Diagram, MapFeature } from '@ielts-genai-prep/core';
import { StyleSheet, Text, View } from 'react-native';
import { Circle, G, Polygon, Polyline, Rect, Text as SvgText } from 'react-native-svg';
import { ChartCanvas } from './chart-canvas';
import { polylinePoints, type Frame } from './chart-geometry';
import { colors, spacing } from './theme';

/** A diagram's grid cell in SVG user units. */
export const DIAGRAM_CELL_SIZE = 24;

/** Where each numbered callout is drawn, in SVG user units: at its point, kept whole inside the frame. */
export function calloutPositions(diagram: Diagram, cell = DIAGRAM_CELL_SIZE): Array<{ number: number; x: number; y: number; r: number }> {
  const r = cell * 0.55;
  const width = diagram.drawing.width * cell;
  const height = diagram.drawing.height * cell;
  const clamp = (value: number, size: number) => Math.min(Math.max(value, r + 1), size - r - 1);
  return diagram.labels.map((label) => ({ number: label.number, x: clamp(label.x * cell, width), y: clamp(label.y * cell, height), r }));
}

// A feature's shape only: its label is never drawn, since it may name a part the learner must find.
function FeatureShape({ feature }: { feature: MapFeature }) {
  const paint = MAP_FEATURE_STYLES[feature.kind];
  const scale = (value: number) => value * DIAGRAM_CELL_SIZE;
  const strokeWidth = paint.lineWidth * DIAGRAM_CELL_SIZE;
  const points = 'points' in feature ? polylinePoints(feature.points.map((point) => ({ x: scale(point.x), y: scale(point.y) }))) : '';
  switch (feature.shape) {
    case 'rect':
      return (
        <Rect
          x={scale(feature.x)}
          y={scale(feature.y)}
          width={scale(feature.width)}
          height={scale(feature.height)}
          fill={paint.fill}
          stroke={paint.stroke}
          strokeWidth={strokeWidth}
        />
      );
    case 'circle':
      return (
        <Circle
          cx={scale(feature.x)}
          cy={scale(feature.y)}
          r={scale(feature.radius)}
          fill={paint.fill}
          stroke={paint.stroke}
          strokeWidth={strokeWidth}
        />
      );
    case 'polygon':
      return <Polygon points={points} fill={paint.fill} stroke={paint.stroke} strokeWidth={strokeWidth} strokeLinejoin="round" />;
    case 'line':
      return (
        <Polyline
          points={points}
          fill="none"
          stroke={paint.stroke}
          strokeWidth={strokeWidth}
          strokeLinecap="round"
          strokeLinejoin="round"
          strokeDasharray={paint.dashed ? `${DIAGRAM_CELL_SIZE / 3} ${DIAGRAM_CELL_SIZE / 4}` : undefined}
        />
      );
  }
}

/**
 * The figure of a diagram-label group: the drawing's shapes and a numbered callout at each label
 * point, numbered as the answer fields below it are, read out as one image naming each part.
 */
export function DiagramView({ diagram }: { diagram: Diagram }) {
  const frame: Frame = {
    width: diagram.drawing.width * DIAGRAM_CELL_SIZE,
    height: diagram.drawing.height * DIAGRAM_CELL_SIZE,
    inset: { top: 0, right: 0, bottom: 0, left: 0 },
  };
  const features = diagram.drawing.views.flatMap((view) => view.features);
  return (
    <View style={styles.figure}>
      <Text style={styles.title}>{diagram.title}</Text>
      <ChartCanvas label={diagramDescription(diagram)} testID="diagram" frame={frame}>
        <Rect x={0} y={0} width={frame.width} height={frame.height} fill="#FAFAF5" stroke="#BDBDBD" />
        {features.map((feature, index) => (
          <FeatureShape key={index} feature={feature} />
        ))}
        {calloutPositions(diagram).map((callout) => (
          <G key={callout.number} testID={`diagram-callout-${callout.number}`}>
            <Circle cx={callout.x} cy={callout.y} r={callout.r} fill="#FFFFFF" stroke="#1F1F1F" strokeWidth={2} />
            <SvgText
              x={callout.x}
              y={callout.y + DIAGRAM_CELL_SIZE * 0.2}
              textAnchor="middle"
              fontSize={DIAGRAM_CELL_SIZE * 0.55}
              fontWeight="700"
              fill="#1F1F1F"
            >
              {String(callout.number)}
            </SvgText>
          </G>
        ))}
      </ChartCanvas>
    </View>
  );
}

const styles = StyleSheet.create({
  figure: { gap: spacing.xs },
  title: { fontSize: 14, fontWeight: '600', color: colors.text },
});
