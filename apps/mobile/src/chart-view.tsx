import type { Chart } from '@ielts-genai-prep/core';
import { useState, type ReactNode } from 'react';
import { ScrollView, StyleSheet, Text, View } from 'react-native';
import Svg, { Circle, G, Line, Path, Polyline, Rect, Text as SvgText } from 'react-native-svg';
import { ChartCanvas } from './chart-canvas';
import { Button } from './button';
import {
  PHONE_FRAME,
  barRects,
  featuresByPeriod,
  formatFigure,
  lineSeries,
  pieWedges,
  plotBox,
  polylinePoints,
  seriesColour,
  yOf,
  type CategoryPlot,
} from './chart-geometry';
import { colors, shared, spacing } from './theme';

const frame = PHONE_FRAME;

/** What a screen reader says for a number on the chart: `14.5 hours per week`. */
function spoken(chart: Chart, value: number): string {
  return chart.unit === '%' ? `${formatFigure(value)}%` : `${formatFigure(value)}${chart.unit ? ` ${chart.unit}` : ''}`;
}

/** A one-sentence description of a numeric chart for screen readers; the figures are in the table below it. */
function summary(chart: Chart): string {
  const kind = chart.chart_type === 'bar' ? 'Bar chart' : chart.chart_type === 'line' ? 'Line graph' : 'Pie chart';
  const series = chart.series.map((entry) => entry.name).join(', ');
  return `${kind}: ${chart.title}. ${chart.chart_type === 'pie' ? 'Pies' : 'Series'}: ${series}. ${chart.chart_type === 'pie' ? 'Slices' : 'Categories'}: ${chart.categories.join(', ')}.`;
}

function Canvas({ chart, children }: { chart: Chart; children: ReactNode }) {
  return (
    <ChartCanvas label={summary(chart)} testID={`chart-${chart.chart_type}`}>
      {children}
    </ChartCanvas>
  );
}

function ValueAxis({ chart, plot }: { chart: Chart; plot: CategoryPlot }) {
  const box = plotBox(frame);
  const crowded = chart.categories.length > 6;
  return (
    <G>
      {plot.axis.marks.map((mark) => {
        const y = yOf(mark, plot.axis, frame);
        return (
          <G key={mark}>
            <Line x1={box.left} x2={box.right} y1={y} y2={y} stroke={colors.border} strokeWidth={1} />
            <SvgText x={box.left - 6} y={y + 4} fontSize={11} fill={colors.muted} textAnchor="end">
              {formatFigure(mark)}
            </SvgText>
          </G>
        );
      })}
      <Line x1={box.left} x2={box.right} y1={plot.zeroY} y2={plot.zeroY} stroke={colors.text} strokeWidth={1.5} />
      {chart.categories.map((category, index) => {
        const x = plot.centres[index] ?? 0;
        const y = box.bottom + 16;
        return (
          <SvgText
            key={`${category}-${index}`}
            x={x}
            y={y}
            fontSize={11}
            fill={colors.text}
            textAnchor={crowded ? 'end' : 'middle'}
            {...(crowded ? { rotation: -35, originX: x, originY: y } : {})}
          >
            {category}
          </SvgText>
        );
      })}
      {chart.x_label ? (
        <SvgText x={(box.left + box.right) / 2} y={frame.height - 6} fontSize={11} fill={colors.muted} textAnchor="middle">
          {chart.x_label}
        </SvgText>
      ) : null}
    </G>
  );
}

function BarChart({ chart }: { chart: Chart }) {
  const plot = barRects(chart, frame);
  return (
    <Canvas chart={chart}>
      <ValueAxis chart={chart} plot={plot} />
      {plot.bars.map((bar) => (
        <Rect
          key={`${bar.series}-${bar.category}`}
          testID={`bar-${bar.series}-${bar.category}`}
          x={bar.x}
          y={bar.y}
          width={Math.max(0, bar.width - 1)}
          height={bar.height}
          fill={seriesColour(bar.series)}
        />
      ))}
    </Canvas>
  );
}

function LineChart({ chart }: { chart: Chart }) {
  const plot = lineSeries(chart, frame);
  return (
    <Canvas chart={chart}>
      <ValueAxis chart={chart} plot={plot} />
      {plot.lines.map((line) => (
        <G key={line.series}>
          {line.runs.map((run, index) => (
            <Polyline key={index} points={polylinePoints(run)} fill="none" stroke={seriesColour(line.series)} strokeWidth={2.5} />
          ))}
          {line.points.map((point) => (
            <Circle
              key={point.category}
              testID={`point-${line.series}-${point.category}`}
              cx={point.x}
              cy={point.y}
              r={3.5}
              fill={seriesColour(line.series)}
            />
          ))}
        </G>
      ))}
    </Canvas>
  );
}

