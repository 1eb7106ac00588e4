import { describe, expect, it } from 'vitest';
import { formatHistoryTime } from './format-history-time';

// Local times, so the calendar-day rules hold in any time zone the tests run in.
const now = new Date(2025, 2, 10, 12, 0).getTime();
const at = (...parts: [number, number, number, number?, number?, number?]) =>
  new Date(...parts).toISOString();

describe('formatHistoryTime', () => {
  it('is relative within a week, in the locale', () => {
    const label = (iso: string, locale = 'en') => formatHistoryTime(iso, locale, now).label;
    expect(label(at(2025, 2, 10, 11, 59, 30))).toBe('now');
    expect(label(at(2025, 2, 10, 11, 55))).toBe('5 min. ago');
    expect(label(at(2025, 2, 10, 9, 0))).toBe('3 hr. ago');
    expect(label(at(2025, 2, 9, 23, 0))).toBe('yesterday');
    expect(label(at(2025, 2, 6, 12, 0))).toBe('4 days ago');
    expect(label(at(2025, 2, 9, 23, 0), 'zh-CN')).toBe('昨天');
    expect(label(at(2025, 2, 10, 11, 55), 'zh-CN')).toBe('5分钟前');
  });

  it('gives month and day within the year and a short date before, with the full date alongside', () => {
    const inYear = formatHistoryTime(at(2025, 0, 5, 8, 30), 'en', now);
    expect(inYear.label).toBe('Jan 5');
    expect(inYear.full).toMatch(/Jan 5, 2025/);
    expect(inYear.iso).toBe(at(2025, 0, 5, 8, 30));
    expect(formatHistoryTime(at(2023, 10, 20), 'en', now).label).toBe('11/20/23');
    expect(formatHistoryTime(at(2025, 0, 5), 'zh-CN', now).label).toBe('1月5日');
  });

  it('reads a time slightly in the future as now, and an unreadable one as nothing', () => {
    expect(formatHistoryTime(at(2025, 2, 10, 12, 0, 20), 'en', now).label).toBe('now');
    expect(formatHistoryTime('not a date', 'en', now)).toEqual({ label: '', full: '', iso: undefined });
  });
});
