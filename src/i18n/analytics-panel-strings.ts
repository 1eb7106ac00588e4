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
  /** Accessible name of the filter bar. */
  filtersLabel: string;
  /** Label of the date range choice. */
  rangeLabel: string;
  /** The range presets. */
  presets: Record<'7d' | '30d' | '90d' | 'custom', string>;
  /** Label of a custom range's first day. */
  rangeFrom: string;
  /** Label of a custom range's last day. */
  rangeTo: string;
  /** A custom range lacks a day. */
  rangeMissing: string;
  /** A custom range has a day that is not a date. */
  rangeInvalid: string;
  /** A custom range ends before it starts. */
  rangeReversed: string;
  /** Label of the chart bucket choice. */
  timespanLabel: string;
  /** The chart buckets. */
  timespans: Record<'day' | 'week' | 'month' | 'quarter', string>;
  /** Label of the source filter. */
  sourcesLabel: string;
  /** The source filter with nothing chosen. */
  sourcesAll: string;
  /** The source filter with some chosen; `{count}` becomes how many. */
  sourcesCount: string;
  /** Label of the search box. */
  searchLabel: string;
  /** Placeholder of the search box. */
  searchPlaceholder: string;
  /** Label of the feedback filter. */
  feedbackLabel: string;
  /** The feedback filter's choices. */
  feedbackFilters: Record<'all' | 'has_feedback' | 'good' | 'bad', string>;
  /** Label of the errors-only switch. */
  hasErrorLabel: string;
  /** Resets every filter but the range. */
  clearFilters: string;
  /** Accessible name of the totals. */
  totalsLabel: string;
  /** Total users. */
  totalUsers: string;
  /** Total conversations. */
  totalChats: string;
  /** Total points. */
  totalPoints: string;
  /** Answers in the range. */
  totalMessages: string;
  /** Failed answers per answer in the range. */
  errorRate: string;
  /** Good ratings in the range. */
  goodFeedback: string;
  /** Bad ratings in the range. */
  badFeedback: string;
  /** Mean seconds per answer in the range. */
  averageResponseTime: string;
  /** Note under a total that counts all time. */
  allTime: string;
  /** Note under a total that counts the chosen range. */
  inRange: string;
  /** Accessible name of the log table. */
  tableLabel: string;
  /** Button of the column picker. */
  columnsButton: string;
  /** Heading of the column picker. */
  columnsLabel: string;
  /** Announced after sorting; `{column}` and `{direction}` are filled in. */
  sortedBy: string;
  /** Ascending, for `sortedBy`. */
  ascending: string;
  /** Descending, for `sortedBy`. */
  descending: string;
  /** Row count; `{loaded}` and `{total}` are filled in. */
  loadedOf: string;
  /** Loads the next page of rows. */
  loadMore: string;
  /** Shown while the next page loads. */
  loadingMore: string;
  /** A further page failed; `{message}` is why. */
  loadMoreFailed: string;
  /** Under a sort other than the server's while rows are missing; `{loaded}` is how many are in. */
  sortLoadedOnly: string;
  /** Loads every matching row. */
  loadAll: string;
  /** Accessible name of a row's open button; `{title}` is the chat's title. */
  openConversation: string;
  /** Title of a chat without one. */
  untitled: string;
  /** Good ratings in a cell; `{count}` is how many. */
  goodCount: string;
  /** Bad ratings in a cell; `{count}` is how many. */
  badCount: string;
  /** Seconds; `{value}` is the number. */
  seconds: string;
  /** The export button. */
  exportCsv: string;
  /** The export button while it runs. */
  exporting: string;
  /** An export failed; `{message}` is why. */
  exportFailed: string;
  /** After a client-side export; `{count}` is how many chats it holds. */
  exportedLocally: string;
  /** Headers of the CSV columns a table column splits into, and of the server export's chat details. */
  csvHeaders: Record<'goodFeedback' | 'badFeedback' | 'regionName' | 'ip' | 'chatDetails', string>;
  /** Nothing in the range; `{from}` and `{to}` are its days. */
  emptyRange: string;
  /** Nothing matches the filters. */
  emptyFiltered: string;
  /** Widens an empty range to 90 days. */
  widenRange: string;
  /** Heading of a failed load. */
  errorTitle: string;
  /** The log routes refused the credentials. */
  authNeeded: string;
  /** The account may not read this app's logs. */
  permissionNeeded: string;
  /** The charts were computed from the log list. */
  derivedNote: string;
  /** Added to `derivedNote` when only the newest chats were read; `{count}` is how many. */
  derivedTruncated: string;
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
  /** Closes the conversation drawer. */
  drawerClose: string;
  /** Title of a conversation with neither a custom nor an automatic title. */
  drawerUntitled: string;
  /** Shown for a figure the server did not send. */
  drawerNoValue: string;
}

/** Overrides of {@link AnalyticsPanelStrings}: any subset; the grouped entries (sources, columns, …) merge per key. */
export type AnalyticsPanelStringsOverrides = Partial<Omit<AnalyticsPanelStrings, 'sources' | 'columns'>> & {
  /** Overrides of source names. */
  sources?: Partial<Record<ChatSource, string>>;
  /** Overrides of column headers. */
  columns?: Partial<Record<LogColumnKey, string>>;
};