function PieCharts({ chart }: { chart: Chart }) {
  const size = 200;
  const radius = 88;
  return (
    <View style={styles.pies}>
      {chart.series.map((series, pieIndex) => (
        <View key={`${series.name}-${pieIndex}`} style={styles.pie}>
          <Svg
            viewBox={`0 0 ${size} ${size}`}
            width="100%"
            style={{ aspectRatio: 1 }}
            accessible
            accessibilityRole="image"
            accessibilityLabel={`${series.name}: ${chart.categories.map((category, index) => `${category} ${spoken(chart, series.values[index] ?? 0)}`).join(', ')}`}
            testID={`chart-pie-${pieIndex}`}
          >
            {pieWedges(series.values, size / 2, size / 2, radius).map((wedge) => (
              <G key={wedge.category}>
                <Path
                  testID={`wedge-${pieIndex}-${wedge.category}`}
                  d={wedge.path}
                  fill={seriesColour(wedge.category)}
                  stroke={colors.surface}
                  strokeWidth={1.5}
                />
                {wedge.share >= 0.07 ? (
                  <SvgText x={wedge.labelAt.x} y={wedge.labelAt.y + 4} fontSize={12} fontWeight="bold" fill="#ffffff" textAnchor="middle">
                    {chart.unit === '%' ? `${formatFigure(wedge.value)}%` : `${Math.round(wedge.share * 100)}%`}
                  </SvgText>
                ) : null}
              </G>
            ))}
          </Svg>
          <Text style={styles.pieName}>{series.name}</Text>
        </View>
      ))}
    </View>
  );
}

function Legend({ names }: { names: string[] }) {
  return (
    <View style={styles.legend} importantForAccessibility="no-hide-descendants" accessibilityElementsHidden>
      {names.map((name, index) => (
        <View key={`${name}-${index}`} style={styles.legendEntry}>
          <View style={[styles.swatch, { backgroundColor: seriesColour(index) }]} />
          <Text style={styles.legendText}>{name}</Text>
        </View>
      ))}
    </View>
  );
}

function ProcessSteps({ chart }: { chart: Chart }) {
  return (
    <View style={styles.steps} testID="chart-process">
      {chart.steps.map((step, index) => (
        <View key={index} style={styles.stepBlock}>
          <View style={styles.step} accessible accessibilityLabel={`Stage ${index + 1} of ${chart.steps.length}: ${step}`}>
            <Text style={styles.stepNumber}>{index + 1}</Text>
            <Text style={styles.stepText}>{step}</Text>
          </View>
          {index < chart.steps.length - 1 ? (
            <Text style={styles.arrow} importantForAccessibility="no" accessibilityElementsHidden>
              ↓
            </Text>
          ) : null}
        </View>
      ))}
    </View>
  );
}

/** One row of the figures table: a heading cell, then a cell per category. */
function FiguresRow({ heading, cells, head = false, label }: { heading: string; cells: string[]; head?: boolean; label?: string }) {
  return (
    <View style={[styles.tableRow, head ? styles.tableHead : null]} accessible={label !== undefined} accessibilityLabel={label}>
      <Text style={[styles.cell, styles.rowHeading]}>{heading}</Text>
      {cells.map((cell, index) => (
        <Text key={index} style={[styles.cell, head ? styles.headText : null]}>
          {cell}
        </Text>
      ))}
    </View>
  );
}

/** A chart's figures as a table: a row per series, a column per category; scrolls sideways when wide. */
export function FiguresTable({ chart }: { chart: Chart }) {
  const figureAt = (values: ReadonlyArray<number | null>, index: number) => {
    const value = values[index];
    return typeof value === 'number' ? value : null;
  };
  return (
    <ScrollView horizontal testID="chart-table">
      <View style={styles.table}>
        <FiguresRow head heading={chart.y_label ?? ''} cells={chart.categories} />
        {chart.series.map((series, row) => (
          <FiguresRow
            key={`${series.name}-${row}`}
            heading={series.name}
            cells={chart.categories.map((_, index) => {
              const value = figureAt(series.values, index);
              return value === null ? '–' : formatFigure(value);
            })}
            label={`${series.name}: ${chart.categories
              .map((category, index) => {
                const value = figureAt(series.values, index);
                return `${category} ${value === null ? 'no figure' : spoken(chart, value)}`;
              })
              .join(', ')}`}
          />
        ))}
      </View>
    </ScrollView>
  );
}

