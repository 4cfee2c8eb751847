import type { MapFeatureKind } from '@ielts-genai-prep/core';

/** How one kind of map or diagram feature is painted. */
export interface MapFeatureStyle {
  fill: string;
  stroke: string;
  /** The width of a line feature, in grid units. */
  lineWidth: number;
  dashed: boolean;
}

/**
 * The paint of each kind of map feature, in colours that stay apart for common colour-vision
 * differences; the web's SVG and the phone's react-native-svg draw maps and diagrams with it.
 */
export const MAP_FEATURE_STYLES: Record<MapFeatureKind, MapFeatureStyle> = {
  building: { fill: '#B8A48C', stroke: '#5C4A36', lineWidth: 0.15, dashed: false },
  road: { fill: 'none', stroke: '#7A7A7A', lineWidth: 0.7, dashed: false },
  path: { fill: 'none', stroke: '#8C6D46', lineWidth: 0.2, dashed: true },
  water: { fill: '#9CCFF0', stroke: '#0072B2', lineWidth: 0.5, dashed: false },
  trees: { fill: '#7BC49A', stroke: '#00603F', lineWidth: 0.15, dashed: false },
  open_space: { fill: '#D4EDB5', stroke: '#6E9F3C', lineWidth: 0.1, dashed: false },
  farmland: { fill: '#F2E3A6', stroke: '#A88F2E', lineWidth: 0.1, dashed: false },
  parking: { fill: '#D9D9D9', stroke: '#595959', lineWidth: 0.1, dashed: false },
  other: { fill: '#E8B5D3', stroke: '#CC79A7', lineWidth: 0.15, dashed: false },
};
