import { chartSchema, type Chart } from '@ielts-genai-prep/core';
import { fireEvent, render, screen, within } from '@testing-library/react-native';
import { barRects, lineSeries, pieWedges } from './chart-geometry';
import { ChartView } from './chart-view';

const chart = (input: Partial<Chart> & Pick<Chart, 'chart_type'>): Chart =>
  chartSchema.parse({ title: 'A chart', categories: [], series: [], ...input });
/** A series from its name and figures. */
const figures = (name: string, ...values: Array<number | null>) => ({ name, values });

const LEISURE = chart({
  chart_type: 'bar',
  title: 'Weekly hours of leisure, by age group',
  categories: ['16–24', '25–34', '65+'],
  series: [figures('Streaming video', 14.5, 11.2, 9.4), figures('Reading', 2.1, null, 7.8)],
  unit: 'hours per week',
  x_label: 'Age group',
  y_label: 'Hours',
});

it('draws a bar for every figure where the geometry puts it, with a legend, and the figures as a table on request', () => {
  render(<ChartView chart={LEISURE} />);
  expect(screen.getByText('Weekly hours of leisure, by age group (hours per week)')).toBeOnTheScreen();
  const expected = barRects(LEISURE).bars;
  expect(expected).toHaveLength(5);
  for (const bar of expected) {
    const drawn = screen.getByTestId(`bar-${bar.series}-${bar.category}`);
    expect(drawn.props).toMatchObject({ x: bar.x, y: bar.y, height: bar.height });
  }
  // No bar for the missing figure.
  expect(screen.queryByTestId('bar-1-1')).toBeNull();
  expect(screen.getByLabelText(/^Bar chart: Weekly hours of leisure, by age group\. Series: Streaming video, Reading\./)).toBeOnTheScreen();
  // The legend, for the eye only: screen readers have the summary and the table.
  expect(screen.getByText('Streaming video', { includeHiddenElements: true })).toBeOnTheScreen();
  expect(screen.getByText('Reading', { includeHiddenElements: true })).toBeOnTheScreen();
  expect(screen.queryByText('Reading')).toBeNull();

  expect(screen.queryByTestId('chart-table')).toBeNull();
  fireEvent.press(screen.getByRole('button', { name: 'Show the figures as a table' }));
  const table = screen.getByTestId('chart-table');
  expect(
    within(table).getByLabelText('Streaming video: 16–24 14.5 hours per week, 25–34 11.2 hours per week, 65+ 9.4 hours per week'),
  ).toBeOnTheScreen();
  expect(within(table).getByLabelText('Reading: 16–24 2.1 hours per week, 25–34 no figure, 65+ 7.8 hours per week')).toBeOnTheScreen();
  fireEvent.press(screen.getByRole('button', { name: 'Hide the figures' }));
  expect(screen.queryByTestId('chart-table')).toBeNull();
});

it('draws a line graph’s points and a pie’s wedges from the figures', () => {
  const energy = chart({
    chart_type: 'line',
    title: 'Share of electricity',
    categories: ['2000', '2010', '2020'],
    series: [figures('Coal', 52, 41, 18), figures('Wind and solar', 1, 8, 33)],
    unit: '%',
  });
  const { unmount } = render(<ChartView chart={energy} />);
  for (const line of lineSeries(energy).lines) {
    for (const point of line.points) {
      expect(screen.getByTestId(`point-${line.series}-${point.category}`).props).toMatchObject({ cx: point.x, cy: point.y });
    }
  }
  unmount();

  const budget = chart({
    chart_type: 'pie',
    title: 'University spending',
    categories: ['Salaries', 'Buildings', 'Research'],
    series: [figures('2005', 60, 25, 15), figures('2025', 50, 20, 30)],
    unit: '%',
  });
  render(<ChartView chart={budget} />);
  for (const [pie, series] of budget.series.entries()) {
    for (const wedge of pieWedges(series.values, 100, 100, 88)) {
      expect(screen.getByTestId(`wedge-${pie}-${wedge.category}`).props.d).toBe(wedge.path);
    }
  }
  expect(screen.getByLabelText('2025: Salaries 50%, Buildings 20%, Research 30%')).toBeOnTheScreen();
  expect(screen.getByText('2005')).toBeOnTheScreen();
  expect(screen.getByText('Research', { includeHiddenElements: true })).toBeOnTheScreen();
});

it('shows a table as rows of figures, a process as numbered stages and a map by period', () => {
  const airports = chart({
    chart_type: 'table',
    title: 'Passengers (millions)',
    categories: ['2019', '2023'],
    series: [figures('Northbay', 12.4, 11.8), figures('Westmoor', 2.6, 2.1)],
    unit: 'million passengers',
    y_label: 'Airport',
  });
  const { unmount } = render(<ChartView chart={airports} />);
  expect(screen.getByLabelText('Northbay: 2019 12.4 million passengers, 2023 11.8 million passengers')).toBeOnTheScreen();
  expect(screen.getByText('Figures in million passengers')).toBeOnTheScreen();
  // Nothing to draw, so no second table.
  expect(screen.queryByRole('button', { name: 'Show the figures as a table' })).toBeNull();
  unmount();

  const recycling = chart({
    chart_type: 'process',
    title: 'Recycling glass',
    steps: ['Bottles are collected', 'Glass is crushed', 'New bottles are made'],
  });
  const process = render(<ChartView chart={recycling} />);
  expect(screen.getByLabelText('Stage 1 of 3: Bottles are collected')).toBeOnTheScreen();
  expect(screen.getByLabelText('Stage 3 of 3: New bottles are made')).toBeOnTheScreen();
  process.unmount();

  render(
    <ChartView
      chart={chart({
        chart_type: 'map',
        title: 'Ashcombe',
        categories: ['1995', 'Today'],
        steps: ['1995: farmland', 'Today: a housing estate'],
      })}
    />,
  );
  expect(screen.getByRole('header', { name: '1995' })).toBeOnTheScreen();
  expect(screen.getByText('• a housing estate')).toBeOnTheScreen();
});
