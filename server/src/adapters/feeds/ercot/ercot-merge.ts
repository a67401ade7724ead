import type { InstrumentDefinition } from '../../../domain/instruments/instrument.js';
import { PriceBatchBuilder, type PriceBatch } from '../../../domain/prices/price-batch.js';
import {
  emptySeriesBatch,
  type SeriesBatch,
  type SeriesVariable,
} from '../../../domain/series/series-batch.js';
import type { FeedData } from '../../../ports/market-feed.js';

const uniqueInstruments = (data: readonly FeedData[]): InstrumentDefinition[] => {
  const byId = new Map<string, InstrumentDefinition>();
  for (const part of data) {
    for (const instrument of part.instruments ?? []) {
      byId.set(instrument.id, instrument);
    }
  }
  return [...byId.values()];
};

/**
 * Rows of several documents as one batch. ERCOT re-posts a document when it corrects it (RT SPP "_retry_" files,
 * DAM re-postings), so when two documents price the same instrument and interval the later one (later in
 * `batches`, which the caller orders by publication) wins, and no key is stored twice.
 */
export const mergePriceBatches = (batches: readonly PriceBatch[]): PriceBatch => {
  if (batches.length === 1 && batches[0] !== undefined) {
    return batches[0];
  }
  const winner = new Map<string, [batch: number, row: number]>();
  batches.forEach((batch, b) => {
    for (let i = 0; i < batch.length; i++) {
      const id = batch.instrumentIds[batch.instrumentIndex[i] as number] as string;
      const run = batch.runs[batch.runIndex[i] as number] as string;
      winner.set(`${id}|${run}|${batch.intervalStartMs[i] as number}`, [b, i]);
    }
  });
  const builder = new PriceBatchBuilder(winner.size);
  for (const [b, i] of winner.values()) {
    const batch = batches[b] as PriceBatch;
    builder.addColumns(
      builder.instrumentSlot(batch.instrumentIds[batch.instrumentIndex[i] as number] as string),
      builder.runSlot(batch.runs[batch.runIndex[i] as number] as PriceBatch['runs'][number]),
      batch.intervalStartMs[i] as number,
      batch.intervalMinutes[i] as number,
      batch.lmp[i] as number,
      batch.energy[i] as number,
      batch.congestion[i] as number,
      batch.loss[i] as number,
      batch.ghg[i] as number,
    );
  }
  return builder.build();
};

/** Series rows of several documents as one batch; the later document wins for the same key (incl. vintage). */
export const mergeSeriesBatches = (batches: readonly SeriesBatch[]): SeriesBatch => {
  if (batches.length === 0) {
    return emptySeriesBatch();
  }
  if (batches.length === 1 && batches[0] !== undefined) {
    return batches[0];
  }
  const winner = new Map<string, [batch: number, row: number]>();
  batches.forEach((batch, b) => {
    for (let i = 0; i < batch.length; i++) {
      const id = batch.instrumentIds[batch.instrumentIndex[i] as number] as string;
      const variable = batch.variables[batch.variableIndex[i] as number] as string;
      winner.set(
        `${id}|${variable}|${batch.intervalStartMs[i] as number}|${batch.issuedAtMs[i] as number}`,
        [b, i],
      );
    }
  });
  const n = winner.size;
  const instrumentIds: string[] = [];
  const variables: SeriesVariable[] = [];
  const instrumentSlots = new Map<string, number>();
  const variableSlots = new Map<string, number>();
  const slot = <T extends string>(list: T[], slots: Map<string, number>, value: T): number => {
    let found = slots.get(value);
    if (found === undefined) {
      found = list.push(value) - 1;
      slots.set(value, found);
    }
    return found;
  };
  const merged = {
    length: n,
    instrumentIds,
    instrumentIndex: new Uint32Array(n),
    variables,
    variableIndex: new Uint16Array(n),
    intervalStartMs: new Float64Array(n),
    intervalMinutes: new Uint16Array(n),
    valueMw: new Float64Array(n),
    issuedAtMs: new Float64Array(n),
  };
  let k = 0;
  for (const [b, i] of winner.values()) {
    const batch = batches[b] as SeriesBatch;
    merged.instrumentIndex[k] = slot(
      instrumentIds,
      instrumentSlots,
      batch.instrumentIds[batch.instrumentIndex[i] as number] as string,
    );
    merged.variableIndex[k] = slot(
      variables,
      variableSlots,
      batch.variables[batch.variableIndex[i] as number] as SeriesVariable,
    );
    merged.intervalStartMs[k] = batch.intervalStartMs[i] as number;
    merged.intervalMinutes[k] = batch.intervalMinutes[i] as number;
    merged.valueMw[k] = batch.valueMw[i] as number;
    merged.issuedAtMs[k] = batch.issuedAtMs[i] as number;
    k++;
  }
  return merged;
};

/** Several parsed documents of one dataset as one FeedData, in the order given (later wins). */
export const mergeFeedData = (kind: FeedData['kind'], parts: readonly FeedData[]): FeedData => {
  const instruments = uniqueInstruments(parts);
  if (kind === 'prices') {
    const batches = parts.flatMap((p) => (p.kind === 'prices' ? [p.prices] : []));
    return {
      kind,
      prices: batches.length === 0 ? new PriceBatchBuilder(16).build() : mergePriceBatches(batches),
      instruments,
    };
  }
  const batches = parts.flatMap((p) => (p.kind === 'series' ? [p.series] : []));
  return { kind, series: mergeSeriesBatches(batches), instruments };
};
