'use client';
// AnalyticsPanel: app logs and analytics, and the pieces a custom dashboard can reuse.
export type {
  AnalyticsPanelStrings,
  AnalyticsPanelStringsOverrides,
} from '../../i18n/analytics-panel-strings';
export { analyticsPanelStrings } from '../../i18n/analytics-strings-context';
export { AnalyticsCharts, type AnalyticsChartsProps } from './analytics-charts';
export {
  type AnalyticsFilters,
  type DateRangePreset,
  DEFAULT_ANALYTICS_FILTERS,
  type ResolvedRange,
  resolveDateRange,
} from './analytics-filters-model';
export { type AnalyticsExport, AnalyticsPanel, type AnalyticsPanelProps } from './analytics-panel';
export { type BucketedPoint, type BucketSeriesOptions, bucketSeries, type MetricKind } from './bucket-series';
export { type CsvColumn, type CsvValue, csvCell, type ToCsvOptions, toCsv, UTF8_BOM } from './csv';
export {
  type AnyLogColumn,
  DEFAULT_LOG_COLUMN_KEYS,
  LOG_COLUMNS,
  type LogColumn,
  type LogColumnKey,
  logCsvColumns,
} from './log-columns';
export type { LogCellRenderer, LogSort } from './log-table';
