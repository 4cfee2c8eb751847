import type { ReactNode } from 'react';
import Svg from 'react-native-svg';
import { PHONE_FRAME, type Frame } from './chart-geometry';

/** Props of {@link ChartCanvas}. */
export interface ChartCanvasProps {
  /** What a screen reader says for the whole drawing. */
  label: string;
  testID: string;
  frame?: Frame;
  children: ReactNode;
}

/** An SVG drawing as wide as its container, keeping the frame's proportions, read out as one image. */
export function ChartCanvas({ label, testID, frame = PHONE_FRAME, children }: ChartCanvasProps) {
  return (
    <Svg
      viewBox={`0 0 ${frame.width} ${frame.height}`}
      width="100%"
      style={{ aspectRatio: frame.width / frame.height }}
      accessible
      accessibilityRole="image"
      accessibilityLabel={label}
      testID={testID}
    >
      {children}
    </Svg>
  );
}
