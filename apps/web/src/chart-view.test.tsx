import { chartSchema, type Chart } from '@ielts-genai-prep/core';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PLOT_AREA,
  MAP_CELL_SIZE,
  barLayout,
  groupMapSteps,
  lineLayout,
  mapShapes,
  pieSlices,
  valueScale,
} from './chart-layout.js';
import { ChartView } from './chart-view.js';

const chart = (input: Partial<Chart> & Pick<Chart, 'chart_type'>): Chart =>
  chartSchema.parse({ title: 'A chart', categories: [], series: [], ...input });

const leisure = chart({
  chart_type: 'bar',
  title: 'Average weekly hours spent on leisure activities',
  categories: ['16–24', '25–34', '35–49', '50–64', '65+'],
  series: [
    { name: 'Streaming video', values: [14.5, 11.2, 8.6, 7.9, 9.4] },
    { name: 'Sport and exercise', values: [5.8, 4.1, 3.2, 2.9, 2.4] },
    { name: 'Reading', values: [2.1, 2.6, 3.4, 5.2, 7.8] },
  ],
  unit: 'hours per week',
  x_label: 'Age group',
  y_label: 'Hours per week',
});

const numbers = (elements: Element[], attribute: string) => elements.map((element) => Number(element.getAttribute(attribute)));

describe('valueScale', () => {
  it('starts at zero, covers the largest value and steps evenly', () => {
    const scale = valueScale([14.5, 2.1, null, 7.9]);
    expect(scale.minimum).toBe(0);
    expect(scale.maximum).toBeGreaterThanOrEqual(14.5);
    const steps = scale.ticks.slice(1).map((tick, index) => tick - (scale.ticks[index] ?? 0));
    expect(new Set(steps.map((step) => step.toFixed(6))).size).toBe(1);
    expect(scale.ticks[0]).toBe(0);
    expect(scale.ticks[scale.ticks.length - 1]).toBe(scale.maximum);
  });

  it('reaches below zero for negative values', () => {
    const scale = valueScale([-3, 8]);
    expect(scale.minimum).toBeLessThanOrEqual(-3);
    expect(scale.ticks).toContain(0);
  });
});

describe('bar charts', () => {
  it('draws one bar per value, its height proportional to the value', () => {
    const { container } = render(<ChartView chart={leisure} />);
    const bars = Array.from(container.querySelectorAll('rect.chart-bar'));
    expect(bars).toHaveLength(15);
    const values = leisure.series.flatMap((series) => series.values);
    expect(numbers(bars, 'data-value').sort()).toEqual([...values].sort());
    // Height per unit of value is the same for every bar.
    const ratios = bars.map((bar) => Number(bar.getAttribute('height')) / Number(bar.getAttribute('data-value')));
    for (const ratio of ratios) expect(ratio).toBeCloseTo(ratios[0] ?? 0, 6);
    // The tallest bar is the largest value, and every bar stands on the same baseline.
    const tallest = bars.reduce((best, bar) => (Number(bar.getAttribute('height')) > Number(best.getAttribute('height')) ? bar : best));
    expect(tallest.getAttribute('data-value')).toBe('14.5');
    expect(tallest.getAttribute('data-series')).toBe('Streaming video');
    const bottoms = bars.map((bar) => Number(bar.getAttribute('y')) + Number(bar.getAttribute('height')));
    for (const bottom of bottoms) expect(bottom).toBeCloseTo(bottoms[0] ?? 0, 6);
  });

  it('groups bars by category in series order, left to right', () => {
    const layout = barLayout(leisure);
    const firstGroup = layout.bars.filter((bar) => bar.categoryIndex === 0).sort((a, b) => a.x - b.x);
    expect(firstGroup.map((bar) => bar.seriesIndex)).toEqual([0, 1, 2]);
    const lastOfFirst = layout.bars.find((bar) => bar.categoryIndex === 0 && bar.seriesIndex === 2);
    const firstOfSecond = layout.bars.find((bar) => bar.categoryIndex === 1 && bar.seriesIndex === 0);
    expect((lastOfFirst?.x ?? 0) + (lastOfFirst?.width ?? 0)).toBeLessThan(firstOfSecond?.x ?? 0);
  });

  it('labels the chart, its axes, categories and legend, and skips null values', () => {
    const withGap = chart({ ...leisure, series: [{ name: 'Only', values: [1, null, 3, 4, 5] }] });
    const { container } = render(<ChartView chart={withGap} />);
    expect(container.querySelectorAll('rect.chart-bar')).toHaveLength(4);
    const svg = screen.getByRole('img', { name: /average weekly hours/i });
    expect(within(svg as unknown as HTMLElement).getByText('Age group')).toBeTruthy();
    expect(within(svg as unknown as HTMLElement).getByText('Hours per week')).toBeTruthy();
    for (const category of leisure.categories) expect(within(svg as unknown as HTMLElement).getByText(category)).toBeTruthy();
  });

  it('offers the figures as a table', () => {
    render(<ChartView chart={leisure} />);
    const table = screen.getByRole('table');
    expect(within(table).getByRole('rowheader', { name: 'Reading' })).toBeTruthy();
    expect(within(table).getByText('14.5')).toBeTruthy();
  });
});

