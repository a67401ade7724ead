import { Temporal } from 'temporal-polyfill';
import { HOUR_MS, MINUTE_MS, type Interval } from './interval.js';
import {
  isValidTimeZone,
  localDayBounds,
  parseIsoDate,
  utcMsToLocal,
  type IsoDate,
  type LocalDateTime,
} from './zoned.js';

/**
 * Converters from the time conventions market-data sources publish in to the stored `Interval`
 * (UTC start + length). Source adapters call these and nothing else; no other code interprets
 * hour-ending labels or fixed offsets (see ARCHITECTURE.md "Time rules").
 *
 * All hour conventions here assume the zone shifts its clock by whole hours at DST changes, which holds
 * for every US and European market zone.
 */

/** Which of two identical wall-clock hours on a fall-back day: 1 = first (summer time), 2 = second. */
export type HourOccurrence = 1 | 2;

/** A parsed hour-ending label: `hourEnding` 1–24 and which occurrence of a repeated hour it names. */
export interface HourEndingLabel {
  readonly hourEnding: number;
  readonly occurrence: HourOccurrence;
}

// Optional "HE" prefix, one or two digits, optional "X": ISO-NE writes the repeated fall-back hour as "02X".
const HOUR_ENDING_LABEL = /^(?:HE)?\s*(\d{1,2})(X?)$/i;

/**
 * Parses an hour-ending label such as `7`, `07`, `HE07` or ISO-NE's `02X` (the second, standard-time
 * occurrence of the repeated hour on the fall-back day). Throws a RangeError for anything else or for an
 * hour outside 1–24. Whether the named hour exists on a given day is checked by `hourEndingToInterval`.
 */
export const parseHourEndingLabel = (label: string): HourEndingLabel => {
  const match = HOUR_ENDING_LABEL.exec(label.trim());
  const digits = match?.[1];
  if (match === null || digits === undefined) {
    throw new RangeError(
      `"${label}" is not an hour-ending label: expected 1–24, optionally with HE prefix or X suffix (e.g. 02X)`,
    );
  }
  const hourEnding = Number(digits);
  assertHourEnding(hourEnding);
  return { hourEnding, occurrence: match[2] === '' ? 1 : 2 };
};

/**
 * The hour-ending labels of local `date` in `zone` as North American operators write them, one per hour in time
 * order. HE k is the hour that ends when the clock reads k:00, so on the spring-forward day the label whose end
 * never shows on the clock is skipped (US: 1, 3, 4 … 24 — ISO-NE's SMD files and ERCOT's reports go from 01 to
 * 03); on the fall-back day the repeated hour keeps its label twice (US: 1, 2, 2 … 24, the second written 02X by
 * ISO-NE and flagged by ERCOT's DSTFlag). Both follow from labelling each hour max(start hour + 1, end hour).
 */
export const hourEndingLabelsOfDay = (
  zone: string,
  date: IsoDate,
): { hourEnding: number; occurrence: HourOccurrence; startMs: number }[] => {
  const seen = new Map<number, number>();
  return localDayIntervals(zone, date, 60).map(({ startMs }) => {
    const startHour = utcMsToLocal(zone, startMs).hour;
    const endHour = utcMsToLocal(zone, startMs + HOUR_MS).hour || 24;
    const hourEnding = Math.max(startHour + 1, endHour);
    const occurrence = ((seen.get(hourEnding) ?? 0) + 1) as HourOccurrence;
    seen.set(hourEnding, occurrence);
    return { hourEnding, occurrence, startMs };
  });
};

/**
 * The interval of hour-ending `hourEnding` (1–24) on local `date` in IANA `zone` (labels as described at
 * `hourEndingLabelsOfDay` above: HE 1 starts at local midnight, HE k ends at local k:00).
 *
 * On the fall-back day the repeated hour (US HE 2, Europe HE 3) exists twice: `occurrence` 1 picks the
 * first (daylight-time) one, 2 the second (standard-time) one. On the spring-forward day the skipped label
 * (HE 2: the clock never reads 02:00) does not exist and a RangeError naming zone, date and hour is thrown, as is
 * asking for occurrence 2 of an hour that is not repeated. The result is always 60 minutes long.
 */
export const hourEndingToInterval = (
  zone: string,
  date: IsoDate,
  hourEnding: number,
  occurrence: HourOccurrence = 1,
): Interval => {
  assertZone(zone);
  assertHourEnding(hourEnding);
  if (occurrence !== 1 && occurrence !== 2) {
    throw new RangeError(`Hour occurrence must be 1 or 2, got ${String(occurrence)}`);
  }
  const labels = hourEndingLabelsOfDay(zone, date).filter((l) => l.hourEnding === hourEnding);
  if (labels.length === 0) {
    throw new RangeError(
      `Hour ending ${hourEnding} does not exist on ${date} in ${zone}: the clock skips it at the change to daylight time`,
    );
  }
  const match = labels.find((l) => l.occurrence === occurrence);
  if (!match) {
    throw new RangeError(
      `Hour ending ${hourEnding} occurs only once on ${date} in ${zone}, so it has no second occurrence`,
    );
  }
  return { startMs: match.startMs, minutes: 60 };
};

