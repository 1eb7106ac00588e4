'use client';
import { memo } from 'react';
import type { AppTotalData } from '../../client/types';
import type { AnalyticsTotals as Totals } from '../../hooks/use-app-analytics';
import { useAnalyticsStrings } from '../../i18n/analytics-strings-context';
import { formatLabel } from '../markdown/markdown-labels';

/** Props of {@link AnalyticsTotals}. */
export interface AnalyticsTotalsProps {
  /** Sums over the chosen range. */
  totals: Totals;
  /** All-time totals, where the edition reports them. */
  allTime: AppTotalData | undefined;
  /** Nothing loaded yet: show placeholders. */
  loading: boolean;
  /** Distinct users of the range where known; else the buckets' users add up (a returning user counts twice). */
  rangeUsers?: number;
  /** BCP 47 locale of the numbers. */
  locale: string;
}

interface Stat {
  key: string;
  label: string;
  value: string;
  note: string;
}

/** The headline figures: users, conversations and points, then the range's answers, errors, feedback and speed. */
export const AnalyticsTotals = memo(function AnalyticsTotals({
  totals,
  allTime,
  loading,
  rangeUsers,
  locale,
}: AnalyticsTotalsProps) {
  const strings = useAnalyticsStrings();
  const count = new Intl.NumberFormat(locale);
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const whole = (all: number | undefined, inRange: number, format = count) => ({
    value: format.format(all ?? inRange),
    note: all === undefined ? strings.inRange : strings.allTime,
  });
  const stats: Stat[] = [
    { key: 'users', label: strings.totalUsers, ...whole(allTime?.totalUsers, rangeUsers ?? totals.users) },
    { key: 'chats', label: strings.totalChats, ...whole(allTime?.totalChats, totals.chats) },
    { key: 'points', label: strings.totalPoints, ...whole(allTime?.totalPoints, totals.points, decimal) },
    {
      key: 'messages',
      label: strings.totalMessages,
      value: count.format(totals.messages),
      note: strings.inRange,
    },
    {
      key: 'errorRate',
      label: strings.errorRate,
      // FastGPT counts failed nodes, and one answer can have several: the rate stops at 100 %.
      value: percent.format(totals.messages > 0 ? Math.min(1, totals.errors / totals.messages) : 0),
      note: strings.inRange,
    },
    {
      key: 'good',
      label: strings.goodFeedback,
      value: count.format(totals.goodFeedback),
      note: strings.inRange,
    },
    {
      key: 'bad',
      label: strings.badFeedback,
      value: count.format(totals.badFeedback),
      note: strings.inRange,
    },
    {
      key: 'responseTime',
      label: strings.averageResponseTime,
      value: formatLabel(strings.seconds, { value: decimal.format(totals.averageResponseTime) }),
      note: strings.inRange,
    },
  ];
  return (
    <section
      className="fgk-totals"
      data-slot="totals"
      aria-label={strings.totalsLabel}
      aria-busy={loading || undefined}
    >
      <dl className="fgk-totals-list">
        {stats.map((stat) => (
          <div key={stat.key} className="fgk-total" data-stat={stat.key}>
            <dt className="fgk-total-label">{stat.label}</dt>
            <dd className="fgk-total-value">
              {loading ? (
                <>
                  <span className="fgk-skeleton-line fgk-total-skeleton" aria-hidden="true" />
                  <span className="fgk-visually-hidden">{strings.loading}</span>
                </>
              ) : (
                stat.value
              )}
            </dd>
            {/* Whether a figure is all-time or the range's is known only once it loaded. */}
            {!loading && <dd className="fgk-total-note">{stat.note}</dd>}
          </div>
        ))}
      </dl>
    </section>
  );
});
