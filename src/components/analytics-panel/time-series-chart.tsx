'use client';
// Plain SVG on purpose: a chart library (Recharts, Chart.js, ECharts, Nivo) costs 30–60 KB gzipped, more
// than this whole panel; this chart and its helpers are a few KB, and draw only what the pixels can show.
import {
  type KeyboardEvent,
  memo,
  type PointerEvent,
  useCallback,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { AnalyticsTimespan } from '../../client/types';
import type { AnalyticsPoint } from '../../hooks/use-app-analytics';
import type { AnalyticsPanelStrings } from '../../i18n/analytics-panel-strings';
import { useAnalyticsStrings } from '../../i18n/analytics-strings-context';
import type { Locale } from '../../i18n/chat-window-strings';
import { formatLabel } from '../markdown/markdown-labels';
import {
  type ChartDateFormatter,
  type ChartValueFormat,
  type ChartValueFormatter,
  chartDateFormatter,
  chartValueFormatter,
} from './chart-format';
import { niceTicks, xLabelIndexes } from './chart-scale';
import { type ChartBucket, type ChartDerive, chartBuckets, chartSeriesStats } from './chart-series-values';
import { useElementWidth } from './use-element-width';

/** One series of a {@link TimeSeriesChart}. */
export interface TimeSeriesChartSeries {
  /** A numeric metric of `AnalyticsPoint` (`chats`, `averageResponseTime`, …) or a key of the chart's `derive`. */
  key: string;
  /** Name in the legend, tooltip and summary. */
  label: string;
  /** A line, or bars (bars of several series stand side by side in each bucket). */
  kind: 'line' | 'bar';
  /** CSS custom property of its colour (default `--fgk-chart-1`, `-2`, `-3` by position). */
  colorToken?: string;
  /** How its values read (default: the chart's `valueFormat`). */
  format?: ChartValueFormat;
}

/** Props of {@link TimeSeriesChart}. */
export interface TimeSeriesChartProps {
  /** The buckets, oldest first (as `useAppAnalytics` returns them). */
  points: readonly AnalyticsPoint[];
  /** One to three series, drawn on one y scale. Keep the array stable (module constant or memo). */
  series: readonly TimeSeriesChartSeries[];
  /** Bucket size of `points`: decides how dates read on the axis and in the tooltip. */
  timespan: AnalyticsTimespan;
  /** Visible title, also the chart's accessible name. */
  title: string;
  /** How the y axis (and series without their own `format`) read. */
  valueFormat: ChartValueFormat;
  /** Computed metrics the series may name (see {@link ChartDerive}); keep it stable. */
  derive?: ChartDerive;
  /** Locale of numbers and dates (default `en`); the strings come from the surrounding panel. */
  locale?: Locale;
  /** Shows a skeleton of the chart's height instead. */
  loading?: boolean;
  /** Fixed width in pixels instead of measuring the container (tests, known layouts). */
  width?: number;
  /** Height of the plot in pixels (default 180). */
  height?: number;
  /** Extra class on the outer element. */
  className?: string;
}

const DEFAULT_COLORS = ['--fgk-chart-1', '--fgk-chart-2', '--fgk-chart-3'];
const LINE_DASHES = [undefined, '6 4', '2 3'];
/** Width used until the container measures (and in jsdom, which has no layout). */
const FALLBACK_WIDTH = 320;
const MARGIN = { top: 10, right: 8, bottom: 24, left: 46 };
const GRID_COLOR = 'var(--fgk-chart-grid)';

/** Rough width of a label in the 12 px axis font (CJK glyphs are about twice as wide as Latin ones). */
function labelWidth(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) > 0x2e80 ? 12 : 7;
  return width;
}

/**
 * A time-series chart of `AnalyticsPoint` buckets in plain SVG: lines and/or bars, rounded y ticks with
 * gridlines, a few non-overlapping date labels, a legend, and a tooltip on pointer move or on the arrow keys
 * (the chart is focusable; Home/End jump to the ends, Escape hides the tooltip). Each series is bucketed to
 * the plot's pixel width, so the SVG never holds more than one point or bar per horizontal pixel. A text
 * summary below ("Conversations: 1,234 in total, peak 80 on Nov 3, latest 12") describes it to everyone.
 *
 * @throws RangeError for no series, more than three, or a key that is neither a metric nor in `derive`.
 */
