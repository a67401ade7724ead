import { Temporal } from 'temporal-polyfill';
import { MINUTE_MS } from '../time/interval.js';
import { isValidTimeZone, localDayBounds, parseIsoDate, type IsoDate } from '../time/zoned.js';

/**
 * Day counting for weights: weekdays and business days for swaps, hours and sub-hourly periods per local
 * day for delivered volume. Dates are `YYYY-MM-DD` calendar dates (no zone); ranges are inclusive of both
 * ends, because that is how contracts are quoted ("May 2019" = 2019-05-01..2019-05-31).
 */

/** ISO weekday of `date`: 1 = Monday … 7 = Sunday. Throws a RangeError for a malformed date. */
export const isoWeekday = (date: IsoDate): number => parseIsoDate(date).dayOfWeek;

/**
 * Number of Monday–Friday dates in [from, toInclusive]. Throws a RangeError when `toInclusive` is before
 * `from` (a reversed range is a caller bug, not an empty period).
 */
export const weekdayCount = (from: IsoDate, toInclusive: IsoDate): number => {
  const start = parseIsoDate(from);
  const days = inclusiveDays(start, parseIsoDate(toInclusive));
  // Whole weeks hold five weekdays each; only the leftover days need looking at.
  const fullWeeks = Math.floor(days / 7);
  let count = fullWeeks * 5;
  for (let i = 0; i < days % 7; i += 1) {
    if (((start.dayOfWeek - 1 + i) % 7) + 1 <= 5) {
      count += 1;
    }
  }
  return count;
};

/**
 * Number of weekdays in [from, toInclusive] that are not in `holidays`. Holidays on weekends or outside
 * the range do not count and duplicates count once. Throws a RangeError for a malformed date or a
 * reversed range.
 */
export const businessDayCount = (
  from: IsoDate,
  toInclusive: IsoDate,
  holidays: readonly IsoDate[],
): number => {
  const start = parseIsoDate(from);
  const end = parseIsoDate(toInclusive);
  const weekdays = weekdayCount(from, toInclusive);
  const removed = new Set<string>();
  for (const holiday of holidays) {
    const day = parseIsoDate(holiday);
    const inRange =
      Temporal.PlainDate.compare(day, start) >= 0 && Temporal.PlainDate.compare(day, end) <= 0;
    if (inRange && day.dayOfWeek <= 5) {
      removed.add(day.toString());
    }
  }
  return weekdays - removed.size;
};

/**
 * Hours in local `date` in IANA `zone`: 23 on the spring-forward day, 25 on the fall-back day, else 24.
 * A `null` zone means a zone-less calendar (every day 24 hours). Throws a RangeError for a malformed date
 * or unknown zone.
 */
export const hoursInLocalDay = (zone: string | null, date: IsoDate): number =>
  minutesInLocalDay(zone, date) / 60;

/**
 * Number of `minutes`-long periods in local `date` (e.g. half-hours in Europe/London: 46 / 48 / 50; with a
 * `null` zone always 1440 / minutes). Throws a RangeError when `minutes` does not divide the day.
 */
export const periodsInLocalDay = (zone: string | null, date: IsoDate, minutes: number): number => {
  if (!Number.isInteger(minutes) || minutes < 1) {
    throw new RangeError(
      `Period length must be a positive whole number of minutes, got ${String(minutes)}`,
    );
  }
  const dayMinutes = minutesInLocalDay(zone, date);
  if (dayMinutes % minutes !== 0) {
    throw new RangeError(
      `${date} lasts ${dayMinutes} minutes${zone === null ? '' : ` in ${zone}`}, not a whole number of ${minutes}-minute periods`,
    );
  }
  return dayMinutes / minutes;
};

const minutesInLocalDay = (zone: string | null, date: IsoDate): number => {
  if (zone === null) {
    parseIsoDate(date);
    return 24 * 60;
  }
  if (!isValidTimeZone(zone)) {
    throw new RangeError(`"${zone}" is not a known IANA time zone (e.g. Europe/London)`);
  }
  const day = localDayBounds(zone, date);
  return (day.endMs - day.startMs) / MINUTE_MS;
};

const inclusiveDays = (start: Temporal.PlainDate, end: Temporal.PlainDate): number => {
  if (Temporal.PlainDate.compare(end, start) < 0) {
    throw new RangeError(`Range end ${end.toString()} is before its start ${start.toString()}`);
  }
  return start.until(end, { largestUnit: 'days' }).days + 1;
};
