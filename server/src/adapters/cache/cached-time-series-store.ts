import type { MarketRunId } from '../../domain/markets/market.js';
import { MARKET_RUN_IDS } from '../../domain/markets/market.js';
import {
  emptyPriceBatch,
  PriceBatchBuilder,
  type PriceBatch,
} from '../../domain/prices/price-batch.js';
import { DAY_MS } from '../../domain/time/interval.js';
import type {
  LatestPriceFilter,
  LatestPrices,
  PriceCoverage,
  PriceReadQuery,
  PriceResampleQuery,
  PriceRevision,
  ResampledPrices,
  SeriesReadQuery,
  TimeSeriesStore,
  WriteResult,
} from '../../ports/time-series-store.js';
import type { SeriesBatch } from '../../domain/series/series-batch.js';

/** One instrument's stored rows (every run) for one UTC day. */
interface DayBlock {
  readonly prices: PriceBatch;
  readonly bytes: number;
}

/** Rough bytes per cached row: seven 8-byte numbers plus indexes. */
const BYTES_PER_ROW = 64;
/** Queries touching more instrument-days than this go straight to the store. */
const MAX_BLOCKS_PER_QUERY = 64;
const RUN_ORDER = new Map<MarketRunId, number>(MARKET_RUN_IDS.map((run, i) => [run, i]));

/**
 * A read-through cache of raw price reads in front of any TimeSeriesStore, by instrument and UTC day.
 *
 * Why: an analytical store answers a point query (one instrument, one day) in about a millisecond whatever the
 * table size, which caps a 2-core server near a thousand queries a second; dashboards and live charts ask for the
 * same recent instrument-days over and over. Correctness: writes through this decorator drop the days they touch,
 * and a read that started before a write never caches its (possibly stale) result, because each instrument carries
 * a generation number checked before caching. In scale-out mode other processes' writes arrive as bus events
 * (invalidate()). Resampled queries are not cached.
 */
export class CachedTimeSeriesStore implements TimeSeriesStore {
  readonly #inner: TimeSeriesStore;
  readonly #capacityBytes: number;
  readonly #blocks = new Map<string, DayBlock>();
  readonly #generation = new Map<string, number>();
  #bytes = 0;
  #hits = 0;
  #misses = 0;

  constructor(inner: TimeSeriesStore, capacityBytes: number) {
    this.#inner = inner;
    this.#capacityBytes = capacityBytes;
  }

  stats(): { hits: number; misses: number; bytes: number; blocks: number } {
    return {
      hits: this.#hits,
      misses: this.#misses,
      bytes: this.#bytes,
      blocks: this.#blocks.size,
    };
  }

  async writePrices(batch: PriceBatch): Promise<WriteResult> {
    try {
      return await this.#inner.writePrices(batch);
    } finally {
      // Invalidate even when the write failed: a partial failure must never leave stale days behind.
      this.#invalidateBatch(batch);
    }
  }

  /** Forgets cached days of an instrument between two instants (inclusive), e.g. on a bus event from another process. */
  invalidate(instrumentIds: readonly string[], fromMs: number, toMs: number): void {
    for (const id of instrumentIds) {
      this.#generation.set(id, (this.#generation.get(id) ?? 0) + 1);
      for (let day = dayOf(fromMs); day <= dayOf(toMs); day += DAY_MS) {
        this.#drop(blockKey(id, day));
      }
    }
  }

