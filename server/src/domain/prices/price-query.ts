import type { MarketRunId } from '../markets/market.js';
import type { TimeRange } from '../time/interval.js';

export type ResampleFrequency = '5m' | '15m' | '1h' | '1d' | '1mo';
export type Aggregation = 'avg' | 'min' | 'max' | 'first' | 'last';

export const RESAMPLE_FREQUENCIES: readonly ResampleFrequency[] = ['5m', '15m', '1h', '1d', '1mo'];
export const AGGREGATIONS: readonly Aggregation[] = ['avg', 'min', 'max', 'first', 'last'];

/**
 * A resampling bucket. Fixed buckets are aligned to the UTC epoch (equal to local alignment for whole-hour
 * zones); calendar buckets follow the market's local days and months, so a DST day is one 23- or 25-hour bucket.
 */
export type ResampleBucket =
  | { readonly kind: 'fixed'; readonly minutes: number }
  | { readonly kind: 'calendar'; readonly unit: 'day' | 'month'; readonly zone: string };

export const resampleBucket = (frequency: ResampleFrequency, zone: string): ResampleBucket => {
  switch (frequency) {
    case '5m':
      return { kind: 'fixed', minutes: 5 };
    case '15m':
      return { kind: 'fixed', minutes: 15 };
    case '1h':
      return { kind: 'fixed', minutes: 60 };
    case '1d':
      return { kind: 'calendar', unit: 'day', zone };
    case '1mo':
      return { kind: 'calendar', unit: 'month', zone };
  }
};

/** Nominal bucket length for row estimates (a month counts as 28 days so estimates never undercount). */
export const nominalBucketMinutes = (frequency: ResampleFrequency): number =>
  ({ '5m': 5, '15m': 15, '1h': 60, '1d': 1380, '1mo': 28 * 1440 })[frequency];

export interface PriceSelection {
  readonly instrumentIds: readonly string[];
  /** null = every run. */
  readonly runs: readonly MarketRunId[] | null;
  readonly range: TimeRange;
}

/**
 * Upper estimate of the rows a query returns, from the interval length each run publishes. Used to refuse a
 * too-large query before touching the store.
 */
export const estimatePriceRows = (
  instrumentCount: number,
  runMinutes: readonly number[],
  range: TimeRange,
  bucketMinutes: number | null,
): number => {
  const spanMinutes = Math.max(0, (range.toMs - range.fromMs) / 60_000);
  return runMinutes.reduce((sum, minutes) => {
    const step = bucketMinutes === null ? minutes : Math.max(minutes, bucketMinutes);
    return sum + instrumentCount * Math.ceil(spanMinutes / step);
  }, 0);
};
