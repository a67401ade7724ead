import type { InstrumentDefinition } from '../../../domain/instruments/instrument.js';
import type { MarketRunId } from '../../../domain/markets/market.js';
import { PriceBatchBuilder, type PriceBatch } from '../../../domain/prices/price-batch.js';
import {
  seriesBatchFrom,
  seriesObservationAt,
  type SeriesBatch,
  type SeriesObservation,
  type SeriesVariable,
} from '../../../domain/series/series-batch.js';
import type { FeedData } from '../../../ports/market-feed.js';

/**
 * Gathers prices from one or more documents into one batch (a day of 5-minute LMPs arrives as 24 hourly
 * responses; the SMD sheet holds two runs), with every instrument seen. `keep` decides which interval ends are
 * returned, so a fetch can leave out intervals that have not finished yet.
 */
export class PriceCollector {
  readonly #builder = new PriceBatchBuilder(4096);
  readonly #instruments = new Map<string, InstrumentDefinition>();

  get length(): number {
    return this.#builder.length;
  }

  see(instrument: InstrumentDefinition): number {
    if (!this.#instruments.has(instrument.id)) {
      this.#instruments.set(instrument.id, instrument);
    }
    return this.#builder.instrumentSlot(instrument.id);
  }

  run(run: MarketRunId): number {
    return this.#builder.runSlot(run);
  }

  add(
    instrumentSlot: number,
    runSlot: number,
    startMs: number,
    minutes: number,
    lmp: number,
    energy: number,
    congestion: number,
    loss: number,
  ): void {
    this.#builder.addColumns(
      instrumentSlot,
      runSlot,
      startMs,
      minutes,
      lmp,
      energy,
      congestion,
      loss,
      Number.NaN,
    );
  }

  /** Appends a batch read elsewhere (DuckDB rows), instruments given by id. */
  addBatch(batch: PriceBatch, instruments: ReadonlyMap<string, InstrumentDefinition>): void {
    const slots = batch.instrumentIds.map((id) => {
      const known = instruments.get(id);
      if (known === undefined) {
        throw new Error(`no instrument definition for ${id}`);
      }
      return this.see(known);
    });
    const runs = batch.runs.map((r) => this.run(r));
    for (let i = 0; i < batch.length; i++) {
      this.#builder.addColumns(
        slots[batch.instrumentIndex[i] as number] as number,
        runs[batch.runIndex[i] as number] as number,
        batch.intervalStartMs[i] as number,
        batch.intervalMinutes[i] as number,
        batch.lmp[i] as number,
        batch.energy[i] as number,
        batch.congestion[i] as number,
        batch.loss[i] as number,
        batch.ghg[i] as number,
      );
    }
  }

  result(keep: (endMs: number) => boolean = () => true): FeedData {
    const all = this.#builder.build();
    if (all.length === 0) {
      return { kind: 'prices', prices: all, instruments: [] };
    }
    const kept: number[] = [];
    for (let i = 0; i < all.length; i++) {
      const start = all.intervalStartMs[i] as number;
      if (keep(start + (all.intervalMinutes[i] as number) * 60_000)) {
        kept.push(i);
      }
    }
    const prices =
      kept.length === all.length
        ? all
        : {
            ...all,
            length: kept.length,
            instrumentIndex: Uint32Array.from(kept, (i) => all.instrumentIndex[i] as number),
            runIndex: Uint8Array.from(kept, (i) => all.runIndex[i] as number),
            intervalStartMs: Float64Array.from(kept, (i) => all.intervalStartMs[i] as number),
            intervalMinutes: Uint16Array.from(kept, (i) => all.intervalMinutes[i] as number),
            lmp: Float64Array.from(kept, (i) => all.lmp[i] as number),
            energy: Float64Array.from(kept, (i) => all.energy[i] as number),
            congestion: Float64Array.from(kept, (i) => all.congestion[i] as number),
            loss: Float64Array.from(kept, (i) => all.loss[i] as number),
            ghg: Float64Array.from(kept, (i) => all.ghg[i] as number),
          };
    return { kind: 'prices', prices, instruments: [...this.#instruments.values()] };
  }
}

/** Gathers load, forecast and generation observations from one or more documents into one batch. */
export class SeriesCollector {
  readonly #observations: SeriesObservation[] = [];
  readonly #instruments = new Map<string, InstrumentDefinition>();

  get length(): number {
    return this.#observations.length;
  }

  add(
    instrument: InstrumentDefinition,
    variable: SeriesVariable,
    startMs: number,
    minutes: number,
    valueMw: number,
    issuedAtMs: number | null = null,
  ): void {
    if (!this.#instruments.has(instrument.id)) {
      this.#instruments.set(instrument.id, instrument);
    }
    this.#observations.push({
      instrumentId: instrument.id,
      variable,
      intervalStartMs: startMs,
      intervalMinutes: minutes,
      valueMw,
      issuedAtMs,
    });
  }

  /** Appends a batch read elsewhere (DuckDB rows), instruments given by id. */
  addBatch(batch: SeriesBatch, instruments: ReadonlyMap<string, InstrumentDefinition>): void {
    for (let i = 0; i < batch.length; i++) {
      const o = seriesObservationAt(batch, i);
      const instrument = instruments.get(o.instrumentId);
      if (instrument === undefined) {
        throw new Error(`no instrument definition for ${o.instrumentId}`);
      }
      this.add(
        instrument,
        o.variable,
        o.intervalStartMs,
        o.intervalMinutes,
        o.valueMw,
        o.issuedAtMs ?? null,
      );
    }
  }

  result(keep: (endMs: number) => boolean = () => true): FeedData {
    const kept = this.#observations.filter((o) =>
      keep(o.intervalStartMs + o.intervalMinutes * 60_000),
    );
    return {
      kind: 'series',
      series: seriesBatchFrom(kept),
      instruments: [...this.#instruments.values()],
    };
  }
}

/** One batch from several parsed documents of the same dataset (the members of a zip). */
export const mergeFeedData = (parts: readonly FeedData[], kind: FeedData['kind']): FeedData => {
  if (parts.length === 1 && parts[0]?.kind === kind) {
    return parts[0];
  }
  const instruments = new Map(parts.flatMap((p) => p.instruments ?? []).map((i) => [i.id, i]));
  if (kind === 'prices') {
    const collector = new PriceCollector();
    parts.forEach((p) => p.kind === 'prices' && collector.addBatch(p.prices, instruments));
    return collector.result();
  }
  const collector = new SeriesCollector();
  parts.forEach((p) => p.kind === 'series' && collector.addBatch(p.series, instruments));
  return collector.result();
};
