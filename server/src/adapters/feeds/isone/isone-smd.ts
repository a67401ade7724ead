import { randomUUID } from 'node:crypto';
import { instrumentId } from '../../../domain/instruments/instrument.js';
import type { Interval } from '../../../domain/time/interval.js';
import type { MarketRunId } from '../../../domain/markets/market.js';
import { parseIsoDate } from '../../../domain/time/zoned.js';
import type { FeedData, SourceDocument } from '../../../ports/market-feed.js';
import { readPriceRows, readSeriesRows } from '../kit/canonical-rows.js';
import type { CsvEngine, CsvLayout, CsvTable } from '../kit/csv-engine.js';
import { sourceProblem } from '../kit/source-problem.js';
import { PriceCollector } from './isone-collect.js';
import { isoneInstruments, ISONE_MARKET_ID, LOAD_ZONES, loadCode } from './isone-market.js';
import { isoneDayHours, isoneHourEndingToInterval } from './isone-time.js';

/*
 * ISO-NE's SMD (settlement-ready market data) hourly workbook, `YYYY_smd_hourly.xlsx`, one sheet per load zone
 * (ME, NH, VT, CT, RI, SEMA, WCMA, NEMA), with one sheet exported to CSV:
 *   Date,Hr_End,DA_Demand,RT_Demand,DA_LMP,DA_EC,DA_CC,DA_MLC,RT_LMP,RT_EC,RT_CC,RT_MLC,Dry_Bulb,Dew_Point
 * Hr_End is hour ending 01–24 in Eastern wall-clock time: the spring-forward day has no 02 (23 rows), the fall-back
 * day has 02 and then 02X, the repeated hour in standard time (25 rows). The zone is only in the sheet name, so the
 * exported file's name must carry it (e.g. 2025_smd_hourly_CT.csv).
 *
 * Values are rounded here: spreadsheet exports write the double nearest the workbook's cell, so a published
 * 43.73 $/MWh arrives as 43.730000000000004. ISO-NE publishes prices in cents and demand in kW (three decimals),
 * so rounding restores the published figures; components then add up to the LMP exactly and a re-export by another
 * tool does not look like a price revision.
 */

const LAYOUT: CsvLayout = {
  columns: {
    Date: 'VARCHAR',
    Hr_End: 'VARCHAR',
    DA_Demand: 'DOUBLE',
    RT_Demand: 'DOUBLE',
    DA_LMP: 'DOUBLE',
    DA_EC: 'DOUBLE',
    DA_CC: 'DOUBLE',
    DA_MLC: 'DOUBLE',
    RT_LMP: 'DOUBLE',
    RT_EC: 'DOUBLE',
    RT_CC: 'DOUBLE',
    RT_MLC: 'DOUBLE',
  },
  optionalColumns: { Dry_Bulb: 'DOUBLE', Dew_Point: 'DOUBLE' },
};

const MASTER = new Map(isoneInstruments().map((i) => [i.id, i]));

const quoteText = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** The load zone an exported sheet belongs to, from a token of its file name equal to the sheet name. */
export const smdZoneOf = (document: SourceDocument): (typeof LOAD_ZONES)[number] => {
  const tokens = document.name.replace(/\.[^.]*$/, '').split(/[^A-Za-z0-9]+/);
  const zones = LOAD_ZONES.filter((z) => tokens.some((t) => t.toUpperCase() === z.sheet));
  const [zone] = zones;
  if (zone === undefined || zones.length > 1) {
    throw sourceProblem(
      document.name,
      null,
      null,
      `cannot tell which SMD sheet this is: name the file after its sheet, e.g. 2025_smd_hourly_CT.csv ` +
        `(sheets: ${LOAD_ZONES.map((z) => z.sheet).join(', ')})`,
    );
  }
  return zone;
};

/** `2025-03-09` as most tools export it (optionally with a midnight time), or `3/9/2025` as Excel shows it. */
const isoDateOf = (text: string): string | null => {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = us
    ? `${us[3]}-${(us[1] ?? '').padStart(2, '0')}-${(us[2] ?? '').padStart(2, '0')}`
    : /^(\d{4}-\d{2}-\d{2})(?:[ T]00:00(?::00)?)?$/.exec(text)?.[1];
  if (iso === undefined) {
    return null;
  }
  try {
    parseIsoDate(iso);
    return iso;
  } catch {
    return null;
  }
};

/**
 * Converts every (Date, Hr_End) label of the sheet to its UTC hour start with ISO-NE's hour-ending rules and
 * leaves them in a temporary table `labels(d, h, start_ms)` for the SQL that reads the values.
 */
