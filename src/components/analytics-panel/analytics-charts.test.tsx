import { act, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { type AnalyticsPoint, useAppAnalytics } from '../../hooks/use-app-analytics';
import { AnalyticsStringsContext, analyticsPanelStrings } from '../../i18n/analytics-strings-context';
import { expectNoAxeViolations } from '../../test-setup/axe';
import { setupFastGPT } from '../../test-setup/render-with-fastgpt';
import { DEFAULT_FAKE_CREDENTIALS } from '../../testing';
import { AnalyticsCharts } from './analytics-charts';
import { pointsOf } from './analytics-points.test-helpers';
import { bucketSeries } from './bucket-series';

// Counts the bucketing work, to prove a parent re-render redraws nothing.
vi.mock('./bucket-series', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./bucket-series')>();
  return { ...actual, bucketSeries: vi.fn(actual.bucketSeries) };
});

const SERIES = pointsOf(14, (i) => ({
  users: 10 + i,
  newUsers: 4 + (i % 3),
  retainedUsers: 6 + (i % 5),
  chats: 20 + i,
  messages: 50 + 2 * i,
  points: 1.5 * i,
  errors: i % 4,
  goodFeedback: i % 3,
  badFeedback: i % 2,
  averageResponseTime: 1 + (i % 4) / 2,
}));

let rerenderParent = () => {};
/** Re-renders itself on `rerenderParent()`, passing the same props down. */
function Parent({ series }: { series: AnalyticsPoint[] }) {
  const [, setTick] = useState(0);
  rerenderParent = () => setTick((t) => t + 1);
  return <AnalyticsCharts series={series} timespan="day" />;
}

const usageEnd = new Date();
const usageRange = { start: new Date(usageEnd.getTime() - 30 * 86_400_000), end: usageEnd };
let usageChats = 0;
/** The hook feeding the charts, as the panel will. */
function Usage() {
  const { series, totals, isLoading } = useAppAnalytics({ dateRange: usageRange });
  usageChats = totals.chats;
  return <AnalyticsCharts series={series} timespan="day" loading={isLoading} />;
}

const summaries = () =>
  [...document.querySelectorAll('[data-slot="analytics-chart-summary"]')].map((p) => p.textContent);

describe('AnalyticsCharts', () => {
  it('draws the six charts of the issue, each with its summary', () => {
    render(<AnalyticsCharts series={SERIES} timespan="day" />);
    const group = screen.getByRole('region', { name: 'Charts' });
    const titles = [...group.querySelectorAll('figcaption')].map((c) => c.textContent);
    expect(titles).toEqual([
      'Conversations and messages',
      'Users: new vs retained',
      'Points',
      'Error rate',
      'Good and bad feedback',
      'Average response time',
    ]);
    for (const title of titles)
      expect(screen.getByRole('img', { name: title as string })).toBeInTheDocument();
    expect(summaries()).toEqual([
      'Conversations: 371 in total, peak 33 on Nov 14, latest 33. Messages: 882 in total, peak 76 on Nov 14, latest 76.',
      'New users: 69 in total, peak 6 on Nov 3, latest 5. Retained users: 110 in total, peak 10 on Nov 5, latest 9.',
      'Points: 136.5 in total, peak 19.5 on Nov 14, latest 19.5.',
      // 19 errors in 882 answers.
      'Error rate: 2.2% overall, peak 5.4% on Nov 4, latest 1.3%.',
      'Good: 13 in total, peak 2 on Nov 3, latest 1. Bad: 7 in total, peak 1 on Nov 2, latest 1.',
      'Avg. response time: 1.7 sec overall, peak 2.5 sec on Nov 4, latest 1.5 sec.',
    ]);
  });

  it('does not redraw when a parent re-renders with the same series array', () => {
    const calls = vi.mocked(bucketSeries);
    const { rerender } = render(<Parent series={SERIES} />);
    const afterFirst = calls.mock.calls.length;
    expect(afterFirst).toBeGreaterThan(0);
    const before = document.querySelector('[data-series="chats"] path');

    rerender(<Parent series={SERIES} />);
    act(() => rerenderParent());
    expect(calls.mock.calls.length).toBe(afterFirst);
    expect(document.querySelector('[data-series="chats"] path')).toBe(before);

    // A new array is new data: the charts bucket it again.
    rerender(<Parent series={[...SERIES]} />);
    expect(calls.mock.calls.length).toBeGreaterThan(afterFirst);
  });

  it('shows six skeletons while loading', () => {
    const { container } = render(<AnalyticsCharts series={[]} timespan="day" loading />);
    expect(container.querySelectorAll('[data-slot="analytics-chart-skeleton"]')).toHaveLength(6);
    expect(container.querySelector('svg.fgk-chart-svg')).toBeNull();
  });

  it('speaks Simplified Chinese with the zh-CN strings and locale', () => {
    render(
      <AnalyticsStringsContext.Provider value={analyticsPanelStrings['zh-CN']}>
        <AnalyticsCharts series={SERIES} timespan="day" locale="zh-CN" />
      </AnalyticsStringsContext.Provider>,
    );
    expect(screen.getByRole('region', { name: '图表' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: '对话数与消息数' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: '平均响应时长' })).toBeInTheDocument();
    expect(summaries()[0]).toBe(
      '对话数：共 371，11月14日 达到峰值 33，最近为 33。 消息数：共 882，11月14日 达到峰值 76，最近为 76。',
    );
    expect(summaries()[5]).toBe('平均响应时长：整体 1.7秒，11月4日 达到峰值 2.5秒，最近为 1.5秒。');
  });

  it('has no axe violations', async () => {
    const { container } = render(<AnalyticsCharts series={SERIES} timespan="week" />);
    await expectNoAxeViolations(container);
  });

  it("charts the fake FastGPT's seeded analytics through useAppAnalytics", async () => {
    const { wrapper } = setupFastGPT({
      fake: { analytics: {} },
      client: { apiKey: undefined, token: DEFAULT_FAKE_CREDENTIALS.userToken },
    });
    render(<Usage />, { wrapper });
    expect(document.querySelectorAll('[data-slot="analytics-chart-skeleton"]')).toHaveLength(6);
    await waitFor(() => expect(summaries()).toHaveLength(6));
    expect(usageChats).toBeGreaterThan(0);
    expect(summaries()[0]).toContain(`Conversations: ${usageChats.toLocaleString('en')} in total`);
    expect(document.querySelectorAll('[data-slot="analytics-chart-empty"]')).toHaveLength(0);
  });
});
