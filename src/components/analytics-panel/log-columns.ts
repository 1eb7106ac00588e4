import type { ChatLogItem, ChatSource } from '../../client/types';
import type { CsvColumn, CsvValue } from './csv';

/** The log table's column keys: FastGPT's `AppLogKeysEnum` names, so a saved column config maps one to one. */
export type LogColumnKey =
  | 'title'
  | 'source'
  | 'user'
  | 'createdTime'
  | 'lastConversationTime'
  | 'messageCount'
  | 'feedback'
  | 'customFeedback'
  | 'annotatedCount'
  | 'responseTime'
  | 'errorCount'
  | 'points'
  | 'versionName'
  | 'region';

/** What each column reads from a row; `null` where the server sent nothing (older editions lack fields). */
export interface LogColumnValues {
  /** The custom title, else the automatic one. */
  title: string | null;
  /** The source, and the share-link or API-key name that FastGPT shows instead of it when set. */
  source: { source: ChatSource; sourceName: string | null };
  /** The end user (`outLinkUid`), else the owning member's name. */
  user: string | null;
  /** Creation, epoch ms. */
  createdTime: number | null;
  /** Last activity, epoch ms. */
  lastConversationTime: number | null;
  /** Chat items, question and answer each counting one (deleted ones included). */
  messageCount: number | null;
  /** Answers rated good and bad. */
  feedback: { good: number; bad: number };
  /** Custom feedback (entries on v4.14.5, answers with any on other versions). */
  customFeedback: number | null;
  /** Annotated answers. */
  annotatedCount: number | null;
  /** Mean seconds per answer. */
  responseTime: number | null;
  /** Node errors. */
  errorCount: number | null;
  /** AI points spent. */
  points: number | null;
  /** App version that served the chat. */
  versionName: string | null;
  /** Geo region of the client IP, and the IP. */
  region: { region: string | null; ip: string | null };
}

/** Names of CSV headers: a column's own, or one of the parts a column splits into. */
export type LogCsvHeaderKey = LogColumnKey | 'goodFeedback' | 'badFeedback' | 'regionName' | 'ip';

/** What CSV formatters may need from the caller; each has a plain default. */
export interface LogCsvContext {
  /** Display text of a source (default: the source id, such as `share`). */
  sourceLabel?: (source: ChatSource) => string;
  /** Text of a time in epoch ms (default: local `YYYY-MM-DD HH:mm:ss`, which spreadsheets read as a date). */
  formatTime?: (ms: number) => string;
  /** Header text of a CSV column (default: the English `label`). */
  header?: (key: LogCsvHeaderKey, label: string) => string;
}

/** One CSV column a log column writes (some write two, so each number gets its own spreadsheet column). */
export interface LogCsvField {
  /** English header. */
  label: string;
  /** Which localized header names it (see {@link LogCsvContext.header}). */
  header: LogCsvHeaderKey;
  /** The cell. */
  value: (row: ChatLogItem, context: LogCsvContext) => CsvValue;
}

/** A value the table sorts by: a number, text, a tuple compared in order, or nothing (sorted last). */
export type LogSortValue = number | string | readonly number[] | null;

/** One column of the log table. */
export interface LogColumn<K extends LogColumnKey = LogColumnKey> {
  /** Stable key (FastGPT's `AppLogKeysEnum` name). */
  key: K;
  /** English header. */
  label: string;
  /** Reads the cell's value from a row. */
  value: (row: ChatLogItem) => LogColumnValues[K];
  /** What the table sorts loaded rows by. */
  sortValue: (row: ChatLogItem) => LogSortValue;
  /**
   * How FastGPT's list sorts by this column, when it does. It sorts by one thing only, newest activity
   * first, so every other order applies to the loaded rows.
   */
  serverSort?: { field: 'updateTime'; direction: 'desc' };
  /** The CSV columns it exports, in order. */
  csv: readonly LogCsvField[];
}

/** Any one of the columns, its key and value types kept together. */
export type AnyLogColumn = { [K in LogColumnKey]: LogColumn<K> }[LogColumnKey];

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function time(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

function twoDecimals(value: number | null): string | null {
  return value === null ? null : value.toFixed(2);
}

/** Local `YYYY-MM-DD HH:mm:ss`. */
export function formatLogTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return (
    `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ` +
    `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`
  );
}

function csvTime(ms: number | null, context: LogCsvContext): string | null {
  return ms === null ? null : (context.formatTime ?? formatLogTime)(ms);
}

/** A column whose value is also its sort value and its single CSV cell. */
function simple<K extends LogColumnKey>(
  key: K,
  label: string,
  value: (row: ChatLogItem) => LogColumnValues[K] & LogSortValue,
  csv?: (value: LogColumnValues[K], context: LogCsvContext) => CsvValue,
): LogColumn<K> {
  return {
    key,
    label,
    value,
    sortValue: value,
    csv: [
      {
        label,
        header: key,
        value: (row, context) => (csv ? csv(value(row), context) : (value(row) as CsvValue)),
      },
    ],
  };
}