const labelHours = async (document: SourceDocument, table: CsvTable): Promise<string> => {
  const labels = await table.rows(
    `SELECT "Date" AS d, "Hr_End" AS h, min(_line) AS line FROM ${table.relation} GROUP BY 1, 2`,
  );
  const days = new Map<string, ReadonlyMap<string, Interval>>();
  const rows = labels.map((row) => {
    const line = Number(row.line);
    const rawDate = typeof row.d === 'string' ? row.d : '';
    const rawLabel = typeof row.h === 'string' ? row.h : '';
    const dateText = rawDate.trim();
    const label = rawLabel.trim();
    const date = isoDateOf(dateText);
    if (date === null) {
      throw sourceProblem(document.name, line, 'Date', `"${dateText}" is not a date (YYYY-MM-DD)`);
    }
    try {
      let day = days.get(date);
      if (day === undefined) {
        day = isoneDayHours(date);
        days.set(date, day);
      }
      const { startMs } = isoneHourEndingToInterval(date, label, day);
      return `(${quoteText(rawDate)}, ${quoteText(rawLabel)}, ${startMs})`;
    } catch (error) {
      throw sourceProblem(
        document.name,
        line,
        'Hr_End',
        error instanceof RangeError ? error.message : String(error),
      );
    }
  });
  const name = `smd_labels_${randomUUID().replaceAll('-', '')}`;
  await table.run(`CREATE TEMP TABLE ${name} (d VARCHAR, h VARCHAR, start_ms DOUBLE)`);
  if (rows.length > 0) {
    await table.run(`INSERT INTO ${name} VALUES ${rows.join(', ')}`);
  }
  return name;
};

/** The first line where a value the sheet must have is blank. */
const requireValues = async (
  document: SourceDocument,
  table: CsvTable,
  columns: readonly string[],
): Promise<void> => {
  const missing = columns.map((c) => `"${c}" IS NULL`).join(' OR ');
  const [row] = await table.rows(
    `SELECT _line, ${columns.map((c) => `"${c}"`).join(', ')} FROM ${table.relation}
      WHERE ${missing} ORDER BY _line LIMIT 1`,
  );
  if (row !== undefined) {
    const field = columns.find((c) => row[c] == null) ?? null;
    throw sourceProblem(document.name, Number(row._line), field, 'missing value');
  }
};

const withLabels = async <T>(
  document: SourceDocument,
  table: CsvTable,
  use: (labels: string) => Promise<T>,
): Promise<T> => {
  const labels = await labelHours(document, table);
  try {
    return await use(labels);
  } finally {
    await table.run(`DROP TABLE IF EXISTS ${labels}`);
  }
};

const runSql = (table: CsvTable, labels: string, code: string, prefix: 'DA' | 'RT'): string => `
  SELECT ${quoteText(code)} AS code, l.start_ms AS interval_start_ms, 60 AS interval_minutes,
         round(s."${prefix}_LMP", 2) AS lmp, round(s."${prefix}_EC", 2) AS energy,
         round(s."${prefix}_CC", 2) AS congestion, round(s."${prefix}_MLC", 2) AS loss, NULL::DOUBLE AS ghg
    FROM ${table.relation} s JOIN ${labels} l ON l.d = s."Date" AND l.h = s."Hr_End"
   ORDER BY s._line`;

/**
 * Day-ahead (`DA_*`) and real-time hourly (`RT_*`, run RT60) LMPs of the sheet's zone with energy (EC),
 * congestion (CC) and marginal loss (MLC) components, which ISO-NE publishes with LMP = EC + CC + MLC.
 */
export const parseSmdPrices = async (
  csv: CsvEngine,
  document: SourceDocument,
): Promise<FeedData> => {
  const zone = smdZoneOf(document);
  return csv.read(document, LAYOUT, async (table) => {
    await requireValues(document, table, ['DA_LMP', 'RT_LMP']);
    return withLabels(document, table, async (labels) => {
      const collector = new PriceCollector();
      const runs: readonly [MarketRunId, 'DA' | 'RT'][] = [
        ['DA', 'DA'],
        ['RT60', 'RT'],
      ];
      for (const [run, prefix] of runs) {
        const batch = await readPriceRows(
          table,
          runSql(table, labels, zone.code, prefix),
          ISONE_MARKET_ID,
          run,
        );
        collector.addBatch(batch, MASTER);
      }
      return collector.result();
    });
  });
};

/** The sheet's zone load: RT_Demand (metered real-time demand) as `load.actual` of `LOAD.<zone>`. */
export const parseSmdLoad = async (csv: CsvEngine, document: SourceDocument): Promise<FeedData> => {
  const zone = smdZoneOf(document);
  const code = loadCode(zone.code);
  return csv.read(document, LAYOUT, async (table) => {
    await requireValues(document, table, ['RT_Demand']);
    return withLabels(document, table, async (labels) => {
      const series = await readSeriesRows(
        table,
        `SELECT ${quoteText(code)} AS code, 'load.actual' AS variable, l.start_ms AS interval_start_ms,
                60 AS interval_minutes, round(s."RT_Demand", 3) AS value_mw, NULL::DOUBLE AS issued_at_ms
           FROM ${table.relation} s JOIN ${labels} l ON l.d = s."Date" AND l.h = s."Hr_End"
          ORDER BY s._line`,
        ISONE_MARKET_ID,
      );
      const instrument = MASTER.get(instrumentId(ISONE_MARKET_ID, code));
      return { kind: 'series', series, instruments: instrument ? [instrument] : [] };
    });
  });
};
