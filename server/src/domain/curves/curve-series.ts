import { Temporal } from 'temporal-polyfill';
import { DAY_MS, HOUR_MS } from '../time/interval.js';
import type { IsoDate } from '../time/zoned.js';
import { bucketsOfCurve, curveCalendar } from './curve-calendars.js';
import type {
  CurveBucket,
  CurveDefinition,
  CurveGranularity,
  CurvePoint,
  CurveValues,
  ShapeModel,
} from './curve-model.js';
import { curveDays, dayDate, dayIndex, type BucketHours, type DayGrid } from './day-grid.js';
import { clockHoursOfDay } from './local-hours.js';
import { dayTypeBucket, dayTypes } from './shape.js';

export interface SeriesRequest {
  readonly granularity: CurveGranularity;
  readonly bucket: CurveBucket;
  readonly fromDay?: IsoDate;
  /** Inclusive. */
  readonly toDay?: IsoDate;
}

export { bucketsOfCurve };

/**
 * Delivery-weighted average of `bucket` over grid days [first, end): each elementary bucket's daily value weighted
 * by the hours it shares with `bucket` (one per day for gas). NaN when the bucket has no hours there.
 */
export const bucketAverage = (
  hours: BucketHours,
  elementary: readonly CurveBucket[],
  gas: boolean,
  bucket: CurveBucket,
  daily: readonly Float64Array[],
  first: number,
  end: number,
): number => {
  let sum = 0;
  let weight = 0;
  elementary.forEach((e, k) => {
    const values = daily[k] as Float64Array;
    const counts = gas ? null : bucket === e ? hours.perDay(e) : hours.perDay(bucket, e);
    for (let d = first; d < end; d++) {
      const w = counts === null ? 1 : (counts[d] as number);
      if (w > 0) {
        sum += w * (values[d] as number);
        weight += w;
      }
    }
  });
  return weight > 0 ? sum / weight : Number.NaN;
};

const offsetText = (minutes: number): string => {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
};

/**
 * Serves a built curve at a granularity and bucket. Months and days are delivery-weighted averages of the
 * elementary daily values (so every quoted contract's average is what it was built to be); hours add the additive
 * hourly shape, re-centred on each day and elementary bucket so that it never moves a daily or contract average.
 * Periods in which the bucket has no hours (5x16 on a Sunday) are left out.
 */
export const curveSeries = (
  definition: CurveDefinition,
  values: CurveValues,
  request: SeriesRequest,
): CurvePoint[] => {
  const calendar = curveCalendar(definition.calendar);
  if (!bucketsOfCurve(definition).includes(request.bucket)) {
    throw new RangeError(
      `Curve ${definition.id} has no bucket ${request.bucket}; it offers ${bucketsOfCurve(definition).join(', ')}`,
    );
  }
  const { grid, hours } = curveDays(calendar, values.startDay);
  if (grid.days !== values.days) {
    throw new Error(`Curve values hold ${values.days} days, the grid ${grid.days}`);
  }
  const first = Math.max(0, request.fromDay ? dayIndex(grid, request.fromDay) : 0);
  const end = Math.min(grid.days, request.toDay ? dayIndex(grid, request.toDay) + 1 : grid.days);
  if (end <= first) {
    return [];
  }
  const gas = definition.commodity === 'gas';
  const average = (from: number, to: number): number =>
    bucketAverage(hours, values.buckets, gas, request.bucket, values.daily, from, to);
  switch (request.granularity) {
    case 'day':
      return dayPoints(grid, first, end, average);
    case 'month':
      return monthPoints(grid, first, end, average);
    case 'hour':
      return hourPoints(grid, hours, values, request.bucket, gas, first, end);
  }
};

const dayPoints = (
  grid: DayGrid,
  first: number,
  end: number,
  average: (from: number, to: number) => number,
): CurvePoint[] => {
  const points: CurvePoint[] = [];
  for (let d = first; d < end; d++) {
    const price = average(d, d + 1);
    if (!Number.isNaN(price)) {
      points.push({
        startMs: grid.dayStartMs[d] as number,
        endMs: grid.dayStartMs[d + 1] as number,
        label: dayDate(grid, d),
        price,
      });
    }
  }
  return points;
};

const monthPoints = (
  grid: DayGrid,
  first: number,
  end: number,
  average: (from: number, to: number) => number,
): CurvePoint[] => {
  const points: CurvePoint[] = [];
  let d = first;
  while (d < end) {
    let next = d + 1;
    while (next < end && grid.month[next] === grid.month[d]) {
      next++;
    }
    const price = average(d, next);
    if (!Number.isNaN(price)) {
      points.push({
        startMs: grid.dayStartMs[d] as number,
        endMs: grid.dayStartMs[next] as number,
        label: dayDate(grid, d).slice(0, 7),
        price,
      });
    }
    d = next;
  }
  return points;
};

const hourPoints = (
  grid: DayGrid,
  hours: BucketHours,
  values: CurveValues,
  bucket: CurveBucket,
  gas: boolean,
  first: number,
  end: number,
): CurvePoint[] => {
  const origin = grid.dayStartMs[0] as number;
  const mask = hours.mask(bucket);
  const elementaryMasks = values.buckets.map((e) => hours.mask(e));
  const shape: ShapeModel | null = gas ? null : values.shape;
  const types = shape === null ? null : dayTypes(grid, hours, dayTypeBucket(grid.calendar));
  const points: CurvePoint[] = [];
  for (let d = first; d < end; d++) {
    const dayStart = grid.dayStartMs[d] as number;
    const h0 = (dayStart - origin) / HOUR_MS;
    const clock = clockHoursOfDay(grid, d);
    const regular = (grid.dayStartMs[d + 1] as number) - dayStart === DAY_MS;
    const date = dayDate(grid, d);
    const midnightUtc = Date.UTC(
      Number(date.slice(0, 4)),
      Number(date.slice(5, 7)) - 1,
      Number(date.slice(8, 10)),
    );
    // Which elementary bucket each hour belongs to, and the shape re-centred per bucket and day.
    const owner = clock.map((_, k) => elementaryMasks.findIndex((m) => m[h0 + k] === 1));
    const profile = shape?.hourly[grid.month[d] as number]?.[types?.[d] ?? 0];
    const centre = values.buckets.map((_, e) => {
      if (profile === undefined) {
        return 0;
      }
      let sum = 0;
      let n = 0;
      clock.forEach((hour, k) => {
        if (owner[k] === e) {
          sum += profile[hour] as number;
          n++;
        }
      });
      return n > 0 ? sum / n : 0;
    });
    for (let k = 0; k < clock.length; k++) {
      if (gas ? false : mask[h0 + k] !== 1) {
        continue;
      }
      const e = gas ? 0 : (owner[k] as number);
      const level = (values.daily[e] as Float64Array)[d] as number;
      const price =
        level +
        (profile === undefined
          ? 0
          : (profile[clock[k] as number] as number) - (centre[e] as number));
      const startMs = dayStart + k * HOUR_MS;
      const offsetMinutes = regular
        ? (midnightUtc - dayStart) / 60_000
        : Temporal.Instant.fromEpochMilliseconds(startMs).toZonedDateTimeISO(grid.calendar.zone)
            .offsetNanoseconds / 6e10;
      points.push({
        startMs,
        endMs: startMs + HOUR_MS,
        label: `${date}T${String(clock[k]).padStart(2, '0')}:00${offsetText(offsetMinutes)}`,
        price,
      });
    }
  }
  return points;
};