/**
 * The `n`-th hour of local `date` in `zone`, counted from local midnight (1-based): 1–23 on the
 * spring-forward day, 1–24 normally, 1–25 on the fall-back day. This is the convention of sources that
 * number the hours of a 25-hour day 1..25 (ERCOT ancillary-service disclosure "Hour Ending 1..25"), so
 * n = 3 on a US fall-back day is the second 01:00–02:00. Throws a RangeError when the day has fewer hours.
 */
export const sequentialHourToInterval = (zone: string, date: IsoDate, n: number): Interval => {
  assertZone(zone);
  const day = localDayBounds(zone, date);
  if (!Number.isInteger(n) || n < 1 || n > day.hours) {
    throw new RangeError(
      `Hour ${String(n)} does not exist on ${date} in ${zone}: that day has hours 1–${day.hours}`,
    );
  }
  return { startMs: day.startMs + (n - 1) * HOUR_MS, minutes: 60 };
};

/**
 * UTC epoch milliseconds of wall-clock time `local` read at a fixed UTC offset (`offsetMinutes` east of
 * UTC, so EST is -300). For sources whose clock never observes DST, e.g. MISO market reports, which are in
 * EST all year. Throws a RangeError for impossible fields (month 13, 2025-02-30, hour 24).
 */
export const fixedOffsetToUtcMs = (local: LocalDateTime, offsetMinutes: number): number => {
  assertOffset(offsetMinutes);
  // Temporal rejects out-of-range fields; Date.UTC alone would silently roll 2025-02-30 into March.
  const wall = Temporal.PlainDateTime.from(
    {
      year: local.year,
      month: local.month,
      day: local.day,
      hour: local.hour,
      minute: local.minute,
    },
    { overflow: 'reject' },
  );
  const asIfUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return asIfUtc - offsetMinutes * MINUTE_MS;
};

/**
 * Hour-ending `hourEnding` (1–24) of `date` on a fixed-offset clock (`offsetMinutes` east of UTC; MISO
 * uses -300 all year). Every such day has exactly 24 hours, HE k covering [(k-1):00, k:00) at that offset.
 */
export const fixedOffsetHourEndingToInterval = (
  date: IsoDate,
  hourEnding: number,
  offsetMinutes: number,
): Interval => {
  assertHourEnding(hourEnding);
  const day = parseIsoDate(date);
  const startMs = fixedOffsetToUtcMs(
    { year: day.year, month: day.month, day: day.day, hour: hourEnding - 1, minute: 0 },
    offsetMinutes,
  );
  return { startMs, minutes: 60 };
};

/**
 * The interval that ends at `endMs` (UTC epoch ms) and lasts `minutes`, for sources that label an
 * interval by its end (CAISO and SPP files: the 5-minute interval "00:05" is [00:00, 00:05)).
 */
export const intervalEndingToInterval = (endMs: number, minutes: number): Interval => {
  assertMinutes(minutes);
  if (!Number.isSafeInteger(endMs)) {
    throw new RangeError(`Interval end must be whole epoch milliseconds, got ${String(endMs)}`);
  }
  return { startMs: endMs - minutes * MINUTE_MS, minutes };
};

/**
 * Every `minutes`-long interval of local `date` in `zone`, in time order, from local midnight to the next
 * local midnight: e.g. 92/96/100 quarter hours in Europe/Berlin, 23/24/25 hours in US zones. Throws a
 * RangeError when `minutes` does not divide the day's length.
 */
export const localDayIntervals = (zone: string, date: IsoDate, minutes: number): Interval[] => {
  assertZone(zone);
  assertMinutes(minutes);
  const day = localDayBounds(zone, date);
  const step = minutes * MINUTE_MS;
  const length = day.endMs - day.startMs;
  if (length % step !== 0) {
    throw new RangeError(
      `${date} in ${zone} lasts ${length / MINUTE_MS} minutes, which is not a whole number of ${minutes}-minute intervals`,
    );
  }
  const intervals: Interval[] = [];
  for (let startMs = day.startMs; startMs < day.endMs; startMs += step) {
    intervals.push({ startMs, minutes });
  }
  return intervals;
};

const assertZone = (zone: string): void => {
  if (!isValidTimeZone(zone)) {
    throw new RangeError(`"${zone}" is not a known IANA time zone (e.g. America/Chicago)`);
  }
};

const assertHourEnding = (hourEnding: number): void => {
  if (!Number.isInteger(hourEnding) || hourEnding < 1 || hourEnding > 24) {
    throw new RangeError(
      `Hour ending must be a whole number from 1 to 24, got ${String(hourEnding)}`,
    );
  }
};

const assertMinutes = (minutes: number): void => {
  if (!Number.isInteger(minutes) || minutes < 1) {
    throw new RangeError(
      `Interval length must be a positive whole number of minutes, got ${String(minutes)}`,
    );
  }
};

const assertOffset = (offsetMinutes: number): void => {
  // Real UTC offsets lie within -12:00..+14:00; anything else is a unit mix-up (hours or ms).
  if (!Number.isInteger(offsetMinutes) || offsetMinutes < -720 || offsetMinutes > 840) {
    throw new RangeError(
      `UTC offset must be whole minutes between -720 and 840 (EST is -300), got ${String(offsetMinutes)}`,
    );
  }
};
