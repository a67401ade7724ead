import type { MarketRunId } from '../markets/market.js';
import { MINUTE_MS } from '../time/interval.js';
import { formatLocalDateTime } from './local-days.js';

/** `no_data`: nothing of the dataset has been stored yet. */
export type FreshnessStatus = 'fresh' | 'stale' | 'no_data';

/**
 * How long after the source has published an interval we may take to store it before the dataset counts as
 * stale. Real-time data and fundamentals: 10 minutes (the original platform's timeliness rule). Day-ahead: an
 * hour, because operators' day-ahead postings routinely slip by tens of minutes after the nominal clearing time.
 */
export const freshnessGraceMs = (run: MarketRunId | null): number =>
  run === 'DA' ? 60 * MINUTE_MS : 10 * MINUTE_MS;

export interface FreshnessInput {
  readonly zone: string;
  readonly nowMs: number;
  /** End of what the source had published `graceMs` ago (the feed's `publishedUntil(now − grace)`). */
  readonly expectedUntilMs: number;
  readonly graceMs: number;
  /** End of the newest interval stored for the dataset, or null when nothing is stored. */
  readonly newestIntervalEndMs: number | null;
}

export interface FreshnessVerdict {
  readonly status: FreshnessStatus;
  /** How far the stored data trails what should be there by now (0 when fresh; null without data). */
  readonly lagMs: number | null;
  readonly message: string;
}

const minutes = (ms: number): string => {
  const total = Math.round(ms / MINUTE_MS);
  return total < 120
    ? `${total} minutes`
    : total < 2880
      ? `${Math.round(total / 60)} hours`
      : `${Math.round(total / 1440)} days`;
};

/**
 * Judges one dataset: stale when something the source had published at least `graceMs` ago is still not stored.
 * For real-time prices that is an interval finished more than 10 minutes ago; for day-ahead it is tomorrow's
 * results an hour after the market cleared.
 */
export const judgeFreshness = (input: FreshnessInput): FreshnessVerdict => {
  const { zone, newestIntervalEndMs, expectedUntilMs } = input;
  if (newestIntervalEndMs === null) {
    return { status: 'no_data', lagMs: null, message: 'nothing stored yet' };
  }
  const newest = formatLocalDateTime(zone, newestIntervalEndMs);
  const lagMs = Math.max(0, expectedUntilMs - newestIntervalEndMs);
  if (lagMs === 0) {
    return { status: 'fresh', lagMs, message: `stored through ${newest}` };
  }
  return {
    status: 'stale',
    lagMs,
    message:
      `stored only through ${newest}, but the source had published through ` +
      `${formatLocalDateTime(zone, expectedUntilMs)} more than ${minutes(input.graceMs)} ago ` +
      `(${minutes(lagMs)} behind)`,
  };
};
