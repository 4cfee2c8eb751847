import { MAP_FEATURE_STYLES } from '@ielts-genai-prep/app-kit';
import type { Chart, MapData } from '@ielts-genai-prep/core';
import { useId } from 'react';
import {
  DEFAULT_PLOT_AREA,
  MAP_CELL_SIZE,
  barLayout,
  chartColour,
  formatValue,
  groupMapSteps,
  lineLayout,
  mapShapes,
  pieSlices,
  valueToY,
  type CategoryLayout,
  type MapShape,
} from './chart-layout.js';

const area = DEFAULT_PLOT_AREA;

function Legend({ names }: { names: string[] }) {
  if (names.length < 2) return null;
  return (
    <ul className="chart-legend">
      {names.map((name, index) => (
        <li key={name + index}>
          <span className="chart-swatch" style={{ background: chartColour(index) }} aria-hidden="true" />
          {name}
        </li>
      ))}
    </ul>
  );
}

function Axes({ chart, layout }: { chart: Chart; layout: CategoryLayout }) {
  const rotate = chart.categories.length > 8;
  return (
    <g className="chart-axes">
      {layout.scale.ticks.map((tick) => {
        const y = valueToY(tick, layout.scale, area);
        return (
          <g key={tick}>
            <line x1={area.left} x2={area.width - area.right} y1={y} y2={y} className="chart-grid" />
            <text x={area.left - 8} y={y} textAnchor="end" dominantBaseline="middle" className="chart-tick">
              {formatValue(tick)}
            </text>
          </g>
        );
      })}
      <line x1={area.left} x2={area.width - area.right} y1={layout.baseline} y2={layout.baseline} className="chart-axis" />
      {chart.categories.map((category, index) => {
        const x = layout.categoryCentres[index] ?? 0;
        const y = area.height - area.bottom + 18;
        return (
          <text
            key={category + index}
            x={x}
            y={y}
            textAnchor={rotate ? 'end' : 'middle'}
            transform={rotate ? `rotate(-40 ${x} ${y})` : undefined}
            className="chart-category"
          >
            {category}
          </text>
        );
      })}
      {chart.x_label && (
        <text x={(area.left + area.width - area.right) / 2} y={area.height - 8} textAnchor="middle" className="chart-axis-label">
          {chart.x_label}
        </text>
      )}
      {chart.y_label && (
        <text
          x={14}
          y={(area.top + area.height - area.bottom) / 2}
          textAnchor="middle"
          transform={`rotate(-90 14 ${(area.top + area.height - area.bottom) / 2})`}
          className="chart-axis-label"
        >
          {chart.y_label}
        </text>
      )}
    </g>
  );
}

const describeValue = (chart: Chart, value: number) => `${formatValue(value)}${chart.unit ? ` ${chart.unit}` : ''}`;

