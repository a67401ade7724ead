import type { InstrumentDefinition } from '../../../domain/instruments/instrument.js';
import type { Fuel } from '../../../domain/series/series-batch.js';
import {
  localToUtcMs,
  parseIsoDate,
  utcMsToLocal,
  type IsoDate,
} from '../../../domain/time/zoned.js';
import type { FeedData, SourceDocument } from '../../../ports/market-feed.js';
import { readSeriesRows } from '../kit/canonical-rows.js';
import type { CsvEngine, CsvLayout, CsvTable } from '../kit/csv-engine.js';
import { sourceProblem } from '../kit/source-problem.js';
import {
  CAISO_MARKET_ID,
  CAISO_TIMEZONE,
  SYSTEM_GEN_CODE,
  SYSTEM_LOAD_CODE,
  systemGenInstrument,
  systemLoadInstrument,
} from './caiso-market.js';
import { sqlText } from './oasis-csv.js';

/*
 * Today's Outlook CSVs (www.caiso.com/outlook/history/YYYYMMDD/<report>.csv) stamp each row with a Pacific
 * wall-clock `Time` only; the date is in the URL. Each value is an instantaneous 5-minute reading, stored as
 * the 5-minute interval starting at its stamp. DST as CAISO writes it:
 *  - spring-forward day: 02:00–02:55 rows are present with empty values (those times do not exist);
 *  - fall-back day: one row per wall-clock label; the repeated 01:xx hour appears once, and its values
 *    continue smoothly from 00:55 and jump at 02:00 (20191103: 19,080 → 18,613 MW), so it is the first,
 *    daylight-time occurrence. A second row for a repeated label, should CAISO start writing one, is read
 *    as the standard-time occurrence by row order;
 *  - a final 00:00 row is the next midnight, which belongs to the next day's file, and is left out.
 */

const OUTLOOK_DATE = /(?:^|\D)(\d{4})(\d{2})(\d{2})(?=\D|$)/;

