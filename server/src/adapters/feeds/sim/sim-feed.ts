import type { InstrumentDefinition } from '../../../domain/instruments/instrument.js';
import { floorToMinutes, type TimeRange } from '../../../domain/time/interval.js';
import { addDays, localDayBounds, utcMsToLocal } from '../../../domain/time/zoned.js';
import { AppError } from '../../../platform/errors.js';
import type { FeedData, FeedDataset, MarketFeed } from '../../../ports/market-feed.js';
import { SIM_MARKET, SIM_TIMEZONE, simInstruments } from './sim-market.js';
import { createSimModel, simulatePrices } from './sim-model.js';
import { simulateGenMix, simulateLoad } from './sim-series.js';

export const SIM_FEED_ID = 'sim';

export type SimDatasetId = 'prices.da' | 'prices.rt5' | 'load' | 'genmix';

export const SIM_DATASETS: readonly FeedDataset[] = Object.freeze([
  {
    id: 'prices.da',
    kind: 'prices',
    run: 'DA',
    description:
      'Synthetic day-ahead hourly LMPs with energy, congestion and loss; clears daily at 12:30 for the next day.',
    schedule: { cron: '0 30 12 * * *', timezone: SIM_TIMEZONE },
  },
  {
    id: 'prices.rt5',
    kind: 'prices',
    run: 'RT5',
    description: 'Synthetic real-time 5-minute LMPs with energy, congestion and loss.',
    schedule: { cron: '10 */5 * * * *', timezone: SIM_TIMEZONE },
  },
  {
    id: 'load',
    kind: 'series',
    description:
      'Synthetic 5-minute actual system load and hourly load forecasts issued daily at 06:00 for the next day.',
    schedule: { cron: '10 */5 * * * *', timezone: SIM_TIMEZONE },
  },
  {
    id: 'genmix',
    kind: 'series',
    description: 'Synthetic hourly generation by fuel (solar, wind, hydro, nuclear, coal, gas).',
    schedule: { cron: '20 0 * * * *', timezone: SIM_TIMEZONE },
  },
] satisfies FeedDataset[]);

const KNOWN = SIM_DATASETS.map((d) => d.id).join(', ');

const datasetIdOf = (datasetId: string): SimDatasetId => {
  if (SIM_DATASETS.some((d) => d.id === datasetId)) {
    return datasetId as SimDatasetId;
  }
  throw new AppError(
    'invalid_request',
    `Unknown SIM dataset "${datasetId}"; known datasets: ${KNOWN}.`,
  );
};

/** Day-ahead clears at 12:30 local for the next operating day. */
const DA_CLEARING_MINUTE = 12 * 60 + 30;

const daPublishedUntil = (nowMs: number): number => {
  const local = utcMsToLocal(SIM_TIMEZONE, nowMs);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const today = `${local.year}-${pad(local.month)}-${pad(local.day)}`;
  const cleared = local.hour * 60 + local.minute >= DA_CLEARING_MINUTE;
  return localDayBounds(SIM_TIMEZONE, cleared ? addDays(today, 1) : today).endMs;
};

export interface SimFeedOptions {
  /** Any integer in [0, 2^32); the same seed always produces the same data. */
  readonly seed: number;
}

/**
 * The market simulator: a clearly labelled synthetic market (SIM, `synthetic: true`) so the platform
 * shows realistic moving data offline. Every value is a pure function of (seed, instrument, run,
 * interval), so re-fetching any window, whole or in pieces, returns bitwise identical data.
 * See sim-model.ts for the price model and sim-fundamentals.ts for load and generation.
 */
export const createSimFeed = (options: SimFeedOptions): MarketFeed => {
  const { seed } = options;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new AppError('invalid_request', `SIM seed must be an integer in [0, 2^32), got ${seed}.`);
  }
  const model = createSimModel(seed);

  const generate = (datasetId: string, window: TimeRange, signal?: AbortSignal): FeedData => {
    const id = datasetIdOf(datasetId);
    if (!Number.isFinite(window.fromMs) || !Number.isFinite(window.toMs)) {
      throw new AppError('invalid_request', 'SIM fetch window must have finite bounds.');
    }
    switch (id) {
      case 'prices.da':
        return { kind: 'prices', prices: simulatePrices(model, 'DA', window, signal) };
      case 'prices.rt5':
        return { kind: 'prices', prices: simulatePrices(model, 'RT5', window, signal) };
      case 'load':
        return { kind: 'series', series: simulateLoad(model, window, signal) };
      case 'genmix':
        return { kind: 'series', series: simulateGenMix(model, window, signal) };
    }
  };

  return {
    id: SIM_FEED_ID,
    market: SIM_MARKET,
    datasets: SIM_DATASETS,
    instruments: (): Promise<InstrumentDefinition[]> => Promise.resolve(simInstruments()),
    publishedUntil: (datasetId: string, nowMs: number): number => {
      const id = datasetIdOf(datasetId);
      switch (id) {
        case 'prices.da':
          return daPublishedUntil(nowMs);
        case 'prices.rt5':
        case 'load':
          return floorToMinutes(nowMs, 5);
        case 'genmix':
          return floorToMinutes(nowMs, 60);
      }
    },
    fetch: (datasetId: string, window: TimeRange, signal?: AbortSignal): Promise<FeedData> =>
      new Promise((resolve) => {
        resolve(generate(datasetId, window, signal));
      }),
  };
};
