import type { AnalyticsTimespan } from '../../client/types';
import type { AnalyticsPanelStrings } from '../../i18n/analytics-panel-strings';
import { formatLabel } from '../markdown/markdown-labels';

/** How a chart's values read: plain counts, shares (0.05 reads 5%), seconds, or AI points. */
export type ChartValueFormat = 'count' | 'percent' | 'seconds' | 'points';

/** Formats one value for tooltips and summaries (`full`) or for the y axis (`axis`: compact). */
export type ChartValueFormatter = (value: number, style?: 'full' | 'axis') => string;

/** A formatter of `format` values in `locale` (Intl.NumberFormat, built once per call). */
export function chartValueFormatter(format: ChartValueFormat, locale: string): ChartValueFormatter {
  const full = new Intl.NumberFormat(locale, fullOptions(format));
  const axis = new Intl.NumberFormat(locale, axisOptions(format));
  return (value, style = 'full') => (style === 'axis' ? axis : full).format(value);
}

function fullOptions(format: ChartValueFormat): Intl.NumberFormatOptions {
  switch (format) {
    case 'percent':
      return { style: 'percent', maximumFractionDigits: 1 };
    case 'seconds':
      return { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 1 };
    case 'points':
      return { maximumFractionDigits: 2 };
    default:
      return { maximumFractionDigits: 0 };
  }
}

function axisOptions(format: ChartValueFormat): Intl.NumberFormatOptions {
  switch (format) {
    case 'percent':
      return { style: 'percent', maximumFractionDigits: 1 };
    case 'seconds':
      return { style: 'unit', unit: 'second', unitDisplay: 'narrow', maximumFractionDigits: 1 };
    default:
      return { notation: 'compact', maximumFractionDigits: 1 };
  }
}

/**
 * Formats a bucket's date: `axis` short, `summary` without the year, `tooltip` with it; `axisWithYear` for
 * axes of series that span more than one calendar year.
 */
export type ChartDateFormatter = (
  timestamp: number,
  timestampEnd?: number,
  style?: 'axis' | 'axisWithYear' | 'summary' | 'tooltip',
) => string;

/**
 * A formatter of bucket dates for `timespan` in `locale`. A bucket merged from several (`timestampEnd`) reads
 * as a range from the first bucket's start to the last one's end; a week reads as its seven days.
 */
export function chartDateFormatter(
  timespan: AnalyticsTimespan,
  locale: string,
  strings: Pick<AnalyticsPanelStrings, 'chartDateRange' | 'chartQuarter'>,
): ChartDateFormatter {
  const dayShort = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' });
  const dayLong = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' });
  const month = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short' });
  const quarter = (time: number) => {
    const date = new Date(time);
    return formatLabel(strings.chartQuarter, {
      quarter: String(Math.floor(date.getMonth() / 3) + 1),
      year: String(date.getFullYear()),
    });
  };
  const range = (format: Intl.DateTimeFormat, start: number, end: number) =>
    end > start ? format.formatRange(start, end) : format.format(start);

  return (timestamp, timestampEnd = timestamp, style = 'tooltip') => {
    if (style === 'axisWithYear') {
      return timespan === 'quarter'
        ? quarter(timestamp)
        : (timespan === 'month' ? month : dayLong).format(timestamp);
    }
    if (timespan === 'quarter') {
      if (style === 'axis' || timestampEnd === timestamp) return quarter(timestamp);
      return formatLabel(strings.chartDateRange, { start: quarter(timestamp), end: quarter(timestampEnd) });
    }
    if (timespan === 'month') {
      return style === 'axis' ? month.format(timestamp) : range(month, timestamp, timestampEnd);
    }
    const days = style === 'tooltip' ? dayLong : dayShort;
    if (style === 'axis') return days.format(timestamp);
    return range(days, timestamp, timespan === 'week' ? lastDayOfWeek(timestampEnd) : timestampEnd);
  };
}

function lastDayOfWeek(weekStart: number): number {
  const date = new Date(weekStart);
  date.setDate(date.getDate() + 6);
  return date.getTime();
}
