'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { AppClient } from '../client/app-client';
import { NotFoundError } from '../client/errors';
import {
  type AnalyticsTimespan,
  type AppLogsChartData,
  type AppTotalData,
  CHAT_SOURCES,
  type ChatLogItem,
  type ChatSource,
} from '../client/types';
import { fastgptKeys } from '../core/query-keys';
import { type DateRange, toIsoString } from './date-range';
import { useFastGPT } from './use-fastgpt';

/** Options of {@link useAppAnalytics}. */
export interface UseAppAnalyticsOptions {
  /** The app; defaults to the provider's `appId`. */
  appId?: string;
  /** The range to chart, both ends inclusive. */
  dateRange: DateRange;
  /** Only these sources (absent or empty: all). */
  sources?: readonly ChatSource[];
  /** Bucket size of the series (default `day`). */
  timespan?: AnalyticsTimespan;
  /**
   * Most chats read from the log list when the series are derived (default 5 000); beyond it the series
   * cover the newest chats only and `truncated` is set.
   */
  maxDerivedChats?: number;
  /** Set `false` to load nothing (default true). */
  enabled?: boolean;
}

/** One bucket of the chart series. */
export interface AnalyticsPoint {
  /** Bucket start, epoch ms. */
  timestamp: number;
  /** Distinct users active in the bucket. */
  users: number;
  /** Users whose first activity falls in the bucket (derived: their first chat in the range). */
  newUsers: number;
  /** Users also active in the bucket before. */
  retainedUsers: number;
  /** Distinct chats active in the bucket. */
  chats: number;
  /** Answers given (derived: half the chat items, a question and an answer per turn). */
  messages: number;
  /** AI points spent. */
  points: number;
  /** Failed answers (derived: node errors). */
  errors: number;
  /** Answers rated good. */
  goodFeedback: number;
  /** Answers rated bad. */
  badFeedback: number;
  /** Mean seconds per answer (0 without answers). */
  averageResponseTime: number;
}

/** Sums over the range. `users` and `chats` add the buckets up: one active in two buckets counts twice. */
export interface AnalyticsTotals {
  /** Sum of the buckets' users. */
  users: number;
  /** Sum of the buckets' new users. */
  newUsers: number;
  /** Sum of the buckets' chats. */
  chats: number;
  /** Answers. */
  messages: number;
  /** AI points. */
  points: number;
  /** Failed answers. */
  errors: number;
  /** Good ratings. */
  goodFeedback: number;
  /** Bad ratings. */
  badFeedback: number;
  /** Mean seconds per answer. */
  averageResponseTime: number;
}

/** What the analytics query resolves to (the cached data of {@link useAppAnalytics}). */
export interface AppAnalyticsData {
  /** Whether the server has the (commercial) chart endpoints. */
  available: boolean;
  /** Why they are not available, as a sentence. */
  reason: string | undefined;
  /** The series were computed from the log list instead. */
  derived: boolean;
  /** Derived from fewer chats than matched (see `maxDerivedChats`). */
  truncated: boolean;
  /** The buckets, oldest first. */
  series: AnalyticsPoint[];
  /** Sums over the range. */
  totals: AnalyticsTotals;
  /** All-time totals from the chart endpoints (absent when derived). */
  allTime: AppTotalData | undefined;
  /** Distinct users active in the range, when derived from the log list (absent otherwise). */
  rangeUsers: number | undefined;
  /** How many chats the series were derived from (0 when not derived). */
  derivedChats: number;
  /** Why deriving from the log list failed (for example, no session `token`). */
  derivationError: Error | undefined;
}

/** Result of {@link useAppAnalytics}. */
export interface UseAppAnalyticsResult extends Omit<AppAnalyticsData, 'available' | 'derivationError'> {
  /** Whether the chart endpoints exist (`undefined` until known). */
  available: boolean | undefined;
  /** Nothing to show yet. */
  isLoading: boolean;
  /** Loading, possibly with the previous range's series on screen. */
  isFetching: boolean;
  /** The series shown belong to the previous options while the new ones load. */
  isPlaceholderData: boolean;
  /** Why loading failed (including deriving from the log list). */
  error: Error | null;
  /** Loads again. */
  refetch: () => Promise<void>;
}