describe('line charts', () => {
  const energy = chart({
    chart_type: 'line',
    title: 'Share of electricity generated, by source',
    categories: ['2000', '2005', '2010', '2015', '2020'],
    series: [
      { name: 'Coal', values: [52, 48, 41, 30, 18] },
      { name: 'Wind and solar', values: [1, 3, 8, 17, 33] },
    ],
    unit: '%',
  });

  it('draws a point per value at its category, higher values higher up', () => {
    const { container } = render(<ChartView chart={energy} />);
    const coal = container.querySelector('g.chart-line[data-series="Coal"]');
    const points = Array.from(coal?.querySelectorAll('circle.chart-point') ?? []);
    expect(numbers(points, 'data-value')).toEqual([52, 48, 41, 30, 18]);
    const ys = numbers(points, 'cy');
    // Coal falls every period, so each point sits lower (larger y) than the one before.
    for (let index = 1; index < ys.length; index += 1) expect(ys[index]).toBeGreaterThan(ys[index - 1] ?? 0);
    const xs = numbers(points, 'cx');
    for (let index = 1; index < xs.length; index += 1) expect(xs[index]).toBeGreaterThan(xs[index - 1] ?? 0);
    expect(container.querySelectorAll('circle.chart-point')).toHaveLength(10);
    expect(container.querySelectorAll('polyline')).toHaveLength(2);
  });

  it('splits a line where a value is missing', () => {
    const gappy = chart({ ...energy, series: [{ name: 'Coal', values: [52, null, 41, 30, 18] }] });
    const layout = lineLayout(gappy);
    expect(layout.lines[0]?.segments.map((segment) => segment.length)).toEqual([1, 3]);
    const { container } = render(<ChartView chart={gappy} />);
    expect(container.querySelectorAll('polyline')).toHaveLength(2);
    expect(container.querySelectorAll('circle.chart-point')).toHaveLength(4);
  });

  it('places the same value at the same height in every series', () => {
    const layout = lineLayout(
      chart({
        ...energy,
        series: [
          { name: 'A', values: [10, 20] },
          { name: 'B', values: [20, 10] },
        ],
        categories: ['x', 'y'],
      }),
    );
    expect(layout.lines[0]?.points[1]?.y).toBeCloseTo(layout.lines[1]?.points[0]?.y ?? 0, 6);
    expect(layout.lines[0]?.points[0]?.y).toBeLessThan(DEFAULT_PLOT_AREA.height);
  });
});

