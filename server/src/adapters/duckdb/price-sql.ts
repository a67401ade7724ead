import type { MarketRunId } from '../../domain/markets/market.js';
import { MARKET_RUN_IDS } from '../../domain/markets/market.js';
import type { Aggregation, ResampleBucket } from '../../domain/prices/price-query.js';
import type { PooledConnection } from './duckdb-database.js';
import { RUN_CODE } from './run-codes.js';
import { ts } from './sql-values.js';

/** SQL fragments for the price tables. Only our own integers and fixed names are inlined; values are bound. */

/** A timestamp parameter given as epoch milliseconds. */
export const AGGREGATE: Record<Aggregation, (column: string) => string> = {
  // Rounded to 6 decimals: a weighted mean of cent prices otherwise shows float noise (0.029999999999999995).
  avg: (c) =>
    `round(sum(${c} * interval_minutes) / sum(CASE WHEN ${c} IS NOT NULL THEN interval_minutes END), 6)`,
  min: (c) => `min(${c})`,
  max: (c) => `max(${c})`,
  first: (c) => `arg_min(${c}, t)`,
  last: (c) => `arg_max(${c}, t)`,
};

/** Keeps the latest-interval table current from the rows that changed in this write. */
export const upsertLatest = async (
  { connection }: PooledConnection,
  changedRows: string,
  nowMs: number,
): Promise<void> => {
  await connection.run(
    `INSERT INTO latest_prices
     SELECT instrument_key, market_run, max(interval_start), arg_max(interval_minutes, interval_start),
       arg_max(lmp, interval_start), arg_max(energy, interval_start), arg_max(congestion, interval_start),
       arg_max(loss, interval_start), arg_max(ghg, interval_start), ${ts('$1')}
     FROM ${changedRows} GROUP BY instrument_key, market_run
     ON CONFLICT (instrument_key, market_run) DO UPDATE SET
       interval_start = excluded.interval_start, interval_minutes = excluded.interval_minutes, lmp = excluded.lmp,
       energy = excluded.energy, congestion = excluded.congestion, loss = excluded.loss, ghg = excluded.ghg,
       received_at = excluded.received_at
     WHERE excluded.interval_start >= latest_prices.interval_start`,
    [BigInt(nowMs)],
  );
};

/** Integer keys come from our own dictionary, never from callers, so inlining them is safe and lets SQL plan per list. */
export const keyFilter = (keys: readonly number[]): string =>
  keys.length === 1 ? `instrument_key = ${keys[0]}` : `instrument_key IN (${keys.join(', ')})`;

export const runFilter = (runs: readonly MarketRunId[] | null | undefined): string =>
  runs && runs.length < MARKET_RUN_IDS.length
    ? ` AND market_run IN (${runs.map((r) => RUN_CODE[r]).join(', ')})`
    : '';

export const bucketSql = (bucket: ResampleBucket): { columns: string; zone: string | null } => {
  if (bucket.kind === 'fixed') {
    // Never upsample: an hourly DA row stays hourly when 5-minute buckets are asked for.
    const width = `greatest(${bucket.minutes}, interval_minutes)::BIGINT`;
    return {
      columns: `(t // (${width} * 60000)) * (${width} * 60000) AS bucket_start, ${width} AS bucket_minutes`,
      zone: null,
    };
  }
  const unit = bucket.unit === 'day' ? 'day' : 'month';
  const local = `date_trunc('${unit}', timezone($4, interval_start::TIMESTAMPTZ))`;
  return {
    columns: `epoch_ms(timezone($4, ${local})) AS bucket_start,
      (epoch_ms(timezone($4, ${local} + INTERVAL 1 ${unit})) - epoch_ms(timezone($4, ${local}))) // 60000 AS bucket_minutes`,
    zone: bucket.zone,
  };
};
