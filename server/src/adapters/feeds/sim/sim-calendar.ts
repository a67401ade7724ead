import { DAY_MS, HOUR_MS } from '../../../domain/time/interval.js';
import { utcMsToLocal } from '../../../domain/time/zoned.js';

/** Local clock facts for the 24 hours of one UTC day: what the load shape needs. */
export interface DayCalendar {
  /** Local clock hour (0–23) of each UTC hour. */
  readonly localHour: Uint8Array;
  /** 1 when the UTC hour falls on a local Saturday or Sunday. */
  readonly weekend: Uint8Array;
}

interface MidnightParts {
  readonly hour: number;
  readonly weekday: number;
  readonly offsetMinutes: number;
}

const MAX_CACHED = 8192;
const calendars = new Map<string, DayCalendar>();
const conversions = new Map<string, MidnightParts>();

const remember = <T>(map: Map<string, T>, key: string, value: T): T => {
  if (map.size >= MAX_CACHED) {
    map.clear();
  }
  map.set(key, value);
  return value;
};

/** Local hour, weekday and offset at the UTC midnight starting day `dayIndex`, via zoned.ts (memoised). */
const convert = (zone: string, dayIndex: number): MidnightParts => {
  const key = `${zone}|${dayIndex}`;
  const hit = conversions.get(key);
  if (hit !== undefined) {
    return hit;
  }
  const local = utcMsToLocal(zone, dayIndex * DAY_MS);
  return remember(conversions, key, {
    hour: local.hour,
    weekday: local.weekday,
    offsetMinutes: local.offsetMinutes,
  });
};

/**
 * Local parts at UTC midnight of day `dayIndex`. Zones change offset at most a couple of times a year and
 * never twice within a week, so when the offsets at the surrounding weekly anchors agree the day's parts
 * follow arithmetically from the first anchor; only weeks containing a change convert each day.
 */
const midnight = (zone: string, dayIndex: number): MidnightParts => {
  const anchorDay = Math.floor(dayIndex / 7) * 7;
  const anchor = convert(zone, anchorDay);
  if (anchor.offsetMinutes !== convert(zone, anchorDay + 7).offsetMinutes) {
    return convert(zone, dayIndex);
  }
  const days = dayIndex - anchorDay;
  return {
    hour: anchor.hour,
    weekday: ((anchor.weekday - 1 + days) % 7) + 1,
    offsetMinutes: anchor.offsetMinutes,
  };
};

/**
 * The local calendar of UTC day `dayIndex` (days since the epoch) in `zone`, cached. When the UTC offset
 * is the same at both ends of the day the hours are derived arithmetically; on a day containing a DST
 * change every hour is converted with zoned.ts. Time-zone work therefore happens per day or per hour,
 * never per row; sub-hour positions reuse their hour's entry, exact for whole-hour offsets (Chicago).
 */
export const dayCalendar = (zone: string, dayIndex: number): DayCalendar => {
  const key = `${zone}|${dayIndex}`;
  const hit = calendars.get(key);
  if (hit !== undefined) {
    return hit;
  }
  const first = midnight(zone, dayIndex);
  const steady = first.offsetMinutes === midnight(zone, dayIndex + 1).offsetMinutes;
  const localHour = new Uint8Array(24);
  const weekend = new Uint8Array(24);
  for (let h = 0; h < 24; h++) {
    let hour: number;
    let weekday: number;
    if (steady) {
      hour = (first.hour + h) % 24;
      weekday = first.hour + h >= 24 ? (first.weekday % 7) + 1 : first.weekday;
    } else {
      const local = utcMsToLocal(zone, dayIndex * DAY_MS + h * HOUR_MS);
      hour = local.hour;
      weekday = local.weekday;
    }
    localHour[h] = hour;
    weekend[h] = weekday >= 6 ? 1 : 0;
  }
  return remember(calendars, key, { localHour, weekend });
};

/** Calendar entry for an absolute UTC hour index (hours since the epoch). */
export const hourCalendar = (
  zone: string,
  hourIndex: number,
): { localHour: number; weekend: boolean } => {
  const day = Math.floor(hourIndex / 24);
  const h = hourIndex - day * 24;
  const calendar = dayCalendar(zone, day);
  return { localHour: calendar.localHour[h] ?? 0, weekend: calendar.weekend[h] === 1 };
};