describe('pie charts', () => {
  const budget = chart({
    chart_type: 'pie',
    title: 'University spending by category',
    categories: ['Staff salaries', 'Buildings and maintenance', 'Research', 'Student services', 'IT and library', 'Other'],
    series: [
      { name: '2005', values: [54, 18, 12, 6, 7, 3] },
      { name: '2025', values: [49, 12, 18, 9, 10, 2] },
    ],
    unit: '%',
  });

  it('draws one pie per series and one slice per category, sized by share', () => {
    const { container } = render(<ChartView chart={budget} />);
    const pies = Array.from(container.querySelectorAll('g.chart-pie'));
    expect(pies.map((pie) => pie.getAttribute('data-series'))).toEqual(['2005', '2025']);
    for (const [index, pie] of pies.entries()) {
      const slices = Array.from(pie.querySelectorAll('path.chart-slice'));
      expect(slices).toHaveLength(6);
      const values = budget.series[index]?.values as number[];
      const total = values.reduce((sum, value) => sum + value, 0);
      const fractions = numbers(slices, 'data-fraction');
      for (const [sliceIndex, fraction] of fractions.entries()) expect(fraction).toBeCloseTo((values[sliceIndex] ?? 0) / total, 3);
      expect(fractions.reduce((sum, fraction) => sum + fraction, 0)).toBeCloseTo(1, 3);
    }
    expect(screen.getByText('54%')).toBeTruthy();
    const legend = container.querySelector('.chart-legend') as HTMLElement;
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(budget.categories);
  });

  it('computes angles that cover the circle exactly once, and leaves out zero values', () => {
    const slices = pieSlices([3, 0, 1, null], 100, 100, 50);
    expect(slices.map((slice) => slice.categoryIndex)).toEqual([0, 2]);
    expect(slices[0]?.startAngle).toBe(0);
    expect(slices[0]?.endAngle).toBeCloseTo(1.5 * Math.PI, 9);
    expect(slices[1]?.endAngle).toBeCloseTo(2 * Math.PI, 9);
    // The first slice covers three quarters, so its arc is the large one.
    expect(slices[0]?.path).toMatch(/A 50 50 0 1 1/);
    expect(pieSlices([5], 0, 0, 10)[0]?.fraction).toBe(1);
    expect(pieSlices([0, null], 0, 0, 10)).toEqual([]);
  });
});

