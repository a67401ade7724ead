import {
  EU_CET,
  US_CENTRAL,
  US_CENTRAL_MISO,
  US_EASTERN,
  US_PACIFIC,
  bucketsOfCalendar,
  type PeakCalendar,
} from '../calendar/peak-buckets.js';
import type { Commodity, CurveBucket, CurveDefinition } from './curve-model.js';

const CALENDARS: readonly PeakCalendar[] = [
  US_EASTERN,
  US_CENTRAL_MISO,
  US_CENTRAL,
  US_PACIFIC,
  EU_CET,
];

export const CURVE_CALENDAR_IDS: readonly string[] = CALENDARS.map((c) => c.id);

/** The peak calendar a curve definition names. Throws a RangeError listing the known ones. */
export const curveCalendar = (id: string): PeakCalendar => {
  const calendar = CALENDARS.find((c) => c.id === id);
  if (calendar === undefined) {
    throw new RangeError(`Unknown calendar "${id}"; known: ${CURVE_CALENDAR_IDS.join(', ')}`);
  }
  return calendar;
};

/** The bucket meaning "every hour": 7x24 on US calendars, base on European ones. */
export const allHoursBucket = (calendar: PeakCalendar): CurveBucket =>
  calendar.kind === 'us' ? '7x24' : 'base';

/**
 * Buckets that partition every hour of every day, one daily curve each. US power: 5x16 (weekday on-peak), 2x16
 * (on-peak hours of weekends and holidays) and 7x8 (nights); every US product (7x24, wrap, 6x16 …) is a union of
 * their hours. European power: peak and offpeak. Gas trades whole days: one all-hours bucket.
 */
export const elementaryBuckets = (
  commodity: Commodity,
  calendar: PeakCalendar,
): readonly CurveBucket[] => {
  if (commodity === 'gas') {
    return [allHoursBucket(calendar)];
  }
  return calendar.kind === 'us' ? ['5x16', '2x16', '7x8'] : ['peak', 'offpeak'];
};

/** Buckets a curve can be quoted and served in: every bucket of its calendar for power, all hours for gas. */
export const bucketsOfCurve = (definition: CurveDefinition): readonly CurveBucket[] => {
  const calendar = curveCalendar(definition.calendar);
  return definition.commodity === 'gas' ? [allHoursBucket(calendar)] : bucketsOfCalendar(calendar);
};
