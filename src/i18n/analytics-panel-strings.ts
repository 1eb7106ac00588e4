'use client';
import type { ChatSource } from '../client/types';
import type { LogColumnKey } from '../components/analytics-panel/log-columns';

/**
 * Every string `AnalyticsPanel` shows or announces. `{name}`-style placeholders are filled in at render
 * time; override any entry through the panel's `strings` prop. Kept apart from the ChatWindow strings so a
 * chat-only app never downloads them.
 */
export interface AnalyticsPanelStrings {
  /** Accessible name of the whole panel. */
  panelLabel: string;
  /** Retry button after a failed load. */
  retry: string;
  /** Shown while a part loads, for screen readers. */
  loading: string;
  /** Display names of the chat sources (FastGPT's own wording). */
  sources: Record<ChatSource, string>;
  /** Column headers of the log table. */
  columns: Record<LogColumnKey, string>;
  // charts
  /** Accessible name of the group of charts. */
  chartsLabel: string;
  /** Shown on a chart whose range holds no data (or only zeros). */
  chartEmpty: string;
  /** Told to screen-reader users once, with each chart's description: how to step through its values. */
  chartKeyboardHint: string;
  /**
   * Text summary of a summed series. Placeholders: `{label}`, `{total}`, `{peak}`, `{date}` (of the peak),
   * `{latest}`.
   */
  chartSummaryTotal: string;
  /**
   * Text summary of an averaged or derived series (a rate, a mean time). Placeholders: `{label}`,
   * `{overall}` (over the whole range), `{peak}`, `{date}` (of the peak), `{latest}`.
   */
  chartSummaryOverall: string;
  /** A date range in tooltips and summaries, when the locale's own range format does not apply. `{start}`, `{end}`. */
  chartDateRange: string;
  /** A quarter on the x axis and in tooltips. `{quarter}` (1–4), `{year}`. */
  chartQuarter: string;
  /** Title of the conversations and messages chart. */
  chartConversationsTitle: string;
  /** Title of the new vs retained users chart. */
  chartUsersTitle: string;
  /** Title of the points chart. */
  chartPointsTitle: string;
  /** Title of the error-rate chart. */
  chartErrorRateTitle: string;
  /** Title of the good/bad feedback chart. */
  chartFeedbackTitle: string;
  /** Title of the average response time chart. */
  chartResponseTimeTitle: string;
  /** Series name: conversations. */
  chartSeriesChats: string;
  /** Series name: messages (answers). */
  chartSeriesMessages: string;
  /** Series name: users seen for the first time. */
  chartSeriesNewUsers: string;
  /** Series name: users who came back. */
  chartSeriesRetainedUsers: string;
  /** Series name: AI points spent. */
  chartSeriesPoints: string;
  /** Series name: share of answers that failed. */
  chartSeriesErrorRate: string;
  /** Series name: good ratings. */
  chartSeriesGoodFeedback: string;
  /** Series name: bad ratings. */
  chartSeriesBadFeedback: string;
  /** Series name: mean seconds per answer. */
  chartSeriesResponseTime: string;
  // drawer
}

/** Overrides of {@link AnalyticsPanelStrings}: any subset; `sources` and `columns` merge per key. */
export type AnalyticsPanelStringsOverrides = Partial<Omit<AnalyticsPanelStrings, 'sources' | 'columns'>> & {
  /** Overrides of source names. */
  sources?: Partial<Record<ChatSource, string>>;
  /** Overrides of column headers. */
  columns?: Partial<Record<LogColumnKey, string>>;
};
