import { DuckDBTimestampValue, listValue } from '@duckdb/node-api';
import {
  emptySeriesBatch,
  validateSeriesBatch,
  type SeriesBatch,
  type SeriesVariable,
} from '../../domain/series/series-batch.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { SeriesReadQuery, WriteResult } from '../../ports/time-series-store.js';
import { describeConflicts, findDuplicateRows } from './batch-keys.js';
import type { DuckDbDatabase } from './duckdb-database.js';
import { keyFilter } from './price-sql.js';
import { mergeStagedRows, type RevisionedTable } from './revisioned-merge.js';
import type { SeriesKeys } from './series-keys.js';
import { ts, big } from './sql-values.js';

const SERIES: RevisionedTable = {
  table: 'series_observations',
  stage: 'stage_series',
  keys: ['instrument_key', 'variable', 'interval_start'],
  // Forecast vintages: two issue times of the same interval are two observations, not revisions.
  nullableKeys: ['issued_at'],
  values: ['interval_minutes', 'value_mw'],
  timeColumn: 'interval_start',
};

export const SERIES_STAGE_DDL = `CREATE TEMP TABLE IF NOT EXISTS stage_series (
  instrument_key INTEGER, variable VARCHAR, interval_start TIMESTAMP, interval_minutes USMALLINT,
  issued_at TIMESTAMP, value_mw DOUBLE)`;

const timestampValue = (ms: number): DuckDBTimestampValue =>
  new DuckDBTimestampValue(BigInt(Math.round(ms)) * 1000n);

/** Load, forecasts and generation mix in DuckDB, with the same revision rules as prices. */
export class DuckDbSeriesTable {
  readonly #db: DuckDbDatabase;
  readonly #clock: Clock;
  readonly #keys: SeriesKeys;

  constructor(db: DuckDbDatabase, clock: Clock, keys: SeriesKeys) {
    this.#db = db;
    this.#clock = clock;
    this.#keys = keys;
  }

  async write(input: SeriesBatch): Promise<WriteResult> {
    const problems = validateSeriesBatch(input);
    const conflicts = findDuplicateRows(
      input.length,
      (i) => (input.instrumentIndex[i] as number) * 64 + (input.variableIndex[i] as number),
      input.intervalStartMs,
      input.issuedAtMs,
    );
    problems.push(
      ...describeConflicts(
        conflicts.filter(
          ([a, b]) =>
            input.valueMw[a] !== input.valueMw[b] ||
            input.intervalMinutes[a] !== input.intervalMinutes[b],
        ),
        (i) =>
          `${input.instrumentIds[input.instrumentIndex[i] as number]} ${input.variables[input.variableIndex[i] as number]}`,
      ),
    );
    if (problems.length > 0) {
      throw new AppError(
        'invalid_request',
        `Rejected ${input.length} series rows; nothing was stored`,
        {
          fields: problems,
        },
      );
    }
    if (input.length === 0) {
      return { inserted: 0, revised: 0, unchanged: 0 };
    }
    const duplicate = new Set(conflicts.map(([, b]) => b));
    const keyBySlot = await this.#keys.ensure(input.instrumentIds);
    let fromMs = Infinity;
    let toMs = -Infinity;
    for (let i = 0; i < input.length; i++) {
      fromMs = Math.min(fromMs, input.intervalStartMs[i] as number);
      toMs = Math.max(toMs, input.intervalStartMs[i] as number);
    }
    const nowMs = this.#clock.now();
    const outcome = await this.#db.write(async (pooled) => {
      await pooled.connection.run('DELETE FROM stage_series');
      // Series volumes are modest (hourly/5-minute system values), so the row appender is fast enough here.
      const appender = await pooled.connection.createAppender('stage_series', 'main', 'temp');
      try {
        for (let i = 0; i < input.length; i++) {
          if (duplicate.has(i)) {
            continue;
          }
          appender.appendInteger(keyBySlot[input.instrumentIndex[i] as number] as number);
          appender.appendVarchar(input.variables[input.variableIndex[i] as number] as string);
          appender.appendTimestamp(timestampValue(input.intervalStartMs[i] as number));
          appender.appendUSmallInt(input.intervalMinutes[i] as number);
          const issued = input.issuedAtMs[i] as number;
          if (Number.isNaN(issued)) {
            appender.appendNull();
          } else {
            appender.appendTimestamp(timestampValue(issued));
          }
          appender.appendDouble(input.valueMw[i] as number);
          appender.endRow();
        }
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
      return pooled.transaction(() => mergeStagedRows(pooled, SERIES, { fromMs, toMs, nowMs }));
    });
    return {
      inserted: outcome.inserted,
      revised: outcome.revised,
      unchanged: input.length - outcome.inserted - outcome.revised,
    };
  }

  async read(query: SeriesReadQuery): Promise<SeriesBatch> {
    const keys = this.#keys.keysOf(query.instrumentIds);
    if (keys.length === 0 || query.limit <= 0) {
      return emptySeriesBatch();
    }
    const variables = query.variables;
    const reader = await this.#db.read(async ({ connection }) =>
      connection.runAndReadAll(
        `SELECT instrument_key, variable, epoch_ms(interval_start)::DOUBLE, interval_minutes::INTEGER, value_mw,
           epoch_ms(issued_at)::DOUBLE
         FROM series_observations
         WHERE superseded_at IS NULL AND ${keyFilter(keys)}
           ${variables ? `AND list_contains($4::VARCHAR[], variable)` : ''}
           AND interval_start >= ${ts('$1')} AND interval_start < ${ts('$2')}
         ORDER BY instrument_key, variable, interval_start, issued_at NULLS FIRST
         LIMIT $3`,
        [
          big(query.range.fromMs),
          big(query.range.toMs),
          BigInt(query.limit),
          ...(variables ? [listValue([...variables])] : []),
        ],
      ),
    );
    const rows = reader.getRowsJS();
    const instrumentIds: string[] = [];
    const variableNames: SeriesVariable[] = [];
    const slot = <T>(list: T[], v: T): number => {
      const at = list.indexOf(v);
      return at >= 0 ? at : list.push(v) - 1;
    };
    const n = rows.length;
    const batch = {
      length: n,
      instrumentIds,
      instrumentIndex: new Uint32Array(n),
      variables: variableNames,
      variableIndex: new Uint16Array(n),
      intervalStartMs: new Float64Array(n),
      intervalMinutes: new Uint16Array(n),
      valueMw: new Float64Array(n),
      issuedAtMs: new Float64Array(n),
    };
    rows.forEach((row, i) => {
      batch.instrumentIndex[i] = slot(instrumentIds, this.#keys.idOf(Number(row[0])));
      batch.variableIndex[i] = slot(variableNames, row[1] as SeriesVariable);
      batch.intervalStartMs[i] = row[2] as number;
      batch.intervalMinutes[i] = Number(row[3]);
      batch.valueMw[i] = row[4] as number;
      batch.issuedAtMs[i] = row[5] === null ? Number.NaN : (row[5] as number);
    });
    return batch;
  }
}