/** The operating day of an Outlook file: from its name (…20190310…) or its URL (…/history/20190310/…). */
export const outlookDate = (document: SourceDocument): IsoDate => {
  for (const text of [document.name, document.origin.replace(/^.*\/history\//, '')]) {
    const match = OUTLOOK_DATE.exec(text);
    if (match !== null) {
      const date = `${match[1]}-${match[2]}-${match[3]}`;
      try {
        parseIsoDate(date);
        return date;
      } catch {
        // Not a calendar date; look further.
      }
    }
  }
  throw sourceProblem(
    document.name,
    null,
    null,
    'the file name must carry its date (e.g. 20190310_netdemand.csv): Outlook times are wall-clock times only',
  );
};

/**
 * The day's 5-minute labels with their UTC starts: the first occurrence, the second one where the clock
 * repeats the label (fall-back day), and no first occurrence where the clock skips it (spring-forward day).
 */
const clockValues = (date: IsoDate): string => {
  const day = parseIsoDate(date);
  const rows: string[] = [];
  for (let minuteOfDay = 0; minuteOfDay < 24 * 60; minuteOfDay += 5) {
    const wall = {
      year: day.year,
      month: day.month,
      day: day.day,
      hour: Math.floor(minuteOfDay / 60),
      minute: minuteOfDay % 60,
    };
    const earlier = localToUtcMs(CAISO_TIMEZONE, wall, 'earlier');
    const later = localToUtcMs(CAISO_TIMEZONE, wall, 'later');
    const back = utcMsToLocal(CAISO_TIMEZONE, earlier);
    const exists = back.hour === wall.hour && back.minute === wall.minute;
    const label = `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
    const first = exists ? String(earlier) : 'NULL';
    const second = exists && later !== earlier ? String(later) : 'NULL';
    rows.push(`('${label}', CAST(${first} AS DOUBLE), CAST(${second} AS DOUBLE))`);
  }
  return `(VALUES ${rows.join(', ')}) AS clock(label, first_ms, second_ms)`;
};

/**
 * Puts every row of an Outlook file on the UTC clock and checks it, into a temp table `timed` with
 * `start_ms` (NULL for rows that carry no interval: skipped times, the next midnight) and the value columns.
 */
const timeRows = async (
  table: CsvTable,
  document: SourceDocument,
  values: Readonly<Record<string, string>>,
  timed: string,
): Promise<void> => {
  const date = outlookDate(document);
  const columns = Object.entries(values).map(([name, expression]) => `${expression} AS ${name}`);
  const anyValue = `coalesce(${Object.keys(values).join(', ')}) IS NOT NULL`;
  await table.run(
    `CREATE TEMP TABLE ${timed} AS
     WITH source AS (SELECT _line, lpad(trim("Time"), 5, '0') AS label, ${columns.join(', ')}
                       FROM ${table.relation}),
          ranked AS (SELECT *, row_number() OVER (PARTITION BY label ORDER BY _line) AS occurrence,
                            _line = max(_line) OVER () AS last_line FROM source)
     SELECT ranked.*, clock.label IS NOT NULL AS known_label, clock.first_ms IS NULL AS skipped,
            ranked.label = '00:00' AND occurrence = 2 AND last_line AS next_midnight,
            CASE occurrence WHEN 1 THEN clock.first_ms WHEN 2 THEN clock.second_ms END AS start_ms,
            ${anyValue} AS has_values
       FROM ranked LEFT JOIN ${clockValues(date)} ON ranked.label = clock.label`,
  );
  const [problem] = await table.rows(
    `SELECT _line, CASE
       WHEN NOT known_label THEN '"' || label || '" is not a 5-minute time of day (HH:MM)'
       WHEN skipped AND has_values
         THEN label || ' does not exist on ${date} (the clock skips 02:00-02:59) but the row has values'
       WHEN NOT skipped AND start_ms IS NULL AND NOT next_midnight
         THEN label || ' appears more than once, but the clock does not repeat it on ${date}'
     END AS message FROM ${timed} WHERE message IS NOT NULL ORDER BY _line LIMIT 1`,
  );
  if (problem !== undefined) {
    throw sourceProblem(document.name, Number(problem._line), 'Time', String(problem.message));
  }
};

/** fuelsource.csv columns as CAISO writes them → fuels; two columns of one fuel are added up. */
const FUEL_COLUMNS: Readonly<Record<string, Fuel>> = {
  Solar: 'solar',
  Wind: 'wind',
  Geothermal: 'geothermal',
  Biomass: 'biomass',
  Biogas: 'biomass',
  'Small hydro': 'hydro',
  'Large Hydro': 'hydro',
  Coal: 'coal',
  Nuclear: 'nuclear',
  'Natural Gas': 'gas',
  Batteries: 'storage',
  Imports: 'imports',
  Other: 'other',
};

const KNOWN_HEADERS = ['Time', 'Current demand', ...Object.keys(FUEL_COLUMNS)];
const BY_LOWER_CASE = new Map(KNOWN_HEADERS.map((h) => [h.toLowerCase(), h]));

/** Known headers in CAISO's usual spelling whatever their case in a given file (messages name them so). */
const outlookHeader = (name: string): string =>
  BY_LOWER_CASE.get(name.trim().toLowerCase()) ?? name.trim();

const LOAD_LAYOUT: CsvLayout = {
  columns: { Time: 'VARCHAR', 'Current demand': 'DOUBLE' },
  normaliseHeader: outlookHeader,
};

const GENMIX_LAYOUT: CsvLayout = {
  columns: { Time: 'VARCHAR' },
  optionalColumns: Object.fromEntries(Object.keys(FUEL_COLUMNS).map((c) => [c, 'DOUBLE'])),
  normaliseHeader: outlookHeader,
};

const quoted = (column: string): string => `"${column.replaceAll('"', '""')}"`;

const seriesData = async (
  table: CsvTable,
  selects: readonly string[],
  instruments: InstrumentDefinition[],
): Promise<FeedData> => {
  const series = await readSeriesRows(table, selects.join(' UNION ALL '), CAISO_MARKET_ID);
  return { kind: 'series', series, instruments: series.length > 0 ? instruments : [] };
};

const intervalRow = (code: string, variable: string, value: string, timed: string): string =>
  `SELECT '${code}' AS code, ${sqlText(variable)} AS variable, start_ms AS interval_start_ms,
          5 AS interval_minutes, ${value} AS value_mw, CAST(NULL AS DOUBLE) AS issued_at_ms
     FROM ${timed} WHERE start_ms IS NOT NULL AND ${value} IS NOT NULL`;

/**
 * Outlook demand.csv or netdemand.csv → `load.actual` of SYSTEM_LOAD from "Current demand". Rows with an
 * empty reading are left out (the completeness check counts them); forecasts and net demand are not stored.
 */
export const parseOutlookLoad = (csv: CsvEngine, document: SourceDocument): Promise<FeedData> =>
  csv.read(document, LOAD_LAYOUT, async (table) => {
    const timed = `${table.relation}_timed`;
    await timeRows(table, document, { load_mw: '"Current demand"' }, timed);
    try {
      return await seriesData(
        table,
        [intervalRow(SYSTEM_LOAD_CODE, 'load.actual', 'load_mw', timed)],
        [systemLoadInstrument()],
      );
    } finally {
      await table.run(`DROP TABLE IF EXISTS ${timed}`);
    }
  });

/**
 * Outlook fuelsource.csv → `gen.<fuel>` of SYSTEM_GEN. Values are kept as published, including negative
 * solar at night (station load) and negative batteries (charging). A column with no known fuel stops the
 * load rather than being dropped or lumped into "other" unseen.
 */
export const parseOutlookGenMix = (csv: CsvEngine, document: SourceDocument): Promise<FeedData> =>
  csv.read(document, GENMIX_LAYOUT, async (table) => {
    const unknown = table.header.find((c) => c !== 'Time' && FUEL_COLUMNS[c] === undefined);
    if (unknown !== undefined) {
      throw sourceProblem(document.name, 1, unknown, 'a fuel column with no mapping to a fuel');
    }
    const byFuel = new Map<Fuel, string[]>();
    for (const column of table.header.filter((c) => c !== 'Time')) {
      const fuel = FUEL_COLUMNS[column] as Fuel;
      byFuel.set(fuel, [...(byFuel.get(fuel) ?? []), quoted(column)]);
    }
    if (byFuel.size === 0) {
      throw sourceProblem(document.name, 1, null, 'no fuel columns in the header');
    }
    const values = Object.fromEntries(
      [...byFuel].map(([fuel, columns]) => [
        `fuel_${fuel}`,
        columns.length === 1
          ? (columns[0] as string)
          : `CASE WHEN coalesce(${columns.join(', ')}) IS NULL THEN NULL
                  ELSE ${columns.map((c) => `coalesce(${c}, 0)`).join(' + ')} END`,
      ]),
    );
    const timed = `${table.relation}_timed`;
    await timeRows(table, document, values, timed);
    try {
      return await seriesData(
        table,
        [...byFuel.keys()].map((fuel) =>
          intervalRow(SYSTEM_GEN_CODE, `gen.${fuel}`, `fuel_${fuel}`, timed),
        ),
        [systemGenInstrument()],
      );
    } finally {
      await table.run(`DROP TABLE IF EXISTS ${timed}`);
    }
  });