export const TimeSeriesChart = memo(function TimeSeriesChart({
  points,
  series,
  timespan,
  title,
  valueFormat,
  derive,
  locale = 'en',
  loading = false,
  width: fixedWidth,
  height = 180,
  className,
}: TimeSeriesChartProps) {
  if (series.length < 1 || series.length > 3) {
    throw new RangeError(`TimeSeriesChart: give 1 to 3 series, got ${series.length}`);
  }
  const strings = useAnalyticsStrings();
  const id = useId();
  const frameRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(frameRef, fixedWidth, FALLBACK_WIDTH);
  const plotWidth = Math.max(1, width - MARGIN.left - MARGIN.right);
  const plotHeight = Math.max(1, height - MARGIN.top - MARGIN.bottom);
  const [active, setActive] = useState<number | null>(null);

  const formatters = useMemo(() => {
    const axis = chartValueFormatter(valueFormat, locale);
    return {
      axis,
      series: series.map((s) => (s.format ? chartValueFormatter(s.format, locale) : axis)),
      date: chartDateFormatter(timespan, locale, strings),
    };
  }, [valueFormat, locale, series, timespan, strings]);

  // At most one bucket per whole pixel of the plot: the DOM bound holds whatever `points` holds.
  const buckets = useMemo(
    () => (loading ? [] : series.map((s) => chartBuckets(points, s.key, Math.floor(plotWidth), derive))),
    [loading, points, series, plotWidth, derive],
  );
  // Across a new year, day and week labels need the year to be read right.
  const first = points[0];
  const last = points[points.length - 1];
  const multiYear =
    first !== undefined &&
    last !== undefined &&
    new Date(first.timestamp).getFullYear() !== new Date(last.timestamp).getFullYear();
  const summary = useMemo(
    () => (loading ? '' : summaryText(points, series, derive, strings, formatters, multiYear)),
    [loading, points, series, derive, strings, formatters, multiYear],
  );

  const count = buckets[0]?.length ?? 0;
  const isEmpty = !loading && buckets.every((list) => list.every((bucket) => bucket.value === 0));
  const activeIndex = active !== null && active < count ? active : null;

  const move = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (count === 0) return;
      let next: number | null;
      switch (event.key) {
        case 'ArrowLeft':
          next = activeIndex === null ? count - 1 : Math.max(0, activeIndex - 1);
          break;
        case 'ArrowRight':
          next = activeIndex === null ? 0 : Math.min(count - 1, activeIndex + 1);
          break;
        case 'Home':
          next = 0;
          break;
        case 'End':
          next = count - 1;
          break;
        case 'Escape':
          if (activeIndex === null) return;
          next = null;
          break;
        default:
          return;
      }
      event.preventDefault();
      setActive(next);
    },
    [count, activeIndex],
  );

  const point = useCallback(
    (event: PointerEvent<HTMLDivElement>) => {
      if (count === 0) return;
      const rect = event.currentTarget.getBoundingClientRect();
      const scale = rect.width > 0 ? width / rect.width : 1;
      const x = (event.clientX - rect.left) * scale - MARGIN.left;
      const index = Math.floor((x / plotWidth) * count);
      setActive(Math.min(count - 1, Math.max(0, index)));
    },
    [count, width, plotWidth],
  );
  const hide = useCallback(() => setActive(null), []);

  const classes = ['fgk-chart', className].filter(Boolean).join(' ');
  const titleId = `${id}-title`;

  if (loading) {
    return (
      <figure className={classes} data-slot="analytics-chart" aria-busy="true" aria-labelledby={titleId}>
        <figcaption id={titleId} className="fgk-chart-title">
          {title}
        </figcaption>
        <span className="fgk-visually-hidden">{strings.loading}</span>
        <div
          className="fgk-chart-skeleton"
          data-slot="analytics-chart-skeleton"
          aria-hidden="true"
          style={{ blockSize: height }}
        />
      </figure>
    );
  }

  const tooltipId = `${id}-tooltip`;
  const summaryId = `${id}-summary`;
  const hintId = `${id}-hint`;
  const describedBy = [
    activeIndex !== null ? tooltipId : undefined,
    summaryId,
    count > 0 ? hintId : undefined,
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <figure className={classes} data-slot="analytics-chart" aria-labelledby={titleId}>
      <figcaption id={titleId} className="fgk-chart-title">
        {title}
      </figcaption>
      {series.length > 1 && <Legend series={series} />}
      <div ref={frameRef} className="fgk-chart-frame" data-slot="analytics-chart-frame">
        <div
          role="img"
          aria-labelledby={titleId}
          aria-describedby={describedBy}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the chart is read value by value with the arrow keys.
          tabIndex={0}
          className="fgk-chart-plot"
          data-slot="analytics-chart-plot"
          onKeyDown={move}
          onPointerMove={point}
          onPointerLeave={hide}
          onBlur={hide}
        >
          <ChartSvg
            width={width}
            height={height}
            plotWidth={plotWidth}
            plotHeight={plotHeight}
            series={series}
            buckets={buckets}
            valueFormat={valueFormat}
            formatters={formatters}
            multiYear={multiYear}
            active={activeIndex}
          />
        </div>
        {activeIndex !== null && (
          <Tooltip
            id={tooltipId}
            index={activeIndex}
            series={series}
            buckets={buckets}
            formatters={formatters}
            x={MARGIN.left + ((activeIndex + 0.5) * plotWidth) / count}
            width={width}
          />
        )}
        {isEmpty && (
          <p className="fgk-chart-empty" data-slot="analytics-chart-empty" aria-hidden="true">
            {strings.chartEmpty}
          </p>
        )}
      </div>
      <p
        id={summaryId}
        // Empty: the notice on the plot says it to sighted readers; this copy is for screen readers.
        className={isEmpty ? 'fgk-visually-hidden' : 'fgk-chart-summary'}
        data-slot="analytics-chart-summary"
      >
        {isEmpty ? strings.chartEmpty : summary}
      </p>
      <span id={hintId} className="fgk-visually-hidden">
        {strings.chartKeyboardHint}
      </span>
    </figure>
  );
});

