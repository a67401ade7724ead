import type { InstrumentDefinition } from '../domain/instruments/instrument.js';
import type { MarketDefinition, MarketRunId } from '../domain/markets/market.js';
import type { PriceBatch } from '../domain/prices/price-batch.js';
import type { SeriesBatch } from '../domain/series/series-batch.js';
import type { TimeRange } from '../domain/time/interval.js';

/** One stream a feed publishes, e.g. day-ahead LMPs or 5-minute real-time LMPs. */
export interface FeedDataset {
  readonly id: string;
  readonly kind: 'prices' | 'series';
  /** For price datasets: the market run they carry. */
  readonly run?: MarketRunId;
  readonly description: string;
  /** When the scheduler should look for new data (cron with seconds, in `timezone`). */
  readonly schedule: { readonly cron: string; readonly timezone: string };
}

export type FeedData =
  | { readonly kind: 'prices'; readonly prices: PriceBatch }
  | { readonly kind: 'series'; readonly series: SeriesBatch };

/**
 * A source of market data: an ISO or exchange interface, a file archive, or the simulator.
 * Implementations live in adapters/feeds/<market>/ and convert the source's time conventions to UTC
 * intervals there and nowhere else.
 */
export interface MarketFeed {
  readonly id: string;
  readonly market: MarketDefinition;
  readonly datasets: readonly FeedDataset[];
  /** The instrument master this feed publishes. */
  instruments(): Promise<InstrumentDefinition[]>;
  /**
   * End (exclusive, UTC) of the data this dataset has published as of `nowMs`: real-time data up to the last
   * finished interval, day-ahead data through tomorrow once the market has cleared.
   */
  publishedUntil(datasetId: string, nowMs: number): number;
  /** Fetches one window of data. Throws AppError('upstream_unavailable') when the source cannot be reached. */
  fetch(datasetId: string, window: TimeRange, signal?: AbortSignal): Promise<FeedData>;
}
