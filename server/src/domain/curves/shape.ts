import type { PeakCalendar } from '../calendar/peak-buckets.js';
import { HOUR_MS } from '../time/interval.js';
import { addDays, localDateOf } from '../time/zoned.js';
import { elementaryBuckets } from './curve-calendars.js';
import type { CurveBucket, CurveDefinition, ShapeModel } from './curve-model.js';
import { BucketHours, dayDate, dayGrid, type DayGrid } from './day-grid.js';
import { clockHoursOfDay } from './local-hours.js';

/** Below four weeks of history a shape says more about the weather of those weeks than about the season. */
export const MIN_SHAPE_DAYS = 28;

export interface ShapeHistory {
  /** UTC starts of hourly day-ahead prices and the prices, in any order. */
  readonly startMs: Float64Array;
  readonly price: Float64Array;
}

/** Day type used by the hourly shape: 0 = working day, 1 = weekend or holiday. */
export const dayTypes = (
  grid: DayGrid,
  hours: BucketHours,
  offPeakDayBucket: CurveBucket | null,
): Uint8Array => {
  const types = new Uint8Array(grid.days);
  if (offPeakDayBucket === null) {
    return types;
  }
  // US: a day with 2x16 hours is a weekend or holiday. EU: a day without peak hours is.
  const counts = hours.perDay(offPeakDayBucket);
  const weekendWhenPresent = offPeakDayBucket === '2x16';
  for (let d = 0; d < grid.days; d++) {
    const present = (counts[d] as number) > 0;
    types[d] = present === weekendWhenPresent ? 1 : 0;
  }
  return types;
};

export const dayTypeBucket = (calendar: PeakCalendar): CurveBucket =>
  calendar.kind === 'us' ? '2x16' : 'peak';

const mean = (sum: number, count: number): number => (count > 0 ? sum / count : Number.NaN);

/**
 * Estimates the additive seasonal and hourly shape (see ShapeModel) from hourly day-ahead prices. Additive because
 * power prices go negative: a ratio shape flips or explodes near zero. Months missing from the history fall back to
 * the average over the months present (bucket spreads) and to no seasonal level, so a short history still shapes
 * peak against off-peak. Returns null with less than MIN_SHAPE_DAYS days of prices.
 */