describe('tables, processes and maps', () => {
  it('renders a table chart as an HTML table with a row per series', () => {
    const airports = chart({
      chart_type: 'table',
      title: 'Passengers using four regional airports (millions)',
      categories: ['2019', '2021', '2023'],
      series: [
        { name: 'Northbay', values: [12.4, 3.1, 11.8] },
        { name: 'Eastport', values: [8.7, null, 9.9] },
      ],
      y_label: 'Airport',
    });
    const { container } = render(<ChartView chart={airports} />);
    expect(container.querySelector('svg')).toBeNull();
    const table = screen.getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Airport', '2019', '2021', '2023']);
    const eastport = within(table).getByRole('rowheader', { name: 'Eastport' }).closest('tr');
    expect(Array.from(eastport?.querySelectorAll('td') ?? []).map((cell) => cell.textContent)).toEqual(['8.7', '–', '9.9']);
  });

  it('numbers the steps of a process in order', () => {
    const steps = ['Collect bottles', 'Sort by colour', 'Crush into cullet', 'Melt in a furnace', 'Mould new bottles'];
    render(<ChartView chart={chart({ chart_type: 'process', title: 'Recycling glass', steps })} />);
    const items = screen.getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(steps.map((step, index) => `${index + 1}${step}`));
  });

  it('groups map features under their period', () => {
    const map = chart({
      chart_type: 'map',
      title: 'Ashcombe, 1995 and today',
      categories: ['1995', 'Today'],
      steps: [
        '1995: farmland north of the road',
        'Today: a housing estate replaces the farmland',
        '1995: a post office',
        'A river runs south',
      ],
    });
    expect(groupMapSteps(map)).toEqual([
      { label: '1995', steps: ['farmland north of the road', 'a post office'] },
      { label: 'Today', steps: ['a housing estate replaces the farmland'] },
      { label: '', steps: ['A river runs south'] },
    ]);
    render(<ChartView chart={map} />);
    expect(screen.getByRole('heading', { name: '1995' })).toBeTruthy();
    expect(screen.getByText('a housing estate replaces the farmland')).toBeTruthy();
  });

  it('draws a map that carries map data: one SVG per period, each feature at its grid position, labelled', () => {
    const village = chart({
      chart_type: 'map',
      title: 'Ashcombe, 1995 and today',
      categories: ['1995', 'Today'],
      steps: ['1995: farmland north of the road', 'Today: a housing estate replaces the farmland'],
      map: {
        width: 20,
        height: 12,
        views: [
          {
            label: '1995',
            features: [
              { shape: 'rect', kind: 'farmland', label: 'Farmland', x: 0, y: 0, width: 20, height: 5 },
              {
                shape: 'line',
                kind: 'road',
                label: 'Main Road',
                points: [
                  { x: 0, y: 6 },
                  { x: 20, y: 6 },
                ],
              },
              { shape: 'circle', kind: 'trees', label: 'Woodland', x: 3, y: 9, radius: 2 },
            ],
          },
          {
            label: 'Today',
            features: [
              { shape: 'rect', kind: 'building', label: 'Housing estate', x: 2, y: 1, width: 10, height: 3 },
              {
                shape: 'line',
                kind: 'road',
                label: 'Main Road',
                points: [
                  { x: 0, y: 6 },
                  { x: 20, y: 6 },
                ],
              },
              {
                shape: 'polygon',
                kind: 'water',
                label: 'Pond',
                points: [
                  { x: 14, y: 8 },
                  { x: 18, y: 8 },
                  { x: 16, y: 11 },
                ],
              },
            ],
          },
        ],
      },
    });
    const { container } = render(<ChartView chart={village} />);
    const views = Array.from(container.querySelectorAll('.chart-map-view'));
    expect(views.map((view) => view.getAttribute('data-view'))).toEqual(['1995', 'Today']);
    const before = views[0] as Element;
    const after = views[1] as Element;
    expect(before.querySelector('svg')?.getAttribute('viewBox')).toBe(`0 0 ${20 * MAP_CELL_SIZE} ${12 * MAP_CELL_SIZE + 4}`);
    const featuresOf = (view: Element) =>
      Array.from(view.querySelectorAll('.chart-map-feature')).map((element) => [
        element.tagName.toLowerCase(),
        element.getAttribute('data-kind'),
        element.getAttribute('data-label'),
      ]);
    expect(featuresOf(before)).toEqual([
      ['rect', 'farmland', 'Farmland'],
      ['polyline', 'road', 'Main Road'],
      ['circle', 'trees', 'Woodland'],
    ]);
    expect(featuresOf(after)).toEqual([
      ['rect', 'building', 'Housing estate'],
      ['polyline', 'road', 'Main Road'],
      ['polygon', 'water', 'Pond'],
    ]);
    // Positions are grid units times the cell size.
    const estate = after.querySelector('rect[data-label="Housing estate"]');
    expect(numbers([estate as Element], 'x')[0]).toBe(2 * MAP_CELL_SIZE);
    expect(numbers([estate as Element], 'width')[0]).toBe(10 * MAP_CELL_SIZE);
    expect(after.querySelector('polygon')?.getAttribute('points')).toBe(
      `${14 * MAP_CELL_SIZE},${8 * MAP_CELL_SIZE} ${18 * MAP_CELL_SIZE},${8 * MAP_CELL_SIZE} ${16 * MAP_CELL_SIZE},${11 * MAP_CELL_SIZE}`,
    );
    const woodland = before.querySelector('circle');
    expect([woodland?.getAttribute('cx'), woodland?.getAttribute('cy'), woodland?.getAttribute('r')].map(Number)).toEqual(
      [3, 9, 2].map((value) => value * MAP_CELL_SIZE),
    );
    // Every feature is labelled on the drawing, and its words stay below it.
    expect(Array.from(after.querySelectorAll('text.chart-map-label')).map((label) => label.textContent)).toEqual([
      'Housing estate',
      'Main Road',
      'Pond',
    ]);
    expect(screen.getByText('a housing estate replaces the farmland')).toBeTruthy();
  });

  it('puts map labels at the centre of an area and the middle of a line', () => {
    const [field, road, lake] = mapShapes(
      [
        { shape: 'rect', kind: 'open_space', label: 'Park', x: 2, y: 2, width: 4, height: 2 },
        {
          shape: 'line',
          kind: 'road',
          label: 'High Street',
          points: [
            { x: 0, y: 5 },
            { x: 6, y: 5 },
            { x: 6, y: 9 },
          ],
        },
        {
          shape: 'polygon',
          kind: 'water',
          label: 'Lake',
          points: [
            { x: 0, y: 0 },
            { x: 4, y: 0 },
            { x: 4, y: 4 },
            { x: 0, y: 4 },
          ],
        },
      ],
      10,
    );
    expect([field?.labelX, field?.labelY]).toEqual([40, 30]);
    expect([road?.labelX, road?.labelY]).toEqual([30, 50]);
    expect([lake?.labelX, lake?.labelY]).toEqual([20, 20]);
  });

  it('lists a map without map data in words only', () => {
    const { container } = render(
      <ChartView chart={chart({ chart_type: 'map', title: 'A village', categories: ['1995'], steps: ['1995: a mill'] })} />,
    );
    expect(container.querySelector('.chart-map-view')).toBeNull();
    expect(screen.getByText('a mill')).toBeTruthy();
  });
});
