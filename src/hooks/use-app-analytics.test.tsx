import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChatLogItem } from '../client/types';
import { setupFastGPT } from '../test-setup/render-with-fastgpt';
import { DEFAULT_FAKE_CREDENTIALS } from '../testing';
import { bucketStart, deriveSeries, type UseAppAnalyticsOptions, useAppAnalytics } from './use-app-analytics';

const DAY = 86_400_000;
const end = new Date();
const dateRange = { start: new Date(end.getTime() - 14 * DAY), end };
const tokenClient = { apiKey: undefined, token: DEFAULT_FAKE_CREDENTIALS.userToken };

describe('useAppAnalytics', () => {
  it('shows loading, then the server series and totals where the chart endpoints exist', async () => {
    const { wrapper, fake } = setupFastGPT({ fake: { analytics: {} }, client: tokenClient });
    const states: Array<[boolean, boolean | undefined]> = [];
    const { result } = renderHook(
      () => {
        const r = useAppAnalytics({ dateRange });
        states.push([r.isLoading, r.available]);
        return r;
      },
      { wrapper },
    );
    expect(states[0]).toEqual([true, undefined]);
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(states.at(-1)).toEqual([false, true]);
    expect(result.current).toMatchObject({ available: true, derived: false, reason: undefined, error: null });
    expect(result.current.series.length).toBeGreaterThan(5);
    expect(result.current.totals.chats).toBeGreaterThan(0);
    expect(result.current.totals.messages).toBeGreaterThan(0);
    expect(result.current.totals.averageResponseTime).toBeGreaterThan(0);
    expect(result.current.allTime?.totalChats).toBeGreaterThan(0);
    const times = result.current.series.map((p) => p.timestamp);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const chart = fake.requests.find((r) => r.path.endsWith('getChartData'));
    expect(chart?.body).toMatchObject({ userTimespan: 'day', chatTimespan: 'day', appTimespan: 'day' });
    expect((chart?.body as { source?: string[] } | undefined)?.source).toHaveLength(10);
    expect(fake.requests.some((r) => r.path.endsWith('logs/list'))).toBe(false);
  });

  it('derives the series from the log list where the chart endpoints are missing', async () => {
    const { wrapper, fake, clients } = setupFastGPT({
      fake: { analytics: {}, chartEndpoints: false },
      client: tokenClient,
    });
    const { result } = renderHook(() => useAppAnalytics({ dateRange, sources: ['share', 'api'] }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(result.current.available).toBe(false);
    expect(result.current.derived).toBe(true);
    expect(result.current.reason).toMatch(/commercial edition/);
    expect(result.current.error).toBeNull();
    expect(result.current.allTime).toBeUndefined();

    const lists = fake.requests.filter((r) => r.path.endsWith('logs/list'));
    const bodies = lists.map((r) => r.body as { pageNum: number; pageSize: number; sources: string[] });
    expect(bodies.map((b) => b.pageNum)).toEqual(bodies.map((_, i) => i + 1));
    expect(bodies[0]).toMatchObject({ pageSize: 100, sources: ['api', 'share'] });

    // One bucket per day of the range, every matching chat counted once.
    const { series, totals } = result.current;
    expect(series.length).toBeGreaterThanOrEqual(15);
    expect(series[0]?.timestamp).toBe(bucketStart(dateRange.start.getTime(), 'day'));
    const matched = await clients.app.getChatLogs({
      dateStart: dateRange.start,
      dateEnd: dateRange.end,
      sources: ['share', 'api'],
    });
    expect(totals.chats).toBe(matched.total);
    expect(totals.messages).toBeGreaterThan(0);
    expect(series.some((p) => p.users > 0 && p.newUsers <= p.users)).toBe(true);
  });

  it('keeps the previous series on screen when the timespan changes', async () => {
    const { wrapper } = setupFastGPT({ fake: { analytics: {}, chartEndpoints: false }, client: tokenClient });
    const { result, rerender } = renderHook((props: UseAppAnalyticsOptions) => useAppAnalytics(props), {
      wrapper,
      initialProps: { dateRange, timespan: 'day' },
    });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    const daily = result.current.series;
    rerender({ dateRange, timespan: 'week' });
    expect(result.current.series).toBe(daily);
    expect(result.current.isPlaceholderData).toBe(true);
    await waitFor(() => expect(result.current.isPlaceholderData).toBe(false));
    expect(result.current.series.length).toBeLessThan(daily.length);
    expect(result.current.totals.chats).toBe(daily.reduce((sum, point) => sum + point.chats, 0));
  });

  it('says why the charts are missing and surfaces the log error when it cannot derive them', async () => {
    const { wrapper } = setupFastGPT({ fake: { analytics: {}, chartEndpoints: false } });
    const { result } = renderHook(() => useAppAnalytics({ dateRange }), { wrapper });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(result.current.available).toBe(false);
    expect(result.current.derived).toBe(false);
    expect(result.current.reason).toMatch(/commercial edition/);
    expect(result.current.error?.name).toBe('AuthenticationError');
  });

  it('deriveSeries buckets rows by last activity and counts users, retention and response time', () => {
    const day = (n: number) => new Date(2026, 0, n, 12).getTime();
    const row = (chatId: string, user: string, n: number, extra: Partial<ChatLogItem> = {}): ChatLogItem => ({
      chatId,
      source: 'share',
      outLinkUid: user,
      updateTime: new Date(day(n)).toISOString(),
      createTime: new Date(day(n) - 1000).toISOString(),
      messageCount: 4,
      averageResponseTime: 2,
      ...extra,
    });
    const series = deriveSeries(
      [
        row('a', 'u1', 5, { userGoodFeedbackCount: 1, errorCount: 1, totalPoints: 0.5 }),
        row('b', 'u2', 5, { averageResponseTime: 4 }),
        row('c', 'u1', 6),
      ],
      { start: new Date(2026, 0, 5).getTime(), end: new Date(2026, 0, 7, 23).getTime() },
      'day',
    );
    expect(series).toHaveLength(3);
    expect(series[0]).toMatchObject({
      users: 2,
      newUsers: 2,
      retainedUsers: 0,
      chats: 2,
      messages: 4,
      errors: 1,
      goodFeedback: 1,
      points: 0.5,
      averageResponseTime: 3,
    });
    expect(series[1]).toMatchObject({ users: 1, newUsers: 0, retainedUsers: 1, chats: 1 });
    expect(series[2]).toMatchObject({ users: 0, chats: 0, averageResponseTime: 0 });
  });
});
