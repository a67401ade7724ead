import type { TimeRange } from '../../../domain/time/interval.js';
import type { FeedData } from '../../../ports/market-feed.js';

/** The price rows of `data` whose interval starts inside `window`, with only the instruments they use. */
export const pricesWithin = (data: FeedData, window: TimeRange): FeedData => {
  if (data.kind !== 'prices') {
    return data;
  }
  const { prices } = data;
  const keep: number[] = [];
  for (let i = 0; i < prices.length; i++) {
    const start = prices.intervalStartMs[i] as number;
    if (start >= window.fromMs && start < window.toMs) {
      keep.push(i);
    }
  }
  const used = new Map<number, number>();
  const instrumentIds: string[] = [];
  const instrumentIndex = new Uint32Array(keep.length);
  const pick = <T extends Float64Array | Uint16Array | Uint8Array>(column: T): T => {
    const out = new (column.constructor as new (n: number) => T)(keep.length);
    keep.forEach((row, i) => {
      out[i] = column[row] as number;
    });
    return out;
  };
  keep.forEach((row, i) => {
    const slot = prices.instrumentIndex[row] as number;
    let dense = used.get(slot);
    if (dense === undefined) {
      dense = instrumentIds.push(prices.instrumentIds[slot] as string) - 1;
      used.set(slot, dense);
    }
    instrumentIndex[i] = dense;
  });
  const ids = new Set(instrumentIds);
  return {
    kind: 'prices',
    prices: {
      length: keep.length,
      instrumentIds,
      instrumentIndex,
      runs: prices.runs,
      runIndex: pick(prices.runIndex),
      intervalStartMs: pick(prices.intervalStartMs),
      intervalMinutes: pick(prices.intervalMinutes),
      lmp: pick(prices.lmp),
      energy: pick(prices.energy),
      congestion: pick(prices.congestion),
      loss: pick(prices.loss),
      ghg: pick(prices.ghg),
    },
    instruments: (data.instruments ?? []).filter((i) => ids.has(i.id)),
  };
};
