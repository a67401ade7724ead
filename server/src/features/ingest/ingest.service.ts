import { toIsoUtc, type TimeRange } from '../../domain/time/interval.js';
import { parseInstant } from '../../domain/time/parse-instant.js';
import { localDateOf, localDayBounds } from '../../domain/time/zoned.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, invalidRequest } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import type { Metrics } from '../../platform/metrics.js';
import type { Bus } from '../../ports/bus.js';
import type { FeedDataset, MarketFeed, SourceDocument } from '../../ports/market-feed.js';
import type { MetadataStore } from '../../ports/metadata-store.js';
import type { TimeSeriesStore, WriteResult } from '../../ports/time-series-store.js';
import { FeedDataWriter } from './feed-data-writer.js';
import type { QualityGate } from './quality-gate.js';

export interface IngestRequest {
  readonly feed: string;
  /** One dataset, or every dataset of the feed when omitted. */
  readonly dataset?: string | undefined;
  readonly range: TimeRange;
  readonly onProgress?: (progress: IngestProgress) => void;
  readonly signal?: AbortSignal | undefined;
  /**
   * Remember progress through this exact range (per dataset), so running the same request again after a crash
   * or Ctrl-C continues where it stopped instead of starting over (`254carbon backfill`).
   */
  readonly resumable?: boolean;
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

/** A saved operator file to load, and which feed and dataset it belongs to when its name does not say. */
export interface FileIngestRequest {
  readonly documents: readonly SourceDocument[];
  readonly feed?: string | undefined;
  readonly dataset?: string | undefined;
  readonly onDocument?: (progress: FileIngestProgress) => void;
}

export interface FileIngestProgress {
  readonly document: string;
  readonly feed: string;
  readonly dataset: string;
  readonly index: number;
  readonly total: number;
  readonly result: IngestTotals;
}

/**
 * Pulls data from market feeds into the store: registers the market and instrument master, fetches in day-sized
 * chunks, writes each chunk atomically, moves the checkpoint forward and announces new data on the bus.
 */
export class IngestService {
  readonly #feeds: ReadonlyMap<string, MarketFeed>;
  readonly #metadata: MetadataStore;
  readonly #bus: Bus;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #writer: FeedDataWriter;
  readonly #registered = new Set<string>();