interface Formatters {
  axis: ChartValueFormatter;
  series: ChartValueFormatter[];
  date: ChartDateFormatter;
}

function summaryText(
  points: readonly AnalyticsPoint[],
  series: readonly TimeSeriesChartSeries[],
  derive: ChartDerive | undefined,
  strings: AnalyticsPanelStrings,
  formatters: Formatters,
  multiYear: boolean,
): string {
  return series
    .map((s, i) => {
      const stats = chartSeriesStats(points, s.key, derive);
      if (!stats) return '';
      const format = formatters.series[i] ?? formatters.axis;
      const values = {
        label: s.label,
        peak: format(stats.peak),
        date: formatters.date(stats.peakTimestamp, stats.peakTimestamp, multiYear ? 'tooltip' : 'summary'),
        latest: format(stats.latest),
      };
      return stats.aggregate === 'sum'
        ? formatLabel(strings.chartSummaryTotal, { ...values, total: format(stats.overall) })
        : formatLabel(strings.chartSummaryOverall, { ...values, overall: format(stats.overall) });
    })
    .filter(Boolean)
    .join(' ');
}

function colorOf(s: TimeSeriesChartSeries, index: number): string {
  return `var(${s.colorToken ?? DEFAULT_COLORS[index] ?? DEFAULT_COLORS[0]})`;
}

function dashOf(series: readonly TimeSeriesChartSeries[], index: number): string | undefined {
  const lineIndex = series.slice(0, index).filter((s) => s.kind === 'line').length;
  return LINE_DASHES[lineIndex];
}

