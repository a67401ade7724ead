import { sequentialHourToInterval } from '../../../domain/time/conventions.js';
import { MINUTE_MS, type Interval } from '../../../domain/time/interval.js';
import {
  localToUtcMs,
  parseIsoDate,
  utcMsToLocal,
  type IsoDate,
  type LocalDateTime,
} from '../../../domain/time/zoned.js';
import { ERCOT_TIMEZONE } from './ercot-market.js';

/**
 * ERCOT's time conventions, converted to UTC here and nowhere else. Every function throws a RangeError whose
 * message says what is wrong with the value; the parsers turn it into a file/line/field problem.
 *
 * Hour-ending reports come in two flavours:
 *  - with a `DSTFlag` (or `dstFlag`) column: hours are labelled by the wall clock at their end, 01:00..24:00.
 *    On the fall-back day the hour 01:00–02:00 happens twice and both are labelled 02:00; the second (standard
 *    time) one carries the flag "Y". On the spring-forward day the clock jumps from 02:00 CST to 03:00 CDT, so
 *    the hour after 01:00 is labelled 03:00 and 02:00 never appears.
 *  - without a flag column (2-Day AS disclosures and other disclosure reports): the hours of the day are
 *    numbered 1..23/24/25 in order, so a fall-back day has an "Hour Ending 25".
 */

const ZONE = ERCOT_TIMEZONE;

const MIS_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/** `MM/DD/YYYY` (ERCOT's DeliveryDate) as an ISO date; throws for anything else, including 02/30/2025. */
export const misDate = (text: string): IsoDate => {
  const match = MIS_DATE.exec(text.trim());
  if (match === null) {
    throw new RangeError(`"${text}" is not a date in the form MM/DD/YYYY`);
  }
  const iso = `${match[3] ?? ''}-${match[1] ?? ''}-${match[2] ?? ''}`;
  try {
    parseIsoDate(iso);
  } catch {
    throw new RangeError(`"${text}" is not a calendar date`);
  }
  return iso;
};

// `01:00`, `1:00`, `24:00`, `7`, `07`, `25`; minutes, when written, must be :00.
const HOUR_LABEL = /^(\d{1,2})(?::(\d{2}))?$/;

/** The hour-ending number of a label (1–25); throws for anything else. */
export const hourEndingNumber = (label: string | number): number => {
  const text = String(label).trim();
  const match = HOUR_LABEL.exec(text);
  const hour = Number(match?.[1]);
  if (match === null || (match[2] !== undefined && match[2] !== '00') || hour < 1 || hour > 25) {
    throw new RangeError(
      `"${text}" is not an hour ending: expected 1–24 (or 25 on a fall-back day), written like 01:00, 1:00 or 7`,
    );
  }
  return hour;
};

/** A DSTFlag / RepeatedHourFlag cell: "Y" marks the repeated (standard-time) hour, "N" every other one. */
export const repeatedHourFlag = (text: string | null): boolean => {
  const flag = (text ?? '').trim().toUpperCase();
  if (flag !== 'Y' && flag !== 'N') {
    throw new RangeError(`"${text ?? ''}" is not a repeated-hour flag: expected Y or N`);
  }
  return flag === 'Y';
};

const wallClock = (date: IsoDate, hour: number, minute = 0): LocalDateTime => {
  const day = parseIsoDate(date).toPlainDateTime({ hour: 0 }).add({ hours: hour, minutes: minute });
  return { year: day.year, month: day.month, day: day.day, hour: day.hour, minute: day.minute };
};

const sameWall = (a: LocalDateTime, ms: number): boolean => {
  const b = utcMsToLocal(ZONE, ms);
  return (
    a.year === b.year &&
    a.month === b.month &&
    a.day === b.day &&
    a.hour === b.hour &&
    a.minute === b.minute
  );
};

/**
 * A wall-clock time in Central time, resolved by the repeated-hour flag: "Y" is the second (standard-time)
 * occurrence of a repeated time, "N" the only or first one. A time the clock skips, or "Y" on a time that
 * happens once, is an error.
 */
const flaggedWallToUtcMs = (wall: LocalDateTime, repeated: boolean, what: string): number => {
  const first = localToUtcMs(ZONE, wall, 'earlier');
  if (!sameWall(wall, first)) {
    throw new RangeError(
      `${what} does not exist: the clock skips it at the change to daylight time`,
    );
  }
  if (!repeated) {
    return first;
  }
  const second = localToUtcMs(ZONE, wall, 'later');
  if (second === first) {
    throw new RangeError(
      `${what} is flagged as the repeated hour, but it occurs only once that day`,
    );
  }
  return second;
};

/**
 * The interval of hour ending `label` on delivery date `date`. `repeated` is the row's DSTFlag, or null when
 * the report has no flag column (then the hours are numbered in order and 25 exists on the fall-back day).
 */
