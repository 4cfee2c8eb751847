// Where the marks of a chart go, as plain numbers: the drawing (chart-view.tsx, band-chart.tsx)
// only turns these into react-native-svg elements, and tests read them without rendering.
import type { Chart } from '@ielts-genai-prep/core';

/** A drawing area in SVG user units: the whole canvas and the margins kept for labels. */
export interface Frame {
  width: number;
  height: number;
  inset: { top: number; right: number; bottom: number; left: number };
}

/** A canvas for a phone in portrait: 340 × 240, with room for value labels on the left and categories below. */
export const PHONE_FRAME: Frame = { width: 340, height: 240, inset: { top: 14, right: 10, bottom: 46, left: 46 } };

/** A value axis: the range it spans and where its grid lines go. */
export interface Axis {
  from: number;
  to: number;
  step: number;
  /** Grid-line values, from `from` to `to` inclusive. */
  marks: number[];
}

/** The inner plotting rectangle of a frame. */
export function plotBox(frame: Frame): { left: number; right: number; top: number; bottom: number; width: number; height: number } {
  const left = frame.inset.left;
  const top = frame.inset.top;
  const right = frame.width - frame.inset.right;
  const bottom = frame.height - frame.inset.bottom;
  return { left, right, top, bottom, width: right - left, height: bottom - top };
}

// The step between grid lines: 1, 2 or 5 times a power of ten (2.5 too), the first that gives at most `roughMarks` intervals.
function roundStep(span: number, roughMarks: number): number {
  const raw = span / Math.max(1, roughMarks);
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 2.5, 5, 10]) {
    if (factor * power >= raw) return factor * power;
  }
  return 10 * power;
}

const tidy = (value: number) => Math.round(value * 1e9) / 1e9;

/**
 * An axis over `values` (nulls ignored) that starts at zero or below, so bars grow from a
 * baseline, and ends on a round step at or above the largest value. With no spread it spans 0–1.
 */
export function axisFor(values: ReadonlyArray<number | null | undefined>, roughMarks = 4): Axis {
  const known = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
  const low = Math.min(0, ...known);
  const high = Math.max(0, ...known);
  if (high - low === 0) return { from: 0, to: 1, step: 1, marks: [0, 1] };
  const step = roundStep(high - low, roughMarks);
  const from = tidy(Math.floor(low / step) * step);
  const to = tidy(Math.ceil(high / step) * step);
  const marks: number[] = [];
  for (let index = 0; tidy(from + index * step) <= to; index += 1) marks.push(tidy(from + index * step));
  return { from, to, step, marks };
}

/** The y of `value` on `axis` inside `frame` (larger values higher up). */
export function yOf(value: number, axis: Axis, frame: Frame): number {
  const box = plotBox(frame);
  const share = (value - axis.from) / (axis.to - axis.from);
  return box.bottom - share * box.height;
}

/** The x of the middle of each of `count` equal columns across the plot. */
export function columnCentres(count: number, frame: Frame): number[] {
  const box = plotBox(frame);
  const width = box.width / Math.max(1, count);
  return Array.from({ length: count }, (_, index) => box.left + width * index + width / 2);
}

/** A point of a line. */
export interface LinePoint {
  category: number;
  value: number;
  x: number;
  y: number;
}

