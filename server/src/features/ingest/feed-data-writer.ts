import type { InstrumentDefinition } from '../../domain/instruments/instrument.js';
import type { Logger } from '../../platform/logger.js';
import type { Metrics } from '../../platform/metrics.js';
import type { Bus } from '../../ports/bus.js';
import type { FeedData } from '../../ports/market-feed.js';
import type { MetadataStore } from '../../ports/metadata-store.js';
import type { TimeSeriesStore, WriteResult } from '../../ports/time-series-store.js';
import type { IngestBatchContext, QualityGate } from './quality-gate.js';

export interface StoredBatch extends WriteResult {
  readonly rows: number;
}

const rowsOf = (data: FeedData): number =>
  data.kind === 'prices' ? data.prices.length : data.series.length;

/**
 * Stores one parsed batch, whether fetched from an operator or loaded from a file: registers instruments first
 * seen in it, passes it through data quality, writes it atomically and announces what changed.
 */
export class FeedDataWriter {
  readonly #metadata: MetadataStore;
  readonly #store: TimeSeriesStore;
  readonly #bus: Bus;
  readonly #logger: Logger;
  readonly #metrics: Metrics | null;
  readonly #quality: QualityGate | null;
  /** Instrument ids known to be registered, so a 16,000-node market is looked up once per process. */
  readonly #registered = new Set<string>();

  constructor(deps: {
    metadata: MetadataStore;
    store: TimeSeriesStore;
    bus: Bus;
    logger: Logger;
    metrics: Metrics | null;
    quality: QualityGate | null;
  }) {
    this.#metadata = deps.metadata;
    this.#store = deps.store;
    this.#bus = deps.bus;
    this.#logger = deps.logger;
    this.#metrics = deps.metrics;
    this.#quality = deps.quality;
  }

  async write(context: IngestBatchContext, fetched: FeedData): Promise<StoredBatch> {
    await this.#registerNew(context, fetched.instruments ?? []);
    const data = this.#quality ? await this.#quality.inspect(context, fetched) : fetched;
    const result =
      data.kind === 'prices'
        ? await this.#store.writePrices(data.prices)
        : await this.#store.writeSeries(data.series);
    await this.#quality?.stored(context, data, result);
    const { feed, dataset } = context;
    for (const outcome of ['inserted', 'revised', 'unchanged'] as const) {
      this.#metrics?.ingestedRows.inc(
        { feed: feed.id, dataset: dataset.id, outcome },
        result[outcome],
      );
    }
    if (data.kind === 'prices' && data.prices.length > 0 && result.inserted + result.revised > 0) {
      let fromMs = Number.POSITIVE_INFINITY;
      let toMs = Number.NEGATIVE_INFINITY;
      const { intervalStartMs, intervalMinutes } = data.prices;
      for (let i = 0; i < data.prices.length; i++) {
        const start = intervalStartMs[i] as number;
        fromMs = Math.min(fromMs, start);
        toMs = Math.max(toMs, start + (intervalMinutes[i] as number) * 60_000);
      }
      await this.#bus.publish('prices.written', {
        instrumentIds: data.prices.instrumentIds,
        fromMs,
        toMs,
        inserted: result.inserted,
        revised: result.revised,
        unchanged: result.unchanged,
        prices: data.prices,
      });
    }
    return { ...result, rows: rowsOf(data) };
  }

  /**
   * Registers instruments seen for the first time. Ones already stored keep their definitions (the curated
   * master's names and kinds win over what a data file implies) but gain aliases the data reveals, such as an
   * operator's numeric id for a hub known by name.
   */
  async #registerNew(
    context: IngestBatchContext,
    seen: readonly InstrumentDefinition[],
  ): Promise<void> {
    const candidates = seen.filter((i) => !this.#registered.has(i.id));
    if (candidates.length === 0) {
      return;
    }
    const stored = new Map(
      (await this.#metadata.getInstruments(candidates.map((i) => i.id))).map((i) => [i.id, i]),
    );
    const fresh = candidates.filter((i) => !stored.has(i.id));
    const enriched = candidates.flatMap((seenDefinition) => {
      const known = stored.get(seenDefinition.id);
      const extra = known
        ? seenDefinition.aliases.filter(
            (a) => !known.aliases.some((k) => k.source === a.source && k.code === a.code),
          )
        : [];
      return known && extra.length > 0 ? [{ ...known, aliases: [...known.aliases, ...extra] }] : [];
    });
    if (enriched.length > 0) {
      await this.#metadata.upsertInstruments(enriched);
    }
    if (fresh.length > 0) {
      await this.#metadata.upsertInstruments(fresh);
      this.#logger.info(
        { feed: context.feed.id, dataset: context.dataset.id, created: fresh.length },
        'new instruments registered from the data',
      );
      await this.#bus.publish('catalog.changed', { markets: [context.feed.market.id] });
    }
    for (const candidate of candidates) {
      this.#registered.add(candidate.id);
    }
  }
}
