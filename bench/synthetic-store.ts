import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { openDuckDbStores } from '../server/src/adapters/duckdb/open-duckdb-stores.js';
import { systemClock } from '../server/src/platform/clock.js';
import { benchInstrumentIds, syntheticRt5Batch } from './synthetic-prices.js';

const DAY_MS = 86_400_000;

/** How many synthetic 5-minute prices a benchmark store holds: instruments × days × 288. */
export interface SyntheticStoreShape {
  readonly instruments: number;
  readonly firstDayMs: number;
  readonly days: number;
  /** Days per write batch (keeps each batch around a million rows). */
  readonly daysPerWrite: number;
}

/**
 * Builds (or reuses, when a finished one is there) a DuckDB file of synthetic 5-minute prices for a BENCH market,
 * through the store's own write path. The marker file with the row count is written last, so a build cut short is
 * built again rather than reused.
 */
export const ensureSyntheticStore = async (
  file: string,
  shape: SyntheticStoreShape,
): Promise<{ rows: number; seconds: number | null }> => {
  const { instruments, firstDayMs, days: totalDays, daysPerWrite } = shape;
  const marker = `${file}.rows`;
  if (existsSync(file) && existsSync(marker)) {
    return { rows: Number(readFileSync(marker, 'utf8')), seconds: null };
  }
  rmSync(file, { force: true });
  rmSync(`${file}.wal`, { force: true });
  const began = performance.now();
  const stores = await openDuckDbStores({ file, threads: 2, memoryLimit: null }, systemClock);
  const ids = benchInstrumentIds(instruments);
  await stores.metadata.upsertMarkets([
    {
      id: 'BENCH',
      name: 'Benchmark nodes (synthetic)',
      timezone: 'America/Chicago',
      currency: 'USD',
      runs: [{ id: 'RT5', intervalMinutes: 5, description: 'Real-time 5-minute' }],
      synthetic: true,
    },
  ]);
  await stores.metadata.upsertInstruments(
    ids.map((id) => ({
      id,
      market: 'BENCH',
      code: id.slice(6),
      name: id,
      kind: 'node' as const,
      product: 'lmp' as const,
      aliases: [],
    })),
  );
  let rows = 0;
  for (let day = 0; day < totalDays; day += daysPerWrite) {
    const days = Math.min(daysPerWrite, totalDays - day);
    const result = await stores.timeSeries.writePrices(
      syntheticRt5Batch(ids, firstDayMs + day * DAY_MS, days * 288),
    );
    rows += result.inserted;
  }
  await stores.close();
  writeFileSync(marker, String(rows));
  return { rows, seconds: (performance.now() - began) / 1000 };
};
