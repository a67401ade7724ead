import { DAY_MS, toIsoUtc, type TimeRange } from '../../domain/time/interval.js';
import { parseInstant } from '../../domain/time/parse-instant.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, invalidRequest } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import type { Metrics } from '../../platform/metrics.js';
import type { Bus } from '../../ports/bus.js';
import type { FeedDataset, MarketFeed } from '../../ports/market-feed.js';
import type { MetadataStore } from '../../ports/metadata-store.js';
import type { TimeSeriesStore, WriteResult } from '../../ports/time-series-store.js';

export interface IngestRequest {
  readonly feed: string;
  /** One dataset, or every dataset of the feed when omitted. */
  readonly dataset?: string | undefined;
  readonly range: TimeRange;
  readonly onProgress?: (progress: IngestProgress) => void;
  readonly signal?: AbortSignal | undefined;
}

export interface IngestProgress {
  readonly feed: string;
  readonly dataset: string;
  readonly range: TimeRange;
  /** Everything before this instant has been stored for this dataset. */
  readonly doneUntilMs: number;
  readonly rows: number;
}

export interface IngestTotals extends WriteResult {
  readonly rows: number;
  readonly chunks: number;
}

/** How much of a feed is fetched and written in one step: small enough to show progress and resume, big enough to be fast. */
const CHUNK_MS = DAY_MS;

/**
 * Pulls data from market feeds into the store: registers the market and instrument master, fetches in day-sized
 * chunks, writes each chunk atomically, moves the checkpoint forward and announces new data on the bus.
 */
export class IngestService {
  readonly #feeds: ReadonlyMap<string, MarketFeed>;
  readonly #metadata: MetadataStore;
  readonly #store: TimeSeriesStore;
  readonly #bus: Bus;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #metrics: Metrics | null;
  readonly #registered = new Set<string>();

  constructor(deps: {
    feeds: readonly MarketFeed[];
    metadata: MetadataStore;
    store: TimeSeriesStore;
    bus: Bus;
    clock: Clock;
    logger: Logger;
    metrics?: Metrics;
  }) {
    this.#feeds = new Map(deps.feeds.map((f) => [f.id, f]));
    this.#metadata = deps.metadata;
    this.#store = deps.store;
    this.#bus = deps.bus;
    this.#clock = deps.clock;
    this.#logger = deps.logger;
    this.#metrics = deps.metrics ?? null;
  }

