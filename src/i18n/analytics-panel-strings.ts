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
  // drawer
  /** Closes the conversation drawer. */
  drawerClose: string;
  /** Title of a conversation with neither a custom nor an automatic title. */
  drawerUntitled: string;
  /** Answers rated good, in the drawer's summary; `{count}` becomes the number. */
  drawerGoodCount: string;
  /** Answers rated bad, in the drawer's summary; `{count}` becomes the number. */
  drawerBadCount: string;
  /** A duration in seconds; `{value}` becomes the number. */
  drawerSeconds: string;
  /** Shown for a figure the server did not send. */
  drawerNoValue: string;
}

/** Overrides of {@link AnalyticsPanelStrings}: any subset; `sources` and `columns` merge per key. */
export type AnalyticsPanelStringsOverrides = Partial<Omit<AnalyticsPanelStrings, 'sources' | 'columns'>> & {
  /** Overrides of source names. */
  sources?: Partial<Record<ChatSource, string>>;
  /** Overrides of column headers. */
  columns?: Partial<Record<LogColumnKey, string>>;
};
