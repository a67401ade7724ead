import { DAY_MS, HOUR_MS } from '../../time/interval.js';
import type { GridContract, GridRange, PeriodGrid } from './contract-grid.js';

/**
 * Test-only helper: the zone-less calendar grids of cmdty's golden cases (curves.md §5), built with plain
 * UTC date arithmetic. cmdty weighs by minutes per period, so a month weighs days × 1440, and every day
 * (or hour) of a day (hour) grid weighs the same.
 */

/** A grid whose periods are named by calendar keys: `YYYY-MM`, `YYYY-MM-DD` or `YYYY-MM-DDTHH`. */
export interface CalendarGrid extends PeriodGrid {
  readonly keys: readonly string[];
  /** Grid index of a key; throws for a key outside the grid. */
  readonly indexOf: (key: string) => number;
}

/** Months `first..last` (`YYYY-MM`, inclusive), weighted by minutes. */
export const utcMonthGrid = (first: string, last: string): CalendarGrid => {
  const starts: number[] = [];
  for (let ms = monthStart(first); ms <= monthStart(last); ms = nextMonth(ms)) {
    starts.push(ms);
  }
  return calendarGrid(
    starts.map((ms) => isoDate(ms).slice(0, 7)),
    starts.map((ms) => ((nextMonth(ms) - ms) / DAY_MS) * 1440),
  );
};

/** Days `first..last` (`YYYY-MM-DD`, inclusive), equally weighted (1440 minutes each). */
export const utcDayGrid = (first: string, last: string): CalendarGrid => {
  const keys: string[] = [];
  for (let ms = dayStart(first); ms <= dayStart(last); ms += DAY_MS) {
    keys.push(isoDate(ms));
  }
  return calendarGrid(
    keys,
    keys.map(() => 1440),
  );
};

/** Hours of days `first..last` (`YYYY-MM-DD`, inclusive, 24 each), equally weighted (60 minutes each). */
export const utcHourGrid = (first: string, last: string): CalendarGrid => {
  const keys: string[] = [];
  for (let ms = dayStart(first); ms < dayStart(last) + DAY_MS; ms += HOUR_MS) {
    keys.push(new Date(ms).toISOString().slice(0, 13));
  }
  return calendarGrid(
    keys,
    keys.map(() => 60),
  );
};

/** The grid range `from..to` (inclusive keys). */
export const rangeOf = (grid: CalendarGrid, from: string, to: string = from): GridRange => ({
  first: grid.indexOf(from),
  last: grid.indexOf(to),
});

/** A contract over keys `from..to` (inclusive) at `price`. */
export const contractOf = (
  grid: CalendarGrid,
  label: string,
  from: string,
  to: string,
  price: number,
): GridContract => ({ ...rangeOf(grid, from, to), price, label });

/** ISO weekday of a `YYYY-MM-DD` key: 1 = Monday … 7 = Sunday. */
export const weekdayOf = (date: string): number => {
  const day = new Date(dayStart(date)).getUTCDay();
  return day === 0 ? 7 : day;
};

const calendarGrid = (keys: readonly string[], weights: readonly number[]): CalendarGrid => {
  const index = new Map(keys.map((key, i) => [key, i]));
  return {
    keys,
    weights: Float64Array.from(weights),
    periodLabel: (p) => keys[p] ?? `#${p}`,
    indexOf: (key) => {
      const i = index.get(key);
      if (i === undefined) {
        throw new RangeError(`${key} is not on the grid ${keys[0] ?? ''}..${keys.at(-1) ?? ''}`);
      }
      return i;
    },
  };
};

const dayStart = (date: string): number => Date.parse(`${date}T00:00:00Z`);

const monthStart = (month: string): number => Date.parse(`${month}-01T00:00:00Z`);

const nextMonth = (ms: number): number => {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
};

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
