import { MINUTE_MS, type TimeRange } from '../time/interval.js';
import { addDays, localDateOf, localDayBounds, type IsoDate } from '../time/zoned.js';

/** One market-local calendar day as a UTC range: 23, 24 or 25 hours long across daylight-saving changes. */
export interface LocalDay {
  readonly date: IsoDate;
  readonly startMs: number;
  readonly endMs: number;
}

export const dayMinutes = (day: LocalDay): number => (day.endMs - day.startMs) / MINUTE_MS;

/**
 * Finds the local day of UTC instants in one zone. Time-zone arithmetic costs microseconds, and a batch has
 * millions of rows but only a few days, so the days seen are kept and most lookups are two comparisons.
 */
export class LocalDayCalendar {
  readonly zone: string;
  readonly #days: LocalDay[] = [];
  #last: LocalDay | null = null;

  constructor(zone: string) {
    this.zone = zone;
  }

  dayAt(ms: number): LocalDay {
    const last = this.#last;
    if (last !== null && ms >= last.startMs && ms < last.endMs) {
      return last;
    }
    let day = this.#days.find((d) => ms >= d.startMs && ms < d.endMs);
    if (day === undefined) {
      day = this.day(localDateOf(this.zone, ms));
    }
    this.#last = day;
    return day;
  }

  /** The local day with this date. */
  day(date: IsoDate): LocalDay {
    const known = this.#days.find((d) => d.date === date);
    if (known) {
      return known;
    }
    const { startMs, endMs } = localDayBounds(this.zone, date);
    const day = { date, startMs, endMs };
    this.#days.push(day);
    return day;
  }

  /** Every local day that overlaps [fromMs, toMs), in order. */
  daysOverlapping(range: TimeRange): LocalDay[] {
    if (!(range.toMs > range.fromMs)) {
      return [];
    }
    const days: LocalDay[] = [];
    for (let day = this.dayAt(range.fromMs); day.startMs < range.toMs;) {
      days.push(day);
      day = this.day(addDays(day.date, 1));
    }
    return days;
  }
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

const timeFormat = (zone: string): Intl.DateTimeFormat => {
  let format = timeFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    timeFormats.set(zone, format);
  }
  return format;
};

/** Wall-clock time and zone abbreviation, e.g. `["14:05", "CDT"]` (`GMT-5` for fixed-offset zones). */
const localClock = (zone: string, ms: number): [string, string] => {
  const parts = timeFormat(zone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return [`${get('hour')}:${get('minute')}`, get('timeZoneName')];
};

/**
 * An instant as traders read it: local wall-clock time with the zone abbreviation (`14:05 CDT`), which also tells
 * the two 01:30s of a fall-back day apart (`01:30 CDT`, `01:30 CST`).
 */
export const formatLocalTime = (zone: string, ms: number): string => localClock(zone, ms).join(' ');

/** A local date and time, `2026-03-08 14:05 CDT`. */
export const formatLocalDateTime = (zone: string, ms: number): string =>
  `${localDateOf(zone, ms)} ${formatLocalTime(zone, ms)}`;

/**
 * A span of one local day, `01:00–02:00 CDT`; the end of the day reads `24:00`, and a span across a clock change
 * names both zones (`01:00 CDT–01:30 CST`).
 */
export const formatLocalSpan = (
  zone: string,
  day: LocalDay,
  fromMs: number,
  toMs: number,
): string => {
  const [fromClock, fromZone] = localClock(zone, fromMs);
  const [toClockRaw, toZoneRaw] = localClock(zone, toMs);
  const [toClock, toZone] =
    toMs === day.endMs ? ['24:00', localClock(zone, toMs - 1)[1]] : [toClockRaw, toZoneRaw];
  return fromZone === toZone
    ? `${fromClock}–${toClock} ${fromZone}`
    : `${fromClock} ${fromZone}–${toClock} ${toZone}`;
};
