import { fixedOffsetToUtcMs } from '../../../domain/time/conventions.js';
import { DAY_MS } from '../../../domain/time/interval.js';
import { addDays, parseIsoDate, type IsoDate } from '../../../domain/time/zoned.js';

/** MISO's market clock: Eastern Standard Time, UTC−5, all year. */
export const EST_OFFSET_MINUTES = -300;

/** UTC epoch ms of 00:00 EST on `date`; every MISO day is exactly 24 hours from there. */
export const estDayStartMs = (date: IsoDate): number => {
  const day = parseIsoDate(date);
  return fixedOffsetToUtcMs(
    { year: day.year, month: day.month, day: day.day, hour: 0, minute: 0 },
    EST_OFFSET_MINUTES,
  );
};

/** The EST calendar date containing UTC instant `ms`. */
export const estDateOf = (ms: number): IsoDate =>
  new Date(ms + EST_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);

/** Every EST date that overlaps the half-open UTC range [fromMs, toMs). */
export const estDatesIn = (fromMs: number, toMs: number): IsoDate[] => {
  const dates: IsoDate[] = [];
  for (let date = estDateOf(fromMs); estDayStartMs(date) < toMs; date = addDays(date, 1)) {
    dates.push(date);
  }
  return dates;
};

/** `2026-07-14` → `20260714`, the form MISO puts at the front of report file names. */
export const compactDate = (date: IsoDate): string => date.replaceAll('-', '');

/** The date a MISO report file name starts with (`20260714_da_expost_lmp.csv`), or null when it has none. */
export const reportDateOf = (fileName: string): IsoDate | null => {
  const match = /(?:^|[^\d])(\d{4})(\d{2})(\d{2})_/.exec(fileName);
  if (!match) {
    return null;
  }
  const date = `${match[1]}-${match[2]}-${match[3]}`;
  try {
    parseIsoDate(date);
    return date;
  } catch {
    return null;
  }
};

/** Monday of the ISO week containing `date`. */
export const mondayOf = (date: IsoDate): IsoDate => addDays(date, 1 - parseIsoDate(date).dayOfWeek);

/** Days between two ISO dates (b − a). */
export const daysBetween = (a: IsoDate, b: IsoDate): number =>
  Math.round((estDayStartMs(b) - estDayStartMs(a)) / DAY_MS);
