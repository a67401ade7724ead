import type { InstrumentDefinition } from '../../../domain/instruments/instrument.js';
import type { MarketRunId } from '../../../domain/markets/market.js';
import { PriceBatchBuilder, type PriceBatch } from '../../../domain/prices/price-batch.js';
import type { FeedData } from '../../../ports/market-feed.js';

const appendBatch = (builder: PriceBatchBuilder, batch: PriceBatch): void => {
  // Dictionary slots differ per batch; map them once, then copy the columns row by row.
  const slots = batch.instrumentIds.map((id) => builder.instrumentSlot(id));
  const runs = batch.runs.map((run: MarketRunId) => builder.runSlot(run));
  for (let i = 0; i < batch.length; i++) {
    builder.addColumns(
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
};

/**
 * One price result from several documents (a day of 5-minute files, the members of an archive): the rows
 * concatenated and the instruments each listed once, first description winning.
 */
export const mergePriceData = (parts: readonly FeedData[]): FeedData => {
  const total = parts.reduce((n, p) => n + (p.kind === 'prices' ? p.prices.length : 0), 0);
  const builder = new PriceBatchBuilder(total);
  const instruments = new Map<string, InstrumentDefinition>();
  for (const part of parts) {
    if (part.kind !== 'prices') {
      throw new Error('mergePriceData: only price data can be merged');
    }
    appendBatch(builder, part.prices);
    for (const instrument of part.instruments ?? []) {
      if (!instruments.has(instrument.id)) {
        instruments.set(instrument.id, instrument);
      }
    }
  }
  return { kind: 'prices', prices: builder.build(), instruments: [...instruments.values()] };
};
