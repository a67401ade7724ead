import { DOUBLE, INTEGER, TIMESTAMP, USMALLINT, UTINYINT, type DuckDBType } from '@duckdb/node-api';
import { validatePriceBatch, type PriceBatch } from '../../domain/prices/price-batch.js';
import { AppError } from '../../platform/errors.js';
import type { WriteResult } from '../../ports/time-series-store.js';
import { appendColumns, type ColumnSpec } from './columns.js';
import type { DuckDbDatabase, PooledConnection } from './duckdb-database.js';
import { dropIdenticalDuplicates } from './price-batches.js';
import { keyFilter, upsertLatest } from './price-sql.js';
import { mergeStagedRows, type RevisionedTable } from './revisioned-merge.js';
import { RUN_CODE } from './run-codes.js';
import type { SeriesKeys } from './series-keys.js';
import { big, ts } from './sql-values.js';

export const PRICES: RevisionedTable = {
  table: 'price_observations',
  stage: 'stage_prices',
  keys: ['instrument_key', 'market_run', 'interval_start'],
  nullableKeys: [],
  values: ['interval_minutes', 'lmp', 'energy', 'congestion', 'loss', 'ghg'],
  timeColumn: 'interval_start',
};

const ROW_TYPES = [INTEGER, UTINYINT, TIMESTAMP, USMALLINT, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE];
const STORED_TYPES: readonly DuckDBType[] = [...ROW_TYPES, USMALLINT, TIMESTAMP, TIMESTAMP];

/** Temp tables with the columns of one price row: incoming rows, and the newest row per instrument and run. */
export const PRICE_STAGE_DDL = ['stage_prices', 'stage_latest'].map(
  (name) => `CREATE TEMP TABLE IF NOT EXISTS ${name} (
    instrument_key INTEGER, market_run UTINYINT, interval_start TIMESTAMP, interval_minutes USMALLINT,
    lmp DOUBLE, energy DOUBLE, congestion DOUBLE, loss DOUBLE, ghg DOUBLE)`,
);

/** The batch in storage encoding: integer keys and run codes, plus what the write needs to know about it. */
interface EncodedBatch {
  readonly columns: ColumnSpec[];
  readonly rows: number;
  readonly keys: number[];
  readonly runCodes: number[];
  readonly fromMs: number;
  readonly toMs: number;
  /** Row index of the newest interval per (instrument, run), for the latest-price table. */
  readonly newestRows: Uint32Array;
}

const encode = (batch: PriceBatch, keyBySlot: readonly number[]): EncodedBatch => {
  const n = batch.length;
  const runCodeBySlot = batch.runs.map((run) => RUN_CODE[run]);
  const instrumentKey = new Int32Array(n);
  const runCode = new Uint8Array(n);
  const newest = new Map<number, number>();
  let fromMs = Infinity;
  let toMs = -Infinity;
  for (let i = 0; i < n; i++) {
    const slot = batch.instrumentIndex[i] as number;
    instrumentKey[i] = keyBySlot[slot] as number;
    runCode[i] = runCodeBySlot[batch.runIndex[i] as number] as number;
    const start = batch.intervalStartMs[i] as number;
    fromMs = Math.min(fromMs, start);
    toMs = Math.max(toMs, start);
    const pair = slot * 8 + (batch.runIndex[i] as number);
    const best = newest.get(pair);
    if (best === undefined || start > (batch.intervalStartMs[best] as number)) {
      newest.set(pair, i);
    }
  }
  return {
    columns: [
      { kind: 'i32', values: instrumentKey },
      { kind: 'u8', values: runCode },
      { kind: 'timestamp', values: batch.intervalStartMs },
      { kind: 'u16', values: batch.intervalMinutes },
      { kind: 'f64', values: batch.lmp },
      { kind: 'f64?', values: batch.energy },
      { kind: 'f64?', values: batch.congestion },
      { kind: 'f64?', values: batch.loss },
      { kind: 'f64?', values: batch.ghg },
    ],
    rows: n,
    keys: [...new Set(keyBySlot)],
    runCodes: [...new Set(runCodeBySlot)],
    fromMs,
    toMs,
    newestRows: Uint32Array.from(newest.values()),
  };
};

