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
  /**
   * When the scheduler should look for new data (cron with seconds, in `timezone`); absent for datasets that are
   * only loaded from saved files.
   */
  readonly schedule?: { readonly cron: string; readonly timezone: string };
  /**
   * File names the operator gives this dataset's documents (e.g. /_da_expost_lmp\.csv$/), so `ingest --file`
   * can tell which parser a saved file needs. Absent for datasets that cannot be loaded from a file.
   */
  readonly files?: RegExp;
  /**
   * How far before its checkpoint each scheduled run re-reads (e.g. the last hour of 5-minute files), to pick up
   * intervals the operator published late or corrected. Default 0.
   */
  readonly revisitMs?: number;
}

/**
 * A document exactly as the operator serves it: a CSV, a zip of CSVs, a JSON or an XML response. Parsers read
 * dates from `name` where the operator puts them only there (MISO reports, CAISO Outlook, SPP interval files).
 */
export interface SourceDocument {
  /** File name as the operator names it, e.g. `20260714_da_expost_lmp.csv`. */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Where it came from: the URL, or the local path given to `ingest --file`. */
  readonly origin: string;
}

interface FeedDataBase {
  /**
   * Instruments seen in the data (nodes, hubs, zones with their kinds). The ingest registers the ones it does not
   * know yet, so the instrument master grows from the data itself.
   */
  readonly instruments?: readonly InstrumentDefinition[];
}

export type FeedData =
  | (FeedDataBase & { readonly kind: 'prices'; readonly prices: PriceBatch })
  | (FeedDataBase & { readonly kind: 'series'; readonly series: SeriesBatch });

/**
 * A source of market data: an ISO or exchange interface, a file archive, or the simulator.
 * Implementations live in adapters/feeds/<market>/ and convert the source's time conventions to UTC
 * intervals there and nowhere else.
 */
export interface MarketFeed {
  readonly id: string;
  readonly market: MarketDefinition;
  readonly datasets: readonly FeedDataset[];
  /** The instrument master this feed knows before seeing any data (hubs, zones, published node lists). */
  instruments(): Promise<InstrumentDefinition[]>;
  /**
   * End (exclusive, UTC) of the data this dataset has published as of `nowMs`: real-time data up to the last
   * finished interval, day-ahead data through tomorrow once the market has cleared.
   */
  publishedUntil(datasetId: string, nowMs: number): number;
  /**
   * Fetches one window of data (the ingest asks for one market-local day at a time). Throws
   * AppError('upstream_unavailable') when the source cannot be reached, AppError('invalid_source_data') when
   * what it served cannot be read.
   */
  fetch(datasetId: string, window: TimeRange, signal?: AbortSignal): Promise<FeedData>;
  /**
   * Parses a saved document of one of this feed's datasets (`ingest --file`), with the same parser `fetch` uses.
   * Throws AppError('invalid_source_data') naming the file, line and field of the first problem.
   */
  parseDocument?(datasetId: string, document: SourceDocument): Promise<FeedData>;
}
