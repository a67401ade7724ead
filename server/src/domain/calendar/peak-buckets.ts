import { Temporal } from 'temporal-polyfill';
import { DAY_MS, HOUR_MS } from '../time/interval.js';
import { isValidTimeZone, type IsoDate } from '../time/zoned.js';
import { nercHolidays } from './holidays.js';

/**
 * Peak buckets as hour masks in local time. Every bucket is a rule over local wall-clock hours in a
 * calendar's explicit IANA zone; hour-ending HE k covers local [(k-1):00, k:00). Because the rules are
 * about wall-clock hours, DST days come out right by themselves: the repeated fall-back hour (US HE 2) is
 * counted twice and the skipped spring hour (US HE 3) not at all, so 7x8 has 9 or 7 hours on those days.
 */

/**
 * US bucket names. `5x16`: on-peak hours Mon–Fri excluding holidays; `2x16`: the same hours on Sat, Sun
 * and holidays; `7x8`: the other 8 hours every day; `7x24`: all hours (ATC); `wrap`: 2x16 + 7x8 (all but
 * 5x16); `6x16`: on-peak hours Mon–Sat excluding holidays (WECC heavy-load hours, HLH).
 */
export type UsPeakBucket = '5x16' | '2x16' | '7x8' | '7x24' | 'wrap' | '6x16';

/** European bucket names (EEX style). `base`: every hour; `peak`: on-peak hours Mon–Fri; `offpeak`: base − peak. */
export type EuPeakBucket = 'base' | 'peak' | 'offpeak';

/** Any bucket name; which ones apply depends on the calendar's `kind`. */
export type PeakBucket = UsPeakBucket | EuPeakBucket;

/** The US buckets, in the order `bucketsOfHour` reports them. */
export const US_PEAK_BUCKETS: readonly UsPeakBucket[] = Object.freeze([
  '5x16',
  '2x16',
  '7x8',
  '7x24',
  'wrap',
  '6x16',
]);

/** The European buckets, in the order `bucketsOfHour` reports them. */
export const EU_PEAK_BUCKETS: readonly EuPeakBucket[] = Object.freeze(['base', 'peak', 'offpeak']);

/** `us` calendars offer the US buckets, `eu` calendars the European ones. */
export type PeakCalendarKind = 'us' | 'eu';

/**
 * Where and when a market's on-peak hours are. `zone` is the IANA zone the hours are read in (it must have
 * whole-hour UTC offsets). On-peak hours are HE `onPeakFirstHourEnding`..HE `onPeakLastHourEnding`
 * inclusive (1–24), on Monday–Friday (also Saturday for 6x16) excluding `holidays(year)`, which returns
 * that year's off-peak dates as `YYYY-MM-DD`.
 */
export interface PeakCalendar {
  readonly id: string;
  readonly zone: string;
  readonly onPeakFirstHourEnding: number;
  readonly onPeakLastHourEnding: number;
  readonly holidays: (year: number) => readonly IsoDate[];
  readonly kind: PeakCalendarKind;
}

/** Eastern ISOs (PJM, NYISO, ISO-NE): HE08–HE23 Eastern prevailing time, NERC holidays. */
export const US_EASTERN: PeakCalendar = Object.freeze({
  id: 'US_EASTERN',
  zone: 'America/New_York',
  onPeakFirstHourEnding: 8,
  onPeakLastHourEnding: 23,
  holidays: nercHolidays,
  kind: 'us',
});

/**
 * MISO: HE08–HE23 EST. MISO's market clock is Eastern Standard Time all year (no DST), so the calendar
 * uses the fixed zone `Etc/GMT+5` (UTC−5; the POSIX sign is inverted) rather than America/New_York or
 * America/Chicago. In summer MISO's HE08 EST is 08:00–09:00 EDT.
 */
export const US_CENTRAL_MISO: PeakCalendar = Object.freeze({
  id: 'US_CENTRAL_MISO',
  zone: 'Etc/GMT+5',
  onPeakFirstHourEnding: 8,
  onPeakLastHourEnding: 23,
  holidays: nercHolidays,
  kind: 'us',
});

/** ERCOT and SPP: HE07–HE22 Central prevailing time, NERC holidays (ERCOT hours to be verified per contract). */
export const US_CENTRAL: PeakCalendar = Object.freeze({
  id: 'US_CENTRAL',
  zone: 'America/Chicago',
  onPeakFirstHourEnding: 7,
  onPeakLastHourEnding: 22,
  holidays: nercHolidays,
  kind: 'us',
});

