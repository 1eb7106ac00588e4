import type { AnalyticsPoint } from '../../hooks/use-app-analytics';

/** A point of a time series: anything with a bucket start. */
export interface TimedPoint {
  /** Bucket start, epoch ms. */
  readonly timestamp: number;
}

/** The numeric fields of `T` (the metrics a chart can draw). */
export type NumericKey<T> = {
  [K in keyof T]-?: T[K] extends number ? K : never;
}[keyof T] &
  string;

/**
 * How a metric merges when several points share one pixel:
 * - `sum` for counts (conversations, messages, points, feedback, errors);
 * - `mean` for rates and averages, weighted by `weight` when given (for example the average response time
 *   weighted by the messages it averages), else a plain mean.
 */
export type MetricKind = 'sum' | 'mean';

/** One point of a bucketed series: the metric's aggregate over a contiguous run of input points. */
export type BucketedPoint<T extends TimedPoint, K extends NumericKey<T>> = Pick<T, 'timestamp' | K> & {
  /**
   * Start of the last input point merged into this one (epoch ms); the bucket covers `timestamp` to the end
   * of that point. Absent when the point was not merged (the series was already small enough).
   */
  readonly timestampEnd?: number;
  /** How many input points were merged (absent when the point was not merged). */
  readonly size?: number;
};

/** Options of {@link bucketSeries}. */
export interface BucketSeriesOptions<T extends TimedPoint, K extends NumericKey<T>> {
  /** Horizontal pixels available: the result has at most this many points (fractions round down, below 1 counts as 1). */
  width: number;
  /** The metric to aggregate. */
  key: K;
  /** How the metric merges (default `sum`; see {@link METRIC_KINDS} for the analytics series). */
  kind?: MetricKind;
  /** For `mean`: each point's weight, as a numeric field or a function (absent: every point weighs 1). */
  weight?: NumericKey<T> | ((point: T) => number);
  /** Replaces `kind`: computes a bucket's value from its points (a contiguous, non-empty run). */
  combine?: (points: readonly T[]) => number;
}

/** How each metric of {@link AnalyticsPoint} merges, and what weighs its mean. */
export const METRIC_KINDS = {
  // Distinct users per bucket add up the way the hook's totals do: one user active in two buckets counts twice.
  users: { kind: 'sum' },
  newUsers: { kind: 'sum' },
  retainedUsers: { kind: 'sum' },
  chats: { kind: 'sum' },
  messages: { kind: 'sum' },
  points: { kind: 'sum' },
  errors: { kind: 'sum' },
  goodFeedback: { kind: 'sum' },
  badFeedback: { kind: 'sum' },
  averageResponseTime: { kind: 'mean', weight: 'messages' },
} as const satisfies {
  readonly [K in Exclude<NumericKey<AnalyticsPoint>, 'timestamp'>]: {
    kind: MetricKind;
    weight?: NumericKey<AnalyticsPoint>;
  };
};

/**
 * Reduces a time series to at most one point per horizontal pixel, so 10 000 points draw as fast as 100.
 * Points merge in contiguous runs of (nearly) equal length, in input order; each merged point starts at its
 * run's first `timestamp`, records the run's last one in `timestampEnd`, and holds the metric's aggregate
 * (see {@link MetricKind}). When the series already fits, the same array object comes back, so memoized
 * charts see no change.
 *
 * @throws RangeError when `width` is not a number (NaN): a collapsed chart (width 0) still gets one point.
 */
export function bucketSeries<T extends TimedPoint, K extends NumericKey<T>>(
  points: readonly T[],
  options: BucketSeriesOptions<T, K>,
): readonly BucketedPoint<T, K>[] {
  const { width, key } = options;
  if (typeof width !== 'number' || Number.isNaN(width)) {
    throw new RangeError(`bucketSeries: width must be a number of pixels, got ${String(width)}`);
  }
  const slots = Math.max(1, Math.floor(width));
  if (points.length <= slots) return points as readonly BucketedPoint<T, K>[];
  const combine = options.combine ?? combiner<T, K>(key, options.kind ?? 'sum', options.weight);
  const result: BucketedPoint<T, K>[] = [];
  for (let slot = 0; slot < slots; slot++) {
    // Integer bounds spread the remainder evenly, so no run is more than one point longer than another.
    const from = Math.floor((slot * points.length) / slots);
    const to = Math.floor(((slot + 1) * points.length) / slots);
    const run = points.slice(from, to);
    const first = run[0] as T;
    const last = run[run.length - 1] as T;
    result.push({
      timestamp: first.timestamp,
      [key]: combine(run),
      timestampEnd: last.timestamp,
      size: run.length,
    } as BucketedPoint<T, K>);
  }
  return result;
}

function combiner<T extends TimedPoint, K extends NumericKey<T>>(
  key: K,
  kind: MetricKind,
  weight: BucketSeriesOptions<T, K>['weight'],
): (run: readonly T[]) => number {
  const metricOf = (point: T) => point[key] as unknown as number;
  if (kind === 'sum') return (run) => run.reduce((total, point) => total + metricOf(point), 0);
  if (kind !== 'mean')
    throw new RangeError(`bucketSeries: unknown kind ${String(kind)}; use 'sum' or 'mean'`);
  const weightOf =
    weight === undefined
      ? () => 1
      : typeof weight === 'function'
        ? weight
        : (point: T) => point[weight] as unknown as number;
  return (run) => {
    let weighted = 0;
    let totalWeight = 0;
    for (const point of run) {
      const w = weightOf(point);
      weighted += metricOf(point) * w;
      totalWeight += w;
    }
    // A run with no weight at all (no answers in any of its days) still gets a value: the plain mean.
    if (totalWeight === 0) return run.reduce((total, point) => total + metricOf(point), 0) / run.length;
    return weighted / totalWeight;
  };
}
