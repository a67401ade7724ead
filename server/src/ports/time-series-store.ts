import type { MarketRunId } from '../domain/markets/market.js';
import type { PriceBatch } from '../domain/prices/price-batch.js';
import type { Aggregation, ResampleBucket } from '../domain/prices/price-query.js';
import type { SeriesBatch, SeriesVariable } from '../domain/series/series-batch.js';
import type { TimeRange } from '../domain/time/interval.js';

/**
 * What a write did. Writing is idempotent per key (instrument, run, interval start): an identical value is
 * `unchanged`, a different value becomes a new `revised` row (the latest revision wins on read, history is kept).
 */
export interface WriteResult {
  readonly inserted: number;
  readonly revised: number;
  readonly unchanged: number;
}

export interface PriceReadQuery {
  readonly instrumentIds: readonly string[];
  /** null = every run. */
  readonly runs: readonly MarketRunId[] | null;
  readonly range: TimeRange;
  /** Maximum rows to return; callers ask for one more than they allow to detect an overflow. */
  readonly limit: number;
}

export interface PriceResampleQuery extends PriceReadQuery {
  readonly bucket: ResampleBucket;
  readonly aggregation: Aggregation;
}

/** Resampled prices: a price batch whose intervals are buckets, plus how many source intervals fell in each. */
export interface ResampledPrices {
  readonly prices: PriceBatch;
  readonly samples: Uint32Array;
}

/** The latest stored interval per instrument and run, with when it was received. */
export interface LatestPrices {
  readonly prices: PriceBatch;
  readonly receivedAtMs: Float64Array;
}

export interface LatestPriceFilter {
  readonly instrumentIds?: readonly string[];
  /** Instruments whose id starts with `<market>.`. */
  readonly market?: string;
  readonly runs?: readonly MarketRunId[];
}

/** One stored revision of a price interval, for audit and "as of" questions. */
export interface PriceRevision {
  readonly revision: number;
  readonly lmp: number;
  readonly energy: number | null;
  readonly congestion: number | null;
  readonly loss: number | null;
  readonly ghg: number | null;
  readonly receivedAtMs: number;
  readonly supersededAtMs: number | null;
}

export interface SeriesReadQuery {
  readonly instrumentIds: readonly string[];
  readonly variables: readonly SeriesVariable[] | null;
  readonly range: TimeRange;
  readonly limit: number;
}

/** Per instrument and run: how much is stored and how fresh it is. */
export interface PriceCoverage {
  readonly instrumentId: string;
  readonly run: MarketRunId;
  readonly firstIntervalStartMs: number;
  readonly lastIntervalStartMs: number;
  readonly rows: number;
  readonly lastReceivedAtMs: number;
}

/**
 * Time-series storage for prices and fundamentals. Implemented by the embedded DuckDB adapter and, in scale-out
 * mode, by server engines; every implementation passes the same contract suite (server/test/contract).
 * All times are UTC epoch milliseconds; reads return rows ordered by instrument, run, interval start.
 */
export interface TimeSeriesStore {
  /** Stores a validated batch atomically: all rows or none. */
  writePrices(batch: PriceBatch): Promise<WriteResult>;
  readPrices(query: PriceReadQuery): Promise<PriceBatch>;
  resamplePrices(query: PriceResampleQuery): Promise<ResampledPrices>;
  latestPrices(filter: LatestPriceFilter): Promise<LatestPrices>;
  priceRevisions(
    instrumentId: string,
    run: MarketRunId,
    intervalStartMs: number,
  ): Promise<PriceRevision[]>;
  priceCoverage(instrumentIds?: readonly string[]): Promise<PriceCoverage[]>;
  writeSeries(batch: SeriesBatch): Promise<WriteResult>;
  readSeries(query: SeriesReadQuery): Promise<SeriesBatch>;
  /** Cheap liveness probe for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
