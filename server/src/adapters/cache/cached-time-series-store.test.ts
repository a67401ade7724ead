import { describe, expect, it } from 'vitest';
import { describeTimeSeriesStore } from '../../../test/contract/time-series-store.contract.js';
import { priceBatchFrom, type PriceObservation } from '../../domain/prices/price-batch.js';
import { ManualClock } from '../../platform/clock.js';
import type { PriceReadQuery } from '../../ports/time-series-store.js';
import { openDuckDbStores } from '../duckdb/open-duckdb-stores.js';
import { CachedTimeSeriesStore } from './cached-time-series-store.js';

const open = async (capacityBytes = 8 * 1024 * 1024) => {
  const clock = new ManualClock(Date.UTC(2024, 6, 2));
  const stores = await openDuckDbStores(
    { file: ':memory:', threads: 1, memoryLimit: null, readers: 2 },
    clock,
  );
  const cached = new CachedTimeSeriesStore(stores.timeSeries, capacityBytes);
  return { cached, inner: stores.timeSeries, clock, close: () => cached.close() };
};

// The cache must be indistinguishable from the store it wraps.
describeTimeSeriesStore(
  'read cache over DuckDB',
  async () => {
    const h = await open();
    return { store: h.cached, clock: h.clock, reopen: null, close: h.close };
  },
  { persistent: false },
);

const T0 = Date.UTC(2024, 6, 1);
const rt5 = (instrumentId: string, i: number, lmp: number): PriceObservation => ({
  instrumentId,
  run: 'RT5',
  intervalStartMs: T0 + i * 300_000,
  intervalMinutes: 5,
  lmp,
});
const day = (instrumentId: string, level: number, days = 1) =>
  priceBatchFrom(
    Array.from({ length: 288 * days }, (_, i) => rt5(instrumentId, i, level + (i % 10))),
  );
const query = (ids: string[], fromMs = T0, toMs = T0 + 86_400_000): PriceReadQuery => ({
  instrumentIds: ids,
  runs: null,
  range: { fromMs, toMs },
  limit: 100_000,
});

describe('CachedTimeSeriesStore', () => {
  it('answers repeated reads from memory and matches the store exactly', async () => {
    const h = await open();
    await h.cached.writePrices(day('SIM.A', 10, 2));
    await h.cached.writePrices(day('SIM.B', 50, 2));
    const q = query(['SIM.B', 'SIM.A'], T0 + 3_600_000, T0 + 30 * 3_600_000);
    const first = await h.cached.readPrices(q);
    const second = await h.cached.readPrices(q);
    expect(second).toEqual(first);
    expect(second).toEqual(await h.inner.readPrices(q));
    expect(h.cached.stats()).toMatchObject({ misses: 2, hits: 2 });
    await h.close();
  });

  it('drops the days a write touches, so the next read sees the new value', async () => {
    const h = await open();
    await h.cached.writePrices(day('SIM.A', 10));
    await h.cached.readPrices(query(['SIM.A']));
    await h.cached.writePrices(priceBatchFrom([rt5('SIM.A', 5, 999)]));
    const after = await h.cached.readPrices(query(['SIM.A']));
    expect(after.lmp[5]).toBe(999);
    await h.close();
  });

  it('never caches a read that raced with a write', async () => {
    const h = await open();
    await h.inner.writePrices(day('SIM.A', 10));
    // An inner store whose reads take their snapshot, then wait at a gate before answering.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = Object.create(h.inner) as typeof h.inner;
    slow.readPrices = async (q) => {
      const snapshot = await h.inner.readPrices(q);
      await gate;
      return snapshot;
    };
    slow.writePrices = (b) => h.inner.writePrices(b);
    const cached = new CachedTimeSeriesStore(slow, 8 * 1024 * 1024);
    const reading = cached.readPrices(query(['SIM.A']));
    await new Promise((r) => setTimeout(r, 50));
    await cached.writePrices(priceBatchFrom([rt5('SIM.A', 0, 777)]));
    release();
    expect((await reading).lmp[0]).toBe(10); // the racing read itself saw the old snapshot…
    slow.readPrices = (q) => h.inner.readPrices(q);
    expect((await cached.readPrices(query(['SIM.A']))).lmp[0]).toBe(777); // …but did not cache it
    await h.close();
  });

  it('stays within its memory budget by evicting the least recently used days', async () => {
    const h = await open(40_000);
    for (const id of ['SIM.A', 'SIM.B', 'SIM.C']) {
      await h.cached.writePrices(day(id, 1));
      await h.cached.readPrices(query([id]));
    }
    expect(h.cached.stats().bytes).toBeLessThanOrEqual(40_000);
    expect(h.cached.stats().blocks).toBe(2);
    await h.close();
  });

  it('passes wide queries straight to the store', async () => {
    const h = await open();
    await h.cached.writePrices(day('SIM.A', 1, 2));
    const wide = await h.cached.readPrices(
      query(['SIM.A'], T0 - 100 * 86_400_000, T0 + 2 * 86_400_000),
    );
    expect(wide.length).toBe(576);
    expect(h.cached.stats().blocks).toBe(0);
    await h.close();
  });
});
