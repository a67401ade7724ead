/** Milliseconds in common units. Days are not constant in local time; use zoned helpers for local days. */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/**
 * A delivery or price interval: UTC start plus length. This is the only time representation stored;
 * every source convention (hour-ending, interval-ending, fixed offsets) is converted into it inside its adapter.
 */
export interface Interval {
  /** Inclusive start, milliseconds since the Unix epoch (UTC). */
  readonly startMs: number;
  /** Length in minutes (5 for RT5, 60 for hourly, 1380/1440/1500 for local days). */
  readonly minutes: number;
}

/** Exclusive end of an interval in UTC milliseconds. */
export const intervalEndMs = (interval: Interval): number =>
  interval.startMs + interval.minutes * MINUTE_MS;

/** A half-open UTC range [fromMs, toMs). */
export interface TimeRange {
  readonly fromMs: number;
  readonly toMs: number;
}

/** Formats epoch milliseconds as an ISO 8601 UTC timestamp (`…Z`). */
export const toIsoUtc = (ms: number): string => new Date(ms).toISOString();

/** Floors a UTC timestamp to a multiple of `minutes` since the epoch (used for sub-hourly UTC grids). */
export const floorToMinutes = (ms: number, minutes: number): number => {
  const step = minutes * MINUTE_MS;
  return Math.floor(ms / step) * step;
};