function BarChart({ chart, titleId }: { chart: Chart; titleId: string }) {
  const layout = barLayout(chart, area);
  return (
    <svg viewBox={`0 0 ${area.width} ${area.height}`} className="chart-svg" role="img" aria-labelledby={titleId} data-chart="bar">
      <Axes chart={chart} layout={layout} />
      {layout.bars.map((bar) => {
        const series = chart.series[bar.seriesIndex]?.name ?? '';
        const category = chart.categories[bar.categoryIndex] ?? '';
        return (
          <rect
            key={`${bar.seriesIndex}-${bar.categoryIndex}`}
            className="chart-bar"
            x={bar.x}
            y={bar.y}
            width={Math.max(0, bar.width - 2)}
            height={bar.height}
            fill={chartColour(bar.seriesIndex)}
            data-series={series}
            data-category={category}
            data-value={bar.value}
          >
            <title>{`${series ? `${series}, ` : ''}${category}: ${describeValue(chart, bar.value)}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}

function LineChart({ chart, titleId }: { chart: Chart; titleId: string }) {
  const layout = lineLayout(chart, area);
  return (
    <svg viewBox={`0 0 ${area.width} ${area.height}`} className="chart-svg" role="img" aria-labelledby={titleId} data-chart="line">
      <Axes chart={chart} layout={layout} />
      {layout.lines.map((line) => {
        const series = chart.series[line.seriesIndex]?.name ?? '';
        const colour = chartColour(line.seriesIndex);
        return (
          <g key={line.seriesIndex} className="chart-line" data-series={series}>
            {line.segments.map((segment, index) => (
              <polyline
                key={index}
                points={segment.map((point) => `${point.x},${point.y}`).join(' ')}
                fill="none"
                stroke={colour}
                strokeWidth={3}
              />
            ))}
            {line.points.map((point) => (
              <circle
                key={point.categoryIndex}
                className="chart-point"
                cx={point.x}
                cy={point.y}
                r={4.5}
                fill={colour}
                data-category={chart.categories[point.categoryIndex]}
                data-value={point.value}
              >
                <title>{`${series}, ${chart.categories[point.categoryIndex] ?? ''}: ${describeValue(chart, point.value)}`}</title>
              </circle>
            ))}
          </g>
        );
      })}
    </svg>
  );
}

function PieCharts({ chart, titleId }: { chart: Chart; titleId: string }) {
  const pies = chart.series.length > 0 ? chart.series : [];
  const radius = 110;
  const pieWidth = 260;
  const width = Math.max(1, pies.length) * pieWidth;
  const height = 290;
  return (
    <>
      <svg viewBox={`0 0 ${width} ${height}`} className="chart-svg chart-pies" role="img" aria-labelledby={titleId} data-chart="pie">
        {pies.map((series, pieIndex) => {
          const centreX = pieWidth * pieIndex + pieWidth / 2;
          const centreY = 130;
          const slices = pieSlices(series.values, centreX, centreY, radius);
          return (
            <g key={series.name + pieIndex} className="chart-pie" data-series={series.name}>
              {slices.map((slice) => {
                const category = chart.categories[slice.categoryIndex] ?? '';
                return (
                  <g key={slice.categoryIndex}>
                    <path
                      d={slice.path}
                      className="chart-slice"
                      fill={chartColour(slice.categoryIndex)}
                      stroke="#fff"
                      strokeWidth={2}
                      data-category={category}
                      data-value={slice.value}
                      data-fraction={slice.fraction.toFixed(4)}
                    >
                      <title>{`${series.name}, ${category}: ${describeValue(chart, slice.value)}`}</title>
                    </path>
                    {slice.fraction >= 0.06 && (
                      <text x={slice.labelX} y={slice.labelY} textAnchor="middle" dominantBaseline="middle" className="chart-slice-label">
                        {chart.unit === '%' ? `${formatValue(slice.value)}%` : `${Math.round(slice.fraction * 100)}%`}
                      </text>
                    )}
                  </g>
                );
              })}
              <text x={centreX} y={centreY + radius + 34} textAnchor="middle" className="chart-pie-title">
                {series.name}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="chart-legend">
        {chart.categories.map((category, index) => (
          <li key={category + index}>
            <span className="chart-swatch" style={{ background: chartColour(index) }} aria-hidden="true" />
            {category}
          </li>
        ))}
      </ul>
    </>
  );
}

/** A chart's numbers as a table: series down the side, categories across the top. */
export function ChartTable({ chart, caption }: { chart: Chart; caption?: string }) {
  return (
    <div className="table-scroll">
      <table className="chart-table">
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            <th scope="col">{chart.y_label ?? ''}</th>
            {chart.categories.map((category, index) => (
              <th scope="col" key={category + index}>
                {category}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {chart.series.map((series, seriesIndex) => (
            <tr key={series.name + seriesIndex}>
              <th scope="row">{series.name}</th>
              {chart.categories.map((category, index) => {
                const value = series.values[index];
                return <td key={category + index}>{value === null || value === undefined ? '–' : formatValue(value)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Steps({ chart }: { chart: Chart }) {
  return (
    <ol className="chart-steps" data-chart="process">
      {chart.steps.map((step, index) => (
        <li key={index}>
          <span className="chart-step-number" aria-hidden="true">
            {index + 1}
          </span>
          <span>{step}</span>
        </li>
      ))}
    </ol>
  );
}

function MapFeatures({ chart }: { chart: Chart }) {
  const groups = groupMapSteps(chart);
  let counter = 0;
  return (
    <div className="chart-map-periods" data-chart="map">
      {groups.map((group) => (
        <section key={group.label} className="chart-map-period">
          {group.label && <h4>{group.label}</h4>}
          <ol start={counter + 1}>
            {group.steps.map((step, index) => {
              counter += 1;
              return <li key={index}>{step}</li>;
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}

/**
 * One map feature as SVG, painted by its kind. `named` (default true) gives it its label as a
 * tooltip; a diagram turns it off, since there the label may name a part the learner must find.
 */
export function MapShapeView({ shape, named = true }: { shape: MapShape; named?: boolean }) {
  const { feature } = shape;
  const style = MAP_FEATURE_STYLES[feature.kind];
  const common = {
    className: 'chart-map-feature',
    'data-kind': feature.kind,
    'data-shape': feature.shape,
    'data-label': named ? feature.label : undefined,
    stroke: style.stroke,
  };
  const title = named ? <title>{feature.label}</title> : null;
  switch (shape.shape) {
    case 'rect':
      return (
        <rect
          {...common}
          x={shape.x}
          y={shape.y}
          width={shape.width}
          height={shape.height}
          fill={style.fill}
          strokeWidth={style.lineWidth * MAP_CELL_SIZE}
        >
          {title}
        </rect>
      );
    case 'circle':
      return (
        <circle {...common} cx={shape.cx} cy={shape.cy} r={shape.r} fill={style.fill} strokeWidth={style.lineWidth * MAP_CELL_SIZE}>
          {title}
        </circle>
      );
    case 'polygon':
      return (
        <polygon {...common} points={shape.points} fill={style.fill} strokeWidth={style.lineWidth * MAP_CELL_SIZE} strokeLinejoin="round">
          {title}
        </polygon>
      );
    case 'line':
      return (
        <polyline
          {...common}
          points={shape.points}
          fill="none"
          strokeWidth={style.lineWidth * MAP_CELL_SIZE}
          strokeLinecap="round"
          strokeLinejoin="round"
          strokeDasharray={style.dashed ? `${MAP_CELL_SIZE / 3} ${MAP_CELL_SIZE / 4}` : undefined}
        >
          {title}
        </polyline>
      );
  }
}

/** One SVG per period of a drawable map, side by side, each with its features labelled in place. */
function MapDrawing({ map, title }: { map: MapData; title: string }) {
  const width = map.width * MAP_CELL_SIZE;
  const height = map.height * MAP_CELL_SIZE;
  return (
    <div className="chart-map-periods" data-chart="map-drawing">
      {map.views.map((view, viewIndex) => {
        const shapes = mapShapes(view.features);
        return (
          <section key={view.label + viewIndex} className="chart-map-period chart-map-view" data-view={view.label}>
            <h4>{view.label}</h4>
            <svg viewBox={`0 0 ${width} ${height + 4}`} className="chart-svg chart-map" role="img" aria-label={`${title}: ${view.label}`}>
              <rect x={0} y={0} width={width} height={height} fill="#FAFAF5" stroke="#BDBDBD" />
              {shapes.map((shape, index) => (
                <MapShapeView key={index} shape={shape} />
              ))}
              {shapes.map((shape, index) => (
                <text
                  key={index}
                  x={shape.labelX}
                  y={shape.labelY}
                  textAnchor="middle"
                  dominantBaseline="middle"
                  className="chart-map-label"
                  fontSize={MAP_CELL_SIZE * 0.5}
                  paintOrder="stroke"
                  stroke="#FFFFFF"
                  strokeWidth={3}
                  data-label={shape.feature.label}
                >
                  {shape.feature.label}
                </text>
              ))}
              {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: SVG <text> is not focusable; the north arrow is hidden from readers as decoration */}
              <text
                x={width - 6}
                y={MAP_CELL_SIZE * 0.75}
                textAnchor="end"
                fontSize={MAP_CELL_SIZE * 0.6}
                className="chart-map-north"
                aria-hidden="true"
              >
                N ↑
              </text>
            </svg>
          </section>
        );
      })}
    </div>
  );
}

/**
 * Draws an Academic Task 1 chart from its data: bar, line and pie charts as inline SVG,
 * a table as an HTML table, a process as numbered steps, a map as an SVG per period when it
 * carries map data, with its features listed in words too. Numeric charts also offer their
 * data as a table, for screen readers and for checking figures.
 */
export function ChartView({ chart }: { chart: Chart }) {
  const titleId = useId();
  const numeric = chart.chart_type === 'bar' || chart.chart_type === 'line' || chart.chart_type === 'pie';
  return (
    <figure className={`chart chart-kind-${chart.chart_type}`} data-chart-type={chart.chart_type}>
      <figcaption id={titleId} className="chart-title">
        {chart.title}
        {chart.unit && chart.chart_type !== 'pie' && <span className="chart-unit"> ({chart.unit})</span>}
      </figcaption>
      {chart.chart_type === 'bar' && <BarChart chart={chart} titleId={titleId} />}
      {chart.chart_type === 'line' && <LineChart chart={chart} titleId={titleId} />}
      {chart.chart_type === 'pie' && <PieCharts chart={chart} titleId={titleId} />}
      {(chart.chart_type === 'bar' || chart.chart_type === 'line') && <Legend names={chart.series.map((series) => series.name)} />}
      {chart.chart_type === 'table' && <ChartTable chart={chart} />}
      {chart.chart_type === 'process' && <Steps chart={chart} />}
      {chart.chart_type === 'map' && chart.map && <MapDrawing map={chart.map} title={chart.title} />}
      {chart.chart_type === 'map' && <MapFeatures chart={chart} />}
      {numeric && (
        <details className="chart-data">
          <summary>Show the figures as a table</summary>
          <ChartTable chart={chart} caption={chart.unit ? `Figures in ${chart.unit}` : undefined} />
        </details>
      )}
    </figure>
  );
}