const pick = (column: ColumnSpec, rows: Uint32Array): ColumnSpec => {
  const Typed = column.values.constructor as new (n: number) => ColumnSpec['values'];
  const values = new Typed(rows.length);
  rows.forEach((row, i) => {
    values[i] = column.values[row] as number;
  });
  return { kind: column.kind, values };
};

const append = async (
  { connection }: PooledConnection,
  table: string,
  schema: string,
  catalog: string | null,
  types: readonly DuckDBType[],
  columns: readonly ColumnSpec[],
  rows: number,
): Promise<void> => {
  const appender = await connection.createAppender(table, schema, catalog);
  try {
    appendColumns(appender, types, columns, rows);
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
};

/**
 * Stores a price batch atomically with revision semantics. New data (nothing stored yet for these instruments in
 * the batch's time span, the bulk-load case) is appended straight into the table inside the transaction; otherwise
 * rows are staged and merged so identical values are skipped and changed ones become new revisions.
 */
export const writePriceBatch = async (
  db: DuckDbDatabase,
  keys: SeriesKeys,
  nowMs: number,
  input: PriceBatch,
): Promise<WriteResult> => {
  const problems = validatePriceBatch(input);
  if (problems.length > 0) {
    throw new AppError(
      'invalid_request',
      `Rejected ${input.length} price rows; nothing was stored`,
      {
        fields: problems,
      },
    );
  }
  const batch = dropIdenticalDuplicates(input);
  if (batch.length === 0) {
    return { inserted: 0, revised: 0, unchanged: input.length };
  }
  const encoded = encode(batch, await keys.ensure(batch.instrumentIds));
  const outcome = await db.write((pooled) =>
    pooled.transaction(async () => {
      const existing = await pooled.connection.runAndReadAll(
        `SELECT count(*)::INTEGER FROM price_observations
         WHERE superseded_at IS NULL AND ${keyFilter(encoded.keys)}
           AND market_run IN (${encoded.runCodes.join(', ')})
           AND interval_start >= ${ts('$1')} AND interval_start <= ${ts('$2')}`,
        [big(encoded.fromMs), big(encoded.toMs)],
      );
      if (Number(existing.getRowsJS()[0]?.[0] ?? 0) === 0) {
        const revision = new Uint16Array(encoded.rows).fill(1);
        const receivedAt = new Float64Array(encoded.rows).fill(nowMs);
        const supersededAt = new Float64Array(encoded.rows).fill(Number.NaN);
        await append(
          pooled,
          'price_observations',
          'main',
          null,
          STORED_TYPES,
          [
            ...encoded.columns,
            { kind: 'u16', values: revision },
            { kind: 'timestamp', values: receivedAt },
            { kind: 'timestamp', values: supersededAt },
          ],
          encoded.rows,
        );
        await pooled.connection.run('DELETE FROM stage_latest');
        await append(
          pooled,
          'stage_latest',
          'main',
          'temp',
          ROW_TYPES,
          encoded.columns.map((c) => pick(c, encoded.newestRows)),
          encoded.newestRows.length,
        );
        await upsertLatest(pooled, 'stage_latest', nowMs);
        return { inserted: encoded.rows, revised: 0 };
      }
      await pooled.connection.run('DELETE FROM stage_prices');
      await append(
        pooled,
        'stage_prices',
        'main',
        'temp',
        ROW_TYPES,
        encoded.columns,
        encoded.rows,
      );
      const merged = await mergeStagedRows(pooled, PRICES, {
        fromMs: encoded.fromMs,
        toMs: encoded.toMs,
        nowMs,
      });
      await upsertLatest(pooled, merged.rows, nowMs);
      return merged;
    }),
  );
  return {
    inserted: outcome.inserted,
    revised: outcome.revised,
    unchanged: input.length - outcome.inserted - outcome.revised,
  };
};
