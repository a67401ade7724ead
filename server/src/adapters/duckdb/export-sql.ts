import type { FileFormat, PriceExportQuery } from '../../ports/export-store.js';
import { AGGREGATE, bucketSql, keyFilter, runFilter } from './price-sql.js';
import { RUN_CODE } from './run-codes.js';
import { ts } from './sql-values.js';

/*
 * SQL of exports: a COPY of the prices API's own query to a file. Bound values: $1 from, $2 to (epoch ms), $3 the
 * zone of local resampling. Inlined: our own integers (series keys, run codes), fixed names, the file path the
 * service chose inside its export directory, and instrument ids the catalog resolved (quoted as literals).
 */

/** A string literal: the file path (chosen by the service) and instrument ids (known to the catalog). */
const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** UTC ISO 8601 with milliseconds and Z, exactly as the API writes times. */
const isoText = (timestamp: string): string => `strftime(${timestamp}, '%Y-%m-%dT%H:%M:%S.%gZ')`;

/** A timestamp column: ISO text in CSV, a UTC-adjusted timestamp in Parquet. */
export const timeColumn = (timestamp: string, format: FileFormat): string =>
  format.format === 'csv' ? isoText(timestamp) : `(${timestamp})::TIMESTAMPTZ`;

export const copyOptions = (format: FileFormat): string =>
  format.format === 'parquet'
    ? '(FORMAT parquet, COMPRESSION zstd)'
    : `(FORMAT csv, HEADER true${format.gzip ? ', COMPRESSION gzip' : ''})`;

export const copyTo = (select: string, file: string, format: FileFormat): string =>
  `COPY (${select}) TO ${literal(file)} ${copyOptions(format)}`;

/** Requested instruments: series key and id, in the caller's order. */
export interface ExportInstrument {
  readonly key: number;
  readonly id: string;
}

/**
 * The instrument id of a row from its series key, without a join (a join with series_keys costs more than the
 * whole COPY): an index into a literal list spanning the requested keys, or a CASE when they are far apart.
 */
const instrumentIdSql = (instruments: readonly ExportInstrument[]): string => {
  const keys = instruments.map((i) => i.key);
  const low = Math.min(...keys);
  const span = Math.max(...keys) - low + 1;
  if (span <= 4 * instruments.length + 64) {
    const byKey = new Map(instruments.map((i) => [i.key, i.id]));
    const list = Array.from({ length: span }, (_, k) => {
      const id = byKey.get(low + k);
      return id === undefined ? 'NULL' : literal(id);
    });
    return `[${list.join(', ')}][instrument_key - ${low - 1}]`;
  }
  return `CASE instrument_key ${instruments.map((i) => `WHEN ${i.key} THEN ${literal(i.id)}`).join(' ')} END`;
};

const RUN_LIST = `[${Object.entries(RUN_CODE)
  .sort(([, a], [, b]) => a - b)
  .map(([run]) => literal(run))
  .join(', ')}]`;

/**
 * The prices of a query with the API's CSV columns. Parquet takes the fastest path: rows in storage order and the
 * instrument and run as ENUM columns (dictionary-encoded once, not per row); readers sort or filter as they need.
 * CSV, written as text anyway, is ordered as the API orders it: instruments as asked for, run, interval start.
 */
export const priceExportSelect = (
  query: PriceExportQuery,
  instruments: readonly ExportInstrument[],
  format: FileFormat,
): { sql: string; zone: string | null } => {
  const parquet = format.format === 'parquet';
  const ids = instruments.map((i) => i.id);
  const instrument = parquet
    ? `(${instrumentIdSql(instruments)})::ENUM(${[...new Set(ids)].map(literal).join(', ')})`
    : instrumentIdSql(instruments);
  // Run codes are dense from 1 (run-codes.ts), so the code indexes the list directly.
  const run = parquet
    ? `(${RUN_LIST}[market_run])::ENUM(${RUN_LIST.slice(1, -1)})`
    : `${RUN_LIST}[market_run]`;
  const position = `CASE instrument_key ${instruments.map((i, n) => `WHEN ${i.key} THEN ${n}`).join(' ')} END`;
  const where = `superseded_at IS NULL AND ${keyFilter(instruments.map((i) => i.key))}${runFilter(query.runs)}
    AND interval_start >= ${ts('$1')} AND interval_start < ${ts('$2')}`;
  const named = (source: string, samples: boolean): string =>
    `SELECT ${instrument} AS instrument, ${run} AS run,
       ${timeColumn('interval_start', format)} AS interval_start_utc, interval_minutes,
       lmp, energy, congestion, loss, ghg${samples ? ', samples' : ''}
     FROM (${source})${parquet ? '' : ` ORDER BY ${position}, market_run, interval_start`}`;
  if (query.resample === null) {
    return {
      sql: named(
        `SELECT instrument_key, market_run, interval_start, interval_minutes, lmp, energy, congestion, loss, ghg
         FROM price_observations WHERE ${where}`,
        false,
      ),
      zone: null,
    };
  }
  const agg = AGGREGATE[query.resample.aggregation];
  // bucketSql numbers the zone parameter $4 for the API's statement; here it is $3.
  const bucketing = bucketSql(query.resample.bucket);
  const columns = bucketing.columns.replaceAll('$4', '$3');
  return {
    sql: named(
      `WITH src AS (
         SELECT instrument_key, market_run, interval_start, epoch_ms(interval_start) AS t, interval_minutes,
           lmp, energy, congestion, loss, ghg
         FROM price_observations WHERE ${where}
       ), bucketed AS (SELECT *, ${columns} FROM src)
       SELECT instrument_key, market_run, epoch_ms(bucket_start::BIGINT) AS interval_start,
         bucket_minutes::USMALLINT AS interval_minutes,
         ${agg('lmp')} AS lmp, ${agg('energy')} AS energy, ${agg('congestion')} AS congestion,
         ${agg('loss')} AS loss, ${agg('ghg')} AS ghg, count(*)::UINTEGER AS samples
       FROM bucketed GROUP BY instrument_key, market_run, bucket_start, bucket_minutes`,
      true,
    ),
    zone: bucketing.zone,
  };
};