export const ercotHourEnding = (
  date: IsoDate,
  label: string | number,
  repeated: boolean | null,
): Interval => {
  const hour = hourEndingNumber(label);
  if (repeated === null) {
    return sequentialHourToInterval(ZONE, date, hour);
  }
  if (hour > 24) {
    throw new RangeError(
      `hour ending ${hour} does not exist in a report with a DST flag (the repeated hour is 02:00 flagged Y)`,
    );
  }
  // The end of the hour must be a time the clock shows: ERCOT labels the hour after 01:00 on the spring-forward
  // day 03:00, and an "02:00" there would be a second label for the same hour.
  const end = wallClock(date, hour);
  if (!sameWall(end, localToUtcMs(ZONE, end, 'earlier'))) {
    throw new RangeError(
      `hour ending ${String(hour).padStart(2, '0')}:00 does not exist on ${date}: ERCOT labels the hour after 01:00 as 03:00 on the spring-forward day`,
    );
  }
  const start = wallClock(date, hour - 1);
  // On the spring-forward day the start of hour ending 03:00 (02:00) is skipped; 'earlier' reads it with the
  // offset before the jump, 02:00 CST, which is 01:00 CST = 03:00 CDT minus one hour: exactly that hour's start.
  const first = localToUtcMs(ZONE, start, 'earlier');
  if (!repeated) {
    return { startMs: first, minutes: 60 };
  }
  const second = localToUtcMs(ZONE, start, 'later');
  if (second === first || !sameWall(start, first)) {
    throw new RangeError(
      `hour ending ${String(hour).padStart(2, '0')}:00 on ${date} is flagged as the repeated hour, but it occurs only once`,
    );
  }
  return { startMs: second, minutes: 60 };
};

const MIS_TIMESTAMP = /^(\d{2}\/\d{2}\/\d{4}) (\d{2}):(\d{2})(?::(\d{2}))?$/;

/** A SCED timestamp `MM/DD/YYYY HH:MM:SS` in Central time with its RepeatedHourFlag, as UTC epoch ms. */
export const ercotLocalTimestamp = (text: string, repeated: boolean): number => {
  const match = MIS_TIMESTAMP.exec(text.trim());
  if (match === null) {
    throw new RangeError(`"${text}" is not a timestamp in the form MM/DD/YYYY HH:MM:SS`);
  }
  const date = misDate(match[1] ?? '');
  const hour = Number(match[2]);
  const minute = Number(match[3]);
  const second = Number(match[4] ?? '0');
  if (hour > 23 || minute > 59 || second > 59) {
    throw new RangeError(`"${text}" is not a time of day`);
  }
  return (
    flaggedWallToUtcMs(wallClock(date, hour, minute), repeated, `${text.trim()} Central time`) +
    second * 1000
  );
};

// MIS document names: cdr.<report type>.<DUNS>.<YYYYMMDD>.<HHMMSS[mmm]>.<report>…
const MIS_NAME_TIME =
  /(?:^|\/)cdr\.\d+\.\d+\.(\d{4})(\d{2})(\d{2})\.(\d{2})(\d{2})(\d{2})(\d{3})?\./i;

/**
 * When ERCOT published a document, from its MIS file name (the member name inside the download keeps it), in
 * Central time. In the repeated hour of the fall-back day the name cannot say which 01:xx it was; the first is
 * taken, which can make one hour's forecast vintages look an hour older.
 */
export const misPublishedAtMs = (name: string): number | null => {
  const match = MIS_NAME_TIME.exec(name);
  if (match === null) {
    return null;
  }
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return localToUtcMs(ZONE, { year, month, day, hour, minute }, 'earlier') + second * 1000;
};

const LOCAL_ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?$/;

/**
 * A Public API local time without offset (`postDatetime` "2024-11-05T03:16:10.000", Central). In the repeated
 * hour `later` picks the second occurrence (the API marks those documents "xhr").
 */
export const apiLocalTimeToUtcMs = (text: string, later: boolean): number => {
  const match = LOCAL_ISO.exec(text.trim());
  if (match === null) {
    throw new RangeError(`"${text}" is not a local time in the form YYYY-MM-DDTHH:MM:SS`);
  }
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return (
    localToUtcMs(ZONE, { year, month, day, hour, minute }, later ? 'later' : 'earlier') +
    second * 1000
  );
};

const pad = (n: number): string => String(n).padStart(2, '0');

/** UTC epoch ms as the Public API's local query time, `YYYY-MM-DDTHH:MM:SS` in Central time. */
export const apiLocalTime = (ms: number): string => {
  const local = utcMsToLocal(ZONE, ms);
  const seconds = Math.floor((((ms % MINUTE_MS) + MINUTE_MS) % MINUTE_MS) / 1000);
  return `${local.year}-${pad(local.month)}-${pad(local.day)}T${pad(local.hour)}:${pad(local.minute)}:${pad(seconds)}`;
};
