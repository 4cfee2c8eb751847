import { SKILLS, SKILL_NAMES, formatBand, type Band, type BandPoint, type Progress, type Skill } from '@ielts-genai-prep/core';
import { useId } from 'react';
import { chartColour, valueToY, type PlotArea, type ValueScale } from './chart-layout.js';

/** A line of the progress chart: a skill, or the estimated overall band. */
export type ProgressSeriesId = Skill | 'overall';

/** One drawn line and its points. */
export interface ProgressSeries {
  id: ProgressSeriesId;
  label: string;
  colour: string;
  points: Array<BandPoint & { x: number; y: number }>;
}

/** Where everything of the progress chart goes. */
export interface ProgressChartLayout {
  area: PlotArea;
  scale: ValueScale;
  series: ProgressSeries[];
  /** The learner's target band as a horizontal line, when they set one. */
  target: { band: Band; y: number } | null;
  /** The results' moments, oldest first, and where each sits on the x axis. */
  moments: Array<{ at: number; x: number }>;
}

/** The chart's canvas: narrow, so its labels stay legible when a phone shrinks it to about 330 px. */
export const PROGRESS_PLOT_AREA: PlotArea = { width: 420, height: 220, top: 16, right: 12, bottom: 36, left: 32 };

// Bands from 0 to 9 with a grid line at every whole band.
const BAND_SCALE: ValueScale = { minimum: 0, maximum: 9, ticks: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] };

/**
 * Lays out bands over time: one step along the x axis per result (a week's gap and a minute's
 * look the same, so results taken close together stay readable), a line per skill with results
 * and one for the estimated overall band, and the target band across. Pure.
 */
export function progressChartLayout(progress: Progress, targetBand: Band | null, area: PlotArea = PROGRESS_PLOT_AREA): ProgressChartLayout {
  const all = [...SKILLS.flatMap((skill) => progress.history[skill]), ...progress.overallHistory];
  const times = [...new Set(all.map((point) => point.at))].sort((left, right) => left - right);
  const plotWidth = area.width - area.left - area.right;
  const step = times.length > 1 ? plotWidth / (times.length - 1) : 0;
  const xOf = new Map(times.map((at, index) => [at, area.left + (times.length > 1 ? index * step : plotWidth / 2)]));
  const place = (points: readonly BandPoint[]) =>
    points.map((point) => ({ ...point, x: xOf.get(point.at) ?? area.left, y: valueToY(point.band, BAND_SCALE, area) }));
  const series: ProgressSeries[] = SKILLS.filter((skill) => progress.history[skill].length > 0).map((skill) => ({
    id: skill,
    label: SKILL_NAMES[skill],
    colour: chartColour(SKILLS.indexOf(skill)),
    points: place(progress.history[skill]),
  }));
  if (progress.overallHistory.length > 0) {
    series.push({ id: 'overall', label: 'Overall (estimated)', colour: 'currentColor', points: place(progress.overallHistory) });
  }
  return {
    area,
    scale: BAND_SCALE,
    series,
    target: targetBand === null ? null : { band: targetBand, y: valueToY(targetBand, BAND_SCALE, area) },
    moments: times.map((at) => ({ at, x: xOf.get(at) ?? area.left })),
  };
}

function shortDate(at: number): string {
  return new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

/** Props of {@link ProgressChart}. */
export interface ProgressChartProps {
  progress: Progress;
  /** The band the learner is aiming for (their preferences), drawn across the chart. */
  targetBand: Band | null;
}

/**
 * Bands over time as an SVG line chart: each skill, the estimated overall band (black, thicker)
 * and the target band (dashed), with a legend, and the same figures as a table for screen readers.
 */
export function ProgressChart({ progress, targetBand }: ProgressChartProps) {
  const titleId = useId();
  const layout = progressChartLayout(progress, targetBand);
  const { area } = layout;
  if (layout.series.length === 0) return null;
  const first = layout.moments[0];
  const last = layout.moments.at(-1);
  return (
    <figure className="progress-chart" data-testid="progress-chart">
      <svg viewBox={`0 0 ${area.width} ${area.height}`} className="chart-svg" role="img" aria-labelledby={titleId}>
        <title id={titleId}>Your bands over time{targetBand === null ? '' : `, with your target of ${formatBand(targetBand)}`}</title>
        {layout.scale.ticks.map((tick) => {
          const y = valueToY(tick, layout.scale, area);
          return (
            <g key={tick}>
              <line className="chart-grid" x1={area.left} x2={area.width - area.right} y1={y} y2={y} />
              {tick % 3 === 0 && (
                <text className="chart-tick" x={area.left - 8} y={y + 4} textAnchor="end">
                  {tick}
                </text>
              )}
            </g>
          );
        })}
        {first && (
          <text className="chart-tick" x={first.x} y={area.height - 12} textAnchor={layout.moments.length > 1 ? 'start' : 'middle'}>
            {shortDate(first.at)}
          </text>
        )}
        {last && last !== first && shortDate(last.at) !== shortDate(first?.at ?? 0) && (
          <text className="chart-tick" x={last.x} y={area.height - 12} textAnchor="end">
            {shortDate(last.at)}
          </text>
        )}
        {layout.target && (
          <g data-target-band={layout.target.band}>
            <line
              x1={area.left}
              x2={area.width - area.right}
              y1={layout.target.y}
              y2={layout.target.y}
              stroke="#D55E00"
              strokeWidth={2}
              strokeDasharray="6 4"
            />
            <text x={area.width - area.right} y={layout.target.y - 6} textAnchor="end" fontSize={12} fill="#D55E00">
              Target {formatBand(layout.target.band)}
            </text>
          </g>
        )}
        {layout.series.map((series) => (
          <g key={series.id} data-series={series.id} data-bands={series.points.map((point) => point.band).join(' ')} color={series.colour}>
            {series.points.length > 1 && (
              <polyline
                points={series.points.map((point) => `${point.x},${point.y}`).join(' ')}
                fill="none"
                stroke="currentColor"
                strokeWidth={series.id === 'overall' ? 4 : 2.5}
              />
            )}
            {series.points.map((point) => (
              <circle
                key={`${point.assessmentId}-${point.at}`}
                cx={point.x}
                cy={point.y}
                r={series.id === 'overall' ? 5 : 4}
                fill="currentColor"
              >
                <title>
                  {series.label}: {formatBand(point.band)} on {shortDate(point.at)}
                </title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
      <figcaption>
        <ul className="chart-legend">
          {layout.series.map((series) => (
            <li key={series.id}>
              <span
                className={`chart-swatch${series.id === 'overall' ? ' chart-swatch-overall' : ''}`}
                style={series.id === 'overall' ? undefined : { background: series.colour }}
                aria-hidden="true"
              />
              {series.label}
            </li>
          ))}
          {layout.target && (
            <li>
              <span className="chart-swatch chart-swatch-target" aria-hidden="true" />
              Your target
            </li>
          )}
        </ul>
      </figcaption>
    </figure>
  );
}