const titleOf = (row: ChatLogItem) => text(row.customTitle) ?? text(row.title);
const feedbackOf = (row: ChatLogItem) => ({
  good: count(row.userGoodFeedbackCount) ?? 0,
  bad: count(row.userBadFeedbackCount) ?? 0,
});
const regionOf = (row: ChatLogItem) => ({ region: text(row.region), ip: text(row.originIp) });

/** The log table's columns, in FastGPT's order. */
export const LOG_COLUMNS: readonly AnyLogColumn[] = [
  simple('title', 'Title', titleOf),
  {
    key: 'source',
    label: 'Source',
    value: (row) => ({ source: row.source, sourceName: text(row.sourceName) }),
    sortValue: (row) => text(row.sourceName) ?? row.source,
    csv: [
      {
        label: 'Source',
        header: 'source',
        value: (row, context) => text(row.sourceName) ?? (context.sourceLabel?.(row.source) || row.source),
      },
    ],
  },
  simple('user', 'User', (row) => text(row.outLinkUid) ?? text(row.sourceMember?.name)),
  simple('createdTime', 'Created', (row) => time(row.createTime), csvTime),
  {
    ...simple('lastConversationTime', 'Last message', (row) => time(row.updateTime), csvTime),
    serverSort: { field: 'updateTime', direction: 'desc' },
  },
  simple('messageCount', 'Messages', (row) => count(row.messageCount)),
  {
    key: 'feedback',
    label: 'Feedback',
    value: feedbackOf,
    // Bad ratings first: the chats an owner most needs to read.
    sortValue: (row) => {
      const { good, bad } = feedbackOf(row);
      return [bad, good];
    },
    csv: [
      { label: 'Good feedback', header: 'goodFeedback', value: (row) => feedbackOf(row).good },
      { label: 'Bad feedback', header: 'badFeedback', value: (row) => feedbackOf(row).bad },
    ],
  },
  simple('customFeedback', 'Custom feedback', (row) => count(row.customFeedbacksCount)),
  simple('annotatedCount', 'Marks', (row) => count(row.markCount)),
  simple('responseTime', 'Avg. response time', (row) => count(row.averageResponseTime), twoDecimals),
  simple('errorCount', 'Errors', (row) => count(row.errorCount)),
  simple('points', 'Points', (row) => count(row.totalPoints), twoDecimals),
  simple('versionName', 'Version', (row) => text(row.versionName)),
  {
    key: 'region',
    label: 'Region',
    value: regionOf,
    sortValue: (row) => {
      const { region, ip } = regionOf(row);
      return region ?? ip;
    },
    csv: [
      { label: 'Region', header: 'regionName', value: (row) => regionOf(row).region },
      { label: 'IP', header: 'ip', value: (row) => regionOf(row).ip },
    ],
  },
];

/** The columns shown before anyone chooses (FastGPT's `DefaultAppLogKeys`). */
export const DEFAULT_LOG_COLUMN_KEYS: readonly LogColumnKey[] = [
  'user',
  'title',
  'lastConversationTime',
  'messageCount',
  'feedback',
  'region',
];

/** The column of a key. */
export function getLogColumn<K extends LogColumnKey>(key: K): LogColumn<K> {
  const column = LOG_COLUMNS.find((c) => c.key === key);
  if (!column) throw new RangeError(`getLogColumn: unknown log column "${String(key)}"`);
  return column as unknown as LogColumn<K>;
}

/**
 * Compares two rows by a column for `Array.prototype.sort`: numbers by value, text by the locale, tuples
 * item by item; rows without a value go last in either direction.
 */
export function compareLogRows(
  column: AnyLogColumn,
  direction: 'asc' | 'desc',
  locale?: string,
): (a: ChatLogItem, b: ChatLogItem) => number {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const sign = direction === 'asc' ? 1 : -1;
  return (a, b) => {
    const x = column.sortValue(a);
    const y = column.sortValue(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * compareValues(x, y, collator);
  };
}

function compareValues(
  x: Exclude<LogSortValue, null>,
  y: Exclude<LogSortValue, null>,
  collator: Intl.Collator,
) {
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'string' && typeof y === 'string') return collator.compare(x, y);
  if (Array.isArray(x) && Array.isArray(y)) {
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const difference = (x[i] as number) - (y[i] as number);
      if (difference !== 0) return difference;
    }
    return x.length - y.length;
  }
  return collator.compare(String(x), String(y));
}

/** The CSV columns of the given log columns, in order, ready for `toCsv`. */
export function logCsvColumns(
  columns: readonly AnyLogColumn[],
  context: LogCsvContext = {},
): CsvColumn<ChatLogItem>[] {
  return columns.flatMap((column) =>
    column.csv.map((field) => ({
      header: context.header?.(field.header, field.label) ?? field.label,
      value: (row: ChatLogItem) => field.value(row, context),
    })),
  );
}