  feeds(): MarketFeed[] {
    return [...this.#feeds.values()];
  }

  feed(id: string): MarketFeed {
    const feed = this.#feeds.get(id);
    if (!feed) {
      throw invalidRequest(
        `Unknown feed "${id}". Known feeds: ${[...this.#feeds.keys()].join(', ') || 'none'}.`,
        [{ field: 'feed', message: `one of ${[...this.#feeds.keys()].join(', ')}` }],
      );
    }
    return feed;
  }

  /**
   * Reads a user-given range for a feed: ISO times with an offset, or dates meaning local midnight in the feed's
   * market zone (so `--from 2026-03-08 --to 2026-03-09` is that market's 23-hour day).
   */
  parseRange(feedId: string, from: string, to: string): TimeRange {
    const zone = this.feed(feedId).market.timezone;
    const problems: { field: string; message: string }[] = [];
    const read = (field: string, text: string): number | null => {
      try {
        return parseInstant(text, zone);
      } catch (error) {
        problems.push({ field, message: error instanceof Error ? error.message : String(error) });
        return null;
      }
    };
    const fromMs = read('from', from);
    const toMs = read('to', to);
    if (fromMs !== null && toMs !== null && toMs <= fromMs) {
      problems.push({ field: 'to', message: 'must be after --from' });
    }
    if (problems.length > 0) {
      throw invalidRequest(problems.map((p) => `--${p.field}: ${p.message}`).join('; '), problems);
    }
    return { fromMs: fromMs as number, toMs: toMs as number };
  }

  /** Stores the feed's market and instrument master (idempotent; done once per process unless forced). */
  async register(feedId: string, force = false): Promise<void> {
    if (this.#registered.has(feedId) && !force) {
      return;
    }
    const feed = this.feed(feedId);
    await this.#metadata.upsertMarkets([feed.market]);
    const { created, updated } = await this.#metadata.upsertInstruments(await feed.instruments());
    if (created + updated > 0) {
      this.#logger.info({ feed: feedId, created, updated }, 'instrument master updated');
    }
    await this.#bus.publish('catalog.changed', { markets: [feed.market.id] });
    this.#registered.add(feedId);
  }

  /** Ingests a range for one or all datasets of a feed, up to what the source has published. */
  async ingest(request: IngestRequest): Promise<IngestTotals> {
    const feed = this.feed(request.feed);
    const datasets = this.#datasets(feed, request.dataset);
    if (!(request.range.toMs > request.range.fromMs)) {
      throw invalidRequest('The range is empty: --to must be after --from', [
        { field: 'to', message: 'must be after from' },
      ]);
    }
    await this.register(feed.id);
    let totals: IngestTotals = { rows: 0, chunks: 0, inserted: 0, revised: 0, unchanged: 0 };
    for (const dataset of datasets) {
      const until = Math.min(
        request.range.toMs,
        feed.publishedUntil(dataset.id, this.#clock.now()),
      );
      const range = { fromMs: request.range.fromMs, toMs: Math.max(request.range.fromMs, until) };
      totals = addTotals(totals, await this.#ingestDataset(feed, dataset, range, request));
    }
    return totals;
  }

  /**
   * Brings a dataset up to date from its checkpoint (or from `initialBackfillMs` before now on first run).
   * This is what scheduled jobs call.
   */
  async catchUp(
    feedId: string,
    datasetId: string,
    initialBackfillMs: number,
    signal?: AbortSignal,
  ): Promise<IngestTotals> {
    const feed = this.feed(feedId);
    const [dataset] = this.#datasets(feed, datasetId);
    const nowMs = this.#clock.now();
    const until = feed.publishedUntil(datasetId, nowMs);
    const checkpoint = await this.#metadata.getCheckpoint(feedId, datasetId);
    const fromMs =
      checkpoint?.watermarkMs ?? Math.floor((nowMs - initialBackfillMs) / DAY_MS) * DAY_MS;
    await this.register(feedId);
    if (until <= fromMs) {
      return { rows: 0, chunks: 0, inserted: 0, revised: 0, unchanged: 0 };
    }
    return this.#ingestDataset(
      feed,
      dataset as FeedDataset,
      { fromMs, toMs: until },
      { feed: feedId, signal, range: { fromMs, toMs: until } },
    );
  }

  async #ingestDataset(
    feed: MarketFeed,
    dataset: FeedDataset,
    range: TimeRange,
    request: IngestRequest,
  ): Promise<IngestTotals> {
    let totals: IngestTotals = { rows: 0, chunks: 0, inserted: 0, revised: 0, unchanged: 0 };
    const checkpoint = await this.#metadata.getCheckpoint(feed.id, dataset.id);
    let watermarkMs = checkpoint?.watermarkMs ?? null;
    for (
      let fromMs = range.fromMs;
      fromMs < range.toMs;
      fromMs = Math.min(range.toMs, chunkEnd(fromMs))
    ) {
      if (request.signal?.aborted) {
        throw new AppError(
          'unavailable',
          `Ingestion of ${feed.id}/${dataset.id} was cancelled at ${toIsoUtc(fromMs)}`,
        );
      }
      const window = { fromMs, toMs: Math.min(range.toMs, chunkEnd(fromMs)) };
      const data = await feed.fetch(dataset.id, window, request.signal);
      const result =
        data.kind === 'prices'
          ? await this.#store.writePrices(data.prices)
          : await this.#store.writeSeries(data.series);
      const rows = data.kind === 'prices' ? data.prices.length : data.series.length;
      totals = addTotals(totals, { ...result, rows, chunks: 1 });
      for (const outcome of ['inserted', 'revised', 'unchanged'] as const) {
        this.#metrics?.ingestedRows.inc(
          { feed: feed.id, dataset: dataset.id, outcome },
          result[outcome],
        );
      }
      if (data.kind === 'prices' && result.inserted + result.revised > 0) {
        await this.#bus.publish('prices.written', {
          instrumentIds: data.prices.instrumentIds,
          fromMs: window.fromMs,
          toMs: window.toMs,
          inserted: result.inserted,
          revised: result.revised,
        });
      }
      // The watermark only moves over contiguous progress, so "everything before it is stored" stays true.
      if (watermarkMs === null || (window.fromMs <= watermarkMs && window.toMs > watermarkMs)) {
        watermarkMs = window.toMs;
        await this.#metadata.putCheckpoint({
          feed: feed.id,
          dataset: dataset.id,
          watermarkMs,
          updatedAtMs: this.#clock.now(),
        });
      }
      request.onProgress?.({
        feed: feed.id,
        dataset: dataset.id,
        range,
        doneUntilMs: window.toMs,
        rows: totals.rows,
      });
    }
    return totals;
  }

  #datasets(feed: MarketFeed, datasetId: string | undefined): FeedDataset[] {
    if (datasetId === undefined) {
      return [...feed.datasets];
    }
    const dataset = feed.datasets.find((d) => d.id === datasetId);
    if (!dataset) {
      throw invalidRequest(
        `Feed ${feed.id} has no dataset "${datasetId}". Datasets: ${feed.datasets.map((d) => d.id).join(', ')}.`,
        [{ field: 'dataset', message: `one of ${feed.datasets.map((d) => d.id).join(', ')}` }],
      );
    }
    return [dataset];
  }
}

/** Chunks end on UTC day boundaries so re-runs fetch the same windows. */
const chunkEnd = (fromMs: number): number => Math.floor(fromMs / CHUNK_MS) * CHUNK_MS + CHUNK_MS;

const addTotals = (a: IngestTotals, b: IngestTotals): IngestTotals => ({
  rows: a.rows + b.rows,
  chunks: a.chunks + b.chunks,
  inserted: a.inserted + b.inserted,
  revised: a.revised + b.revised,
  unchanged: a.unchanged + b.unchanged,
});