function MapFeatures({ chart }: { chart: Chart }) {
  return (
    <View style={styles.steps} testID="chart-map">
      {featuresByPeriod(chart).map((group) => (
        <View key={group.period} style={styles.period}>
          {group.period ? (
            <Text style={shared.heading} accessibilityRole="header">
              {group.period}
            </Text>
          ) : null}
          {group.features.map((feature, index) => (
            <Text key={index} style={shared.body}>
              {`• ${feature}`}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

/**
 * An Academic Task 1 chart drawn from its data: bar and line charts and pies with
 * react-native-svg, a table as rows of text, a process as numbered stages, a map as its features
 * by period. Bar, line and pie charts also show their figures as a table on request, for screen
 * readers and for checking a number.
 */
export function ChartView({ chart }: { chart: Chart }) {
  const [figuresShown, setFiguresShown] = useState(false);
  const drawn = chart.chart_type === 'bar' || chart.chart_type === 'line' || chart.chart_type === 'pie';
  return (
    <View style={styles.chart} testID="chart">
      <Text style={styles.title} accessibilityRole="header">
        {chart.title}
        {chart.unit && chart.chart_type !== 'pie' && chart.chart_type !== 'table' ? ` (${chart.unit})` : ''}
      </Text>
      {chart.chart_type === 'table' && chart.unit ? <Text style={shared.muted}>Figures in {chart.unit}</Text> : null}
      {chart.chart_type === 'bar' ? <BarChart chart={chart} /> : null}
      {chart.chart_type === 'line' ? <LineChart chart={chart} /> : null}
      {chart.chart_type === 'pie' ? <PieCharts chart={chart} /> : null}
      {chart.chart_type === 'bar' || chart.chart_type === 'line' ? <Legend names={chart.series.map((series) => series.name)} /> : null}
      {chart.chart_type === 'pie' ? <Legend names={chart.categories} /> : null}
      {chart.chart_type === 'table' ? <FiguresTable chart={chart} /> : null}
      {chart.chart_type === 'process' ? <ProcessSteps chart={chart} /> : null}
      {chart.chart_type === 'map' ? <MapFeatures chart={chart} /> : null}
      {drawn ? (
        <>
          <Button
            label={figuresShown ? 'Hide the figures' : 'Show the figures as a table'}
            variant="link"
            onPress={() => setFiguresShown((shown) => !shown)}
          />
          {figuresShown ? <FiguresTable chart={chart} /> : null}
        </>
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  chart: { gap: spacing.sm },
  title: { fontSize: 15, fontWeight: '700', color: colors.text },
  pies: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.md },
  pie: { flexGrow: 1, flexBasis: 140, maxWidth: 260, alignItems: 'center' },
  pieName: { fontSize: 14, fontWeight: '600', color: colors.text },
  legend: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.md },
  legendEntry: { flexDirection: 'row', alignItems: 'center', gap: spacing.xs },
  swatch: { width: 12, height: 12, borderRadius: 2 },
  legendText: { fontSize: 13, color: colors.text },
  table: { borderWidth: StyleSheet.hairlineWidth, borderColor: colors.border, borderRadius: 6 },
  tableRow: { flexDirection: 'row', borderBottomWidth: StyleSheet.hairlineWidth, borderBottomColor: colors.border },
  tableHead: { backgroundColor: colors.background },
  cell: { width: 84, paddingVertical: spacing.xs, paddingHorizontal: spacing.sm, fontSize: 14, color: colors.text, textAlign: 'right' },
  headText: { fontWeight: '700' },
  rowHeading: { width: 110, fontWeight: '600', textAlign: 'left' },
  steps: { gap: spacing.xs },
  stepBlock: { alignItems: 'stretch' },
  step: {
    flexDirection: 'row',
    gap: spacing.sm,
    alignItems: 'flex-start',
    backgroundColor: colors.background,
    borderRadius: 8,
    padding: spacing.sm,
  },
  stepNumber: {
    width: 24,
    height: 24,
    borderRadius: 12,
    backgroundColor: colors.primary,
    color: colors.primaryText,
    textAlign: 'center',
    lineHeight: 24,
    fontWeight: '700',
  },
  stepText: { flex: 1, fontSize: 15, lineHeight: 21, color: colors.text },
  arrow: { textAlign: 'center', fontSize: 16, color: colors.muted },
  period: { gap: spacing.xs },
});
