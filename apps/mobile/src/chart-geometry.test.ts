import { chartSchema, type Chart } from '@ielts-genai-prep/core';
import { PHONE_FRAME, axisFor, barRects, featuresByPeriod, formatFigure, lineSeries, pieWedges, plotBox, yOf } from './chart-geometry';

const chart = (input: Partial<Chart> & Pick<Chart, 'chart_type'>): Chart =>
  chartSchema.parse({ title: 'A chart', categories: [], series: [], ...input });
const box = plotBox(PHONE_FRAME);

describe('axisFor', () => {
  it('starts at zero and ends on a round step above the largest value', () => {
    expect(axisFor([14.5, 11.2, 2.1])).toEqual({ from: 0, to: 15, step: 5, marks: [0, 5, 10, 15] });
    expect(axisFor([52, 48, 1, 33])).toEqual({ from: 0, to: 60, step: 20, marks: [0, 20, 40, 60] });
    expect(axisFor([0.3, 0.12])).toEqual({ from: 0, to: 0.3, step: 0.1, marks: [0, 0.1, 0.2, 0.3] });
  });

  it('goes below zero for negative values, ignores nulls, and spans 0–1 without figures', () => {
    expect(axisFor([-3, 7, null])).toEqual({ from: -5, to: 7.5, step: 2.5, marks: [-5, -2.5, 0, 2.5, 5, 7.5] });
    expect(axisFor([null, null])).toEqual({ from: 0, to: 1, step: 1, marks: [0, 1] });
    expect(axisFor([0])).toEqual({ from: 0, to: 1, step: 1, marks: [0, 1] });
  });
});

describe('barRects', () => {
  const bars = chart({
    chart_type: 'bar',
    categories: ['16–24', '25–34'],
    series: [
      { name: 'Streaming', values: [15, 10] },
      { name: 'Reading', values: [null, 5] },
    ],
  });

  it('draws a bar per known value, its height in proportion, side by side within the category', () => {
    const plot = barRects(bars);
    expect(plot.axis.to).toBe(15);
    expect(plot.bars.map((bar) => [bar.series, bar.category, bar.value])).toEqual([
      [0, 0, 15],
      [0, 1, 10],
      [1, 1, 5],
    ]);
    const [tallest, middle, short] = plot.bars as [(typeof plot.bars)[0], (typeof plot.bars)[0], (typeof plot.bars)[0]];
    expect(tallest.y).toBeCloseTo(box.top);
    expect(tallest.y + tallest.height).toBeCloseTo(box.bottom);
    expect(middle.height / tallest.height).toBeCloseTo(10 / 15);
    expect(short.height / tallest.height).toBeCloseTo(5 / 15);
    // Within the second column, the second series stands right of the first.
    expect(short.x).toBeCloseTo(middle.x + middle.width);
    expect(middle.x).toBeGreaterThan(tallest.x);
  });

  it('hangs a negative value below the zero line', () => {
    const plot = barRects(chart({ chart_type: 'bar', categories: ['a', 'b'], series: [{ name: 's', values: [-5, 10] }] }));
    const negative = plot.bars[0]!;
    expect(negative.y).toBeCloseTo(plot.zeroY);
    expect(negative.y + negative.height).toBeCloseTo(box.bottom);
  });
});

describe('lineSeries', () => {
  it('puts a point per known value at its category’s centre, and breaks the line at a gap', () => {
    const plot = lineSeries(
      chart({ chart_type: 'line', categories: ['2000', '2005', '2010', '2015'], series: [{ name: 'Coal', values: [40, null, 20, 0] }] }),
    );
    const [line] = plot.lines;
    expect(line?.points.map((point) => [point.category, point.value])).toEqual([
      [0, 40],
      [2, 20],
      [3, 0],
    ]);
    expect(line?.points.map((point) => point.x)).toEqual([plot.centres[0], plot.centres[2], plot.centres[3]]);
    expect(line?.points[0]?.y).toBeCloseTo(box.top);
    expect(line?.points[1]?.y).toBeCloseTo((box.top + box.bottom) / 2);
    expect(line?.points[2]?.y).toBeCloseTo(box.bottom);
    expect(line?.runs.map((run) => run.map((point) => point.category))).toEqual([[0], [2, 3]]);
    expect(yOf(20, plot.axis, PHONE_FRAME)).toBeCloseTo((box.top + box.bottom) / 2);
  });
});

describe('pieWedges', () => {
  it('gives each positive value a share of the circle, clockwise from twelve o’clock', () => {
    const wedges = pieWedges([50, 25, null, 0, 25], 100, 100, 80);
    expect(wedges.map((wedge) => [wedge.category, wedge.share])).toEqual([
      [0, 0.5],
      [1, 0.25],
      [4, 0.25],
    ]);
    expect(wedges[0]?.startAngle).toBe(0);
    expect(wedges[0]?.endAngle).toBeCloseTo(Math.PI);
    expect(wedges.at(-1)?.endAngle).toBeCloseTo(2 * Math.PI);
    // The first wedge runs from the top of the circle to its bottom: the right half.
    expect(wedges[0]?.path).toBe('M 100 100 L 100 20 A 80 80 0 0 1 100 180 Z');
    expect(wedges[0]?.labelAt.x).toBeGreaterThan(100);
  });

  it('draws a single value as the whole circle', () => {
    const [whole] = pieWedges([7], 50, 50, 40);
    expect(whole?.share).toBe(1);
    expect(whole?.path).toBe('M 50 10 A 40 40 0 1 1 50 90 A 40 40 0 1 1 50 10 Z');
  });
});

it('groups a map’s features under the period their prefix names', () => {
  const map = chart({
    chart_type: 'map',
    categories: ['1995', 'Today'],
    steps: ['1995: farmland', 'Today: houses', 'Today: a roundabout', 'A river runs south'],
  });
  expect(featuresByPeriod(map)).toEqual([
    { period: '1995', features: ['farmland'] },
    { period: 'Today', features: ['houses', 'a roundabout'] },
    { period: '', features: ['A river runs south'] },
  ]);
});

it('writes figures with at most two decimals and grouped digits', () => {
  expect(formatFigure(14.5)).toBe('14.5');
  expect(formatFigure(0.125)).toBe('0.13');
  expect(formatFigure(12400)).toBe('12,400');
  expect(formatFigure(2)).toBe('2');
});
