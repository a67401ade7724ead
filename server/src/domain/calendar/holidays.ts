import { Temporal } from 'temporal-polyfill';
import { parseIsoDate, type IsoDate } from '../time/zoned.js';

/**
 * NERC holidays, the off-peak days of US power products (5x16 excludes them, 2x16 includes them):
 * New Year's Day, Memorial Day (last Monday in May), Independence Day, Labor Day (first Monday in
 * September), Thanksgiving (fourth Thursday in November) and Christmas Day. A holiday that falls on a
 * Sunday is observed on the following Monday; one that falls on a Saturday is NOT moved (the Friday before
 * stays on-peak), unlike the federal rule.
 */

const MONDAY = 1;
const THURSDAY = 4;
const SUNDAY = 7;

/** Earliest and latest years accepted; a guard against typos such as 224 or 20244, not a market limit. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

/** The `nth` (1-based) `weekday` (1 = Monday … 7 = Sunday) of `month` in `year`. */
const nthWeekdayOfMonth = (
  year: number,
  month: number,
  weekday: number,
  nth: number,
): Temporal.PlainDate => {
  const first = Temporal.PlainDate.from({ year, month, day: 1 });
  const toFirstMatch = (weekday - first.dayOfWeek + 7) % 7;
  return first.add({ days: toFirstMatch + (nth - 1) * 7 });
};

/** The last `weekday` of `month` in `year`. */
const lastWeekdayOfMonth = (year: number, month: number, weekday: number): Temporal.PlainDate => {
  const last = Temporal.PlainDate.from({ year, month, day: 1 })
    .add({ months: 1 })
    .subtract({ days: 1 });
  return last.subtract({ days: (last.dayOfWeek - weekday + 7) % 7 });
};

/** Fixed-date holidays move from Sunday to Monday only; Saturday stays where it is (NERC rule). */
const observed = (date: Temporal.PlainDate): Temporal.PlainDate =>
  date.dayOfWeek === SUNDAY ? date.add({ days: 1 }) : date;

const byYear = new Map<number, readonly IsoDate[]>();

const computeNercHolidays = (year: number): readonly IsoDate[] => {
  const dates = [
    observed(Temporal.PlainDate.from({ year, month: 1, day: 1 })),
    lastWeekdayOfMonth(year, 5, MONDAY),
    observed(Temporal.PlainDate.from({ year, month: 7, day: 4 })),
    nthWeekdayOfMonth(year, 9, MONDAY, 1),
    nthWeekdayOfMonth(year, 11, THURSDAY, 4),
    observed(Temporal.PlainDate.from({ year, month: 12, day: 25 })),
  ];
  // Already in date order (the Sunday shift never crosses the next holiday); ISO strings sort as dates.
  return Object.freeze(dates.map((d) => d.toString()).sort());
};

/**
 * The observed NERC holidays of `year` as `YYYY-MM-DD` dates, sorted ascending; always six dates, all in
 * `year` (a Saturday New Year's Day is not moved into the previous December). Throws a RangeError for a
 * year outside 1900–2200.
 */
export const nercHolidays = (year: number): IsoDate[] => {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(
      `Year must be a whole number from ${MIN_YEAR} to ${MAX_YEAR}, got ${String(year)}`,
    );
  }
  let dates = byYear.get(year);
  if (dates === undefined) {
    dates = computeNercHolidays(year);
    byYear.set(year, dates);
  }
  // A copy, so a caller sorting or appending cannot corrupt the cache.
  return [...dates];
};

/** True when `date` (`YYYY-MM-DD`) is an observed NERC holiday. Throws a RangeError for a malformed date. */
export const isNercHoliday = (date: IsoDate): boolean => {
  const day = parseIsoDate(date);
  return nercHolidays(day.year).includes(day.toString());
};