function Legend({ series }: { series: readonly TimeSeriesChartSeries[] }) {
  return (
    <ul className="fgk-chart-legend" data-slot="analytics-chart-legend">
      {series.map((s, i) => (
        <li key={s.key} className="fgk-chart-legend-item">
          <svg className="fgk-chart-swatch" width="18" height="10" aria-hidden="true" focusable="false">
            {s.kind === 'bar' ? (
              <rect x="4" y="0" width="10" height="10" rx="2" style={{ fill: colorOf(s, i) }} />
            ) : (
              <line
                x1="0"
                y1="5"
                x2="18"
                y2="5"
                strokeWidth="2.5"
                strokeDasharray={dashOf(series, i)}
                style={{ stroke: colorOf(s, i) }}
              />
            )}
          </svg>
          {s.label}
        </li>
      ))}
    </ul>
  );
}

interface ChartSvgProps {
  width: number;
  height: number;
  plotWidth: number;
  plotHeight: number;
  series: readonly TimeSeriesChartSeries[];
  buckets: ChartBucket[][];
  valueFormat: ChartValueFormat;
  formatters: Formatters;
  /** Date labels carry the year. */
  multiYear: boolean;
  active: number | null;
}

/** The drawing; memoized so pointer moves only redraw the active marker. */
const ChartSvg = memo(function ChartSvg({
  width,
  height,
  plotWidth,
  plotHeight,
  series,
  buckets,
  valueFormat,
  formatters,
  multiYear,
  active,
}: ChartSvgProps) {
  const drawing = useMemo(() => {
    const count = buckets[0]?.length ?? 0;
    let max = 0;
    for (const list of buckets) for (const bucket of list) if (bucket.value > max) max = bucket.value;
    const ticks = niceTicks(max, valueFormat === 'count');
    const top = ticks[ticks.length - 1] ?? 1;
    const slot = count > 0 ? plotWidth / count : plotWidth;
    const xOf = (index: number) => MARGIN.left + (index + 0.5) * slot;
    const yOf = (value: number) => MARGIN.top + plotHeight * (1 - Math.min(value, top) / top);
    const baseline = MARGIN.top + plotHeight;
    const barSeries = series.filter((s) => s.kind === 'bar');
    const groupWidth = slot * 0.8;
    const barWidth = groupWidth / Math.max(1, barSeries.length);

    const grid = ticks.map((tick) => (
      <g key={tick}>
        <line
          x1={MARGIN.left}
          x2={width - MARGIN.right}
          y1={yOf(tick)}
          y2={yOf(tick)}
          style={{ stroke: tick === 0 ? 'var(--fgk-color-border)' : GRID_COLOR }}
        />
        <text className="fgk-chart-axis-label" x={MARGIN.left - 6} y={yOf(tick)} textAnchor="end" dy="0.32em">
          {formatters.axis(tick, 'axis')}
        </text>
      </g>
    ));

    const dates = buckets[0] ?? [];
    const axisStyle = multiYear ? 'axisWithYear' : 'axis';
    const widest = Math.max(
      ...[dates[0], dates[dates.length - 1]].map((b) =>
        b ? labelWidth(formatters.date(b.timestamp, b.timestamp, axisStyle)) : 0,
      ),
    );
    const xLabels: { index: number; x: number; text: string }[] = [];
    let lastRight = Number.NEGATIVE_INFINITY;
    for (const index of xLabelIndexes(count, plotWidth, widest)) {
      const bucket = dates[index] as ChartBucket;
      const text = formatters.date(bucket.timestamp, bucket.timestamp, axisStyle);
      const half = labelWidth(text) / 2;
      const x = Math.min(Math.max(xOf(index), half), width - half);
      // Clamping the first and last label inside the SVG may push them onto a neighbour: skip those.
      if (x - half < lastRight + 8) continue;
      xLabels.push({ index, x, text });
      lastRight = x + half;
    }

    const marks = series.map((s, seriesIndex) => {
      const list = buckets[seriesIndex] ?? [];
      const color = colorOf(s, seriesIndex);
      if (s.kind === 'bar') {
        const offset = (slot - groupWidth) / 2 + barSeries.indexOf(s) * barWidth;
        return (
          <g key={s.key} data-series={s.key} style={{ fill: color }}>
            {list.map((bucket, index) =>
              bucket.value > 0 ? (
                <rect
                  // biome-ignore lint/suspicious/noArrayIndexKey: buckets are positional.
                  key={index}
                  x={MARGIN.left + index * slot + offset}
                  y={yOf(bucket.value)}
                  width={Math.max(0.5, barWidth - (barWidth > 3 ? 1 : 0))}
                  height={baseline - yOf(bucket.value)}
                />
              ) : null,
            )}
          </g>
        );
      }
      const d = list
        .map(
          (bucket, index) =>
            `${index === 0 ? 'M' : 'L'}${xOf(index).toFixed(1)} ${yOf(bucket.value).toFixed(1)}`,
        )
        .join('');
      return (
        <g key={s.key} data-series={s.key}>
          <path
            d={d}
            fill="none"
            strokeWidth="2"
            strokeLinejoin="round"
            strokeLinecap="round"
            strokeDasharray={dashOf(series, seriesIndex)}
            style={{ stroke: color }}
          />
          {list.length === 1 && (
            <circle cx={xOf(0)} cy={yOf(list[0]?.value ?? 0)} r="3" style={{ fill: color }} />
          )}
        </g>
      );
    });

    return { grid, xLabels, marks, xOf, yOf, baseline };
  }, [buckets, series, width, plotWidth, plotHeight, valueFormat, formatters, multiYear]);

  return (
    <svg
      className="fgk-chart-svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      aria-hidden="true"
      focusable="false"
    >
      {drawing.grid}
      {drawing.xLabels.map((label) => (
        <text
          key={label.index}
          className="fgk-chart-axis-label"
          x={label.x}
          y={height - 6}
          textAnchor="middle"
        >
          {label.text}
        </text>
      ))}
      {drawing.marks}
      {active !== null && (
        <g className="fgk-chart-active" data-slot="analytics-chart-active">
          <line
            x1={drawing.xOf(active)}
            x2={drawing.xOf(active)}
            y1={MARGIN.top}
            y2={drawing.baseline}
            style={{ stroke: 'var(--fgk-color-text-muted)' }}
            strokeDasharray="3 3"
          />
          {series.map((s, i) =>
            s.kind === 'line' ? (
              <circle
                key={s.key}
                cx={drawing.xOf(active)}
                cy={drawing.yOf(buckets[i]?.[active]?.value ?? 0)}
                r="4"
                style={{ fill: colorOf(s, i), stroke: 'var(--fgk-color-bg)' }}
                strokeWidth="2"
              />
            ) : null,
          )}
        </g>
      )}
    </svg>
  );
});