const DERIVED_PAGE_SIZE = 100;
const EMPTY_TOTALS: AnalyticsTotals = {
  users: 0,
  newUsers: 0,
  chats: 0,
  messages: 0,
  points: 0,
  errors: 0,
  goodFeedback: 0,
  badFeedback: 0,
  averageResponseTime: 0,
};
const NO_POINTS: AnalyticsPoint[] = [];

/** Whether an error means "this edition has no chart endpoints" (open-source builds, proxies without them). */
export function isChartsUnavailableError(error: unknown): error is NotFoundError {
  if (!(error instanceof NotFoundError)) return false;
  return (
    error.status === 404 ||
    /commercial edition/i.test(error.message) ||
    /未配置商业版链接/.test(error.rawMessage ?? '')
  );
}

/** Start of the local-time bucket holding `time`: day, week (from Monday), month or quarter. */
export function bucketStart(time: number, timespan: AnalyticsTimespan): number {
  const date = new Date(time);
  date.setHours(0, 0, 0, 0);
  if (timespan === 'week') date.setDate(date.getDate() - ((date.getDay() + 6) % 7));
  if (timespan === 'month' || timespan === 'quarter') {
    date.setDate(1);
    if (timespan === 'quarter') date.setMonth(date.getMonth() - (date.getMonth() % 3));
  }
  return date.getTime();
}

function nextBucket(start: number, timespan: AnalyticsTimespan): number {
  const date = new Date(start);
  if (timespan === 'day') date.setDate(date.getDate() + 1);
  else if (timespan === 'week') date.setDate(date.getDate() + 7);
  else date.setMonth(date.getMonth() + (timespan === 'month' ? 1 : 3));
  return date.getTime();
}

function emptyPoint(timestamp: number): AnalyticsPoint {
  return { timestamp, ...EMPTY_TOTALS, retainedUsers: 0 };
}

function totalsOf(series: readonly AnalyticsPoint[]): AnalyticsTotals {
  const totals = { ...EMPTY_TOTALS };
  let seconds = 0;
  for (const p of series) {
    totals.users += p.users;
    totals.newUsers += p.newUsers;
    totals.chats += p.chats;
    totals.messages += p.messages;
    totals.points += p.points;
    totals.errors += p.errors;
    totals.goodFeedback += p.goodFeedback;
    totals.badFeedback += p.badFeedback;
    seconds += p.averageResponseTime * p.messages;
  }
  totals.averageResponseTime = totals.messages > 0 ? seconds / totals.messages : 0;
  return totals;
}

/** The three server series merged into one point per bucket. */
export function mergeChartData(data: AppLogsChartData): AnalyticsPoint[] {
  const points = new Map<number, AnalyticsPoint & { seconds: number }>();
  const at = (timestamp: number) => {
    let point = points.get(timestamp);
    if (!point) {
      point = { ...emptyPoint(timestamp), seconds: 0 };
      points.set(timestamp, point);
    }
    return point;
  };
  for (const { timestamp, summary } of data.userData) {
    const p = at(timestamp);
    p.users = summary.userCount;
    p.newUsers = summary.newUserCount;
    p.retainedUsers = summary.retentionUserCount;
  }
  for (const { timestamp, summary } of data.chatData) {
    const p = at(timestamp);
    p.chats = summary.chatCount;
    p.messages = summary.chatItemCount;
    p.errors = summary.errorCount;
    p.points = summary.points;
  }
  for (const { timestamp, summary } of data.appData) {
    const p = at(timestamp);
    p.goodFeedback = summary.goodFeedBackCount;
    p.badFeedback = summary.badFeedBackCount;
    p.seconds = summary.totalResponseTime;
    if (p.chats === 0) p.chats = summary.chatCount;
  }
  return [...points.values()]
    .sort((a, b) => a.timestamp - b.timestamp)
    .map(({ seconds, ...point }) => ({
      ...point,
      averageResponseTime: point.messages > 0 ? seconds / point.messages : 0,
    }));
}

/** Who a log row's chat belongs to: the end user, else the owning member, else the chat itself. */
const userOf = (row: ChatLogItem) => row.outLinkUid || row.tmbId || row.chatId;

/**
 * Chart series computed from log-table rows (one per chat), bucketed by the chat's last activity. Every
 * bucket of the range is present, empty ones included.
 */
