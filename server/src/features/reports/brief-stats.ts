import { isInBucket, type PeakCalendar } from '../../domain/calendar/peak-buckets.js';
import { localDateOf } from '../../domain/time/zoned.js';

/** One hourly value (UTC hour start). */
export interface HourValue {
  readonly startMs: number;
  readonly value: number;
}

/** Summary of one hub's prices for one run over the period. */
export interface PriceStats {
  readonly hours: number;
  readonly average: number;
  readonly min: number;
  readonly max: number;
  /** Average over the calendar's on-peak hours (US 5x16, EU peak); null when the period has none stored. */
  readonly onPeak: number | null;
  /** Average over every other hour (US wrap = 2x16 + 7x8, EU offpeak); null when none are stored. */
  readonly offPeak: number | null;
}

export interface SpreadStats {
  /** Hours with both a day-ahead and a real-time price. */
  readonly hours: number;
  /** Mean of DA − RT over those hours. */
  readonly average: number;
  readonly min: number;
  readonly max: number;
}

/** The on-peak bucket of a calendar: weekday on-peak for US calendars, peak for European ones. */
export const onPeakBucket = (calendar: PeakCalendar): '5x16' | 'peak' =>
  calendar.kind === 'us' ? '5x16' : 'peak';

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

/** Average, extremes and the on-/off-peak split of hourly prices; null when there are none. */
export const priceStats = (
  hours: readonly HourValue[],
  calendar: PeakCalendar,
): PriceStats | null => {
  if (hours.length === 0) {
    return null;
  }
  const bucket = onPeakBucket(calendar);
  const on: number[] = [];
  const off: number[] = [];
  let min = Infinity;
  let max = -Infinity;
  for (const h of hours) {
    (isInBucket(calendar, bucket, h.startMs) ? on : off).push(h.value);
    min = Math.min(min, h.value);
    max = Math.max(max, h.value);
  }
  return {
    hours: hours.length,
    average: mean(hours.map((h) => h.value)) as number,
    min,
    max,
    onPeak: mean(on),
    offPeak: mean(off),
  };
};

/** DA − RT over the hours both runs have; null when they share none. */
export const spreadStats = (
  dayAhead: readonly HourValue[],
  realTime: readonly HourValue[],
): SpreadStats | null => {
  const rt = new Map(realTime.map((h) => [h.startMs, h.value]));
  const spreads: number[] = [];
  for (const h of dayAhead) {
    const other = rt.get(h.startMs);
    if (other !== undefined) {
      spreads.push(h.value - other);
    }
  }
  if (spreads.length === 0) {
    return null;
  }
  return {
    hours: spreads.length,
    average: mean(spreads) as number,
    min: Math.min(...spreads),
    max: Math.max(...spreads),
  };
};

/** Daily averages per local day in `zone`, in day order: the monthly brief's chart. */
export const dailyAverages = (
  hours: readonly HourValue[],
  zone: string,
): { day: string; average: number }[] => {
  const byDay = new Map<string, number[]>();
  for (const h of hours) {
    const day = localDateOf(zone, h.startMs);
    const list = byDay.get(day) ?? [];
    list.push(h.value);
    byDay.set(day, list);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, values]) => ({ day, average: mean(values) as number }));
};