interface TooltipProps {
  id: string;
  index: number;
  series: readonly TimeSeriesChartSeries[];
  buckets: ChartBucket[][];
  formatters: Formatters;
  /** Horizontal position of the active bucket in pixels. */
  x: number;
  width: number;
}

function Tooltip({ id, index, series, buckets, formatters, x, width }: TooltipProps) {
  const first = buckets[0]?.[index];
  if (!first) return null;
  // Opens away from the nearer edge so it never leaves the chart.
  const side = x > width / 2 ? { right: width - x + 10 } : { left: x + 10 };
  return (
    <div id={id} className="fgk-chart-tooltip" data-slot="analytics-chart-tooltip" style={side}>
      <div className="fgk-chart-tooltip-date">
        {formatters.date(first.timestamp, first.timestampEnd, 'tooltip')}
        <span className="fgk-visually-hidden">. </span>
      </div>
      {series.map((s, i) => (
        <div key={s.key} className="fgk-chart-tooltip-row">
          <span
            className="fgk-chart-tooltip-swatch"
            aria-hidden="true"
            style={{ background: colorOf(s, i) }}
          />
          <span>{s.label}:</span>{' '}
          <span className="fgk-chart-tooltip-value">
            {(formatters.series[i] ?? formatters.axis)(buckets[i]?.[index]?.value ?? 0)}
          </span>
          {i < series.length - 1 && <span className="fgk-visually-hidden">; </span>}
        </div>
      ))}
    </div>
  );
}
