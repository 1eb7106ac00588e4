'use client';
import { type InfiniteData, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ChatLogItem, FastGPTPage } from '../client/types';
import { createLogRowCache, type LogRowCache } from '../core/log-row-cache';
import { fastgptKeys } from '../core/query-keys';
import { type LogFilterOptions, toChatLogsParams, useAppLogsFilters } from './log-filters';
import { useFastGPT } from './use-fastgpt';
import { type ExportCsvOptions, useLogExport } from './use-log-export';

/** Options of {@link useAppLogRows}. */
export interface UseAppLogRowsOptions extends LogFilterOptions {
  /** The app; defaults to the provider's `appId`. */
  appId?: string;
  /** Rows per request (default 100). */
  pageSize?: number;
  /** Set `false` to load nothing (default true). */
  enabled?: boolean;
}

/** Result of {@link useAppLogRows}. */
export interface UseAppLogRowsResult {
  /**
   * Every row loaded so far, newest activity first, one per chat. An unchanged chat keeps its row object
   * across pages, filters and refetches, so memoized rows and sorted copies stay cheap.
   */
  rows: readonly ChatLogItem[];
  /** How many chats match the filters on the server. */
  total: number;
  /** More rows are on the server. */
  hasMore: boolean;
  /** Loads the next page (no-op while one loads or when all are in). */
  loadMore: () => Promise<void>;
  /** Loads pages until every matching chat (at most `limit`, default 10 000) is in. */
  loadAll: (limit?: number) => Promise<readonly ChatLogItem[]>;
  /** Nothing to show yet (first load). */
  isLoading: boolean;
  /** Something is loading (first page, a refetch, or more rows). */
  isFetching: boolean;
  /** A next page is loading. */
  isLoadingMore: boolean;
  /** `rows` belong to the previous filters while the new ones load. */
  isPlaceholderData: boolean;
  /** Why the first page failed. */
  error: Error | null;
  /** Why loading more failed (the rows loaded so far stay). */
  loadMoreError: Error | null;
  /** Loads the rows again from the first page. */
  refetch: () => Promise<void>;
  /** The server's CSV export of every chat matching the filters (see `useAppLogs`). */
  exportCsv: (options?: ExportCsvOptions) => Promise<string>;
  /** An export is running. */
  isExporting: boolean;
  /** Why the latest export failed. */
  exportError: Error | null;
}

type LogRowsData = InfiniteData<FastGPTPage<ChatLogItem>, number>;

const DEFAULT_LOAD_ALL_LIMIT = 10_000;

/**
 * The app's log table loaded page by page into one list (for a scrolling, virtualized table), with the
 * same filters as `useAppLogs`. FastGPT pages by last activity, newest first; a chat that becomes active
 * while paging moves to the top of the server's list, so rows are kept once per chat.
 *
 * @example
 * ```tsx
 * const { rows, total, hasMore, loadMore } = useAppLogRows({ dateRange: lastWeek, sources: ['share'] });
 * // render rows in a virtual list; call loadMore() near its end
 * ```
 */
export function useAppLogRows({
  appId: appIdOption,
  pageSize = 100,
  enabled = true,
  ...filterOptions
}: UseAppLogRowsOptions): UseAppLogRowsResult {
  const { app, scope, appId: defaultAppId } = useFastGPT();
  const appId = appIdOption ?? defaultAppId;
  const filters = useAppLogsFilters(filterOptions);
  const [cache] = useState(createLogRowCache);

  const query = useInfiniteQuery<FastGPTPage<ChatLogItem>, Error, LogRowsData, readonly unknown[], number>({
    queryKey: [...fastgptKeys.logs(scope, appId ?? ''), 'rows', filters, pageSize],
    queryFn: ({ pageParam, signal }) =>
      app.getChatLogs({ ...toChatLogsParams(appId, filters), pageNum: pageParam, pageSize }, { signal }),
    initialPageParam: 1,
    getNextPageParam: (lastPage, pages) =>
      lastPage.list.length > 0 && pages.length * pageSize < lastPage.total ? pages.length + 1 : undefined,
    placeholderData: keepPreviousData,
    enabled,
    retry: false,
  });

  const pages = query.data?.pages;
  const rows = useMemo(() => (pages ? flattenRows(pages, cache) : NO_ROWS), [pages, cache]);
  const total = pages?.[0]?.total ?? 0;

  const latest = useRef(query);
  latest.current = query;
  const loadMore = useCallback(async () => {
    const current = latest.current;
    if (!current.hasNextPage || current.isFetchingNextPage || current.isPlaceholderData) return;
    await current.fetchNextPage();
  }, []);
  const loadAll = useCallback(
    async (limit = DEFAULT_LOAD_ALL_LIMIT) => {
      let current: Pick<typeof query, 'hasNextPage' | 'data' | 'fetchNextPage'> = latest.current;
      // The rows on screen may still be the previous filters': start from the current filters' first page.
      if (latest.current.isPlaceholderData || !latest.current.data) {
        const first = await latest.current.refetch({ cancelRefetch: false });
        if (first.isError) throw first.error;
        // An infinite query's refetch resolves to the infinite observer's result; its type says otherwise.
        current = first as unknown as typeof current;
      }
      while (current.hasNextPage && loadedRows(current.data) < limit) {
        const next = await current.fetchNextPage({ cancelRefetch: false });
        if (next.isError) throw next.error;
        current = next;
      }
      return flattenRows(current.data?.pages ?? [], cache);
    },
    [cache],
  );
  const { refetch: refetchQuery } = query;
  const refetch = useCallback(async () => {
    await refetchQuery();
  }, [refetchQuery]);

  const exporter = useLogExport(appId, filters);

  return {
    rows,
    total,
    hasMore: query.hasNextPage,
    loadMore,
    loadAll,
    isLoading: query.isLoading,
    isFetching: query.isFetching,
    isLoadingMore: query.isFetchingNextPage,
    isPlaceholderData: query.isPlaceholderData,
    error: query.isFetchNextPageError ? null : query.error,
    loadMoreError: query.isFetchNextPageError ? query.error : null,
    refetch,
    ...exporter,
  };
}

const NO_ROWS: readonly ChatLogItem[] = [];

function loadedRows(data: LogRowsData | undefined): number {
  return data?.pages.reduce((count, page) => count + page.list.length, 0) ?? 0;
}

function flattenRows(pages: readonly FastGPTPage<ChatLogItem>[], cache: LogRowCache): ChatLogItem[] {
  const seen = new Set<string>();
  const list: ChatLogItem[] = [];
  for (const page of pages) {
    for (const row of page.list) {
      if (seen.has(row.chatId)) continue;
      seen.add(row.chatId);
      list.push(cache.intern(row));
    }
  }
  return list;
}
