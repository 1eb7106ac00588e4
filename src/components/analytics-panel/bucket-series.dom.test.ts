import { describe, expect, it } from 'vitest';
import { bucketSeries, METRIC_KINDS } from './bucket-series';

const DAY = 86_400_000;
const start = Date.UTC(2025, 0, 1);

interface Point {
  timestamp: number;
  chats: number;
  messages: number;
  averageResponseTime: number;
}

function series(length: number): Point[] {
  return Array.from({ length }, (_, i) => ({
    timestamp: start + i * DAY,
    chats: (i % 7) + 1,
    messages: i % 5,
    averageResponseTime: (i % 3) + 0.5,
  }));
}

describe('bucketSeries', () => {
  it('reduces 10 000 points to at most one per pixel and keeps the sum of a count', () => {
    const points = series(10_000);
    const buckets = bucketSeries(points, { width: 640, key: 'chats' });
    expect(buckets.length).toBeLessThanOrEqual(640);
    expect(buckets.length).toBe(640);
    const total = (list: readonly { chats: number }[]) => list.reduce((sum, p) => sum + p.chats, 0);
    expect(total(buckets)).toBe(total(points));
  });

  it('covers the whole range in order, each bucket from its first point to its last', () => {
    const points = series(1_001);
    const buckets = bucketSeries(points, { width: 100, key: 'chats' });
    expect(buckets[0]?.timestamp).toBe(points[0]?.timestamp);
    expect(buckets.at(-1)?.timestampEnd).toBe(points.at(-1)?.timestamp);
    expect(buckets.reduce((n, b) => n + (b.size ?? 1), 0)).toBe(1_001);
    for (let i = 1; i < buckets.length; i++) {
      const previous = buckets[i - 1];
      // Contiguous: the next bucket starts one day after the previous one's last point.
      expect(buckets[i]?.timestamp).toBe((previous?.timestampEnd ?? 0) + DAY);
    }
    const sizes = new Set(buckets.map((b) => b.size));
    expect([...sizes].sort()).toEqual([10, 11]);
  });

  it('weights a mean by the given field, as the totals weight response times by messages', () => {
    const points = [
      { timestamp: start, messages: 1, averageResponseTime: 10 },
      { timestamp: start + DAY, messages: 3, averageResponseTime: 2 },
      { timestamp: start + 2 * DAY, messages: 0, averageResponseTime: 0 },
      { timestamp: start + 3 * DAY, messages: 0, averageResponseTime: 0 },
    ];
    const weighted = bucketSeries(points, {
      width: 2,
      key: 'averageResponseTime',
      ...METRIC_KINDS.averageResponseTime,
    });
    // (10·1 + 2·3) / 4 = 4, not the plain mean 6; a run without messages averages to 0.
    expect(weighted.map((p) => p.averageResponseTime)).toEqual([4, 0]);
    const plain = bucketSeries(points, { width: 2, key: 'averageResponseTime', kind: 'mean' });
    expect(plain.map((p) => p.averageResponseTime)).toEqual([6, 0]);
    const byFunction = bucketSeries(points, {
      width: 1,
      key: 'averageResponseTime',
      kind: 'mean',
      weight: (p) => p.messages,
    });
    expect(byFunction[0]?.averageResponseTime).toBe(4);
  });

  it('takes a custom combine', () => {
    const points = series(10);
    const peaks = bucketSeries(points, {
      width: 2,
      key: 'chats',
      combine: (run) => Math.max(...run.map((p) => p.chats)),
    });
    // chats run 1…7 then 1…3: the first five peak at 5, the next five (6, 7, 1, 2, 3) at 7.
    expect(peaks.map((p) => p.chats)).toEqual([5, 7]);
  });

  it('returns the same array when it already fits, and an empty one for no points', () => {
    const points = series(300);
    expect(bucketSeries(points, { width: 300, key: 'chats' })).toBe(points);
    expect(bucketSeries(points, { width: 1_000, key: 'chats' })).toBe(points);
    const empty: Point[] = [];
    expect(bucketSeries(empty, { width: 100, key: 'chats' })).toEqual([]);
  });

  it('gives a collapsed chart one point and refuses a width that is not a number', () => {
    const points = series(50);
    const collapsed = bucketSeries(points, { width: 0, key: 'chats' });
    expect(collapsed).toHaveLength(1);
    expect(collapsed[0]?.chats).toBe(points.reduce((sum, p) => sum + p.chats, 0));
    expect(bucketSeries(points, { width: -5, key: 'chats' })).toHaveLength(1);
    expect(bucketSeries(points, { width: 9.9, key: 'chats' })).toHaveLength(9);
    expect(() => bucketSeries(points, { width: Number.NaN, key: 'chats' })).toThrow(/width must be a number/);
  });
});
