import type { AnalyticsPoint } from '../../hooks/use-app-analytics';
import { bucketSeries, METRIC_KINDS, type TimedPoint } from './bucket-series';

/** A metric of {@link AnalyticsPoint} a chart can draw as it is. */
export type AnalyticsMetric = keyof typeof METRIC_KINDS;

/**
 * Computed metrics by name: each turns a contiguous run of points (one point, a merged pixel, or the whole
 * range) into one value. A rate must divide sums, not average the points' rates, so merging stays weighted:
 * `errorRate: (run) => sum(errors) / sum(messages)`.
 */
export type ChartDerive = Readonly<Record<string, (run: readonly AnalyticsPoint[]) => number>>;

/** One drawn point of a series: a bucket start, the last merged bucket's start, and the value. */
export interface ChartBucket {
  /** Start of the first bucket merged into this one (epoch ms). */
  timestamp: number;
  /** Start of the last bucket merged into it (equal to `timestamp` when nothing was merged). */
  timestampEnd: number;
  /** The metric over the merged buckets. */
  value: number;
}

/** The whole-range figures of a series, for its text summary. */
export interface ChartSeriesStats {
  /** `sum` totals add up (conversations); `overall` ones are weighted means or derived rates. */
  aggregate: 'sum' | 'overall';
  /** Total or overall value over the range. */
  overall: number;
  /** Highest value of one bucket. */
  peak: number;
  /** Start of the bucket holding the peak (the first such bucket). */
  peakTimestamp: number;
  /** Value of the newest bucket. */
  latest: number;
}

type DerivablePoint = TimedPoint & Record<string, number>;

type MetricSpec =
  | { type: 'derived'; derived: (run: readonly AnalyticsPoint[]) => number }
  | { type: 'metric'; metric: AnalyticsMetric; kind: 'sum' | 'mean'; weight: AnalyticsMetric | undefined };

function metricSpec(key: string, derive: ChartDerive | undefined): MetricSpec {
  const derived = derive?.[key];
  if (derived) return { type: 'derived', derived };
  if (!Object.hasOwn(METRIC_KINDS, key)) {
    throw new RangeError(
      `TimeSeriesChart: series key "${key}" is neither a metric of AnalyticsPoint (${Object.keys(METRIC_KINDS).join(', ')}) nor a key of \`derive\``,
    );
  }
  const metric = key as AnalyticsMetric;
  const spec: { kind: 'sum' | 'mean'; weight?: AnalyticsMetric } = METRIC_KINDS[metric];
  return { type: 'metric', metric, kind: spec.kind, weight: spec.weight };
}

/**
 * The series `key` bucketed to at most `width` points (see {@link bucketSeries}); `key` is a metric of
 * {@link AnalyticsPoint} (merged as {@link METRIC_KINDS} says) or a name in `derive`.
 *
 * @throws RangeError for a key that is neither.
 */
export function chartBuckets(
  points: readonly AnalyticsPoint[],
  key: string,
  width: number,
  derive?: ChartDerive,
): ChartBucket[] {
  const spec = metricSpec(key, derive);
  if (spec.type === 'derived') {
    const { derived } = spec;
    const rows = bucketSeries(points as readonly AnalyticsPoint[] as unknown as readonly DerivablePoint[], {
      width,
      key,
      combine: (run) => derived(run as unknown as readonly AnalyticsPoint[]),
    });
    return rows.map((row) => ({
      timestamp: row.timestamp as number,
      timestampEnd: (row.timestampEnd ?? row.timestamp) as number,
      // An unmerged row is the input point itself, which has no derived field yet.
      value: row.size === undefined ? derived([row as unknown as AnalyticsPoint]) : (row[key] as number),
    }));
  }
  const { metric, kind, weight } = spec;
  return bucketSeries(points, { width, key: metric, kind, weight }).map((row) => ({
    timestamp: row.timestamp,
    timestampEnd: row.timestampEnd ?? row.timestamp,
    value: row[metric],
  }));
}

/** Total (or overall), peak and latest value of the series `key` over all `points`; undefined without points. */
export function chartSeriesStats(
  points: readonly AnalyticsPoint[],
  key: string,
  derive?: ChartDerive,
): ChartSeriesStats | undefined {
  if (points.length === 0) return undefined;
  const spec = metricSpec(key, derive);
  const valueAt = (point: AnalyticsPoint) =>
    spec.type === 'derived' ? spec.derived([point]) : point[spec.metric];
  let peak = Number.NEGATIVE_INFINITY;
  let peakTimestamp = 0;
  for (const point of points) {
    const value = valueAt(point);
    if (value > peak) {
      peak = value;
      peakTimestamp = point.timestamp;
    }
  }
  const last = points[points.length - 1] as AnalyticsPoint;
  // One bucket over the whole range: the same merge rule as a pixel's, so a mean stays weighted.
  const overall =
    spec.type === 'derived' ? spec.derived(points) : (chartBuckets(points, spec.metric, 1)[0]?.value ?? 0);
  return {
    aggregate: spec.type === 'derived' || spec.kind === 'mean' ? 'overall' : 'sum',
    overall,
    peak,
    peakTimestamp,
    latest: valueAt(last),
  };
}
