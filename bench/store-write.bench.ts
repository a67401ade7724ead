import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DOUBLE, DuckDBInstance, INTEGER, TIMESTAMP, USMALLINT, UTINYINT } from '@duckdb/node-api';
import { appendColumns } from '../server/src/adapters/duckdb/columns.js';
import { openDuckDbStores } from '../server/src/adapters/duckdb/open-duckdb-stores.js';
import type { PriceBatch } from '../server/src/domain/prices/price-batch.js';
import { systemClock } from '../server/src/platform/clock.js';
import { benchInstrumentIds, syntheticRt5Batch } from './synthetic-prices.js';

export interface StoreWriteResult {
  readonly rows: number;
  readonly batchRows: number;
  readonly adapterSeconds: number;
  readonly adapterRowsPerSecond: number;
  readonly rawAppenderRowsPerSecond: number;
  readonly reingestSeconds: number;
}

const BATCHES = 10;
const INSTRUMENTS = 100;
const INTERVALS_PER_BATCH = 10_000; // 100 × 10,000 = 1 M rows per batch

const fresh = (file: string): string => {
  rmSync(file, { force: true });
  rmSync(`${file}.wal`, { force: true });
  return file;
};

/**
 * (a) Bulk write throughput through the adapter's batch path (validation, duplicate check, staging, revision
 * merge, latest-price upkeep), into a file-backed DuckDB, beside DuckDB's own appender writing the same columns
 * into a bare table (the ceiling).
 */
export const runStoreWriteBench = async (dataDir: string): Promise<StoreWriteResult> => {
  const ids = benchInstrumentIds(INSTRUMENTS);
  const start = Date.UTC(2024, 0, 1);
  const batches: PriceBatch[] = Array.from({ length: BATCHES }, (_, b) =>
    syntheticRt5Batch(ids, start + b * INTERVALS_PER_BATCH * 300_000, INTERVALS_PER_BATCH),
  );
  const rows = batches.reduce((n, b) => n + b.length, 0);

  const stores = await openDuckDbStores(
    { file: fresh(join(dataDir, 'write.duckdb')), threads: 2, memoryLimit: null },
    systemClock,
  );
  let began = performance.now();
  for (const batch of batches) {
    await stores.timeSeries.writePrices(batch);
  }
  const adapterSeconds = (performance.now() - began) / 1000;
  began = performance.now();
  const again = await stores.timeSeries.writePrices(batches[0] as PriceBatch);
  const reingestSeconds = (performance.now() - began) / 1000;
  if (again.inserted + again.revised !== 0) {
    throw new Error('re-ingesting a batch stored rows: idempotency is broken');
  }
  await stores.close();

  const instance = await DuckDBInstance.create(fresh(join(dataDir, 'raw.duckdb')), {
    threads: '2',
  });
  const connection = await instance.connect();
  await connection.run(
    'CREATE TABLE px (instrument_key INTEGER, market_run UTINYINT, interval_start TIMESTAMP, interval_minutes USMALLINT, lmp DOUBLE, energy DOUBLE, congestion DOUBLE, loss DOUBLE, ghg DOUBLE)',
  );
  began = performance.now();
  for (const batch of batches) {
    const appender = await connection.createAppender('px');
    appendColumns(
      appender,
      [INTEGER, UTINYINT, TIMESTAMP, USMALLINT, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE],
      [
        { kind: 'i32', values: Int32Array.from(batch.instrumentIndex) },
        { kind: 'u8', values: batch.runIndex },
        { kind: 'timestamp', values: batch.intervalStartMs },
        { kind: 'u16', values: batch.intervalMinutes },
        { kind: 'f64', values: batch.lmp },
        { kind: 'f64?', values: batch.energy },
        { kind: 'f64?', values: batch.congestion },
        { kind: 'f64?', values: batch.loss },
        { kind: 'f64?', values: batch.ghg },
      ],
      batch.length,
    );
    appender.flushSync();
    appender.closeSync();
  }
  const rawSeconds = (performance.now() - began) / 1000;
  connection.closeSync();
  instance.closeSync();
  fresh(join(dataDir, 'raw.duckdb'));
  fresh(join(dataDir, 'write.duckdb'));

  return {
    rows,
    batchRows: rows / BATCHES,
    adapterSeconds,
    adapterRowsPerSecond: rows / adapterSeconds,
    rawAppenderRowsPerSecond: rows / rawSeconds,
    reingestSeconds,
  };
};
