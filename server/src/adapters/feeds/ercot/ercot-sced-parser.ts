import type { FeedData, SourceDocument } from '../../../ports/market-feed.js';
import { readPriceRows } from '../kit/canonical-rows.js';
import type { CsvEngine, CsvTable } from '../kit/csv-engine.js';
import { sourceProblem } from '../kit/source-problem.js';
import {
  cellText,
  ercotLayout,
  parseEachCsv,
  readCsvTable,
  readField,
  rejectRowsWhere,
  sqlText,
  withTempTable,
} from './ercot-csv.js';
import { ERCOT_MARKET_ID, settlementPointInstrument } from './ercot-market.js';
import { ercotLocalTimestamp, repeatedHourFlag } from './ercot-time.js';

const FIVE_MINUTES_MS = 5 * 60_000;

const SCED_LAYOUT = ercotLayout(
  { SCEDTimestamp: 'VARCHAR', SettlementPoint: 'VARCHAR', LMP: 'DOUBLE' },
  { RepeatedHourFlag: 'VARCHAR' },
);

/**
 * The UTC instant of each distinct SCED run in the file (usually one), as a SQL list (ts, flag, run_ms). A file
 * without the flag column is read as if every row said "N".
 */
const runTimesSql = async (table: CsvTable, document: SourceDocument): Promise<string> => {
  const hasFlag = table.header.includes('RepeatedHourFlag');
  const flag = hasFlag ? '"RepeatedHourFlag"' : 'NULL::VARCHAR';
  const runs = await table.rows(
    `SELECT "SCEDTimestamp" AS ts, ${flag} AS f, min(_line) AS line FROM ${table.relation}
       GROUP BY ALL ORDER BY line`,
  );
  const values = runs.map((run) => {
    const line = Number(run.line);
    const stamp = cellText(run.ts);
    const text = stamp ?? '';
    const flagText = cellText(run.f);
    const repeated = hasFlag
      ? readField(document, line, 'RepeatedHourFlag', () => repeatedHourFlag(flagText))
      : false;
    const runMs = readField(document, line, 'SCEDTimestamp', () =>
      ercotLocalTimestamp(text, repeated),
    );
    const quoted = (v: string | null): string => (v === null ? 'NULL::VARCHAR' : sqlText(v));
    return `(${quoted(stamp)}, ${quoted(flagText)}, ${runMs}::DOUBLE)`;
  });
  return values.length === 0
    ? 'SELECT NULL::VARCHAR AS ts, NULL::VARCHAR AS f, NULL::DOUBLE AS run_ms WHERE false'
    : `SELECT * FROM (VALUES ${values.join(', ')}) AS t(ts, f, run_ms)`;
};

/**
 * LMPs by settlement point from SCED (NP6-788-CD): `SCEDTimestamp,RepeatedHourFlag,SettlementPoint,LMP`, one file
 * per SCED run. SCED runs every five minutes, a few seconds after the mark, and prices the interval that starts
 * then, so a run stamped 14:05:12 gives the interval [14:05, 14:10). When SCED runs again within the same five
 * minutes (a manual re-run), the later run's price is the one in force at the interval's end and is kept.
 */
const parseScedLmpCsv = (csv: CsvEngine, document: SourceDocument): Promise<FeedData> =>
  readCsvTable(csv, document, SCED_LAYOUT, async (table) => {
    await rejectRowsWhere(
      table,
      document,
      `"SettlementPoint" IS NULL OR trim("SettlementPoint") = ''`,
      'SettlementPoint',
      'no settlement point named',
    );
    await rejectRowsWhere(table, document, '"LMP" IS NULL', 'LMP', 'no price given');
    const runs = await runTimesSql(table, document);
    const flagJoin = table.header.includes('RepeatedHourFlag')
      ? 'r."RepeatedHourFlag" IS NOT DISTINCT FROM k.f'
      : 'k.f IS NULL';
    const priced = `
      WITH k AS (${runs})
      SELECT trim(r."SettlementPoint") AS code, r._line, r."LMP" AS lmp, k.run_ms,
             floor(k.run_ms / ${FIVE_MINUTES_MS}) * ${FIVE_MINUTES_MS} AS interval_start_ms
        FROM ${table.relation} r JOIN k ON r."SCEDTimestamp" IS NOT DISTINCT FROM k.ts AND ${flagJoin}`;
    return withTempTable(table, priced, async (runs) => {
      const [duplicate] = await table.rows(
        `SELECT code, max(_line) AS line, min(_line) AS first FROM ${runs}
           GROUP BY code, run_ms HAVING count(*) > 1 ORDER BY line LIMIT 1`,
      );
      if (duplicate !== undefined) {
        throw sourceProblem(
          document.name,
          Number(duplicate.line),
          'SettlementPoint',
          `a second LMP for ${String(duplicate.code)} in the same SCED run (first on line ${Number(duplicate.first)})`,
        );
      }
      const latestRun = `
        SELECT code, interval_start_ms, 5 AS interval_minutes, lmp,
               NULL AS energy, NULL AS congestion, NULL AS loss, NULL AS ghg
          FROM ${runs}
        QUALIFY row_number() OVER (PARTITION BY code, interval_start_ms ORDER BY run_ms DESC) = 1`;
      const codes = await table.rows(`SELECT DISTINCT code FROM ${runs} ORDER BY code`);
      return {
        kind: 'prices',
        prices: await readPriceRows(table, latestRun, ERCOT_MARKET_ID, 'RT5'),
        instruments: codes.map((row) => settlementPointInstrument(String(row.code))),
      };
    });
  });

export const parseScedLmp = (csv: CsvEngine, document: SourceDocument): Promise<FeedData> =>
  parseEachCsv(document, 'prices', (member) => parseScedLmpCsv(csv, member));
