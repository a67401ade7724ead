import type { Temporal } from 'temporal-polyfill';
import { bucketHourMask, type PeakCalendar } from '../calendar/peak-buckets.js';
import { DAY_MS, HOUR_MS } from '../time/interval.js';
import { parseIsoDate, type IsoDate } from '../time/zoned.js';
import type { CurveBucket } from './curve-model.js';

/**
 * The local days a curve is built on, from its first delivery day through the last day of 2050, with each day's
 * UTC bounds (23- and 25-hour days included) and what its hours hold. Days are indexed 0..days-1.
 */
export interface DayGrid {
  readonly calendar: PeakCalendar;
  readonly startDay: IsoDate;
  readonly days: number;
  /** UTC epoch ms of each local midnight, length days + 1 (the last is the end of the grid). */
  readonly dayStartMs: Float64Array;
  /** Calendar month 0–11 and year of each day. */
  readonly month: Uint8Array;
  readonly year: Uint16Array;
  /** Epoch day number (days since 1970-01-01) of startDay, for date → index lookups. */
  readonly startEpochDay: number;
}

/** Curves run through December 2050. */
export const CURVE_END_EXCLUSIVE: IsoDate = '2051-01-01';

const epochDay = (date: Temporal.PlainDate): number =>
  Date.UTC(date.year, date.month - 1, date.day) / DAY_MS;

export const dayGrid = (
  calendar: PeakCalendar,
  startDay: IsoDate,
  endExclusive: IsoDate = CURVE_END_EXCLUSIVE,
): DayGrid => {
  const start = parseIsoDate(startDay);
  const end = parseIsoDate(endExclusive);
  const days = epochDay(end) - epochDay(start);
  if (days <= 0) {
    throw new RangeError(`The curve grid from ${startDay} to ${endExclusive} holds no days`);
  }
  const dayStartMs = new Float64Array(days + 1);
  const month = new Uint8Array(days);
  const year = new Uint16Array(days);
  let date = start;
  for (let d = 0; d <= days; d++) {
    dayStartMs[d] = date.toZonedDateTime({ timeZone: calendar.zone }).epochMilliseconds;
    if (d < days) {
      month[d] = date.month - 1;
      year[d] = date.year;
    }
    date = date.add({ days: 1 });
  }
  return { calendar, startDay, days, dayStartMs, month, year, startEpochDay: epochDay(start) };
};

const recentGrids: { key: string; grid: DayGrid; hours: BucketHours }[] = [];

/**
 * The grid and bucket hours of a curve's days, remembered for the last few (calendar, start day) pairs: a build
 * and the requests that follow it all walk the same ~9,000 days and ~220,000 hours.
 */
export const curveDays = (
  calendar: PeakCalendar,
  startDay: IsoDate,
): { grid: DayGrid; hours: BucketHours } => {
  const key = `${calendar.id}|${calendar.zone}|${startDay}`;
  const found = recentGrids.find((entry) => entry.key === key);
  if (found !== undefined) {
    return found;
  }
  const grid = dayGrid(calendar, startDay);
  const entry = { key, grid, hours: new BucketHours(grid) };
  recentGrids.unshift(entry);
  recentGrids.length = Math.min(recentGrids.length, 4);
  return entry;
};

/** Index of a local date in the grid (may be negative or ≥ days for dates outside it). */
export const dayIndex = (grid: DayGrid, date: IsoDate): number =>
  epochDay(parseIsoDate(date)) - grid.startEpochDay;

/** The local date of grid day d. */
export const dayDate = (grid: DayGrid, d: number): IsoDate =>
  new Date((grid.startEpochDay + d) * DAY_MS).toISOString().slice(0, 10);

/** Hours of the grid's days, each as the UTC hour it starts at: index h is dayStartMs[0] + h hours. */
export const gridHours = (grid: DayGrid): number =>
  ((grid.dayStartMs[grid.days] as number) - (grid.dayStartMs[0] as number)) / HOUR_MS;

/**
 * Hour masks of the calendar's buckets over the whole grid, computed once per bucket: one byte per UTC hour, 1 when
 * the hour belongs to the bucket (DST days and holidays included, see peak-buckets.ts).
 */
export class BucketHours {
  readonly #grid: DayGrid;
  readonly #masks = new Map<CurveBucket, Uint8Array>();
  readonly #daily = new Map<string, Uint8Array>();

  constructor(grid: DayGrid) {
    this.#grid = grid;
  }

  mask(bucket: CurveBucket): Uint8Array {
    let mask = this.#masks.get(bucket);
    if (mask === undefined) {
      const grid = this.#grid;
      mask = bucketHourMask(
        grid.calendar,
        bucket,
        grid.dayStartMs[0] as number,
        grid.dayStartMs[grid.days] as number,
      );
      this.#masks.set(bucket, mask);
    }
    return mask;
  }

  /** Hours per day that belong to every one of `buckets` (one bucket: its hours; two: their overlap). */
  perDay(...buckets: readonly CurveBucket[]): Uint8Array {
    const key = buckets.join('&');
    let counts = this.#daily.get(key);
    if (counts === undefined) {
      const grid = this.#grid;
      const masks = buckets.map((b) => this.mask(b));
      counts = new Uint8Array(grid.days);
      const origin = grid.dayStartMs[0] as number;
      for (let d = 0; d < grid.days; d++) {
        const first = ((grid.dayStartMs[d] as number) - origin) / HOUR_MS;
        const last = ((grid.dayStartMs[d + 1] as number) - origin) / HOUR_MS;
        let n = 0;
        for (let h = first; h < last; h++) {
          if (masks.every((m) => m[h] === 1)) {
            n++;
          }
        }
        counts[d] = n;
      }
      this.#daily.set(key, counts);
    }
    return counts;
  }
}
