'use client';
import { memo, useMemo } from 'react';
import type { AnalyticsTimespan } from '../../client/types';
import type { AnalyticsPoint } from '../../hooks/use-app-analytics';
import type { AnalyticsPanelStrings } from '../../i18n/analytics-panel-strings';
import { useAnalyticsStrings } from '../../i18n/analytics-strings-context';
import type { Locale } from '../../i18n/chat-window-strings';
import type { ChartValueFormat } from './chart-format';
import type { ChartDerive } from './chart-series-values';
import { TimeSeriesChart, type TimeSeriesChartSeries } from './time-series-chart';

/** Props of {@link AnalyticsCharts}. */
export interface AnalyticsChartsProps {
  /** The buckets from `useAppAnalytics`, oldest first. Pass the same array to skip redrawing. */
  series: readonly AnalyticsPoint[];
  /** Bucket size of `series`. */
  timespan: AnalyticsTimespan;
  /** Shows chart-sized skeletons instead. */
  loading?: boolean;
  /** Locale of numbers and dates (default `en`); strings come from the panel's strings context. */
  locale?: Locale;
  /** Extra class on the grid. */
  className?: string;
}

/**
 * Computed metrics of the analytics charts. The error rate divides summed errors by summed answers, so a
 * pixel merging a busy day and a quiet one weighs each by its answers.
 */
export const ANALYTICS_DERIVE: ChartDerive = {
  errorRate: (run) => {
    let errors = 0;
    let messages = 0;
    for (const point of run) {
      errors += point.errors;
      messages += point.messages;
    }
    return messages > 0 ? errors / messages : 0;
  },
};

interface ChartDefinition {
  id: string;
  title: string;
  valueFormat: ChartValueFormat;
  series: TimeSeriesChartSeries[];
}

function chartDefinitions(strings: AnalyticsPanelStrings): ChartDefinition[] {
  return [
    {
      id: 'conversations',
      title: strings.chartConversationsTitle,
      valueFormat: 'count',
      series: [
        { key: 'chats', label: strings.chartSeriesChats, kind: 'line', colorToken: '--fgk-chart-1' },
        { key: 'messages', label: strings.chartSeriesMessages, kind: 'line', colorToken: '--fgk-chart-2' },
      ],
    },
    {
      id: 'users',
      title: strings.chartUsersTitle,
      valueFormat: 'count',
      series: [
        { key: 'newUsers', label: strings.chartSeriesNewUsers, kind: 'bar', colorToken: '--fgk-chart-1' },
        {
          key: 'retainedUsers',
          label: strings.chartSeriesRetainedUsers,
          kind: 'bar',
          colorToken: '--fgk-chart-3',
        },
      ],
    },
    {
      id: 'points',
      title: strings.chartPointsTitle,
      valueFormat: 'points',
      series: [{ key: 'points', label: strings.chartSeriesPoints, kind: 'bar', colorToken: '--fgk-chart-4' }],
    },
    {
      id: 'error-rate',
      title: strings.chartErrorRateTitle,
      valueFormat: 'percent',
      series: [
        { key: 'errorRate', label: strings.chartSeriesErrorRate, kind: 'line', colorToken: '--fgk-chart-2' },
      ],
    },
    {
      id: 'feedback',
      title: strings.chartFeedbackTitle,
      valueFormat: 'count',
      series: [
        {
          key: 'goodFeedback',
          label: strings.chartSeriesGoodFeedback,
          kind: 'bar',
          colorToken: '--fgk-chart-3',
        },
        {
          key: 'badFeedback',
          label: strings.chartSeriesBadFeedback,
          kind: 'bar',
          colorToken: '--fgk-chart-2',
        },
      ],
    },
    {
      id: 'response-time',
      title: strings.chartResponseTimeTitle,
      valueFormat: 'seconds',
      series: [
        {
          key: 'averageResponseTime',
          label: strings.chartSeriesResponseTime,
          kind: 'line',
          colorToken: '--fgk-chart-4',
        },
      ],
    },
  ];
}

/**
 * The six analytics charts in a responsive grid: conversations and messages, new vs retained users, points,
 * error rate, good/bad feedback, and average response time (weighted by answers). Memoized: a parent
 * re-render with the same `series` array redraws nothing.
 */
export const AnalyticsCharts = memo(function AnalyticsCharts({
  series,
  timespan,
  loading = false,
  locale = 'en',
  className,
}: AnalyticsChartsProps) {
  const strings = useAnalyticsStrings();
  const charts = useMemo(() => chartDefinitions(strings), [strings]);
  return (
    <section
      aria-label={strings.chartsLabel}
      className={['fgk-analytics-charts', className].filter(Boolean).join(' ')}
      data-slot="analytics-charts"
    >
      {charts.map((chart) => (
        <TimeSeriesChart
          key={chart.id}
          points={series}
          series={chart.series}
          timespan={timespan}
          title={chart.title}
          valueFormat={chart.valueFormat}
          derive={ANALYTICS_DERIVE}
          locale={locale}
          loading={loading}
        />
      ))}
    </section>
  );
});