  async readPrices(query: PriceReadQuery): Promise<PriceBatch> {
    const firstDay = dayOf(query.range.fromMs);
    const lastDay = dayOf(query.range.toMs - 1);
    const days = (lastDay - firstDay) / DAY_MS + 1;
    if (this.#capacityBytes <= 0 || days * query.instrumentIds.length > MAX_BLOCKS_PER_QUERY) {
      return this.#inner.readPrices(query);
    }
    const perInstrument = await Promise.all(
      query.instrumentIds.map((id) => this.#blocksFor(id, firstDay, lastDay)),
    );
    return assemble(query, perInstrument);
  }

  resamplePrices(query: PriceResampleQuery): Promise<ResampledPrices> {
    return this.#inner.resamplePrices(query);
  }

  latestPrices(filter: LatestPriceFilter): Promise<LatestPrices> {
    return this.#inner.latestPrices(filter);
  }

  priceRevisions(
    instrumentId: string,
    run: MarketRunId,
    intervalStartMs: number,
  ): Promise<PriceRevision[]> {
    return this.#inner.priceRevisions(instrumentId, run, intervalStartMs);
  }

  priceCoverage(instrumentIds?: readonly string[]): Promise<PriceCoverage[]> {
    return this.#inner.priceCoverage(instrumentIds);
  }

  writeSeries(batch: SeriesBatch): Promise<WriteResult> {
    return this.#inner.writeSeries(batch);
  }

  readSeries(query: SeriesReadQuery): Promise<SeriesBatch> {
    return this.#inner.readSeries(query);
  }

  ping(): Promise<void> {
    return this.#inner.ping();
  }

  close(): Promise<void> {
    this.#blocks.clear();
    this.#bytes = 0;
    return this.#inner.close();
  }

  /** Day blocks for one instrument, fetching any missing days in one store query. */
  async #blocksFor(id: string, firstDay: number, lastDay: number): Promise<PriceBatch[]> {
    const found: (PriceBatch | undefined)[] = [];
    let missing = false;
    for (let day = firstDay; day <= lastDay; day += DAY_MS) {
      const block = this.#touch(blockKey(id, day));
      found.push(block?.prices);
      missing ||= block === undefined;
    }
    if (!missing) {
      this.#hits++;
      return found as PriceBatch[];
    }
    this.#misses++;
    const generation = this.#generation.get(id) ?? 0;
    const fetched = await this.#inner.readPrices({
      instrumentIds: [id],
      runs: null,
      range: { fromMs: firstDay, toMs: lastDay + DAY_MS },
      limit: Number.MAX_SAFE_INTEGER,
    });
    // One day needs no splitting: the store's answer is the block.
    const blocks = firstDay === lastDay ? [fetched] : splitByDay(fetched, firstDay, lastDay);
    if ((this.#generation.get(id) ?? 0) === generation) {
      blocks.forEach((prices, i) => this.#store(blockKey(id, firstDay + i * DAY_MS), prices));
    }
    return blocks;
  }

  #touch(key: string): DayBlock | undefined {
    const block = this.#blocks.get(key);
    if (block) {
      // Re-insert to mark as most recently used (Map keeps insertion order).
      this.#blocks.delete(key);
      this.#blocks.set(key, block);
    }
    return block;
  }

  #store(key: string, prices: PriceBatch): void {
    const bytes = 200 + prices.length * BYTES_PER_ROW;
    if (bytes > this.#capacityBytes) {
      return;
    }
    this.#drop(key);
    this.#blocks.set(key, { prices, bytes });
    this.#bytes += bytes;
    for (const [oldest, block] of this.#blocks) {
      if (this.#bytes <= this.#capacityBytes) {
        break;
      }
      this.#blocks.delete(oldest);
      this.#bytes -= block.bytes;
    }
  }

  #drop(key: string): void {
    const block = this.#blocks.get(key);
    if (block) {
      this.#blocks.delete(key);
      this.#bytes -= block.bytes;
    }
  }

  #invalidateBatch(batch: PriceBatch): void {
    const min = new Float64Array(batch.instrumentIds.length).fill(Infinity);
    const max = new Float64Array(batch.instrumentIds.length).fill(-Infinity);
    for (let i = 0; i < batch.length; i++) {
      const slot = batch.instrumentIndex[i] as number;
      const start = batch.intervalStartMs[i] as number;
      if (start < (min[slot] as number)) {
        min[slot] = start;
      }
      if (start > (max[slot] as number)) {
        max[slot] = start;
      }
    }
    batch.instrumentIds.forEach((id, slot) => {
      if (Number.isFinite(min[slot])) {
        this.invalidate([id], min[slot] as number, max[slot] as number);
      }
    });
  }
}

const dayOf = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS;
const blockKey = (id: string, day: number): string => `${id}\u0000${day}`;

