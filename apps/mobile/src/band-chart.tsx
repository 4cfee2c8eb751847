import { SKILLS, SKILL_NAMES, formatBand, type Progress } from '@ielts-genai-prep/core';
import { StyleSheet, Text, View } from 'react-native';
import { Circle, G, Line, Polyline, Text as SvgText } from 'react-native-svg';
import { ChartCanvas } from './chart-canvas';
import { BAND_AXIS, PHONE_FRAME, plotBox, polylinePoints, seriesColour, timedPoints, yOf } from './chart-geometry';
import { formatDay } from './labels';
import { colors, spacing } from './theme';

const frame = PHONE_FRAME;

/** Where each skill's bands go on the chart (also what the tests check). */
export function bandChartPoints(history: Progress['history']) {
  return timedPoints(
    Object.fromEntries(
      SKILLS.map((skill) => [skill, history[skill].map((point) => ({ id: point.assessmentId, at: point.at, band: point.band }))]),
    ) as Record<(typeof SKILLS)[number], Array<{ id: string; at: number; band: number }>>,
    frame,
  );
}

/**
 * Bands over time, one line per skill (Listening, Reading, Writing, Speaking in IELTS order), on a
 * 0–9 axis with the first and last day below it. Screen readers get each skill's bands in words.
 */
export function BandChart({ history }: { history: Progress['history'] }) {
  const { start, end, lines } = bandChartPoints(history);
  const box = plotBox(frame);
  const described = SKILLS.filter((skill) => history[skill].length > 0)
    .map(
      (skill) =>
        `${SKILL_NAMES[skill]}: ${history[skill].map((point) => `${formatBand(point.band)} on ${formatDay(point.at)}`).join(', ')}`,
    )
    .join('. ');
  if (start === null || end === null) return null;
  return (
    <View style={styles.chart}>
      <ChartCanvas label={`Your bands over time. ${described}.`} testID="band-chart">
        {BAND_AXIS.marks.map((mark) => {
          const y = yOf(mark, BAND_AXIS, frame);
          return (
            <G key={mark}>
              <Line x1={box.left} x2={box.right} y1={y} y2={y} stroke={colors.border} strokeWidth={mark % 3 === 0 ? 1.2 : 0.6} />
              {mark % 3 === 0 ? (
                <SvgText x={box.left - 6} y={y + 4} fontSize={11} fill={colors.muted} textAnchor="end">
                  {String(mark)}
                </SvgText>
              ) : null}
            </G>
          );
        })}
        <SvgText x={box.left} y={box.bottom + 18} fontSize={11} fill={colors.text} textAnchor="start">
          {formatDay(start)}
        </SvgText>
        {end !== start ? (
          <SvgText x={box.right} y={box.bottom + 18} fontSize={11} fill={colors.text} textAnchor="end">
            {formatDay(end)}
          </SvgText>
        ) : null}
        {SKILLS.map((skill, index) => {
          const points = lines[skill];
          if (points.length === 0) return null;
          return (
            <G key={skill}>
              {points.length > 1 ? (
                <Polyline points={polylinePoints(points)} fill="none" stroke={seriesColour(index)} strokeWidth={2.5} />
              ) : null}
              {points.map((point, order) => (
                <Circle key={point.id} testID={`band-point-${skill}-${order}`} cx={point.x} cy={point.y} r={4} fill={seriesColour(index)} />
              ))}
            </G>
          );
        })}
      </ChartCanvas>
      <View style={styles.legend} importantForAccessibility="no-hide-descendants" accessibilityElementsHidden>
        {SKILLS.filter((skill) => history[skill].length > 0).map((skill) => (
          <View key={skill} style={styles.legendEntry}>
            <View style={[styles.swatch, { backgroundColor: seriesColour(SKILLS.indexOf(skill)) }]} />
            <Text style={styles.legendText}>{SKILL_NAMES[skill]}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

const styles = StyleSheet.create({
  chart: { gap: spacing.sm },
  legend: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.md },
  legendEntry: { flexDirection: 'row', alignItems: 'center', gap: spacing.xs },
  swatch: { width: 12, height: 12, borderRadius: 6 },
  legendText: { fontSize: 13, color: colors.text },
});
