import {
  priceObservationAt,
  validatePriceBatch,
  type PriceObservation,
} from '../../../domain/prices/price-batch.js';
import {
  seriesObservationAt,
  validateSeriesBatch,
  type SeriesObservation,
} from '../../../domain/series/series-batch.js';
import { AppError } from '../../../platform/errors.js';
import type { FeedData } from '../../../ports/market-feed.js';

/** Price rows of feed data as plain observations, after checking the batch is storable. */
export const priceRows = (data: FeedData): PriceObservation[] => {
  if (data.kind !== 'prices') {
    throw new Error(`expected prices, got ${data.kind}`);
  }
  const problems = validatePriceBatch(data.prices);
  if (problems.length > 0) {
    throw new Error(`invalid price batch: ${JSON.stringify(problems)}`);
  }
  return Array.from({ length: data.prices.length }, (_, i) => priceObservationAt(data.prices, i));
};

/** Series rows of feed data as plain observations, after checking the batch is storable. */
export const seriesRows = (data: FeedData): SeriesObservation[] => {
  if (data.kind !== 'series') {
    throw new Error(`expected series, got ${data.kind}`);
  }
  const problems = validateSeriesBatch(data.series);
  if (problems.length > 0) {
    throw new Error(`invalid series batch: ${JSON.stringify(problems)}`);
  }
  return Array.from({ length: data.series.length }, (_, i) => seriesObservationAt(data.series, i));
};

/** The error a call throws (sync or async), so tests can assert its code and message. */
export const caught = async (run: () => unknown): Promise<AppError> => {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected an AppError, nothing was thrown');
};

export const utc = (iso: string): number => Date.parse(`${iso}Z`);

/** Rows of one instrument, in time order. */
export const rowsOf = <T extends { instrumentId: string; intervalStartMs: number }>(
  rows: readonly T[],
  instrumentId: string,
): T[] =>
  rows
    .filter((r) => r.instrumentId === instrumentId)
    .sort((a, b) => a.intervalStartMs - b.intervalStartMs);
