import type { InstrumentDefinition } from '../../../domain/instruments/instrument.js';
import { emptyPriceBatch, type PriceBatch } from '../../../domain/prices/price-batch.js';
import { emptySeriesBatch, type SeriesBatch } from '../../../domain/series/series-batch.js';
import type { FeedData } from '../../../ports/market-feed.js';

/** Dictionary of the union of several batches' strings, and each batch's slot → union slot map. */
const unionDictionary = <T>(
  lists: readonly (readonly T[])[],
): { values: T[]; remaps: Uint32Array[] } => {
  const values: T[] = [];
  const slots = new Map<T, number>();
  const remaps = lists.map((list) =>
    Uint32Array.from(list, (value) => {
      let slot = slots.get(value);
      if (slot === undefined) {
        slot = values.push(value) - 1;
        slots.set(value, slot);
      }
      return slot;
    }),
  );
  return { values, remaps };
};

const concatColumn = <A extends Float64Array | Uint16Array>(
  make: (n: number) => A,
  parts: readonly A[],
): A => {
  const out = make(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};

const remapColumn = <A extends Uint32Array | Uint16Array | Uint8Array>(
  make: (n: number) => A,
  parts: readonly A[],
  remaps: readonly Uint32Array[],
): A => {
  const out = make(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  parts.forEach((part, b) => {
    const remap = remaps[b] as Uint32Array;
    for (let i = 0; i < part.length; i++) {
      out[offset + i] = remap[part[i] as number] as number;
    }
    offset += part.length;
  });
  return out;
};

const concatPrices = (batches: readonly PriceBatch[]): PriceBatch => {
  if (batches.length === 0) {
    return emptyPriceBatch();
  }
  if (batches.length === 1) {
    return batches[0] as PriceBatch;
  }
  const ids = unionDictionary(batches.map((b) => b.instrumentIds));
  const runs = unionDictionary(batches.map((b) => b.runs));
  const f64 = (pick: (b: PriceBatch) => Float64Array): Float64Array =>
    concatColumn((n) => new Float64Array(n), batches.map(pick));
  return {
    length: batches.reduce((n, b) => n + b.length, 0),
    instrumentIds: ids.values,
    instrumentIndex: remapColumn(
      (n) => new Uint32Array(n),
      batches.map((b) => b.instrumentIndex),
      ids.remaps,
    ),
    runs: runs.values,
    runIndex: remapColumn(
      (n) => new Uint8Array(n),
      batches.map((b) => b.runIndex),
      runs.remaps,
    ),
    intervalStartMs: f64((b) => b.intervalStartMs),
    intervalMinutes: concatColumn(
      (n) => new Uint16Array(n),
      batches.map((b) => b.intervalMinutes),
    ),
    lmp: f64((b) => b.lmp),
    energy: f64((b) => b.energy),
    congestion: f64((b) => b.congestion),
    loss: f64((b) => b.loss),
    ghg: f64((b) => b.ghg),
  };
};

const concatSeries = (batches: readonly SeriesBatch[]): SeriesBatch => {
  if (batches.length === 0) {
    return emptySeriesBatch();
  }
  if (batches.length === 1) {
    return batches[0] as SeriesBatch;
  }
  const ids = unionDictionary(batches.map((b) => b.instrumentIds));
  const variables = unionDictionary(batches.map((b) => b.variables));
  const f64 = (pick: (b: SeriesBatch) => Float64Array): Float64Array =>
    concatColumn((n) => new Float64Array(n), batches.map(pick));
  return {
    length: batches.reduce((n, b) => n + b.length, 0),
    instrumentIds: ids.values,
    instrumentIndex: remapColumn(
      (n) => new Uint32Array(n),
      batches.map((b) => b.instrumentIndex),
      ids.remaps,
    ),
    variables: variables.values,
    variableIndex: remapColumn(
      (n) => new Uint16Array(n),
      batches.map((b) => b.variableIndex),
      variables.remaps,
    ),
    intervalStartMs: f64((b) => b.intervalStartMs),
    intervalMinutes: concatColumn(
      (n) => new Uint16Array(n),
      batches.map((b) => b.intervalMinutes),
    ),
    valueMw: f64((b) => b.valueMw),
    issuedAtMs: f64((b) => b.issuedAtMs),
  };
};

const uniqueInstruments = (parts: readonly FeedData[]): InstrumentDefinition[] => {
  const byId = new Map<string, InstrumentDefinition>();
  for (const part of parts) {
    for (const instrument of part.instruments ?? []) {
      byId.set(instrument.id, instrument);
    }
  }
  return [...byId.values()];
};

export const emptyFeedData = (kind: FeedData['kind']): FeedData =>
  kind === 'prices'
    ? { kind, prices: emptyPriceBatch(), instruments: [] }
    : { kind, series: emptySeriesBatch(), instruments: [] };

/**
 * One FeedData from the parts a fetch or an archive gathered (one per hourly document, daily file or zip member),
 * columns concatenated and dictionaries re-keyed; instruments listed once, the last description winning. Parts
 * are of one kind; an empty list gives empty data of `kind`.
 */
export const mergeFeedData = (kind: FeedData['kind'], parts: readonly FeedData[]): FeedData => {
  const instruments = uniqueInstruments(parts);
  if (kind === 'prices') {
    const prices = parts.flatMap((p) => (p.kind === 'prices' ? [p.prices] : []));
    return { kind, prices: concatPrices(prices), instruments };
  }
  const series = parts.flatMap((p) => (p.kind === 'series' ? [p.series] : []));
  return { kind, series: concatSeries(series), instruments };
};
