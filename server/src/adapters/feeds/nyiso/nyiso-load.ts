import { randomUUID } from 'node:crypto';
import { localDayBounds } from '../../../domain/time/zoned.js';
import type { FeedData, SourceDocument } from '../../../ports/market-feed.js';
import { readSeriesRows } from '../kit/canonical-rows.js';
import type { CsvEngine, CsvTable } from '../kit/csv-engine.js';
import { sourceProblem } from '../kit/source-problem.js';
import {
  cellText,
  requireOneRowPer,
  stampByRowOrder,
  stampByZoneColumn,
  wallClockSql,
} from './nyiso-clock.js';
import { fileDateOf, readNyisoCsv } from './nyiso-documents.js';
import {
  loadZoneInstrument,
  NYISO_LOAD_ZONES,
  NYISO_MARKET_ID,
  NYISO_TIMEZONE,
  SYSTEM_LOAD_CODE,
  systemLoadInstrument,
} from './nyiso-market.js';

const sqlText = (text: string): string => `'${text.replaceAll("'", "''")}'`;
const sqlIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const ZONE_LIST = NYISO_LOAD_ZONES.map((z) => sqlText(z.code)).join(', ');
const FIVE_MINUTES_MS = 300_000;

/** Fails on the first line with an empty required cell, naming the first such field on it. */
const firstMissing = async (
  table: CsvTable,
  document: SourceDocument,
  relation: string,
  checks: ReadonlyArray<{ column: string; field: string; message: string }>,
): Promise<void> => {
  const [row] = await table.rows(
    `SELECT _line, ${checks.map((c, i) => `${sqlIdent(c.column)} IS NULL AS missing_${i}`).join(', ')}
       FROM ${relation} WHERE ${checks.map((c) => `${sqlIdent(c.column)} IS NULL`).join(' OR ')}
      ORDER BY _line LIMIT 1`,
  );
  const check = row ? checks.find((_, i) => row[`missing_${i}`] === true) : undefined;
  if (row && check) {
    throw sourceProblem(document.name, Number(row._line), check.field, check.message);
  }
};

const tableName = (prefix: string): string => `${prefix}_${randomUUID().replaceAll('-', '')}`;

/**
 * Parses NYISO's real-time actual load (`pal`): 5-minute readings by zone, quoted, with a `Time Zone` column
 * (EST/EDT) that settles the repeated hour. Each reading is the zone's load at the stamp, stored as the 5-minute
 * interval starting there (the file for a day runs 00:00–23:55, so its readings cover exactly that day).
 * NYISO also posts off-schedule snapshots (e.g. 00:07:34) between the 5-minute readings; those would overlap
 * the regular intervals and are left out. SYSTEM_LOAD is the sum of the eleven zones at each stamp — the zones
 * partition NYCA — and is only given where all eleven are present.
 */
export const parsePalDocument = (csv: CsvEngine, document: SourceDocument): Promise<FeedData> =>
  readNyisoCsv(
    csv,
    document,
    {
      columns: { 'Time Stamp': 'VARCHAR', 'Time Zone': 'VARCHAR', Name: 'VARCHAR', Load: 'DOUBLE' },
    },
    async (table) => {
      const source = tableName('pal_source');
      await table.run(
        `CREATE TEMP TABLE ${source} AS
         SELECT _line, "Name" AS location, ${wallClockSql('"Time Stamp"')} AS wall_ms,
                "Time Zone" AS time_zone, "Load" AS load_mw
           FROM ${table.relation}`,
      );
      await firstMissing(table, document, source, [
        { column: 'location', field: 'Name', message: 'the zone name is missing' },
        { column: 'load_mw', field: 'Load', message: 'the load is missing' },
      ]);
      const stamped = await stampByZoneColumn(table, document, source);
      await requireOneRowPer(table, document, stamped.relation, {
        column: 'location',
        field: 'Name',
      });
      const onGrid = `FROM ${stamped.relation} WHERE utc_ms % ${FIVE_MINUTES_MS} = 0`;
      const series = await readSeriesRows(
        table,
        `SELECT 'LOAD.' || location AS code, 'load.actual' AS variable, utc_ms AS interval_start_ms,
                5 AS interval_minutes, load_mw AS value_mw, NULL::DOUBLE AS issued_at_ms ${onGrid}
         UNION ALL
         SELECT ${sqlText(SYSTEM_LOAD_CODE)}, 'load.actual', utc_ms, 5,
                sum(load_mw) FILTER (WHERE location IN (${ZONE_LIST})), NULL::DOUBLE ${onGrid}
          GROUP BY utc_ms
         HAVING count(DISTINCT location) FILTER (WHERE location IN (${ZONE_LIST})) = ${NYISO_LOAD_ZONES.length}`,
        NYISO_MARKET_ID,
      );
      const zones = await table.rows(`SELECT DISTINCT location ${onGrid} ORDER BY location`);
      const hasTotal = series.instrumentIds.some((id) => id.endsWith(`.${SYSTEM_LOAD_CODE}`));
      return {
        kind: 'series',
        series,
        instruments: [
          ...zones.map((row) => loadZoneInstrument(cellText(row.location))),
          ...(hasTotal ? [systemLoadInstrument()] : []),
        ],
      };
    },
  );