/** CAISO and the WECC hubs (COB, Palo Verde): HE07–HE22 Pacific prevailing time, NERC holidays. */
export const US_PACIFIC: PeakCalendar = Object.freeze({
  id: 'US_PACIFIC',
  zone: 'America/Los_Angeles',
  onPeakFirstHourEnding: 7,
  onPeakLastHourEnding: 22,
  holidays: nercHolidays,
  kind: 'us',
});

/**
 * EEX (German/continental) buckets: peak = Mon–Fri 08:00–20:00 local (HE09–HE20) in Europe/Berlin.
 * EEX peak products do not skip public holidays, so the holiday list is empty.
 */
export const EU_CET: PeakCalendar = Object.freeze({
  id: 'EU_CET',
  zone: 'Europe/Berlin',
  onPeakFirstHourEnding: 9,
  onPeakLastHourEnding: 20,
  holidays: (): readonly IsoDate[] => [],
  kind: 'eu',
});

/** The buckets a calendar offers: the US ones for `us` calendars, the European ones for `eu` calendars. */
export const bucketsOfCalendar = (calendar: PeakCalendar): readonly PeakBucket[] =>
  calendar.kind === 'us' ? US_PEAK_BUCKETS : EU_PEAK_BUCKETS;

/**
 * The buckets that contain the local hour in which UTC instant `hourStartUtcMs` falls, in the order of
 * `US_PEAK_BUCKETS`/`EU_PEAK_BUCKETS`. E.g. a US weekday on-peak hour gives `['5x16', '7x24', '6x16']`.
 */
export const bucketsOfHour = (calendar: PeakCalendar, hourStartUtcMs: number): PeakBucket[] => {
  assertCalendar(calendar);
  const local = Temporal.Instant.fromEpochMilliseconds(hourStartUtcMs).toZonedDateTimeISO(
    calendar.zone,
  );
  const day = dayTypeOf(calendar, local.toPlainDate());
  return bucketsOfCalendar(calendar).filter((bucket) =>
    hourInBucket(calendar, bucket, day, local.hour + 1),
  );
};

/**
 * True when the local hour containing UTC instant `hourStartUtcMs` belongs to `bucket`. Throws a
 * RangeError when the bucket does not exist for the calendar's kind (e.g. `5x16` on EU_CET).
 */
export const isInBucket = (
  calendar: PeakCalendar,
  bucket: PeakBucket,
  hourStartUtcMs: number,
): boolean => {
  assertCalendar(calendar);
  assertBucket(calendar, bucket);
  const local = Temporal.Instant.fromEpochMilliseconds(hourStartUtcMs).toZonedDateTimeISO(
    calendar.zone,
  );
  return hourInBucket(calendar, bucket, dayTypeOf(calendar, local.toPlainDate()), local.hour + 1);
};

/**
 * One byte per UTC hour in [fromMs, toMs): 1 when that hour belongs to `bucket`, else 0. Index i is the
 * hour starting at fromMs + i·1h. Both bounds must be whole UTC hours (epoch ms divisible by 3 600 000)
 * with fromMs ≤ toMs; otherwise a RangeError is thrown. Used to weight hourly prices by bucket.
 */
export const bucketHourMask = (
  calendar: PeakCalendar,
  bucket: PeakBucket,
  fromMs: number,
  toMs: number,
): Uint8Array => {
  assertCalendar(calendar);
  assertBucket(calendar, bucket);
  assertHourRange(fromMs, toMs);
  const mask = new Uint8Array((toMs - fromMs) / HOUR_MS);
  if (mask.length === 0) {
    return mask;
  }
  const zone = calendar.zone;
  // Walk local days so the weekday/holiday lookup runs once per day, not once per hour.
  let date = Temporal.Instant.fromEpochMilliseconds(fromMs).toZonedDateTimeISO(zone).toPlainDate();
  let dayStartMs = date.toZonedDateTime({ timeZone: zone }).epochMilliseconds;
  while (dayStartMs < toMs) {
    const next = date.add({ days: 1 });
    const dayEndMs = next.toZonedDateTime({ timeZone: zone }).epochMilliseconds;
    if (dayStartMs % HOUR_MS !== 0) {
      throw new RangeError(
        `Calendar ${calendar.id}: zone ${zone} does not start ${date.toString()} on a whole UTC hour; peak buckets need whole-hour offsets`,
      );
    }
    const day = dayTypeOf(calendar, date);
    // On ordinary 24-hour days the k-th hour after midnight is local hour k; only DST days need a lookup.
    const regular = dayEndMs - dayStartMs === DAY_MS;
    const first = Math.max(dayStartMs, fromMs);
    const last = Math.min(dayEndMs, toMs);
    for (let hourMs = first; hourMs < last; hourMs += HOUR_MS) {
      const localHour = regular
        ? (hourMs - dayStartMs) / HOUR_MS
        : Temporal.Instant.fromEpochMilliseconds(hourMs).toZonedDateTimeISO(zone).hour;
      mask[(hourMs - fromMs) / HOUR_MS] = hourInBucket(calendar, bucket, day, localHour + 1)
        ? 1
        : 0;
    }
    date = next;
    dayStartMs = dayEndMs;
  }
  return mask;
};

