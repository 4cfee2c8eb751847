import type { Chart, MapFeature } from '@ielts-genai-prep/core';

/** The drawing area of a chart, in SVG user units. */
export interface PlotArea {
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The default area: a 640 × 360 canvas with room for axis labels. */
export const DEFAULT_PLOT_AREA: PlotArea = { width: 640, height: 360, top: 24, right: 16, bottom: 64, left: 64 };

/** A value axis: its range and the values to draw grid lines at. */
export interface ValueScale {
  minimum: number;
  maximum: number;
  ticks: number[];
}

// 1, 2, 2.5, 5 × 10^n steps read naturally on an axis.
function niceStep(roughStep: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(roughStep));
  const residual = roughStep / magnitude;
  const nice = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 2.5 ? 2.5 : residual <= 5 ? 5 : 10;
  return nice * magnitude;
}

/**
 * An axis from the data's values: always includes zero (bars grow from it), rounded out to
 * "nice" steps, with about `targetTicks` grid lines.
 */
export function valueScale(values: ReadonlyArray<number | null>, targetTicks = 5): ValueScale {
  const numbers = values.filter((value): value is number => value !== null && Number.isFinite(value));
  const low = Math.min(0, ...numbers);
  const high = Math.max(0, ...numbers);
  if (low === high) return { minimum: 0, maximum: 1, ticks: [0, 1] };
  const step = niceStep((high - low) / targetTicks);
  const minimum = Math.floor(low / step) * step;
  const maximum = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  // Rounding keeps 0.1 + 0.2 style drift out of the labels.
  for (let tick = minimum; tick <= maximum + step / 2; tick += step) ticks.push(Number(tick.toFixed(10)));
  return { minimum, maximum, ticks };
}

/** Where a value sits on the y axis of `area`. */
export function valueToY(value: number, scale: ValueScale, area: PlotArea): number {
  const plotHeight = area.height - area.top - area.bottom;
  return area.top + plotHeight * (1 - (value - scale.minimum) / (scale.maximum - scale.minimum));
}