  constructor(deps: {
    feeds: readonly MarketFeed[];
    metadata: MetadataStore;
    store: TimeSeriesStore;
    bus: Bus;
    clock: Clock;
    logger: Logger;
    metrics?: Metrics;
    quality?: QualityGate;
  }) {
    this.#feeds = new Map(deps.feeds.map((f) => [f.id, f]));
    this.#metadata = deps.metadata;
    this.#bus = deps.bus;
    this.#clock = deps.clock;
    this.#logger = deps.logger;
    this.#writer = new FeedDataWriter({
      metadata: deps.metadata,
      store: deps.store,
      bus: deps.bus,
      logger: deps.logger,
      metrics: deps.metrics ?? null,
      quality: deps.quality ?? null,
    });
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
    const master = await feed.instruments();
    const { created, updated } = await this.#metadata.upsertInstruments(master);
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
      let fromMs = request.range.fromMs;
      const resumeKey = request.resumable
        ? `${dataset.id}@${toIsoUtc(request.range.fromMs)}/${toIsoUtc(request.range.toMs)}`
        : null;
      if (resumeKey !== null) {
        const saved = await this.#metadata.getCheckpoint(feed.id, resumeKey);
        fromMs = Math.max(fromMs, saved?.watermarkMs ?? fromMs);
      }
      const range = { fromMs, toMs: Math.max(fromMs, until) };
      totals = addTotals(
        totals,
        await this.#ingestDataset(feed, dataset, range, request, resumeKey),
      );
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
    const zone = feed.market.timezone;
    // Each run re-reads `revisitMs` before the checkpoint: operators publish late intervals and corrections.
    const fromMs =
      checkpoint === null
        ? localDayBounds(zone, localDateOf(zone, nowMs - initialBackfillMs)).startMs
        : checkpoint.watermarkMs - (dataset?.revisitMs ?? 0);
    await this.register(feedId);
    if (until <= fromMs) {
      return { rows: 0, chunks: 0, inserted: 0, revised: 0, unchanged: 0 };
    }
    return this.#ingestDataset(
      feed,
      dataset as FeedDataset,
      { fromMs, toMs: until },
      { feed: feedId, signal, range: { fromMs, toMs: until } },
      null,
      true,
    );
  }

  async #ingestDataset(
    feed: MarketFeed,
    dataset: FeedDataset,
    range: TimeRange,
    request: IngestRequest,
    resumeKey: string | null,
    startsSchedule = false,
  ): Promise<IngestTotals> {
    let totals: IngestTotals = { rows: 0, chunks: 0, inserted: 0, revised: 0, unchanged: 0 };
    const checkpoint = await this.#metadata.getCheckpoint(feed.id, dataset.id);
    let watermarkMs = checkpoint?.watermarkMs ?? null;
    const zone = feed.market.timezone;
    for (
      let fromMs = range.fromMs;
      fromMs < range.toMs;
      fromMs = Math.min(range.toMs, nextLocalMidnight(zone, fromMs))
    ) {
      if (request.signal?.aborted) {
        throw new AppError(
          'unavailable',
          `Ingestion of ${feed.id}/${dataset.id} was cancelled at ${toIsoUtc(fromMs)}`,
        );
      }
      const window = { fromMs, toMs: Math.min(range.toMs, nextLocalMidnight(zone, fromMs)) };
      const data = await feed.fetch(dataset.id, window, request.signal);
      const stored = await this.#writer.write(
        { feed, dataset, window, source: `${feed.id}/${dataset.id} ${toIsoUtc(window.fromMs)}` },
        data,
      );
      totals = addTotals(totals, { ...stored, chunks: 1 });
      if (
        startsSchedule &&
        stored.rows === 0 &&
        window.toMs > this.#clock.now() - LATE_PUBLICATION_MS
      ) {
        // Nothing yet for a recent window: the operator may publish it late. Keep the checkpoint here so the
        // next scheduled run asks again, instead of stepping past data that will appear.
        break;
      }
      // The watermark only moves over contiguous progress, so "everything before it is stored" stays true.
      // Only the scheduled catch-up starts it: a backfill of 2020 on a fresh install must not make the scheduler
      // fetch every day since.
      if (
        (watermarkMs === null && startsSchedule) ||
        (watermarkMs !== null && window.fromMs <= watermarkMs && window.toMs > watermarkMs)
      ) {
        watermarkMs = window.toMs;
        await this.#metadata.putCheckpoint({
          feed: feed.id,
          dataset: dataset.id,
          watermarkMs,
          updatedAtMs: this.#clock.now(),
        });
      }
      if (resumeKey !== null) {
        await this.#metadata.putCheckpoint({
          feed: feed.id,
          dataset: resumeKey,
          watermarkMs: window.toMs,
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

  /**
   * Loads saved operator files with the markets' own parsers. Each file is parsed completely before anything is
   * stored, so a malformed file stores nothing; files already stored store nothing twice. The checkpoint of live
   * ingestion is left alone: a file is an addition, not progress along the schedule.
   */
  async ingestDocuments(request: FileIngestRequest): Promise<IngestTotals> {
    // A file can feed several datasets of one market (ISO-NE's SMD sheet holds prices and zone load).
    const targets = request.documents.flatMap((document) =>
      this.#datasetsForFile(document.name, request.feed, request.dataset).map((target) => ({
        document,
        ...target,
      })),
    );
    let totals: IngestTotals = { rows: 0, chunks: 0, inserted: 0, revised: 0, unchanged: 0 };
    for (const [index, { document, feed, dataset }] of targets.entries()) {
      await this.register(feed.id);
      if (!feed.parseDocument) {
        throw invalidRequest(`Feed ${feed.id} cannot load files.`);
      }
      const data = await feed.parseDocument(dataset.id, document);
      const stored = await this.#writer.write(
        { feed, dataset, window: null, source: document.origin },
        data,
      );
      const result = { ...stored, chunks: 1 };
      totals = addTotals(totals, result);
      request.onDocument?.({
        document: document.name,
        feed: feed.id,
        dataset: dataset.id,
        index,
        total: targets.length,
        result,
      });
    }
    return totals;
  }

  /**
   * The datasets a file feeds: the one named, or those whose file-name pattern matches — all of one feed, else
   * the name is ambiguous.
   */
  #datasetsForFile(
    name: string,
    feedId: string | undefined,
    datasetId: string | undefined,
  ): { feed: MarketFeed; dataset: FeedDataset }[] {
    const feeds = feedId === undefined ? [...this.#feeds.values()] : [this.feed(feedId)];
    const loadable = feeds.flatMap((feed) =>
      feed.parseDocument
        ? feed.datasets
            .filter((d) => d.files !== undefined && (datasetId === undefined || d.id === datasetId))
            .map((dataset) => ({ feed, dataset }))
        : [],
    );
    if (datasetId !== undefined && feedId !== undefined) {
      const named = loadable[0];
      if (!named) {
        this.#datasets(this.feed(feedId), datasetId);
        throw invalidRequest(`Dataset ${feedId}/${datasetId} cannot be loaded from a file.`, [
          { field: 'dataset', message: 'has no file parser' },
        ]);
      }
      return [named];
    }
    const matching = loadable.filter(({ dataset }) => dataset.files?.test(name));
    if (matching.length > 0 && matching.every(({ feed }) => feed === matching[0]?.feed)) {
      return matching;
    }
    const choices = (matching.length > 1 ? matching : loadable)
      .map(({ feed, dataset }) => `${feed.id}/${dataset.id}`)
      .join(', ');
    throw invalidRequest(
      matching.length > 1
        ? `${name} could belong to ${choices}; say which with --feed and --dataset.`
        : `No dataset recognises the file name ${name}; give --feed and --dataset (datasets that load files: ${choices || 'none'}).`,
      [{ field: 'file', message: `${name}: dataset unknown` }],
    );
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

/** How long after a window an operator may still publish it for the first time (late files, outages). */
const LATE_PUBLICATION_MS = 2 * 86_400_000;

/**
 * Windows end at the market's local midnights (23 or 25 hours apart across DST), matching how operators publish
 * (one file per operating day), so re-runs fetch the same documents.
 */
const nextLocalMidnight = (zone: string, fromMs: number): number =>
  localDayBounds(zone, localDateOf(zone, fromMs)).endMs;

const addTotals = (a: IngestTotals, b: IngestTotals): IngestTotals => ({
  rows: a.rows + b.rows,
  chunks: a.chunks + b.chunks,
  inserted: a.inserted + b.inserted,
  revised: a.revised + b.revised,
  unchanged: a.unchanged + b.unchanged,
});