export function deriveSeries(
  rows: readonly ChatLogItem[],
  range: { start: number; end: number },
  timespan: AnalyticsTimespan,
): AnalyticsPoint[] {
  const firstSeen = new Map<string, number>();
  for (const row of rows) {
    const first = Date.parse(row.createTime ?? row.updateTime);
    const user = userOf(row);
    const seen = firstSeen.get(user);
    if (seen === undefined || first < seen) firstSeen.set(user, first);
  }
  const buckets = new Map<number, { point: AnalyticsPoint; users: Set<string>; seconds: number }>();
  for (let t = bucketStart(range.start, timespan); t <= range.end; t = nextBucket(t, timespan)) {
    buckets.set(t, { point: emptyPoint(t), users: new Set(), seconds: 0 });
  }
  for (const row of rows) {
    const time = Date.parse(row.updateTime);
    const start = bucketStart(time, timespan);
    let bucket = buckets.get(start);
    if (!bucket) {
      bucket = { point: emptyPoint(start), users: new Set(), seconds: 0 };
      buckets.set(start, bucket);
    }
    const answers = Math.floor((row.messageCount ?? 0) / 2);
    const p = bucket.point;
    p.chats++;
    p.messages += answers;
    p.points += row.totalPoints ?? 0;
    p.errors += row.errorCount ?? 0;
    p.goodFeedback += row.userGoodFeedbackCount ?? 0;
    p.badFeedback += row.userBadFeedbackCount ?? 0;
    bucket.seconds += (row.averageResponseTime ?? 0) * answers;
    bucket.users.add(userOf(row));
  }
  const ordered = [...buckets.values()].sort((a, b) => a.point.timestamp - b.point.timestamp);
  let previous: Set<string> | undefined;
  let previousStart: number | undefined;
  return ordered.map(({ point, users, seconds }) => {
    let newUsers = 0;
    let retained = 0;
    const adjacent = previousStart !== undefined && nextBucket(previousStart, timespan) === point.timestamp;
    for (const user of users) {
      const first = firstSeen.get(user);
      if (first !== undefined && first >= range.start && bucketStart(first, timespan) === point.timestamp) {
        newUsers++;
      }
      if (adjacent && previous?.has(user)) retained++;
    }
    previous = users;
    previousStart = point.timestamp;
    return {
      ...point,
      users: users.size,
      newUsers,
      retainedUsers: retained,
      averageResponseTime: point.messages > 0 ? seconds / point.messages : 0,
    };
  });
}

interface AnalyticsQuery {
  appId: string | undefined;
  dateStart: string;
  dateEnd: string;
  sources: ChatSource[] | undefined;
  timespan: AnalyticsTimespan;
  maxDerivedChats: number;
}

async function loadAnalytics(
  app: AppClient,
  q: AnalyticsQuery,
  signal: AbortSignal,
): Promise<AppAnalyticsData> {
  try {
    const [chart, allTime] = await Promise.all([
      app.getAppLogsChart(
        {
          appId: q.appId,
          dateStart: q.dateStart,
          dateEnd: q.dateEnd,
          source: q.sources ?? [...CHAT_SOURCES],
          userTimespan: q.timespan,
          chatTimespan: q.timespan,
          appTimespan: q.timespan,
        },
        { signal },
      ),
      app.getAppTotalData({ appId: q.appId }, { signal }),
    ]);
    const series = mergeChartData(chart);
    return {
      available: true,
      reason: undefined,
      derived: false,
      truncated: false,
      series,
      totals: totalsOf(series),
      allTime,
      rangeUsers: undefined,
      derivedChats: 0,
      derivationError: undefined,
    };
  } catch (error) {
    if (!isChartsUnavailableError(error)) throw error;
    const unavailable = {
      available: false,
      reason: error.message,
      allTime: undefined,
    };
    try {
      const { rows, total } = await readLogRows(app, q, signal);
      const range = { start: Date.parse(q.dateStart), end: Date.parse(q.dateEnd) };
      const series = deriveSeries(rows, range, q.timespan);
      return {
        ...unavailable,
        rangeUsers: new Set(rows.map(userOf)).size,
        derivedChats: rows.length,
        derived: true,
        truncated: rows.length < total,
        series,
        totals: totalsOf(series),
        derivationError: undefined,
      };
    } catch (derivationError) {
      if (signal.aborted) throw derivationError;
      return {
        ...unavailable,
        rangeUsers: undefined,
        derivedChats: 0,
        derived: false,
        truncated: false,
        series: [],
        totals: { ...EMPTY_TOTALS },
        derivationError:
          derivationError instanceof Error ? derivationError : new Error(String(derivationError)),
      };
    }
  }
}

