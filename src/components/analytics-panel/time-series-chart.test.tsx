import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AnalyticsPoint } from '../../hooks/use-app-analytics';
import { expectNoAxeViolations } from '../../test-setup/axe';
import { ANALYTICS_DERIVE } from './analytics-charts';
import { pointsOf } from './analytics-points.test-helpers';
import { TimeSeriesChart, type TimeSeriesChartSeries } from './time-series-chart';

const CHATS: TimeSeriesChartSeries[] = [{ key: 'chats', label: 'Conversations', kind: 'line' }];
const CHATS_AND_MESSAGES: TimeSeriesChartSeries[] = [
  { key: 'chats', label: 'Conversations', kind: 'line' },
  { key: 'messages', label: 'Messages', kind: 'line' },
];
const USERS: TimeSeriesChartSeries[] = [
  { key: 'newUsers', label: 'New users', kind: 'bar' },
  { key: 'retainedUsers', label: 'Retained users', kind: 'bar' },
];
const ERROR_RATE: TimeSeriesChartSeries[] = [{ key: 'errorRate', label: 'Error rate', kind: 'line' }];
const RESPONSE_TIME: TimeSeriesChartSeries[] = [
  { key: 'averageResponseTime', label: 'Avg. response time', kind: 'line' },
];

const plot = (name = 'Conversations') => screen.getByRole('img', { name });
const tooltip = () => document.querySelector<HTMLElement>('[data-slot="analytics-chart-tooltip"]');
const summary = () => document.querySelector<HTMLElement>('[data-slot="analytics-chart-summary"]');
/** The vertices of an SVG path: one per M or L command. */
const vertices = (path: Element | null) => (path?.getAttribute('d')?.match(/[ML]/g) ?? []).length;

