import type { TimeRange } from '../../domain/time/interval.js';
import type { FeedData, FeedDataset, MarketFeed } from '../../ports/market-feed.js';
import type { WriteResult } from '../../ports/time-series-store.js';

/** Where a parsed batch came from, for data-quality records. */
export interface IngestBatchContext {
  readonly feed: MarketFeed;
  readonly dataset: FeedDataset;
  /** The window fetched from the operator, or null for a saved file (`ingest --file`). */
  readonly window: TimeRange | null;
  /** The file name or URL the data came from. */
  readonly source: string;
}

/**
 * Data quality on every ingest. `inspect` sees each parsed batch before it is stored, records the problems it
 * finds (duplicates, components that do not add up, prices out of range, missing intervals …) and returns the
 * data to store; `stored` learns what the write did (for completeness and freshness).
 */
export interface QualityGate {
  inspect(context: IngestBatchContext, data: FeedData): Promise<FeedData>;
  stored(context: IngestBatchContext, data: FeedData, result: WriteResult): Promise<void>;
}
