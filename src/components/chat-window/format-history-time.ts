'use client';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A chat's last activity for the history list: a compact label and the full date for a tooltip. */
export interface HistoryTime {
  /** Compact and locale-aware: "now", "5 min. ago", "yesterday", "Mar 5", "3/5/2023". */
  label: string;
  /** The full date and time, for `title` and screen readers. */
  full: string;
  /** ISO form for `<time dateTime>`; `undefined` when the date cannot be read. */
  iso: string | undefined;
}

function startOfDay(ms: number): number {
  const date = new Date(ms);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/**
 * Formats a chat's `updateTime` compactly for `locale`, relative to `now` (epoch ms): relative within the
 * last week, month and day within the year, a short date before that. Unreadable dates give empty labels.
 */
export function formatHistoryTime(updateTime: string, locale: string, now: number): HistoryTime {
  const ms = Date.parse(updateTime);
  if (Number.isNaN(ms)) return { label: '', full: '', iso: undefined };
  const full = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
  const iso = new Date(ms).toISOString();
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  // Clocks drift: a time slightly in the future still reads as "now".
  const elapsed = Math.max(0, now - ms);
  let label: string;
  if (elapsed < MINUTE) label = relative.format(0, 'second');
  else if (elapsed < HOUR) label = relative.format(-Math.floor(elapsed / MINUTE), 'minute');
  else if (elapsed < DAY && startOfDay(ms) === startOfDay(now))
    label = relative.format(-Math.floor(elapsed / HOUR), 'hour');
  else {
    // Calendar days, so last night at 23:00 is "yesterday" at 08:00, not "9 hours ago".
    const days = Math.round((startOfDay(now) - startOfDay(ms)) / DAY);
    if (days < 7) label = relative.format(-Math.max(1, days), 'day');
    else if (new Date(ms).getFullYear() === new Date(now).getFullYear())
      label = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' }).format(ms);
    else label = new Intl.DateTimeFormat(locale, { dateStyle: 'short' }).format(ms);
  }
  return { label, full, iso };
}
