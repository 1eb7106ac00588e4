'use client';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { AuthenticationError, NotFoundError } from '../../client/errors';
import type { ChatLogItem } from '../../client/types';
import { useAppAnalytics } from '../../hooks/use-app-analytics';
import { useAppLogRows } from '../../hooks/use-app-log-rows';
import type { Locale } from '../../i18n';
import type { AnalyticsPanelStringsOverrides } from '../../i18n/analytics-panel-strings';
import { AnalyticsStringsContext, useResolvedAnalyticsStrings } from '../../i18n/analytics-strings-context';
import type { ChatWindowTheme } from '../chat-window/chat-window-root';
import { classNames } from '../chat-window/class-names';
import { formatLabel } from '../markdown/markdown-labels';
import { AnalyticsCharts } from './analytics-charts';
import { AnalyticsFilterBar } from './analytics-filter-bar';
import {
  type AnalyticsFilters,
  DEFAULT_ANALYTICS_FILTERS,
  hasNarrowingFilters,
  resolveDateRange,
  toDayString,
} from './analytics-filters-model';
import { AnalyticsTotals } from './analytics-totals';
import { csvCell, toCsv } from './csv';
import { DisclosurePopover } from './disclosure-popover';
import { downloadText } from './download-text';
import { LazyConversationDrawer } from './lazy-conversation-drawer';
import {
  compareLogRows,
  DEFAULT_LOG_COLUMN_KEYS,
  LOG_COLUMNS,
  type LogColumnKey,
  logCsvColumns,
} from './log-columns';
import { type LogCellRenderer, type LogSort, LogTable } from './log-table';
import { PanelError } from './panel-error';

/** A CSV file the panel made (see {@link AnalyticsPanelProps.onExport}). */
export interface AnalyticsExport {
  /** The file's text, starting with a UTF-8 BOM so spreadsheet apps read it as UTF-8. */
  csv: string;
  /** A suggested file name, such as `chat-logs-2026-11-16-2026-11-22.csv`. */
  fileName: string;
  /** `server`: FastGPT's own export; `local`: built here from the loaded rows (editions without one). */
  origin: 'server' | 'local';
  /** Chats in a local export (unknown for the server's). */
  rows?: number;
}

/** Props of {@link AnalyticsPanel}. */
export interface AnalyticsPanelProps {
  /** The app; defaults to the provider's `appId`. */
  appId?: string;
  /** Language of the built-in strings, numbers and dates (default `en`). */
  locale?: Locale;
  /** Colour scheme, written to `data-theme` (default `auto`: follows the system). */
  theme?: ChatWindowTheme;
  /** Overrides of any built-in string. */
  strings?: AnalyticsPanelStringsOverrides;
  /** The filters, when the parent controls them (pair with `onFiltersChange`). */
  filters?: AnalyticsFilters;
  /** The first filters when the panel keeps them itself. */
  defaultFilters?: Partial<AnalyticsFilters>;
  /** Called with the new filters whenever a control changes them. */
  onFiltersChange?: (filters: AnalyticsFilters) => void;
  /** The table's visible columns, when the parent controls them (pair with `onColumnsChange`). */
  columns?: readonly LogColumnKey[];
  /** The first visible columns when the panel keeps them (default: FastGPT's defaults). */
  defaultColumns?: readonly LogColumnKey[];
  /** Called with the visible columns whenever the reader shows or hides one. */
  onColumnsChange?: (columns: LogColumnKey[]) => void;
  /** Rows per log request (default 100). */
  pageSize?: number;
  /** "Today" for the range presets (default: when the panel first rendered). */
  now?: Date | number;
  /** Receives an export instead of the browser download, e.g. to upload or preview it. */
  onExport?: (file: AnalyticsExport) => void;
  /** Custom content of table cells; return `undefined` for the built-in one. */
  renderCell?: LogCellRenderer;
  /** Extra class on the panel. */
  className?: string;
}

const SERVER_SORT: LogSort = { key: 'lastConversationTime', direction: 'desc' };
/** Most rows Load all brings in for sorting. */
const LOAD_ALL_LIMIT = 10_000;
/** Most rows a local export reads: FastGPT's own export stops at 50,000 chats too. */
const EXPORT_LIMIT = 50_000;