/** One bar of a bar chart. */
export interface BarShape {
  seriesIndex: number;
  categoryIndex: number;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where things go on a chart with categories along the x axis. */
export interface CategoryLayout {
  scale: ValueScale;
  /** The centre of each category along the x axis. */
  categoryCentres: number[];
  /** The width each category gets. */
  bandWidth: number;
  /** The y of the zero line. */
  baseline: number;
}

function categoryLayout(chart: Chart, area: PlotArea): CategoryLayout {
  const scale = valueScale(chart.series.flatMap((series) => series.values));
  const plotWidth = area.width - area.left - area.right;
  const count = Math.max(1, chart.categories.length);
  const bandWidth = plotWidth / count;
  return {
    scale,
    bandWidth,
    categoryCentres: chart.categories.map((_, index) => area.left + bandWidth * (index + 0.5)),
    baseline: valueToY(0, scale, area),
  };
}

/** The bars of a grouped bar chart: one per non-null value, grouped by category. */
export function barLayout(chart: Chart, area: PlotArea = DEFAULT_PLOT_AREA): CategoryLayout & { bars: BarShape[] } {
  const layout = categoryLayout(chart, area);
  const seriesCount = Math.max(1, chart.series.length);
  // Leave a fifth of each category empty so groups stand apart.
  const groupWidth = layout.bandWidth * 0.8;
  const barWidth = groupWidth / seriesCount;
  const bars: BarShape[] = [];
  chart.series.forEach((series, seriesIndex) => {
    chart.categories.forEach((_, categoryIndex) => {
      const value = series.values[categoryIndex];
      if (value === null || value === undefined) return;
      const centre = layout.categoryCentres[categoryIndex] ?? 0;
      const y = valueToY(value, layout.scale, area);
      bars.push({
        seriesIndex,
        categoryIndex,
        value,
        x: centre - groupWidth / 2 + barWidth * seriesIndex,
        y: Math.min(y, layout.baseline),
        width: barWidth,
        height: Math.abs(layout.baseline - y),
      });
    });
  });
  return { ...layout, bars };
}

/** A point of a line chart. */
export interface LinePoint {
  categoryIndex: number;
  value: number;
  x: number;
  y: number;
}

/** The lines of a line chart: a point per non-null value; a null splits the line into segments. */
export function lineLayout(
  chart: Chart,
  area: PlotArea = DEFAULT_PLOT_AREA,
): CategoryLayout & { lines: Array<{ seriesIndex: number; points: LinePoint[]; segments: LinePoint[][] }> } {
  const layout = categoryLayout(chart, area);
  const lines = chart.series.map((series, seriesIndex) => {
    const points: LinePoint[] = [];
    const segments: LinePoint[][] = [];
    let segment: LinePoint[] = [];
    chart.categories.forEach((_, categoryIndex) => {
      const value = series.values[categoryIndex];
      if (value === null || value === undefined) {
        if (segment.length > 0) segments.push(segment);
        segment = [];
        return;
      }
      const point = { categoryIndex, value, x: layout.categoryCentres[categoryIndex] ?? 0, y: valueToY(value, layout.scale, area) };
      points.push(point);
      segment.push(point);
    });
    if (segment.length > 0) segments.push(segment);
    return { seriesIndex, points, segments };
  });
  return { ...layout, lines };
}

/** One slice of a pie. Angles in radians, clockwise from twelve o'clock. */
export interface PieSlice {
  categoryIndex: number;
  value: number;
  fraction: number;
  startAngle: number;
  endAngle: number;
  /** The SVG path of the slice. */
  path: string;
  /** Where to put its label, inside the slice. */
  labelX: number;
  labelY: number;
}

function pointOnCircle(centreX: number, centreY: number, radius: number, angle: number): [number, number] {
  return [centreX + radius * Math.sin(angle), centreY - radius * Math.cos(angle)];
}

const round = (value: number) => Math.round(value * 100) / 100;

/** The slices of one pie: one per positive value, in category order, sized by its share of the total. */
export function pieSlices(values: ReadonlyArray<number | null>, centreX: number, centreY: number, radius: number): PieSlice[] {
  const entries = values
    .map((value, categoryIndex) => ({ value: value ?? 0, categoryIndex }))
    .filter((entry) => Number.isFinite(entry.value) && entry.value > 0);
  const total = entries.reduce((sum, entry) => sum + entry.value, 0);
  if (total <= 0) return [];
  let angle = 0;
  return entries.map((entry) => {
    const fraction = entry.value / total;
    const startAngle = angle;
    const endAngle = angle + fraction * 2 * Math.PI;
    angle = endAngle;
    const [labelX, labelY] = pointOnCircle(centreX, centreY, radius * 0.65, (startAngle + endAngle) / 2);
    let path: string;
    if (entries.length === 1) {
      // A single slice is the whole circle, which one arc command cannot draw.
      path = `M ${round(centreX - radius)} ${round(centreY)} a ${radius} ${radius} 0 1 0 ${radius * 2} 0 a ${radius} ${radius} 0 1 0 ${-radius * 2} 0 Z`;
    } else {
      const [startX, startY] = pointOnCircle(centreX, centreY, radius, startAngle);
      const [endX, endY] = pointOnCircle(centreX, centreY, radius, endAngle);
      const largeArc = endAngle - startAngle > Math.PI ? 1 : 0;
      path = `M ${round(centreX)} ${round(centreY)} L ${round(startX)} ${round(startY)} A ${radius} ${radius} 0 ${largeArc} 1 ${round(endX)} ${round(endY)} Z`;
    }
    return {
      categoryIndex: entry.categoryIndex,
      value: entry.value,
      fraction,
      startAngle,
      endAngle,
      path,
      labelX: round(labelX),
      labelY: round(labelY),
    };
  });
}

/** A number as the chart labels show it: up to two decimals, no trailing zeros. */
export function formatValue(value: number): string {
  return Number(value.toFixed(2)).toLocaleString('en-GB');
}

/** Colours for series and slices, distinguishable for common colour-vision differences (Okabe–Ito). */
export const CHART_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;

/** The colour of series or slice `index`. */
export function chartColour(index: number): string {
  return CHART_COLOURS[index % CHART_COLOURS.length] ?? '#0072B2';
}

/**
 * Groups map features by the period they describe: steps written `1995: …` go under the
 * category `1995`. Steps with no matching prefix land in a group with an empty label.
 */
export function groupMapSteps(chart: Chart): Array<{ label: string; steps: string[] }> {
  const groups = chart.categories.map((label) => ({ label, steps: [] as string[] }));
  const unmatched: string[] = [];
  for (const step of chart.steps) {
    const group = groups.find((candidate) => step.toLowerCase().startsWith(`${candidate.label.toLowerCase()}:`));
    if (group) group.steps.push(step.slice(group.label.length + 1).trim());
    else unmatched.push(step);
  }
  const filled = groups.filter((group) => group.steps.length > 0);
  return unmatched.length > 0 ? [...filled, { label: '', steps: unmatched }] : filled;
}

/** How a kind of map feature is painted: fill for areas, stroke for lines. */
/** A map feature in SVG user units, with where its label goes. */
export type MapShape =
  | { shape: 'rect'; feature: MapFeature; x: number; y: number; width: number; height: number; labelX: number; labelY: number }
  | { shape: 'circle'; feature: MapFeature; cx: number; cy: number; r: number; labelX: number; labelY: number }
  | { shape: 'line' | 'polygon'; feature: MapFeature; points: string; labelX: number; labelY: number };

/** A map's grid cell in SVG user units. */
export const MAP_CELL_SIZE = 24;

/**
 * Places one view's features on a `width` × `height` grid scaled by `cellSize`: rectangles and
 * circles as they are, lines and polygons as SVG point lists. A label sits at the centre of an
 * area, at the middle of a line's middle stretch.
 */
export function mapShapes(features: readonly MapFeature[], cellSize = MAP_CELL_SIZE): MapShape[] {
  const scale = (value: number) => round(value * cellSize);
  return features.map((feature): MapShape => {
    switch (feature.shape) {
      case 'rect':
        return {
          shape: 'rect',
          feature,
          x: scale(feature.x),
          y: scale(feature.y),
          width: scale(feature.width),
          height: scale(feature.height),
          labelX: scale(feature.x + feature.width / 2),
          labelY: scale(feature.y + feature.height / 2),
        };
      case 'circle':
        return {
          shape: 'circle',
          feature,
          cx: scale(feature.x),
          cy: scale(feature.y),
          r: scale(feature.radius),
          labelX: scale(feature.x),
          labelY: scale(feature.y),
        };
      // 'line' and 'polygon', the only shapes left.
      default: {
        const points = feature.points.map((point) => `${scale(point.x)},${scale(point.y)}`).join(' ');
        let label: { x: number; y: number };
        if (feature.shape === 'polygon') {
          // The mean of the corners: inside any convex area, close enough for the rest.
          label = {
            x: feature.points.reduce((sum, point) => sum + point.x, 0) / feature.points.length,
            y: feature.points.reduce((sum, point) => sum + point.y, 0) / feature.points.length,
          };
        } else {
          // Of n - 1 stretches, the middle one (the first of two middles).
          const middle = Math.floor((feature.points.length - 2) / 2);
          const from = feature.points[middle] ?? { x: 0, y: 0 };
          const to = feature.points[middle + 1] ?? from;
          label = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
        }
        return { shape: feature.shape, feature, points, labelX: scale(label.x), labelY: scale(label.y) };
      }
    }
  });
}
