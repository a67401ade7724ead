import { randomUUID } from 'node:crypto';
import { instrumentId } from '../../../domain/instruments/instrument.js';
import type { MarketRunId } from '../../../domain/markets/market.js';
import type { PriceBatch } from '../../../domain/prices/price-batch.js';
import type { SeriesBatch, SeriesVariable } from '../../../domain/series/series-batch.js';
import type { CsvTable } from './csv-engine.js';

/**
 * The canonical price row a market's SQL parser selects, one per location and interval:
 *   code VARCHAR              the operator's location code (becomes `<MARKET>.<code>`)
 *   interval_start_ms DOUBLE  UTC interval start, epoch milliseconds
 *   interval_minutes INTEGER
 *   lmp, energy, congestion, loss, ghg DOUBLE   (NULL where the operator publishes no such component)
 */
export const PRICE_ROW_COLUMNS =
  'code, interval_start_ms, interval_minutes, lmp, energy, congestion, loss, ghg';

/** Runs a parser's canonical-price SQL over a loaded CSV and returns the rows as a columnar batch. */
export const readPriceRows = async (
  table: CsvTable,
  sql: string,
  market: string,
  run: MarketRunId,
): Promise<PriceBatch> => {
  const parsed = `parsed_${randomUUID().replaceAll('-', '')}`;
  await table.run(`CREATE TEMP TABLE ${parsed} AS SELECT ${PRICE_ROW_COLUMNS} FROM (${sql})`);
  try {
    return await readPriceTable(table, parsed, market, run);
  } finally {
    await table.run(`DROP TABLE IF EXISTS ${parsed}`);
  }
};

/**
 * The same from a table the parser already materialised with the canonical price columns (saves a copy when the
 * parser checks the rows before reading them).
 */
export const readPriceTable = async (
  table: CsvTable,
  parsed: string,
  market: string,
  run: MarketRunId,
): Promise<PriceBatch> => {
  const codes = (await table.rows(`SELECT DISTINCT code FROM ${parsed} ORDER BY code`)).map((row) =>
    String(row.code),
  );
  const { rowCount, columns } = await table.columns(
    `WITH slots AS (SELECT code, (row_number() OVER (ORDER BY code) - 1)::UINTEGER AS slot
                        FROM (SELECT DISTINCT code FROM ${parsed}))
       SELECT slot, interval_start_ms::DOUBLE, interval_minutes::USMALLINT, lmp::DOUBLE, energy::DOUBLE,
              congestion::DOUBLE, loss::DOUBLE, ghg::DOUBLE
         FROM ${parsed} JOIN slots USING (code)`,
    ['u32', 'f64', 'u16', 'f64?', 'f64?', 'f64?', 'f64?', 'f64?'] as const,
  );
  const [slot, start, minutes, lmp, energy, congestion, loss, ghg] = columns;
  return {
    length: rowCount,
    instrumentIds: codes.map((code) => instrumentId(market, code)),
    instrumentIndex: slot,
    runs: [run],
    runIndex: new Uint8Array(rowCount),
    intervalStartMs: start,
    intervalMinutes: minutes,
    lmp,
    energy,
    congestion,
    loss,
    ghg,
  };
};

/**
 * The canonical series row: code VARCHAR, variable VARCHAR (`load.actual`, `load.forecast`, `gen.<fuel>`),
 * interval_start_ms DOUBLE, interval_minutes INTEGER, value_mw DOUBLE, issued_at_ms DOUBLE (NULL for actuals).
 */
export const readSeriesRows = async (
  table: CsvTable,
  sql: string,
  market: string,
): Promise<SeriesBatch> => {
  const parsed = `parsed_${randomUUID().replaceAll('-', '')}`;
  await table.run(
    `CREATE TEMP TABLE ${parsed} AS SELECT code, variable, interval_start_ms, interval_minutes, value_mw, issued_at_ms FROM (${sql})`,
  );
  try {
    const codes = (await table.rows(`SELECT DISTINCT code FROM ${parsed} ORDER BY code`)).map(
      (row) => String(row.code),
    );
    const variables = (
      await table.rows(`SELECT DISTINCT variable FROM ${parsed} ORDER BY variable`)
    ).map((row) => String(row.variable) as SeriesVariable);
    const { rowCount, columns } = await table.columns(
      `WITH codes AS (SELECT code, (row_number() OVER (ORDER BY code) - 1)::UINTEGER AS slot
                        FROM (SELECT DISTINCT code FROM ${parsed})),
            vars AS (SELECT variable, (row_number() OVER (ORDER BY variable) - 1)::USMALLINT AS vslot
                        FROM (SELECT DISTINCT variable FROM ${parsed}))
       SELECT slot, vslot, interval_start_ms::DOUBLE, interval_minutes::USMALLINT, value_mw::DOUBLE,
              issued_at_ms::DOUBLE
         FROM ${parsed} JOIN codes USING (code) JOIN vars USING (variable)`,
      ['u32', 'u16', 'f64', 'u16', 'f64', 'f64?'] as const,
    );
    const [slot, vslot, start, minutes, value, issued] = columns;
    return {
      length: rowCount,
      instrumentIds: codes.map((code) => instrumentId(market, code)),
      instrumentIndex: slot,
      variables,
      variableIndex: vslot,
      intervalStartMs: start,
      intervalMinutes: minutes,
      valueMw: value,
      issuedAtMs: issued,
    };
  } finally {
    await table.run(`DROP TABLE IF EXISTS ${parsed}`);
  }
};
