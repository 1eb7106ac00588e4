'use client';
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import {
  type KeyboardEvent,
  type MouseEvent,
  memo,
  type ReactNode,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ChatLogItem } from '../../client/types';
import type { AnalyticsPanelStrings } from '../../i18n/analytics-panel-strings';
import { useAnalyticsStrings } from '../../i18n/analytics-strings-context';
import { formatLabel } from '../markdown/markdown-labels';
import { createLogCellFormats, type LogCellFormats, logCellContent } from './log-cell';
import type { AnyLogColumn, LogColumnKey } from './log-columns';

/** Rows are one line high, so their height is known and nothing needs measuring. */
export const LOG_ROW_HEIGHT = 44;
/** Rows rendered beyond the visible ones on each side. */
const OVERSCAN = 8;
/** How close to the last loaded row (in rows) the next page starts loading. */
const LOAD_AHEAD = 20;
/** The sticky header's height, kept clear when a row scrolls into view. */
const HEADER_HEIGHT = 40;
/** What a scroller without layout (server rendering, jsdom, a hidden tab) shows: a first screenful. */
const UNMEASURED_RECT = { width: 1024, height: 12 * LOG_ROW_HEIGHT };

/** How the table is ordered. */
export interface LogSort {
  /** The column. */
  key: LogColumnKey;
  /** The direction. */
  direction: 'asc' | 'desc';
}

/** Renders a cell's content; return `undefined` to keep the built-in one. */
export type LogCellRenderer = (column: AnyLogColumn, row: ChatLogItem) => ReactNode | undefined;

/** Props of {@link LogTable}. */
export interface LogTableProps {
  /** The rows, in display order. */
  rows: readonly ChatLogItem[];
  /** The visible columns, in order. */
  columns: readonly AnyLogColumn[];
  /** The order shown. */
  sort: LogSort;
  /** A header was pressed. */
  onSortChange: (sort: LogSort) => void;
  /** How many chats match on the server. */
  total: number;
  /** More rows are on the server. */
  hasMore: boolean;
  /** The next page is loading. */
  isLoadingMore: boolean;
  /** Why the next page failed. */
  loadMoreError: Error | null;
  /** Loads the next page. */
  onLoadMore: () => void;
  /** A row was opened; `trigger` is the element to give focus back to. */
  onOpen: (row: ChatLogItem, trigger: HTMLElement) => void;
  /** The rows belong to the previous filters while new ones load. */
  busy?: boolean;
  /** BCP 47 locale of numbers and dates. */
  locale: string;
  /** Custom cell content. */
  renderCell?: LogCellRenderer;
  /**
   * Load the next page as the end nears (default true). Off under a local sort, where new rows would be
   * sorted in above the reader; the footer's Load more still works.
   */
  autoLoad?: boolean;
  /** When it changes (other filters), the table scrolls back to its first row. */
  resetKey?: string;
}

/**
 * The log table: sortable headers, one row per chat, virtualized (only the rows in view plus a few are in
 * the DOM, in a native table between two spacer rows), with the next page loading as the end comes near.
 * Arrow keys, Page Up/Down, Home and End move between rows; Enter opens one.
 */
