import type { AnalyticsPoint } from '../../hooks/use-app-analytics';

/** Local midnight of 1 Nov 2025 plus `i` days (bucket starts are local, as `bucketStart` makes them). */
export const day = (i: number) => new Date(2025, 10, 1 + i).getTime();

/** `length` daily points from 1 Nov 2025, every metric 0 except what `values` sets (test helper). */
export function pointsOf(length: number, values: (i: number) => Partial<AnalyticsPoint>): AnalyticsPoint[] {
  return Array.from({ length }, (_, i) => ({
    timestamp: day(i),
    users: 0,
    newUsers: 0,
    retainedUsers: 0,
    chats: 0,
    messages: 0,
    points: 0,
    errors: 0,
    goodFeedback: 0,
    badFeedback: 0,
    averageResponseTime: 0,
    ...values(i),
  }));
}
