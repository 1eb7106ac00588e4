'use client';
import type { ReactNode } from 'react';
import type { ChatLogItem } from '../../client/types';
import type { AnalyticsPanelStrings } from '../../i18n/analytics-panel-strings';
import { formatLabel } from '../markdown/markdown-labels';
import type { AnyLogColumn } from './log-columns';

/** Number and date formats of one locale, made once per table. */
export interface LogCellFormats {
  /** Whole numbers. */
  count: Intl.NumberFormat;
  /** Two decimals (points, seconds). */
  decimal: Intl.NumberFormat;
  /** Date and time of a cell. */
  time: Intl.DateTimeFormat;
}

/** The formats of a locale. */
export function createLogCellFormats(locale: string): LogCellFormats {
  return {
    count: new Intl.NumberFormat(locale),
    decimal: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    time: new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }),
  };
}

/** Shown for a value the server did not send, or a zero FastGPT's own table also leaves blank. */
const NONE = '–';

/** The visible content of one cell. */
export function logCellContent(
  column: AnyLogColumn,
  row: ChatLogItem,
  strings: AnalyticsPanelStrings,
  formats: LogCellFormats,
): ReactNode {
  switch (column.key) {
    case 'title':
      return column.value(row) ?? strings.untitled;
    case 'source': {
      const { source, sourceName } = column.value(row);
      return sourceName ?? strings.sources[source] ?? source;
    }
    case 'createdTime':
    case 'lastConversationTime': {
      const ms = column.value(row);
      return ms === null ? NONE : formats.time.format(ms);
    }
    case 'feedback': {
      const { good, bad } = column.value(row);
      if (good === 0 && bad === 0) return NONE;
      return (
        <span className="fgk-log-feedback">
          {good > 0 && (
            <span className="fgk-log-good">
              {formatLabel(strings.goodCount, { count: formats.count.format(good) })}
            </span>
          )}
          {bad > 0 && (
            <span className="fgk-log-bad">
              {formatLabel(strings.badCount, { count: formats.count.format(bad) })}
            </span>
          )}
        </span>
      );
    }
    case 'responseTime': {
      const seconds = column.value(row);
      return seconds ? formatLabel(strings.seconds, { value: formats.decimal.format(seconds) }) : NONE;
    }
    case 'points': {
      const points = column.value(row);
      return points ? formats.decimal.format(points) : NONE;
    }
    case 'region': {
      const { region, ip } = column.value(row);
      if (region && ip && region !== ip) return `${region} · ${ip}`;
      return region ?? ip ?? NONE;
    }
    case 'messageCount':
    case 'customFeedback':
    case 'annotatedCount':
    case 'errorCount': {
      const value = column.value(row);
      return value ? formats.count.format(value) : NONE;
    }
    default:
      return column.value(row) ?? NONE;
  }
}