export const estimateShape = (input: {
  readonly definition: CurveDefinition;
  readonly calendar: PeakCalendar;
  readonly hours: ShapeHistory;
}): ShapeModel | null => {
  const { definition, calendar, hours } = input;
  const n = hours.startMs.length;
  if (n === 0) {
    return null;
  }
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    first = Math.min(first, hours.startMs[i] as number);
    last = Math.max(last, hours.startMs[i] as number);
  }
  const fromDay = localDateOf(calendar.zone, first);
  const lastDay = localDateOf(calendar.zone, last);
  const grid = dayGrid(calendar, fromDay, addDays(lastDay, 1));
  if (grid.days < MIN_SHAPE_DAYS) {
    return null;
  }
  const buckets = elementaryBuckets(definition.commodity, calendar);
  const bucketHours = new BucketHours(grid);
  const masks = buckets.map((b) => bucketHours.mask(b));
  const origin = grid.dayStartMs[0] as number;
  const totalHours = ((grid.dayStartMs[grid.days] as number) - origin) / HOUR_MS;
  const priceAt = new Float64Array(totalHours).fill(Number.NaN);
  for (let i = 0; i < n; i++) {
    const h = Math.round(((hours.startMs[i] as number) - origin) / HOUR_MS);
    priceAt[h] = hours.price[i] as number;
  }
  const types = dayTypes(
    grid,
    bucketHours,
    definition.commodity === 'gas' ? null : dayTypeBucket(calendar),
  );

  // Sums per (year, month): all hours, and per bucket; per (month, day type, clock hour): deviation from bucket-day mean.
  const yearMonth = new Map<
    number,
    { all: number; allN: number; b: Float64Array; bN: Float64Array }
  >();
  const hourDev = Array.from({ length: 12 }, () => [new Float64Array(24), new Float64Array(24)]);
  const hourN = Array.from({ length: 12 }, () => [new Float64Array(24), new Float64Array(24)]);
  const daysSeen = new Set<number>();
  for (let d = 0; d < grid.days; d++) {
    const h0 = ((grid.dayStartMs[d] as number) - origin) / HOUR_MS;
    const clock = clockHoursOfDay(grid, d);
    const month = grid.month[d] as number;
    const key = (grid.year[d] as number) * 12 + month;
    const cell = yearMonth.get(key) ?? {
      all: 0,
      allN: 0,
      b: new Float64Array(buckets.length),
      bN: new Float64Array(buckets.length),
    };
    const daySum = new Float64Array(buckets.length);
    const dayN = new Float64Array(buckets.length);
    for (let k = 0; k < clock.length; k++) {
      const p = priceAt[h0 + k] as number;
      if (Number.isNaN(p)) {
        continue;
      }
      cell.all += p;
      cell.allN += 1;
      masks.forEach((mask, e) => {
        if (mask[h0 + k] === 1) {
          daySum[e] = (daySum[e] as number) + p;
          dayN[e] = (dayN[e] as number) + 1;
        }
      });
    }
    if (cell.allN > 0) {
      yearMonth.set(key, cell);
    }
    let priced = false;
    for (let e = 0; e < buckets.length; e++) {
      if ((dayN[e] as number) > 0) {
        priced = true;
        cell.b[e] = (cell.b[e] as number) + (daySum[e] as number);
        cell.bN[e] = (cell.bN[e] as number) + (dayN[e] as number);
      }
    }
    if (!priced) {
      continue;
    }
    daysSeen.add(d);
    const type = types[d] as number;
    for (let k = 0; k < clock.length; k++) {
      const p = priceAt[h0 + k] as number;
      const e = masks.findIndex((mask) => mask[h0 + k] === 1);
      if (Number.isNaN(p) || e < 0) {
        continue;
      }
      const hour = clock[k] as number;
      const dev = p - (daySum[e] as number) / (dayN[e] as number);
      const devs = hourDev[month]![type]!;
      const counts = hourN[month]![type]!;
      devs[hour] = (devs[hour] as number) + dev;
      counts[hour] = (counts[hour] as number) + 1;
    }
  }
  if (daysSeen.size < MIN_SHAPE_DAYS) {
    return null;
  }

  // Seasonal level: a month's all-hours mean against its year's mean, for years with all twelve months.
  const yearMeans = new Map<number, number>();
  for (const year of new Set([...yearMonth.keys()].map((k) => Math.floor(k / 12)))) {
    const months = [...Array(12).keys()].map((m) => yearMonth.get(year * 12 + m));
    if (months.every((c) => c !== undefined)) {
      yearMeans.set(year, months.reduce((s, c) => s + mean(c.all, c.allN), 0) / 12);
    }
  }
  const seasonal = buckets.map(() => new Float64Array(12));
  const spreadAll = new Float64Array(buckets.length);
  const spreadAllN = new Float64Array(buckets.length);
  const spread = buckets.map(() => ({ sum: new Float64Array(12), n: new Float64Array(12) }));
  const level = { sum: new Float64Array(12), n: new Float64Array(12) };
  for (const [key, cell] of yearMonth) {
    const month = key % 12;
    const year = Math.floor(key / 12);
    const allMean = mean(cell.all, cell.allN);
    const yearMean = yearMeans.get(year);
    if (yearMean !== undefined) {
      level.sum[month] = (level.sum[month] as number) + allMean - yearMean;
      level.n[month] = (level.n[month] as number) + 1;
    }
    buckets.forEach((_, e) => {
      if ((cell.bN[e] as number) > 0) {
        const dev = mean(cell.b[e] as number, cell.bN[e] as number) - allMean;
        spread[e]!.sum[month] = (spread[e]!.sum[month] as number) + dev;
        spread[e]!.n[month] = (spread[e]!.n[month] as number) + 1;
        spreadAll[e] = (spreadAll[e] as number) + dev;
        spreadAllN[e] = (spreadAllN[e] as number) + 1;
      }
    });
  }
  buckets.forEach((_, e) => {
    for (let m = 0; m < 12; m++) {
      const bucketSpread =
        (spread[e]!.n[m] as number) > 0
          ? (spread[e]!.sum[m] as number) / (spread[e]!.n[m] as number)
          : mean(spreadAll[e] as number, spreadAllN[e] as number) || 0;
      const monthLevel =
        (level.n[m] as number) > 0 ? (level.sum[m] as number) / (level.n[m] as number) : 0;
      seasonal[e]![m] = bucketSpread + monthLevel;
    }
  });

  // Hourly shape: fall back to the pooled months of the same day type where a month has no history.
  const hourly = Array.from({ length: 12 }, (_, m) =>
    [0, 1].map((type) => {
      const values = new Float64Array(24);
      for (let h = 0; h < 24; h++) {
        const n = hourN[m]![type]![h] as number;
        if (n > 0) {
          values[h] = (hourDev[m]![type]![h] as number) / n;
          continue;
        }
        let sum = 0;
        let count = 0;
        for (let other = 0; other < 12; other++) {
          sum += hourDev[other]![type]![h] as number;
          count += hourN[other]![type]![h] as number;
        }
        values[h] = count > 0 ? sum / count : 0;
      }
      return values;
    }),
  );
  const seenDays = [...daysSeen].sort((a, b) => a - b);
  return {
    buckets,
    seasonal,
    hourly,
    days: seenDays.length,
    fromDay: dayDate(grid, seenDays[0] as number),
    toDay: dayDate(grid, seenDays.at(-1) as number),
  };
};