describe('TimeSeriesChart', () => {
  it('draws 10 000 points at 320 px as at most one vertex or bar per pixel', () => {
    const points = pointsOf(10_000, (i) => ({
      chats: (i % 13) + 1,
      newUsers: i % 4,
      retainedUsers: (i % 3) + 1,
    }));
    const { container, rerender } = render(
      <TimeSeriesChart
        points={points}
        series={CHATS}
        timespan="day"
        title="Conversations"
        valueFormat="count"
        width={320}
      />,
    );
    const line = vertices(container.querySelector('[data-series="chats"] path'));
    expect(line).toBeGreaterThan(200);
    expect(line).toBeLessThanOrEqual(320);

    rerender(
      <TimeSeriesChart
        points={points}
        series={USERS}
        timespan="day"
        title="Users"
        valueFormat="count"
        width={320}
      />,
    );
    for (const key of ['newUsers', 'retainedUsers']) {
      const bars = container.querySelectorAll(`[data-series="${key}"] rect`).length;
      expect(bars).toBeGreaterThan(200);
      expect(bars).toBeLessThanOrEqual(320);
    }
  });

  it('draws every point when the series already fits', () => {
    const points = pointsOf(40, (i) => ({ chats: i + 1 }));
    const { container } = render(
      <TimeSeriesChart
        points={points}
        series={CHATS}
        timespan="day"
        title="Conversations"
        valueFormat="count"
        width={320}
      />,
    );
    expect(vertices(container.querySelector('[data-series="chats"] path'))).toBe(40);
  });

  it('labels the y axis with 3 to 5 rounded ticks and the x axis with dates', () => {
    const points = pointsOf(30, (i) => ({ chats: i === 10 ? 87 : 3 }));
    const { container } = render(
      <TimeSeriesChart
        points={points}
        series={CHATS}
        timespan="day"
        title="Conversations"
        valueFormat="count"
        width={480}
      />,
    );
    const labels = [...container.querySelectorAll('text')].map((t) => t.textContent);
    expect(labels.slice(0, 5)).toEqual(['0', '25', '50', '75', '100']);
    const dates = labels.slice(5);
    expect(dates[0]).toBe('Nov 1');
    // 30 days on 426 px: a label every few days, never two adjacent ones.
    expect(dates.length).toBeGreaterThanOrEqual(3);
    expect(dates.length).toBeLessThanOrEqual(8);
    expect(dates).not.toContain('Nov 2');
  });

  it('steps through the buckets with the keyboard and shows their date and values', async () => {
    const user = userEvent.setup();
    const points = pointsOf(5, (i) => ({ chats: [3, 80, 5, 12, 9][i], messages: [6, 200, 11, 30, 20][i] }));
    render(
      <TimeSeriesChart
        points={points}
        series={CHATS_AND_MESSAGES}
        timespan="day"
        title="Conversations"
        valueFormat="count"
        width={320}
      />,
    );
    await user.tab();
    expect(plot()).toHaveFocus();
    expect(tooltip()).toBeNull();

    await user.keyboard('{End}');
    expect(tooltip()).toHaveTextContent('Nov 5, 2025. Conversations: 9; Messages: 20');
    expect(plot()).toHaveAccessibleDescription(
      expect.stringContaining('Nov 5, 2025. Conversations: 9; Messages: 20'),
    );

    await user.keyboard('{ArrowLeft}{ArrowLeft}{ArrowLeft}');
    expect(tooltip()).toHaveTextContent('Nov 2, 2025. Conversations: 80; Messages: 200');
    await user.keyboard('{Home}{ArrowLeft}');
    expect(tooltip()).toHaveTextContent('Nov 1, 2025. Conversations: 3; Messages: 6');
    await user.keyboard('{ArrowRight}');
    expect(tooltip()).toHaveTextContent('Nov 2, 2025');

    await user.keyboard('{Escape}');
    expect(tooltip()).toBeNull();
    expect(plot()).not.toHaveAccessibleDescription(expect.stringContaining('Nov 2, 2025'));
  });

  it('shows the nearest bucket under the pointer, as a date range when buckets merged', () => {
    // 10 days on a 5 px plot (46 px axis + 5 + 8 margin): each drawn bucket holds two days.
    const points = pointsOf(10, (i) => ({ chats: i + 1 }));
    render(
      <TimeSeriesChart
        points={points}
        series={CHATS}
        timespan="day"
        title="Conversations"
        valueFormat="count"
        width={59}
      />,
    );
    const target = plot();
    // Drawn at twice its size: pointer positions scale back to the SVG's own pixels.
    target.getBoundingClientRect = () => ({ left: 100, top: 0, width: 118, height: 180 }) as DOMRect;
    fireEvent.pointerMove(target, { clientX: 100 + 2 * 46 + 2 * 2.5 });
    expect(tooltip()).toHaveTextContent(/^Nov 5\s*–\s*6, 2025\. Conversations: 11$/u);
    fireEvent.pointerMove(target, { clientX: 100 });
    expect(tooltip()).toHaveTextContent(/^Nov 1\s*–\s*2, 2025\. Conversations: 3$/u);
    fireEvent.pointerMove(target, { clientX: 100 + 118 });
    expect(tooltip()).toHaveTextContent(/^Nov 9\s*–\s*10, 2025\. Conversations: 19$/u);
    fireEvent.pointerLeave(target);
    expect(tooltip()).toBeNull();
  });

  it('summarises each series: total, peak with its date, latest, numbers in the locale', () => {
    const points = pointsOf(4, (i) => ({
      chats: [1_000, 80, 142, 12][i],
      messages: [2_500, 100, 300, 24][i],
    }));
    render(
      <TimeSeriesChart
        points={points}
        series={CHATS_AND_MESSAGES}
        timespan="day"
        title="Conversations"
        valueFormat="count"
        width={320}
      />,
    );
    expect(summary()).toHaveTextContent(
      'Conversations: 1,234 in total, peak 1,000 on Nov 1, latest 12. Messages: 2,924 in total, peak 2,500 on Nov 1, latest 24.',
    );
    expect(plot()).toHaveAccessibleDescription(expect.stringContaining('Conversations: 1,234 in total'));
  });

  it('weighs the error rate by messages, in the summary and in merged buckets', async () => {
    const user = userEvent.setup();
    // 1 error in 100 answers, then 5 in 10: 6 / 110 = 5.5 %, where a plain mean of the rates says 25.5 %.
    const points = pointsOf(2, (i) => ({ errors: [1, 5][i], messages: [100, 10][i] }));
    const { rerender } = render(
      <TimeSeriesChart
        points={points}
        series={ERROR_RATE}
        derive={ANALYTICS_DERIVE}
        timespan="day"
        title="Error rate"
        valueFormat="percent"
        width={320}
      />,
    );
    expect(summary()).toHaveTextContent('Error rate: 5.5% overall, peak 50% on Nov 2, latest 50%.');

    // A 1 px plot merges both days into one bucket.
    rerender(
      <TimeSeriesChart
        points={points}
        series={ERROR_RATE}
        derive={ANALYTICS_DERIVE}
        timespan="day"
        title="Error rate"
        valueFormat="percent"
        width={55}
      />,
    );
    await user.tab();
    await user.keyboard('{End}');
    expect(tooltip()).toHaveTextContent(/Error rate: 5\.5%$/);
  });

  it('weighs the average response time by messages when buckets merge', async () => {
    const user = userEvent.setup();
    // 90 answers at 2 s and 10 at 12 s: 3 s per answer, not the 7 s a plain mean would say.
    const points = pointsOf(2, (i) => ({ averageResponseTime: [2, 12][i], messages: [90, 10][i] }));
    render(
      <TimeSeriesChart
        points={points}
        series={RESPONSE_TIME}
        timespan="day"
        title="Response time"
        valueFormat="seconds"
        width={55}
      />,
    );
    expect(summary()).toHaveTextContent(
      'Avg. response time: 3 sec overall, peak 12 sec on Nov 2, latest 12 sec.',
    );
    await user.tab();
    await user.keyboard('{Home}');
    expect(tooltip()).toHaveTextContent(/Avg\. response time: 3 sec$/);
  });

  it('draws the axes and says so when the range has no data', () => {
    const { container, rerender } = render(
      <TimeSeriesChart
        points={[]}
        series={CHATS}
        timespan="day"
        title="Conversations"
        valueFormat="count"
        width={320}
      />,
    );
    expect(screen.getAllByText('No data in this range')).toHaveLength(2);
    expect(plot()).toHaveAccessibleDescription(expect.stringContaining('No data in this range'));
    expect(container.querySelectorAll('svg line').length).toBeGreaterThanOrEqual(3);
    expect([...container.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['0', '1', '2']);

    rerender(
      <TimeSeriesChart
        points={pointsOf(7, () => ({}))}
        series={CHATS}
        timespan="day"
        title="Conversations"
        valueFormat="count"
        width={320}
      />,
    );
    expect(document.querySelector('[data-slot="analytics-chart-empty"]')).toHaveTextContent(
      'No data in this range',
    );
    expect(screen.getByText('Nov 1')).toBeInTheDocument();
  });

  it('shows a skeleton of the same height while loading', () => {
    const { container } = render(
      <TimeSeriesChart
        points={[]}
        series={CHATS}
        timespan="day"
        title="Conversations"
        valueFormat="count"
        height={220}
        loading
      />,
    );
    const skeleton = container.querySelector<HTMLElement>('[data-slot="analytics-chart-skeleton"]');
    expect(skeleton?.style.blockSize).toBe('220px');
    expect(container.querySelector('svg')).toBeNull();
    expect(screen.getByRole('figure', { name: 'Conversations' })).toHaveAttribute('aria-busy', 'true');
  });

  it('names week and quarter buckets by their span', async () => {
    const user = userEvent.setup();
    const week = new Date(2025, 10, 3).getTime();
    const quarter = new Date(2025, 9, 1).getTime();
    const { rerender } = render(
      <TimeSeriesChart
        points={[{ ...pointsOf(1, () => ({ chats: 4 }))[0], timestamp: week } as AnalyticsPoint]}
        series={CHATS}
        timespan="week"
        title="Conversations"
        valueFormat="count"
        width={320}
      />,
    );
    await user.tab();
    await user.keyboard('{End}');
    expect(tooltip()).toHaveTextContent(/^Nov 3\s*–\s*9, 2025\./u);
    rerender(
      <TimeSeriesChart
        points={[{ ...pointsOf(1, () => ({ chats: 4 }))[0], timestamp: quarter } as AnalyticsPoint]}
        series={CHATS}
        timespan="quarter"
        title="Conversations"
        valueFormat="count"
        width={320}
      />,
    );
    expect(tooltip()).toHaveTextContent(/^Q4 2025\./);
  });

  it('dates the axis and the peak with the year when the range crosses a new year', () => {
    const points = pointsOf(70, (i) => ({ chats: i === 35 ? 50 : 2 }));
    const { container } = render(
      <TimeSeriesChart
        points={points}
        series={CHATS}
        timespan="day"
        title="Conversations"
        valueFormat="count"
        width={480}
      />,
    );
    const labels = [...container.querySelectorAll('text')].map((t) => t.textContent);
    expect(labels).toContain('Nov 1, 2025');
    expect(summary()).toHaveTextContent('Conversations: 188 in total, peak 50 on Dec 6, 2025, latest 2.');
  });

  it('refuses series it cannot draw with a clear error', () => {
    const draw = (series: TimeSeriesChartSeries[]) => () =>
      render(<TimeSeriesChart points={[]} series={series} timespan="day" title="x" valueFormat="count" />);
    const quiet = console.error;
    console.error = () => {};
    try {
      expect(draw([])).toThrow('give 1 to 3 series, got 0');
      expect(draw([...CHATS_AND_MESSAGES, ...USERS])).toThrow('give 1 to 3 series, got 4');
      expect(draw([{ key: 'errorRate', label: 'x', kind: 'line' }])).toThrow(
        'series key "errorRate" is neither a metric of AnalyticsPoint',
      );
    } finally {
      console.error = quiet;
    }
  });

  it('has no axe violations, with the tooltip open too', async () => {
    const user = userEvent.setup();
    const points = pointsOf(12, (i) => ({ newUsers: i % 4, retainedUsers: i % 3 }));
    const { container } = render(
      <TimeSeriesChart
        points={points}
        series={USERS}
        timespan="day"
        title="Users"
        valueFormat="count"
        width={320}
      />,
    );
    expect(within(container).getByRole('list')).toHaveTextContent('New usersRetained users');
    await expectNoAxeViolations(container);
    await user.tab();
    await user.keyboard('{ArrowRight}');
    expect(tooltip()).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });
});