/** Splits one instrument's rows (ordered by run, then time) into per-day batches. */
const splitByDay = (prices: PriceBatch, firstDay: number, lastDay: number): PriceBatch[] => {
  const builders = Array.from(
    { length: (lastDay - firstDay) / DAY_MS + 1 },
    () => new PriceBatchBuilder(64),
  );
  for (let i = 0; i < prices.length; i++) {
    const start = prices.intervalStartMs[i] as number;
    const builder = builders[(dayOf(start) - firstDay) / DAY_MS];
    if (!builder) {
      continue;
    }
    builder.addColumns(
      builder.instrumentSlot(prices.instrumentIds[prices.instrumentIndex[i] as number] as string),
      builder.runSlot(prices.runs[prices.runIndex[i] as number] as MarketRunId),
      start,
      prices.intervalMinutes[i] as number,
      prices.lmp[i] as number,
      prices.energy[i] as number,
      prices.congestion[i] as number,
      prices.loss[i] as number,
      prices.ghg[i] as number,
    );
  }
  return builders.map((b) => (b.length === 0 ? emptyPriceBatch() : b.build()));
};

/** Rebuilds the store's answer from day blocks: requested instrument order, then run order, then time. */
const assemble = (query: PriceReadQuery, perInstrument: readonly PriceBatch[][]): PriceBatch => {
  const only =
    perInstrument.length === 1 && perInstrument[0]?.length === 1 ? perInstrument[0][0] : undefined;
  if (only && coversWholeBlock(query, only)) {
    // The common "one instrument, one day" query: the cached block is the answer (batches are never mutated).
    return only;
  }
  const out = new PriceBatchBuilder(256);
  const runs = [...(query.runs ?? MARKET_RUN_IDS)].sort(
    (a, b) => (RUN_ORDER.get(a) ?? 0) - (RUN_ORDER.get(b) ?? 0),
  );
  const { fromMs, toMs } = query.range;
  for (const [k, id] of query.instrumentIds.entries()) {
    const blocks = perInstrument[k] ?? [];
    const slot = out.instrumentSlot(id);
    for (const run of runs) {
      for (const block of blocks) {
        const runSlot = block.runs.indexOf(run);
        if (runSlot < 0) {
          continue;
        }
        for (let i = 0; i < block.length; i++) {
          const start = block.intervalStartMs[i] as number;
          if (block.runIndex[i] !== runSlot || start < fromMs || start >= toMs) {
            continue;
          }
          if (out.length >= query.limit) {
            return trimEmpty(out.build());
          }
          out.addColumns(
            slot,
            out.runSlot(run),
            start,
            block.intervalMinutes[i] as number,
            block.lmp[i] as number,
            block.energy[i] as number,
            block.congestion[i] as number,
            block.loss[i] as number,
            block.ghg[i] as number,
          );
        }
      }
    }
  }
  return trimEmpty(out.build());
};

const coversWholeBlock = (query: PriceReadQuery, block: PriceBatch): boolean => {
  if (block.length === 0 || block.length > query.limit) {
    return false;
  }
  const runs = query.runs;
  if (runs !== null && !block.runs.every((run) => runs.includes(run))) {
    return false;
  }
  let previousRun = -1;
  for (let i = 0; i < block.length; i++) {
    const start = block.intervalStartMs[i] as number;
    const run = RUN_ORDER.get(block.runs[block.runIndex[i] as number] as MarketRunId) ?? 0;
    // Rows must already be in the order assemble() would produce: run order, then time.
    if (start < query.range.fromMs || start >= query.range.toMs || run < previousRun) {
      return false;
    }
    previousRun = run;
  }
  return true;
};

/** Drops dictionary entries of instruments that ended up with no rows, as the store would not name them. */
const trimEmpty = (batch: PriceBatch): PriceBatch => {
  const used = new Set(batch.instrumentIndex);
  if (used.size === batch.instrumentIds.length) {
    return batch;
  }
  const remap = new Map<number, number>();
  const ids: string[] = [];
  batch.instrumentIds.forEach((id, slot) => {
    if (used.has(slot)) {
      remap.set(slot, ids.push(id) - 1);
    }
  });
  return {
    ...batch,
    instrumentIds: ids,
    instrumentIndex: batch.instrumentIndex.map((s) => remap.get(s) as number),
  };
};