type ExportState =
  | { status: 'idle' | 'running' }
  | { status: 'failed'; error: Error }
  | { status: 'local'; rows: number };

/**
 * FastGPT app analytics in one component: headline totals, charts over time, and the log table with
 * filters, sorting, column choice, CSV export and a drawer per conversation. The log routes need a session
 * `token` in the client (or FastGPT 2026 with a key of a member who may read chat logs); on editions
 * without the commercial chart endpoints the charts are computed from the log list, and the panel says so.
 *
 * @example
 * ```tsx
 * <FastGPTProvider client={{ baseUrl: '/fastgpt', token }}>
 *   <AnalyticsPanel appId="6912f164a7379d7643a50df6" locale="zh-CN" />
 * </FastGPTProvider>
 * ```
 */
export function AnalyticsPanel({
  appId,
  locale = 'en',
  theme = 'auto',
  strings: overrides,
  filters: filtersProp,
  defaultFilters,
  onFiltersChange,
  columns: columnsProp,
  defaultColumns = DEFAULT_LOG_COLUMN_KEYS,
  onColumnsChange,
  pageSize = 100,
  now: nowProp,
  onExport,
  renderCell,
  className,
}: AnalyticsPanelProps) {
  const strings = useResolvedAnalyticsStrings(locale, overrides);
  const [mountedAt] = useState(() => Date.now());
  const now = nowProp === undefined ? mountedAt : new Date(nowProp).getTime();

  const [ownFilters, setOwnFilters] = useState<AnalyticsFilters>(() => ({
    ...DEFAULT_ANALYTICS_FILTERS,
    ...defaultFilters,
  }));
  const filters = filtersProp ?? ownFilters;
  const setFilters = useCallback(
    (next: AnalyticsFilters) => {
      if (!filtersProp) setOwnFilters(next);
      onFiltersChange?.(next);
    },
    [filtersProp, onFiltersChange],
  );

  const [sort, setSort] = useState<LogSort>(SERVER_SORT);
  const [loadingAll, setLoadingAll] = useState(false);
  const [ownColumns, setOwnColumns] = useState<readonly LogColumnKey[]>(defaultColumns);
  const visibleKeys = columnsProp ?? ownColumns;
  const columns = useMemo(
    () => LOG_COLUMNS.filter((column) => visibleKeys.includes(column.key)),
    [visibleKeys],
  );
  const toggleColumn = (key: LogColumnKey, on: boolean) => {
    const next = LOG_COLUMNS.map((column) => column.key).filter((k) =>
      k === key ? on : visibleKeys.includes(k),
    );
    if (!columnsProp) setOwnColumns(next);
    onColumnsChange?.(next);
    // A hidden column cannot show its sort: back to FastGPT's order.
    if (!on && key === sort.key) setSort(SERVER_SORT);
  };

  const range = resolveDateRange(filters, now);
  const dateRange = range.ok
    ? { start: range.start, end: range.end }
    : { start: new Date(now), end: new Date(now) };
  const sources = filters.sources.length > 0 ? filters.sources : undefined;
  const analytics = useAppAnalytics({
    appId,
    dateRange,
    sources,
    timespan: filters.timespan,
    enabled: range.ok,
  });
  const logs = useAppLogRows({
    appId,
    dateRange,
    sources,
    search: filters.search || undefined,
    feedback: filters.feedback,
    hasError: filters.hasError,
    pageSize,
    enabled: range.ok,
  });

  const serverOrder = sort.key === SERVER_SORT.key && sort.direction === SERVER_SORT.direction;
  const { rows } = logs;
  const sortRows = useCallback(
    (list: readonly ChatLogItem[]) => {
      const column = LOG_COLUMNS.find((c) => c.key === sort.key);
      return serverOrder || !column ? list : [...list].sort(compareLogRows(column, sort.direction, locale));
    },
    [serverOrder, sort, locale],
  );
  const sortedRows = useMemo(() => sortRows(rows), [rows, sortRows]);

  const [opened, setOpened] = useState<ChatLogItem | undefined>();
  const openRow = useCallback((row: ChatLogItem, trigger: HTMLElement) => {
    // The drawer gives focus back to whatever had it, so a mouse click on a cell lands back on its row.
    trigger.focus({ preventScroll: true });
    setOpened(row);
  }, []);

  const [exportState, setExportState] = useState<ExportState>({ status: 'idle' });
  // An export's message belongs to the rows it was made from: other filters or columns clear it.
  const exportKey = JSON.stringify([filters, visibleKeys]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the filters and columns
  useEffect(() => {
    setExportState((state) => (state.status === 'running' ? state : { status: 'idle' }));
  }, [exportKey]);
  const fileName = range.ok
    ? `chat-logs-${toDayString(range.start)}-${toDayString(range.end)}.csv`
    : 'chat-logs.csv';
  const csvContext = {
    sourceLabel: (source: keyof typeof strings.sources) => strings.sources[source] ?? source,
    header: (key: string, label: string) =>
      (strings.columns as Record<string, string>)[key] ??
      (strings.csvHeaders as Record<string, string>)[key] ??
      label,
  };
  const deliver = (file: AnalyticsExport) =>
    onExport ? onExport(file) : downloadText(file.csv, file.fileName);
  const runExport = async () => {
    setExportState({ status: 'running' });
    try {
      const title = [...columns.map((c) => strings.columns[c.key]), strings.csvHeaders.chatDetails]
        .map(csvCell)
        .join(',');
      const sourcesMap = Object.fromEntries(
        Object.entries(strings.sources).map(([source, label]) => [source, { label }]),
      );
      const csv = await logs.exportCsv({ title, logKeys: columns.map((c) => c.key), sourcesMap });
      deliver({ csv, fileName, origin: 'server' });
      setExportState({ status: 'idle' });
    } catch (error) {
      if (!(error instanceof NotFoundError)) {
        setExportState({ status: 'failed', error: asError(error) });
        return;
      }
      try {
        // No export route on this edition: the same columns, built here from every matching row.
        const all = await logs.loadAll(EXPORT_LIMIT);
        // In the table's order, as the reader sees it.
        const csv = toCsv(sortRows(all), logCsvColumns(columns, csvContext), { bom: true });
        deliver({ csv, fileName, origin: 'local', rows: all.length });
        setExportState({ status: 'local', rows: all.length });
      } catch (localError) {
        setExportState({ status: 'failed', error: asError(localError) });
      }
    }
  };

  const count = new Intl.NumberFormat(locale);
  const loadingLogs = range.ok && logs.isLoading;
  const emptyLogs = range.ok && !logs.isLoading && !logs.error && logs.total === 0 && rows.length === 0;

  return (
    <AnalyticsStringsContext.Provider value={strings}>
      <section
        lang={locale}
        data-theme={theme}
        aria-label={strings.panelLabel}
        className={classNames('fgk-root fgk-analytics', className)}
        data-slot="analytics-panel"
      >
        <AnalyticsFilterBar filters={filters} onChange={setFilters} range={range} />

        {!range.ok ? null : analytics.error &&
          !analytics.isLoading &&
          !(isAuthError(analytics.error) && isAuthError(logs.error)) ? (
          <PanelError error={analytics.error} onRetry={analytics.refetch} />
        ) : (
          <>
            {analytics.derived && (
              <p className="fgk-analytics-note" data-slot="derived-note">
                {strings.derivedNote}
                {analytics.truncated &&
                  formatLabel(strings.derivedTruncated, { count: count.format(analytics.derivedChats) })}
              </p>
            )}
            <AnalyticsTotals
              totals={analytics.totals}
              allTime={analytics.allTime}
              rangeUsers={analytics.rangeUsers}
              loading={range.ok && analytics.isLoading}
              locale={locale}
            />
            <AnalyticsCharts
              series={analytics.series}
              timespan={filters.timespan}
              loading={range.ok && analytics.isLoading}
              locale={locale}
            />
          </>
        )}

        <div className="fgk-log-section" data-slot="logs">
          <div className="fgk-log-toolbar">
            <DisclosurePopover
              slot="column-picker"
              label={strings.columnsButton}
              panelLabel={strings.columnsLabel}
            >
              {LOG_COLUMNS.map((column) => {
                const shown = visibleKeys.includes(column.key);
                return (
                  <label key={column.key} className="fgk-check">
                    <input
                      type="checkbox"
                      checked={shown}
                      // The table keeps at least one column.
                      disabled={shown && columns.length === 1}
                      onChange={(event) => toggleColumn(column.key, event.target.checked)}
                    />
                    {strings.columns[column.key]}
                  </label>
                );
              })}
            </DisclosurePopover>
            <button
              type="button"
              className="fgk-button"
              disabled={
                !range.ok || exportState.status === 'running' || logs.isPlaceholderData || logs.total === 0
              }
              onClick={runExport}
            >
              {exportState.status === 'running' ? strings.exporting : strings.exportCsv}
            </button>
            <span className="fgk-log-export-status" role="status">
              {exportState.status === 'local' &&
                formatLabel(strings.exportedLocally, { count: count.format(exportState.rows) })}
            </span>
            {exportState.status === 'failed' && (
              <span className="fgk-log-error" role="alert">
                {formatLabel(strings.exportFailed, { message: exportState.error.message })}
              </span>
            )}
          </div>
          {!serverOrder && logs.hasMore && (
            <p className="fgk-analytics-note" data-slot="sort-note">
              {formatLabel(strings.sortLoadedOnly, { loaded: count.format(rows.length) })}{' '}
              {rows.length < LOAD_ALL_LIMIT && (
                <button
                  type="button"
                  className="fgk-button"
                  disabled={loadingAll}
                  onClick={async () => {
                    setLoadingAll(true);
                    // A failed page shows in the table's footer with Retry; the rows loaded so far stay.
                    await logs.loadAll(LOAD_ALL_LIMIT).catch(() => undefined);
                    setLoadingAll(false);
                  }}
                >
                  {loadingAll ? strings.loadingMore : strings.loadAll}
                </button>
              )}
            </p>
          )}
          {logs.error ? (
            <PanelError error={logs.error} onRetry={logs.refetch} />
          ) : loadingLogs ? (
            <LogTableSkeleton label={strings.loading} columns={columns.length} />
          ) : emptyLogs && range.ok ? (
            <div className="fgk-log-empty" data-slot="log-empty">
              <p>
                {hasNarrowingFilters(filters)
                  ? strings.emptyFiltered
                  : formatLabel(strings.emptyRange, {
                      from: range.start.toLocaleDateString(locale),
                      to: range.end.toLocaleDateString(locale),
                    })}
              </p>
              {hasNarrowingFilters(filters) ? (
                <button
                  type="button"
                  className="fgk-button"
                  onClick={() =>
                    setFilters({ ...filters, sources: [], search: '', feedback: 'all', hasError: false })
                  }
                >
                  {strings.clearFilters}
                </button>
              ) : (
                filters.preset !== '90d' && (
                  <button
                    type="button"
                    className="fgk-button"
                    onClick={() => setFilters({ ...filters, preset: '90d' })}
                  >
                    {strings.widenRange}
                  </button>
                )
              )}
            </div>
          ) : (
            range.ok && (
              <LogTable
                rows={sortedRows}
                columns={columns}
                sort={sort}
                onSortChange={setSort}
                total={logs.total}
                hasMore={logs.hasMore}
                isLoadingMore={logs.isLoadingMore}
                loadMoreError={logs.loadMoreError}
                onLoadMore={logs.loadMore}
                autoLoad={serverOrder}
                resetKey={JSON.stringify(filters)}
                onOpen={openRow}
                busy={logs.isPlaceholderData}
                locale={locale}
                renderCell={renderCell}
              />
            )
          )}
        </div>
        <LazyConversationDrawer
          appId={appId}
          row={opened}
          onClose={() => setOpened(undefined)}
          locale={locale}
          theme={theme}
        />
      </section>
    </AnalyticsStringsContext.Provider>
  );
}

/** Both parts failing for want of a credential say so once, in the table's place. */
function isAuthError(error: unknown): boolean {
  return error instanceof AuthenticationError;
}

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

const SKELETON_ROWS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

function LogTableSkeleton({ label, columns }: { label: string; columns: number }) {
  return (
    <div className="fgk-log-skeleton" data-slot="log-skeleton" aria-busy="true">
      <span className="fgk-visually-hidden">{label}</span>
      {SKELETON_ROWS.map((row) => (
        <div key={row} className="fgk-log-skeleton-row" aria-hidden="true">
          {SKELETON_ROWS.slice(0, Math.min(columns, 6)).map((cell) => (
            <span key={cell} className="fgk-skeleton-line" />
          ))}
        </div>
      ))}
    </div>
  );
}
