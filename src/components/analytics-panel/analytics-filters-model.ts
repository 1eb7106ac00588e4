import type { AnalyticsTimespan, ChatSource, LogFeedbackFilter } from '../../client/types';

/** A date range choice: the last 7, 30 or 90 days (today included), or custom days. */
export type DateRangePreset = '7d' | '30d' | '90d' | 'custom';

/** Everything the panel filters by; the panel's state, or controlled through its props. */
export interface AnalyticsFilters {
  /** Which range (default `7d`, as FastGPT's logs page). */
  preset: DateRangePreset;
  /** First day of a `custom` range, `YYYY-MM-DD` local. */
  from?: string;
  /** Last day of a `custom` range, `YYYY-MM-DD` local, included. */
  to?: string;
  /** Only these sources (empty: all). */
  sources: readonly ChatSource[];
  /** Search over title and chat id (empty: none). */
  search: string;
  /** Feedback filter of the log table. */
  feedback: LogFeedbackFilter;
  /** Only chats with errors. */
  hasError: boolean;
  /** Bucket size of the charts. */
  timespan: AnalyticsTimespan;
}

/** The filters before anyone chooses. */
export const DEFAULT_ANALYTICS_FILTERS: AnalyticsFilters = {
  preset: '7d',
  sources: [],
  search: '',
  feedback: 'all',
  hasError: false,
  timespan: 'day',
};

const PRESET_DAYS = { '7d': 7, '30d': 30, '90d': 90 } as const;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local `YYYY-MM-DD` of a time. */
export function toDayString(time: Date | number): string {
  const d = new Date(time);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function parseDay(day: string | undefined): Date | undefined {
  const match = day ? DAY_PATTERN.exec(day) : null;
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(y, m - 1, d);
  // Rejects days like 2026-02-31 that Date would roll over.
  return date.getMonth() === m - 1 && date.getDate() === d ? date : undefined;
}

/** The range of the filters: local midnight of the first day to the last millisecond of the last. */
export type ResolvedRange =
  | { ok: true; start: Date; end: Date; days: number }
  | { ok: false; reason: 'missing' | 'invalid' | 'reversed' };

/** Resolves the filters' dates against `now`; a custom range that cannot be used says why. */
export function resolveDateRange(
  filters: Pick<AnalyticsFilters, 'preset' | 'from' | 'to'>,
  now: number,
): ResolvedRange {
  let first: Date | undefined;
  let last: Date | undefined;
  if (filters.preset === 'custom') {
    if (!filters.from || !filters.to) return { ok: false, reason: 'missing' };
    first = parseDay(filters.from);
    last = parseDay(filters.to);
    if (!first || !last) return { ok: false, reason: 'invalid' };
    if (first > last) return { ok: false, reason: 'reversed' };
  } else {
    last = new Date(now);
    last.setHours(0, 0, 0, 0);
    first = new Date(last);
    first.setDate(first.getDate() - (PRESET_DAYS[filters.preset] - 1));
  }
  const end = new Date(last);
  end.setHours(23, 59, 59, 999);
  const days = Math.round((last.getTime() - first.getTime()) / 86_400_000) + 1;
  return { ok: true, start: first, end, days };
}

/** Whether any filter beyond the date range narrows the rows (the empty state then suggests clearing them). */
export function hasNarrowingFilters(filters: AnalyticsFilters): boolean {
  return (
    filters.sources.length > 0 || filters.search !== '' || filters.feedback !== 'all' || filters.hasError
  );
}