async function readLogRows(
  app: AppClient,
  q: AnalyticsQuery,
  signal: AbortSignal,
): Promise<{ rows: ChatLogItem[]; total: number }> {
  const rows: ChatLogItem[] = [];
  const seen = new Set<string>();
  let total = 0;
  for (let pageNum = 1; rows.length < q.maxDerivedChats; pageNum++) {
    const page = await app.getChatLogs(
      {
        appId: q.appId,
        dateStart: q.dateStart,
        dateEnd: q.dateEnd,
        ...(q.sources ? { sources: q.sources } : {}),
        pageNum,
        pageSize: DERIVED_PAGE_SIZE,
      },
      { signal },
    );
    total = page.total;
    // Chats active while paging move to the first page; skip the ones seen already.
    for (const row of page.list) {
      if (seen.has(row.chatId) || rows.length >= q.maxDerivedChats) continue;
      seen.add(row.chatId);
      rows.push(row);
    }
    if (page.list.length < DERIVED_PAGE_SIZE || pageNum * DERIVED_PAGE_SIZE >= total) break;
  }
  return { rows, total };
}

/**
 * The app's chart series (users new and retained, chats and answers, points, errors, feedback, mean
 * response time) and totals over a date range, bucketed by day, week, month or quarter. On editions without
 * the commercial chart endpoints it returns `available: false` with the `reason`, and derives the series
 * from the log list instead (`derived: true`; the log list needs a session `token`).
 *
 * @example
 * ```tsx
 * function Usage() {
 *   const { series, totals, available, reason, derived } = useAppAnalytics({
 *     dateRange: { start: monthAgo, end: new Date() },
 *     timespan: 'week',
 *   });
 *   return (
 *     <>
 *       {available === false && <p>{reason} {derived && 'Showing figures computed from the chat logs.'}</p>}
 *       <LineChart data={series} x="timestamp" y="chats" />
 *       <Stat label="Answers" value={totals.messages} />
 *     </>
 *   );
 * }
 * ```
 */
export function useAppAnalytics({
  appId: appIdOption,
  dateRange,
  sources,
  timespan = 'day',
  maxDerivedChats = 5_000,
  enabled = true,
}: UseAppAnalyticsOptions): UseAppAnalyticsResult {
  const { app, scope, appId: defaultAppId } = useFastGPT();
  const appId = appIdOption ?? defaultAppId;
  const dateStart = toIsoString(dateRange.start);
  const dateEnd = toIsoString(dateRange.end);
  const sourcesKey = sources && sources.length > 0 ? [...sources].sort().join(',') : '';
  const sourceList = useMemo(
    () => (sourcesKey ? (sourcesKey.split(',') as ChatSource[]) : undefined),
    [sourcesKey],
  );

  const query = useQuery({
    queryKey: [
      ...fastgptKeys.analytics(scope, appId ?? '', { dateStart, dateEnd }, sourceList, timespan),
      maxDerivedChats,
    ],
    queryFn: ({ signal }) =>
      loadAnalytics(
        app,
        { appId, dateStart, dateEnd, sources: sourceList, timespan, maxDerivedChats },
        signal,
      ),
    placeholderData: keepPreviousData,
    enabled,
    retry: false,
  });

  const { data, refetch: refetchQuery } = query;
  const refetch = useCallback(async () => {
    await refetchQuery();
  }, [refetchQuery]);

  return {
    available: data?.available,
    reason: data?.reason,
    derived: data?.derived ?? false,
    truncated: data?.truncated ?? false,
    series: data?.series ?? NO_POINTS,
    totals: data?.totals ?? EMPTY_TOTALS,
    allTime: data?.allTime,
    rangeUsers: data?.rangeUsers,
    derivedChats: data?.derivedChats ?? 0,
    isLoading: query.isLoading,
    isFetching: query.isFetching,
    isPlaceholderData: query.isPlaceholderData,
    error: query.error ?? data?.derivationError ?? null,
    refetch,
  };
}