export function LogTable({
  rows,
  columns,
  sort,
  onSortChange,
  total,
  hasMore,
  isLoadingMore,
  loadMoreError,
  onLoadMore,
  onOpen,
  busy = false,
  locale,
  renderCell,
  autoLoad = true,
  resetKey,
}: LogTableProps) {
  const strings = useAnalyticsStrings();
  const formats = useMemo(() => createLogCellFormats(locale), [locale]);
  const scroller = useRef<HTMLDivElement>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  const active = Math.min(activeIndex, Math.max(rows.length - 1, 0));

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => LOG_ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.chatId ?? index,
    overscan: OVERSCAN,
    scrollPaddingStart: HEADER_HEIGHT,
    initialRect: UNMEASURED_RECT,
    observeElementRect: (instance, onRect) =>
      observeElementRect(instance, (rect) => onRect(rect.height > 0 ? rect : UNMEASURED_RECT)),
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (
      autoLoad &&
      hasMore &&
      !isLoadingMore &&
      !loadMoreError &&
      !busy &&
      lastIndex >= rows.length - LOAD_AHEAD
    ) {
      onLoadMore();
    }
  }, [autoLoad, hasMore, isLoadingMore, loadMoreError, busy, lastIndex, rows.length, onLoadMore]);

  const { scrollToOffset } = virtualizer;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new key resets; the first render is at the top already
  useEffect(() => {
    if (resetKey === undefined) return;
    scrollToOffset(0);
    setActiveIndex(0);
  }, [resetKey]);

  // Focus follows the keyboard once the target row is rendered: a far jump renders it only after the
  // scroll it causes, a frame or a few later.
  const focusWhenRendered = (index: number, framesLeft = 30) => {
    if (pendingFocus.current !== index) return;
    const button = scroller.current?.querySelector<HTMLElement>(`[data-row-index="${index}"] .fgk-log-open`);
    if (button) {
      pendingFocus.current = null;
      button.focus();
    } else if (framesLeft > 0) {
      requestAnimationFrame(() => focusWhenRendered(index, framesLeft - 1));
    }
  };

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    pendingFocus.current = next;
    setActiveIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    focusWhenRendered(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const page = Math.max(
      1,
      Math.floor(((scroller.current?.clientHeight ?? 400) - HEADER_HEIGHT) / LOG_ROW_HEIGHT),
    );
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + page,
      PageUp: active - page,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined || rows.length === 0) return;
    event.preventDefault();
    moveTo(target);
  };

  const onClick = (event: MouseEvent<HTMLTableSectionElement>) => {
    const rowElement = (event.target as HTMLElement).closest<HTMLElement>('[data-row-index]');
    if (!rowElement) return;
    const index = Number(rowElement.dataset.rowIndex);
    const row = rows[index];
    if (!row) return;
    setActiveIndex(index);
    onOpen(row, rowElement.querySelector<HTMLElement>('.fgk-log-open') ?? rowElement);
  };

  // The active row may have been scrolled out of the DOM: then the first rendered row keeps the tab stop.
  const tabStop = items.some((item) => item.index === active) ? active : (items[0]?.index ?? 0);
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;
  const sortedColumn = columns.find((column) => column.key === sort.key);

  return (
    <div className="fgk-log-table" data-slot="log-table" aria-busy={busy || undefined}>
      <div ref={scroller} className="fgk-log-scroll">
        <table className="fgk-log-grid" aria-label={strings.tableLabel} aria-rowcount={total + 1}>
          <thead className="fgk-log-head">
            <tr aria-rowindex={1}>
              {columns.map((column) => (
                <SortHeader
                  key={column.key}
                  column={column}
                  sort={sort}
                  label={strings.columns[column.key]}
                  onSortChange={onSortChange}
                />
              ))}
            </tr>
          </thead>
          {/* Arrow keys and clicks are handled once for every row here, not per row. */}
          <tbody onKeyDown={onKeyDown} onClick={onClick}>
            {paddingTop > 0 && <SpacerRow height={paddingTop} span={columns.length} />}
            {items.map((item) => {
              const row = rows[item.index] as ChatLogItem;
              return (
                <LogRow
                  key={row.chatId}
                  row={row}
                  index={item.index}
                  columns={columns}
                  tabbable={item.index === tabStop}
                  strings={strings}
                  formats={formats}
                  renderCell={renderCell}
                />
              );
            })}
            {paddingBottom > 0 && <SpacerRow height={paddingBottom} span={columns.length} />}
          </tbody>
        </table>
      </div>
      <div className="fgk-log-footer" data-slot="log-footer">
        <span role="status">
          {formatLabel(strings.loadedOf, {
            loaded: formats.count.format(rows.length),
            total: formats.count.format(total),
          })}
          {isLoadingMore && ` · ${strings.loadingMore}`}
        </span>
        {loadMoreError && (
          <span className="fgk-log-error" role="alert">
            {formatLabel(strings.loadMoreFailed, { message: loadMoreError.message })}
          </span>
        )}
        {hasMore && !isLoadingMore && (
          <button type="button" className="fgk-button" onClick={onLoadMore}>
            {loadMoreError ? strings.retry : strings.loadMore}
          </button>
        )}
      </div>
      <p className="fgk-visually-hidden" aria-live="polite">
        {sortedColumn &&
          formatLabel(strings.sortedBy, {
            column: strings.columns[sortedColumn.key],
            direction: sort.direction === 'asc' ? strings.ascending : strings.descending,
          })}
      </p>
    </div>
  );
}

function SpacerRow({ height, span }: { height: number; span: number }) {
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row holds nothing focusable; it only keeps the scroll height
    <tr aria-hidden="true" className="fgk-log-spacer" style={{ blockSize: height }}>
      <td colSpan={span} />
    </tr>
  );
}

interface SortHeaderProps {
  column: AnyLogColumn;
  sort: LogSort;
  label: string;
  onSortChange: (sort: LogSort) => void;
}

function SortHeader({ column, sort, label, onSortChange }: SortHeaderProps) {
  const current = sort.key === column.key ? sort.direction : undefined;
  return (
    <th
      scope="col"
      className="fgk-log-th"
      data-column={column.key}
      aria-sort={current === 'asc' ? 'ascending' : current === 'desc' ? 'descending' : undefined}
    >
      <button
        type="button"
        className="fgk-log-sort"
        onClick={() => onSortChange({ key: column.key, direction: current === 'desc' ? 'asc' : 'desc' })}
      >
        {label}
        <span aria-hidden="true" className="fgk-log-sort-mark">
          {current === 'asc' ? '▲' : current === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}

interface LogRowProps {
  row: ChatLogItem;
  index: number;
  columns: readonly AnyLogColumn[];
  tabbable: boolean;
  strings: AnalyticsPanelStrings;
  formats: LogCellFormats;
  renderCell: LogCellRenderer | undefined;
}

const LogRow = memo(function LogRow({
  row,
  index,
  columns,
  tabbable,
  strings,
  formats,
  renderCell,
}: LogRowProps) {
  return (
    <tr className="fgk-log-row" data-row-index={index} aria-rowindex={index + 2}>
      {columns.map((column, position) => {
        const content = renderCell?.(column, row) ?? logCellContent(column, row, strings, formats);
        return (
          <td key={column.key} className="fgk-log-td" data-column={column.key}>
            {position === 0 ? (
              <button type="button" className="fgk-log-open" tabIndex={tabbable ? 0 : -1}>
                {content}
                <span className="fgk-visually-hidden">
                  {' '}
                  {formatLabel(strings.openConversation, {
                    title: (row.customTitle || row.title || strings.untitled) as string,
                  })}
                </span>
              </button>
            ) : (
              content
            )}
          </td>
        );
      })}
    </tr>
  );
});
