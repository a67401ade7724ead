import {
  hourEndingLabelsOfDay,
  parseHourEndingLabel,
  type HourEndingLabel,
} from '../../../domain/time/conventions.js';
import type { Interval } from '../../../domain/time/interval.js';
import type { IsoDate } from '../../../domain/time/zoned.js';
import { ISONE_TIMEZONE } from './isone-market.js';

const labelKey = (label: HourEndingLabel): string =>
  `${label.hourEnding}${label.occurrence === 2 ? 'X' : ''}`;

/**
 * The hours of local `date` by ISO-NE label (`1`…`24`, `2X`): ISO-NE writes the North American hour-ending
 * labels (02 left out on the spring-forward day, 02 then 02X on the fall-back day; see hourEndingLabelsOfDay).
 * Computed once per day, so a year-long sheet converts 365 days rather than 8,760 labels.
 */
export const isoneDayHours = (date: IsoDate): ReadonlyMap<string, Interval> =>
  new Map(
    hourEndingLabelsOfDay(ISONE_TIMEZONE, date).map((label) => [
      labelKey(label),
      { startMs: label.startMs, minutes: 60 },
    ]),
  );

/**
 * The interval of an ISO-NE hour-ending label (`01`–`24`, `02X`) on local `date` (pass `day` from
 * `isoneDayHours` when converting many labels of one day). Throws a RangeError saying why for a label the day
 * does not have (02 on the spring-forward day, 02X on any other than the fall-back day).
 */
export const isoneHourEndingToInterval = (
  date: IsoDate,
  label: string,
  day: ReadonlyMap<string, Interval> = isoneDayHours(date),
): Interval => {
  const parsed = parseHourEndingLabel(label);
  const interval = day.get(labelKey(parsed));
  if (interval === undefined) {
    const why =
      parsed.occurrence === 2
        ? `${date} is not the fall-back day, so it has no repeated hour`
        : `${date} is the spring-forward day, which ISO-NE writes without hour 02`;
    throw new RangeError(`Hour ending "${label.trim()}" does not exist: ${why}`);
  }
  return interval;
};
