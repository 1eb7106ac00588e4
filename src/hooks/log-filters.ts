'use client';
import { useMemo } from 'react';
import type { ChatSource, GetChatLogsParams, LogFeedbackFilter } from '../client/types';
import type { AppLogsFilters } from '../core/query-keys';
import { type DateRange, toIsoString } from './date-range';

/** The filters of the log hooks. */
export interface LogFilterOptions {
  /** Chats whose last activity falls in this range. */
  dateRange: DateRange;
  /** Only these sources (absent or empty: all). */
  sources?: readonly ChatSource[];
  /** Case-insensitive match on title, custom title or chat id. */
  search?: string;
  /** Feedback filter (default `all`). */
  feedback?: LogFeedbackFilter;
  /** Only chats with errors (honoured by the newest FastGPT servers; older ones ignore it). */
  hasError?: boolean;
}

/** The filters as plain data (a stable query key), leaving out what means "everything". */
export function toAppLogsFilters(options: LogFilterOptions): AppLogsFilters {
  const filters: AppLogsFilters = {
    dateStart: toIsoString(options.dateRange.start),
    dateEnd: toIsoString(options.dateRange.end),
  };
  if (options.sources && options.sources.length > 0) filters.sources = [...options.sources].sort();
  if (options.search) filters.search = options.search;
  if (options.feedback && options.feedback !== 'all') filters.feedback = options.feedback;
  if (options.hasError) filters.hasError = true;
  return filters;
}

/** The list request of the filters. */
export function toChatLogsParams(appId: string | undefined, filters: AppLogsFilters): GetChatLogsParams {
  const params: GetChatLogsParams = { appId, dateStart: filters.dateStart, dateEnd: filters.dateEnd };
  if (filters.sources) params.sources = [...filters.sources];
  if (filters.search) params.chatSearch = filters.search;
  if (filters.feedback) params.feedbackType = filters.feedback;
  if (filters.hasError) params.errorFilter = 'has_error';
  return params;
}

/** {@link toAppLogsFilters} as a value that changes only when a filter does (a stable query key). */
export function useAppLogsFilters({
  dateRange,
  sources,
  search,
  feedback,
  hasError,
}: LogFilterOptions): AppLogsFilters {
  const start = toIsoString(dateRange.start);
  const end = toIsoString(dateRange.end);
  const sourcesKey = sources?.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the primitive fields decide when the filters change
  return useMemo(
    () => toAppLogsFilters({ dateRange: { start, end }, sources, search, feedback, hasError }),
    [start, end, sourcesKey, search, feedback, hasError],
  );
}
