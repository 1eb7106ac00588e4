'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ChatLogItem } from '../client/types';
import { fastgptKeys } from '../core/query-keys';
import { type LogFilterOptions, toChatLogsParams, useAppLogsFilters } from './log-filters';
import { useFastGPT } from './use-fastgpt';
import { type ExportCsvOptions, useLogExport } from './use-log-export';

export type { ExportCsvOptions } from './use-log-export';

/** Options of {@link useAppLogs}. */
export interface UseAppLogsOptions extends LogFilterOptions {
  /** The app; defaults to the provider's `appId`. */
  appId?: string;
  /** 1-based page (default 1). */
  page?: number;
  /** Rows per page (default 20). */
  pageSize?: number;
  /** Set `false` to load nothing (default true). */
  enabled?: boolean;
}

/** Result of {@link useAppLogs}. */
export interface UseAppLogsResult {
  /** The rows of the page (the previous page's while the next one loads). */
  rows: ChatLogItem[];
  /** How many chats match the filters. */
  total: number;
  /** Nothing to show yet (first load). */
  isLoading: boolean;
  /** A page is loading (including page changes with the previous rows on screen). */
  isFetching: boolean;
  /** `rows` belong to the previous filters or page while the new ones load. */
  isPlaceholderData: boolean;
  /** Why loading failed. */
  error: Error | null;
  /** Loads the page again. */
  refetch: () => Promise<void>;
  /** The server's CSV export of every chat matching the filters (UTF-8 with BOM; FastGPT caps it). */
  exportCsv: (options?: ExportCsvOptions) => Promise<string>;
  /** An export is running. */
  isExporting: boolean;
  /** Why the latest export failed. */
  exportError: Error | null;
}

const NO_ROWS: ChatLogItem[] = [];

/**
 * One page of the app's log table (one row per chat, newest activity first) with the total, filtered by
 * date range, source, search, feedback and errors. While another page or filter loads, the previous rows
 * stay on screen (`isPlaceholderData`). `exportCsv()` asks the server for the CSV of every matching chat.
 *
 * The log routes need a FastGPT user session `token` in the client options (or a 2026 server that accepts
 * keys with log permission).
 *
 * @example
 * ```tsx
 * function Logs() {
 *   const [page, setPage] = useState(1);
 *   const { rows, total, isPlaceholderData, exportCsv } = useAppLogs({
 *     dateRange: { start: weekAgo, end: new Date() },
 *     page,
 *   });
 *   return (
 *     <section aria-busy={isPlaceholderData}>
 *       <button onClick={async () => download(await exportCsv(), 'logs.csv')}>Export</button>
 *       {rows.map((r) => <Row key={r.chatId} row={r} />)}
 *       <Pager page={page} total={total} onChange={setPage} />
 *     </section>
 *   );
 * }
 * ```
 */
export function useAppLogs({
  appId: appIdOption,
  page = 1,
  pageSize = 20,
  enabled = true,
  ...filterOptions
}: UseAppLogsOptions): UseAppLogsResult {
  const { app, scope, appId: defaultAppId } = useFastGPT();
  const appId = appIdOption ?? defaultAppId;
  const filters = useAppLogsFilters(filterOptions);

  const query = useQuery({
    queryKey: fastgptKeys.logPage(scope, appId ?? '', filters, page, pageSize),
    queryFn: ({ signal }) =>
      app.getChatLogs({ ...toChatLogsParams(appId, filters), pageNum: page, pageSize }, { signal }),
    placeholderData: keepPreviousData,
    enabled,
    retry: false,
  });

  const exporter = useLogExport(appId, filters);

  const { refetch: refetchQuery } = query;
  const refetch = useCallback(async () => {
    await refetchQuery();
  }, [refetchQuery]);

  return {
    rows: query.data?.list ?? NO_ROWS,
    total: query.data?.total ?? 0,
    isLoading: query.isLoading,
    isFetching: query.isFetching,
    isPlaceholderData: query.isPlaceholderData,
    error: query.error,
    refetch,
    ...exporter,
  };
}