/** isolf headers name the zones in mixed case ("Hud Vl"); upper-cased they are the zone codes ("HUD VL"). */
const FORECAST_ZONES = NYISO_LOAD_ZONES.map((z) => z.code);
const FORECAST_TOTAL = 'NYISO';

/**
 * Parses NYISO's ISO load forecast (`isolf`): hourly, wide by zone plus the NYISO total, `Time Stamp` = hour
 * beginning in Eastern wall-clock time without a DST marker (the repeated fall-back hour is told apart by row
 * order, as in the LBMP files). One file covers its date and the following days.
 *
 * Vintage: the file says nothing of when it was issued, so every forecast in it is stamped as issued at the
 * start (local midnight) of the date in its name — the day NYISO posts it for. Files of different dates are
 * different vintages; a re-posted file of the same date revises that vintage. Without a date in the name (a
 * renamed file) the first forecast hour's date stands in, which is the file date in every file NYISO posts.
 * Columns other than the time, the eleven zones and the total are ignored.
 */
export const parseIsolfDocument = (csv: CsvEngine, document: SourceDocument): Promise<FeedData> =>
  readNyisoCsv(
    csv,
    document,
    {
      normaliseHeader: (name) => name.trim().toUpperCase(),
      columns: { 'TIME STAMP': 'VARCHAR', [FORECAST_TOTAL]: 'DOUBLE' },
      optionalColumns: Object.fromEntries(FORECAST_ZONES.map((zone) => [zone, 'DOUBLE' as const])),
    },
    async (table) => {
      const valueColumns = [
        ...FORECAST_ZONES.filter((zone) => table.header.includes(zone)),
        FORECAST_TOTAL,
      ];
      const source = tableName('isolf_source');
      await table.run(
        `CREATE TEMP TABLE ${source} AS
         SELECT _line, 'NYCA' AS location, ${wallClockSql('"TIME STAMP"')} AS wall_ms,
                ${valueColumns.map(sqlIdent).join(', ')}
           FROM ${table.relation}`,
      );
      await firstMissing(
        table,
        document,
        source,
        valueColumns.map((column) => ({
          column,
          field: column,
          message: 'the forecast is missing',
        })),
      );
      const stamped = await stampByRowOrder(table, document, source);
      const fileDate =
        fileDateOf(document.name) ??
        (
          await table.rows(
            `SELECT strftime(make_timestamp(wall_ms * 1000), '%Y-%m-%d') AS date FROM ${source} ORDER BY _line LIMIT 1`,
          )
        ).map((row) => String(row.date))[0];
      const issuedAtMs = fileDate ? localDayBounds(NYISO_TIMEZONE, fileDate).startMs : null;
      const series = await readSeriesRows(
        table,
        `SELECT CASE WHEN zone = ${sqlText(FORECAST_TOTAL)} THEN ${sqlText(SYSTEM_LOAD_CODE)}
                     ELSE 'LOAD.' || zone END AS code,
                'load.forecast' AS variable, utc_ms AS interval_start_ms, 60 AS interval_minutes,
                value_mw, ${issuedAtMs ?? 'NULL'}::DOUBLE AS issued_at_ms
           FROM (UNPIVOT (SELECT utc_ms, ${valueColumns.map(sqlIdent).join(', ')} FROM ${stamped.relation})
                 ON ${valueColumns.map(sqlIdent).join(', ')} INTO NAME zone VALUE value_mw)`,
        NYISO_MARKET_ID,
      );
      const rows = series.length > 0;
      return {
        kind: 'series',
        series,
        instruments: rows
          ? [
              ...valueColumns
                .filter((column) => column !== FORECAST_TOTAL)
                .sort()
                .map((zone) => loadZoneInstrument(zone)),
              systemLoadInstrument(),
            ]
          : [],
      };
    },
  );
