import { Temporal } from 'temporal-polyfill';

/** A wall-clock date-time in some zone, without the zone. Months are 1–12. */
export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;

/**
 * How to resolve a wall-clock time that occurs twice (fall back) or never (spring forward):
 * `earlier`/`later` pick the first/second occurrence (for a skipped time, the instant before/after the gap);
 * `reject` throws, which is what a parser wants when a source should never name such a time.
 */
export type Disambiguation = 'earlier' | 'later' | 'reject';

const validZones = new Map<string, boolean>();

/** True when `zone` is an IANA time-zone name this runtime knows (e.g. America/Chicago) or UTC. */
export const isValidTimeZone = (zone: string): boolean => {
  let ok = validZones.get(zone);
  if (ok === undefined) {
    try {
      Temporal.Now.instant().toZonedDateTimeISO(zone);
      ok = true;
    } catch {
      ok = false;
    }
    validZones.set(zone, ok);
  }
  return ok;
};

/** Converts a wall-clock time in `zone` to UTC epoch milliseconds. */
export const localToUtcMs = (
  zone: string,
  local: LocalDateTime,
  disambiguation: Disambiguation = 'reject',
): number =>
  Temporal.PlainDateTime.from({
    year: local.year,
    month: local.month,
    day: local.day,
    hour: local.hour,
    minute: local.minute,
  }).toZonedDateTime(zone, { disambiguation }).epochMilliseconds;

/** Wall-clock fields of a UTC instant in `zone`, with the UTC offset in force and the ISO weekday (1 = Monday). */
export interface ZonedParts extends LocalDateTime {
  readonly offsetMinutes: number;
  readonly weekday: number;
}

/** Wall-clock fields of UTC instant `ms` (epoch milliseconds) in IANA `zone`, with offset and ISO weekday. */
export const utcMsToLocal = (zone: string, ms: number): ZonedParts => {
  const z = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
  return {
    year: z.year,
    month: z.month,
    day: z.day,
    hour: z.hour,
    minute: z.minute,
    offsetMinutes: z.offsetNanoseconds / 60e9,
    weekday: z.dayOfWeek,
  };
};

/** The local calendar date of a UTC instant in `zone`. */
export const localDateOf = (zone: string, ms: number): IsoDate =>
  Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).toPlainDate().toString();

/** Parses `YYYY-MM-DD`, throwing on anything else (including impossible dates such as 2025-02-30). */
export const parseIsoDate = (date: IsoDate): Temporal.PlainDate => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new RangeError(`"${date}" is not a date in the form YYYY-MM-DD`);
  }
  return Temporal.PlainDate.from(date, { overflow: 'reject' });
};

/** UTC bounds of one local day in `zone`: [start, end) and its length in hours (23, 24 or 25 across DST). */
export const localDayBounds = (
  zone: string,
  date: IsoDate,
): { startMs: number; endMs: number; hours: number } => {
  const day = parseIsoDate(date);
  const startMs = day.toZonedDateTime({ timeZone: zone }).epochMilliseconds;
  const endMs = day.add({ days: 1 }).toZonedDateTime({ timeZone: zone }).epochMilliseconds;
  return { startMs, endMs, hours: (endMs - startMs) / 3_600_000 };
};

/** Adds whole days to an ISO date. */
export const addDays = (date: IsoDate, days: number): IsoDate =>
  parseIsoDate(date).add({ days }).toString();