/**
 * Number of whole hours of `bucket` in [fromMs, toMs) (UTC epoch ms, both on whole UTC hours). A DST
 * month counts its real hours: PJM 7x24 in March 2024 is 743, in November 2024 721.
 */
export const bucketHours = (
  calendar: PeakCalendar,
  bucket: PeakBucket,
  fromMs: number,
  toMs: number,
): number => bucketHourMask(calendar, bucket, fromMs, toMs).reduce((sum, bit) => sum + bit, 0);

/** What decides a day's buckets: ISO weekday (1 = Monday) and whether it is one of the calendar's holidays. */
interface DayType {
  readonly weekday: number;
  readonly holiday: boolean;
}

const holidayCache = new WeakMap<PeakCalendar, Map<number, ReadonlySet<IsoDate>>>();

const dayTypeOf = (calendar: PeakCalendar, date: Temporal.PlainDate): DayType => {
  let years = holidayCache.get(calendar);
  if (years === undefined) {
    years = new Map();
    holidayCache.set(calendar, years);
  }
  let holidays = years.get(date.year);
  if (holidays === undefined) {
    holidays = new Set(calendar.holidays(date.year));
    years.set(date.year, holidays);
  }
  return { weekday: date.dayOfWeek, holiday: holidays.has(date.toString()) };
};

const SATURDAY = 6;
const FRIDAY = 5;

const hourInBucket = (
  calendar: PeakCalendar,
  bucket: PeakBucket,
  day: DayType,
  hourEnding: number,
): boolean => {
  const onPeakHour =
    hourEnding >= calendar.onPeakFirstHourEnding && hourEnding <= calendar.onPeakLastHourEnding;
  const workday = day.weekday <= FRIDAY && !day.holiday;
  switch (bucket) {
    case '5x16':
    case 'peak':
      return onPeakHour && workday;
    case '2x16':
      return onPeakHour && !workday;
    case '7x8':
      return !onPeakHour;
    case '7x24':
    case 'base':
      return true;
    case 'wrap':
    case 'offpeak':
      return !(onPeakHour && workday);
    case '6x16':
      return onPeakHour && day.weekday <= SATURDAY && !day.holiday;
  }
};

const assertBucket = (calendar: PeakCalendar, bucket: PeakBucket): void => {
  if (!bucketsOfCalendar(calendar).includes(bucket)) {
    throw new RangeError(
      `Bucket "${bucket}" does not exist for calendar ${calendar.id}; use one of ${bucketsOfCalendar(calendar).join(', ')}`,
    );
  }
};

const assertCalendar = (calendar: PeakCalendar): void => {
  const { onPeakFirstHourEnding: first, onPeakLastHourEnding: last } = calendar;
  if (!isValidTimeZone(calendar.zone)) {
    throw new RangeError(
      `Calendar ${calendar.id}: "${calendar.zone}" is not a known IANA time zone`,
    );
  }
  if (
    !Number.isInteger(first) ||
    !Number.isInteger(last) ||
    first < 1 ||
    last > 24 ||
    first > last
  ) {
    throw new RangeError(
      `Calendar ${calendar.id}: on-peak hours must be HE a..b with 1 ≤ a ≤ b ≤ 24, got HE${first}..HE${last}`,
    );
  }
};

const assertHourRange = (fromMs: number, toMs: number): void => {
  if (!Number.isSafeInteger(fromMs) || !Number.isSafeInteger(toMs)) {
    throw new RangeError(`Range bounds must be whole epoch milliseconds, got ${fromMs}..${toMs}`);
  }
  if (fromMs % HOUR_MS !== 0 || toMs % HOUR_MS !== 0) {
    throw new RangeError(
      `Range bounds must be whole UTC hours, got ${new Date(fromMs).toISOString()}..${new Date(toMs).toISOString()}`,
    );
  }
  if (toMs < fromMs) {
    throw new RangeError(
      `Range end ${new Date(toMs).toISOString()} is before its start ${new Date(fromMs).toISOString()}`,
    );
  }
};