/** One bar: its series and category, the value, and its rectangle. */
export interface BarRect {
  series: number;
  category: number;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A bar or line chart's axis and the centres of its categories. */
export interface CategoryPlot {
  axis: Axis;
  centres: number[];
  /** The y of zero, where bars start. */
  zeroY: number;
}

function categoryPlot(chart: Chart, frame: Frame): CategoryPlot {
  const axis = axisFor(chart.series.flatMap((series) => series.values));
  return { axis, centres: columnCentres(chart.categories.length, frame), zeroY: yOf(0, axis, frame) };
}

/**
 * The bars of a grouped bar chart: per category, one bar per series side by side, filling three
 * quarters of the column; a null value has no bar. Negative values hang below zero.
 */
export function barRects(chart: Chart, frame: Frame = PHONE_FRAME): CategoryPlot & { bars: BarRect[] } {
  const plot = categoryPlot(chart, frame);
  const column = plotBox(frame).width / Math.max(1, chart.categories.length);
  const groupWidth = column * 0.75;
  const barWidth = groupWidth / Math.max(1, chart.series.length);
  const bars: BarRect[] = [];
  chart.categories.forEach((_, category) => {
    const groupLeft = (plot.centres[category] ?? 0) - groupWidth / 2;
    chart.series.forEach((series, index) => {
      const value = series.values[category];
      if (typeof value !== 'number') return;
      const end = yOf(value, plot.axis, frame);
      // A bar spans from zero to its value, upwards or (negative) downwards.
      const [upper, lower] = end <= plot.zeroY ? [end, plot.zeroY] : [plot.zeroY, end];
      bars.push({ series: index, category, value, x: groupLeft + barWidth * index, y: upper, width: barWidth, height: lower - upper });
    });
  });
  return { ...plot, bars };
}

/** One series of a line chart: its points, and the runs between gaps (a null breaks the line). */
export interface LineSeries {
  series: number;
  points: LinePoint[];
  runs: LinePoint[][];
}

/** The lines of a line chart, one per series, a point per known value at its category's centre. */
export function lineSeries(chart: Chart, frame: Frame = PHONE_FRAME): CategoryPlot & { lines: LineSeries[] } {
  const plot = categoryPlot(chart, frame);
  const lines = chart.series.map((series, index): LineSeries => {
    const points: LinePoint[] = [];
    const runs: LinePoint[][] = [[]];
    chart.categories.forEach((_, category) => {
      const value = series.values[category];
      if (typeof value !== 'number') {
        if ((runs.at(-1) ?? []).length > 0) runs.push([]);
        return;
      }
      const point = { category, value, x: plot.centres[category] ?? 0, y: yOf(value, plot.axis, frame) };
      points.push(point);
      runs.at(-1)?.push(point);
    });
    return { series: index, points, runs: runs.filter((run) => run.length > 0) };
  });
  return { ...plot, lines };
}

/** The `points` attribute of a polyline through `points`. */
export function polylinePoints(points: ReadonlyArray<{ x: number; y: number }>): string {
  return points.map((point) => `${round2(point.x)},${round2(point.y)}`).join(' ');
}

/** One wedge of a pie: its share, its angles (radians clockwise from twelve o'clock), its path, and a point inside it for a label. */
export interface PieWedge {
  category: number;
  value: number;
  share: number;
  startAngle: number;
  endAngle: number;
  path: string;
  labelAt: { x: number; y: number };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

function onCircle(centreX: number, centreY: number, radius: number, angle: number): { x: number; y: number } {
  return { x: round2(centreX + Math.sin(angle) * radius), y: round2(centreY - Math.cos(angle) * radius) };
}

/** The wedges of one pie, in category order; values that are null, zero or negative have none. */
export function pieWedges(values: ReadonlyArray<number | null>, centreX: number, centreY: number, radius: number): PieWedge[] {
  const positive = values.flatMap((value, category) => (typeof value === 'number' && value > 0 ? [{ value, category }] : []));
  const total = positive.reduce((sum, entry) => sum + entry.value, 0);
  let angle = 0;
  return positive.map(({ value, category }) => {
    const share = value / total;
    const startAngle = angle;
    const endAngle = angle + share * 2 * Math.PI;
    angle = endAngle;
    const from = onCircle(centreX, centreY, radius, startAngle);
    const to = onCircle(centreX, centreY, radius, endAngle);
    // A wedge that is the whole pie is two half circles: one arc cannot end where it starts.
    const path =
      positive.length === 1
        ? `M ${centreX} ${centreY - radius} A ${radius} ${radius} 0 1 1 ${centreX} ${centreY + radius} A ${radius} ${radius} 0 1 1 ${centreX} ${centreY - radius} Z`
        : `M ${centreX} ${centreY} L ${from.x} ${from.y} A ${radius} ${radius} 0 ${endAngle - startAngle > Math.PI ? 1 : 0} 1 ${to.x} ${to.y} Z`;
    return {
      category,
      value,
      share,
      startAngle,
      endAngle,
      path,
      labelAt: onCircle(centreX, centreY, radius * 0.62, (startAngle + endAngle) / 2),
    };
  });
}

/**
 * A map's features by the period they describe: a step written `1995: …` goes under the category
 * `1995`, without the prefix; steps naming no category come last, under an empty heading.
 */
export function featuresByPeriod(chart: Chart): Array<{ period: string; features: string[] }> {
  const periods = chart.categories.map((period) => ({ period, features: [] as string[] }));
  const other: string[] = [];
  for (const step of chart.steps) {
    const colon = step.indexOf(':');
    const owner = colon > 0 ? periods.find((entry) => entry.period.toLowerCase() === step.slice(0, colon).trim().toLowerCase()) : undefined;
    if (owner) owner.features.push(step.slice(colon + 1).trim());
    else other.push(step);
  }
  return [...periods.filter((entry) => entry.features.length > 0), ...(other.length > 0 ? [{ period: '', features: other }] : [])];
}

/** A number as chart labels write it: at most two decimals, no trailing zeros, digits grouped (12,400). */
export function formatFigure(value: number): string {
  return (Math.round(value * 100) / 100).toLocaleString('en-GB', { maximumFractionDigits: 2 });
}

/** Series and wedge colours that stay apart for the common kinds of colour blindness (the Okabe–Ito set). */
export const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'] as const;

/** The colour of series (or wedge) `index`. */
export const seriesColour = (index: number): string => SERIES_COLOURS[index % SERIES_COLOURS.length] ?? SERIES_COLOURS[0];

/** The band axis of the progress chart: 0 to 9, a grid line at every band. */
export const BAND_AXIS: Axis = { from: 0, to: 9, step: 1, marks: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] };

/** A band on the progress chart: when (x), how high (y). */
export interface TimedPoint {
  id: string;
  at: number;
  band: number;
  x: number;
  y: number;
}

/**
 * Places bands over time: x runs from the earliest moment of all `series` (left edge of the plot)
 * to the latest (right edge), so every skill shares one time axis; a single moment sits in the
 * middle. y is the band on {@link BAND_AXIS}.
 */
export function timedPoints<Key extends string>(
  series: Readonly<Record<Key, ReadonlyArray<{ id: string; at: number; band: number }>>>,
  frame: Frame = PHONE_FRAME,
): { start: number | null; end: number | null; lines: Record<Key, TimedPoint[]> } {
  const box = plotBox(frame);
  const moments = (Object.values(series) as Array<ReadonlyArray<{ at: number }>>).flatMap((points) => points.map((point) => point.at));
  const start = moments.length > 0 ? Math.min(...moments) : null;
  const end = moments.length > 0 ? Math.max(...moments) : null;
  const xOf = (at: number) =>
    start === null || end === null || end === start ? (box.left + box.right) / 2 : box.left + ((at - start) / (end - start)) * box.width;
  const lines = Object.fromEntries(
    (Object.entries(series) as Array<[Key, ReadonlyArray<{ id: string; at: number; band: number }>]>).map(([key, points]) => [
      key,
      points.map((point) => ({ ...point, x: round2(xOf(point.at)), y: round2(yOf(point.band, BAND_AXIS, frame)) })),
    ]),
  ) as Record<Key, TimedPoint[]>;
  return { start, end, lines };
}
