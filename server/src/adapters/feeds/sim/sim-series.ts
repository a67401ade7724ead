import {
  seriesBatchFrom,
  type SeriesBatch,
  type SeriesObservation,
} from '../../../domain/series/series-batch.js';
import { HOUR_MS, MINUTE_MS, type TimeRange } from '../../../domain/time/interval.js';
import {
  addDays,
  localDateOf,
  localDayBounds,
  localToUtcMs,
  parseIsoDate,
} from '../../../domain/time/zoned.js';
import {
  dispatch,
  fiveMinuteLoad,
  hourlyFundamentals,
  INTERVALS_PER_DAY,
  loadForecastMw,
  type GenerationMix,
} from './sim-fundamentals.js';
import { SIM_GEN_ID, SIM_LOAD_ID } from './sim-market.js';
import type { SimModel } from './sim-model.js';

/** Load forecasts are issued daily at this local time for the whole next local day. */
export const FORECAST_ISSUE_HOUR = 6;

const FIVE_MINUTES_MS = 5 * MINUTE_MS;
const tenthMw = (mw: number): number => Math.round(mw * 10) / 10 + 0;

/** Index range [first, end) of grid intervals of `stepMs` whose start lies in the window. */
const gridRange = (window: TimeRange, stepMs: number): [number, number] => [
  Math.ceil(window.fromMs / stepMs),
  Math.ceil(window.toMs / stepMs),
];

/**
 * The `load` dataset for a window: 5-minute `load.actual` for intervals starting in the window, and every
 * hourly `load.forecast` vintage *issued* in the window (06:00 local, covering the next local day). Keying
 * forecasts by issue time keeps them inside what was published by the window's end, and splitting a window
 * still partitions the rows.
 */
export const simulateLoad = (
  model: SimModel,
  window: TimeRange,
  signal?: AbortSignal,
): SeriesBatch => {
  const rows: SeriesObservation[] = [];
  const [first, end] = gridRange(window, FIVE_MINUTES_MS);
  for (
    let day = Math.floor(first / INTERVALS_PER_DAY);
    first < end && day * INTERVALS_PER_DAY < end;
    day++
  ) {
    signal?.throwIfAborted();
    const { actualMw } = fiveMinuteLoad(model.fundamentals, model.zone, day);
    const dayFirst = day * INTERVALS_PER_DAY;
    const to = Math.min(end, dayFirst + INTERVALS_PER_DAY);
    for (let index = Math.max(first, dayFirst); index < to; index++) {
      rows.push({
        instrumentId: SIM_LOAD_ID,
        variable: 'load.actual',
        intervalStartMs: index * FIVE_MINUTES_MS,
        intervalMinutes: 5,
        valueMw: tenthMw(actualMw[index - dayFirst] ?? 0),
      });
    }
  }
  if (window.toMs > window.fromMs) {
    // ISO dates compare correctly as strings.
    const lastDate = localDateOf(model.zone, window.toMs);
    for (
      let date = localDateOf(model.zone, window.fromMs);
      date <= lastDate;
      date = addDays(date, 1)
    ) {
      const issuedAtMs = localToUtcMs(model.zone, {
        ...isoDateParts(date),
        hour: FORECAST_ISSUE_HOUR,
        minute: 0,
      });
      if (issuedAtMs >= window.fromMs && issuedAtMs < window.toMs) {
        signal?.throwIfAborted();
        const target = localDayBounds(model.zone, addDays(date, 1));
        for (let hour = target.startMs / HOUR_MS; hour < target.endMs / HOUR_MS; hour++) {
          rows.push({
            instrumentId: SIM_LOAD_ID,
            variable: 'load.forecast',
            intervalStartMs: hour * HOUR_MS,
            intervalMinutes: 60,
            valueMw: tenthMw(loadForecastMw(model.fundamentals, model.zone, hour, issuedAtMs)),
            issuedAtMs,
          });
        }
      }
    }
  }
  return seriesBatchFrom(rows);
};

const isoDateParts = (date: string): { year: number; month: number; day: number } => {
  const d = parseIsoDate(date);
  return { year: d.year, month: d.month, day: d.day };
};

const FUEL_ORDER: readonly (keyof GenerationMix)[] = [
  'solar',
  'wind',
  'hydro',
  'nuclear',
  'coal',
  'gas',
];

/** Hourly generation by fuel (`gen.<fuel>`, MW) for hours starting in the window. */
export const simulateGenMix = (
  model: SimModel,
  window: TimeRange,
  signal?: AbortSignal,
): SeriesBatch => {
  const rows: SeriesObservation[] = [];
  const [first, end] = gridRange(window, HOUR_MS);
  for (let day = Math.floor(first / 24); first < end && day * 24 < end; day++) {
    signal?.throwIfAborted();
    const f = hourlyFundamentals(model.fundamentals, model.zone, day);
    const to = Math.min(end, day * 24 + 24);
    for (let hour = Math.max(first, day * 24); hour < to; hour++) {
      const slot = hour - f.firstHour;
      const mix = dispatch(f.loadMw[slot] ?? 0, f.solarMw[slot] ?? 0, f.windMw[slot] ?? 0);
      for (const fuel of FUEL_ORDER) {
        rows.push({
          instrumentId: SIM_GEN_ID,
          variable: `gen.${fuel}`,
          intervalStartMs: hour * HOUR_MS,
          intervalMinutes: 60,
          valueMw: tenthMw(mix[fuel]),
        });
      }
    }
  }
  return seriesBatchFrom(rows);
};
