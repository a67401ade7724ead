import { Temporal } from 'temporal-polyfill';
import { DAY_MS, HOUR_MS } from '../time/interval.js';
import type { DayGrid } from './day-grid.js';

/**
 * Local clock hour (0–23) of each UTC hour of grid day d. On ordinary days the k-th hour after midnight is hour k;
 * on DST days the zone decides (the repeated hour appears twice, the skipped one not at all).
 */
export const clockHoursOfDay = (grid: DayGrid, d: number): number[] => {
  const from = grid.dayStartMs[d] as number;
  const to = grid.dayStartMs[d + 1] as number;
  const hours: number[] = [];
  if (to - from === DAY_MS) {
    for (let h = 0; h < 24; h++) {
      hours.push(h);
    }
    return hours;
  }
  for (let ms = from; ms < to; ms += HOUR_MS) {
    hours.push(
      Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(grid.calendar.zone).hour,
    );
  }
  return hours;
};
