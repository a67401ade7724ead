import { randomUUID } from 'node:crypto';
import type { InstrumentDefinition } from '../../../domain/instruments/instrument.js';
import { emptyPriceBatch } from '../../../domain/prices/price-batch.js';
import type { FeedData, SourceDocument } from '../../../ports/market-feed.js';
import { readPriceRows } from '../kit/canonical-rows.js';
import type { CsvEngine, CsvLayout, CsvTable } from '../kit/csv-engine.js';
import { sourceProblem } from '../kit/source-problem.js';
import { isZip, unzipDocument } from '../kit/zip.js';
import { mergeFeedData } from '../kit/merge-feed-data.js';
import { SPP_MARKET_ID, settlementLocationInstrument } from './spp-market.js';

/** The two SPP price runs these files carry and the interval each row stands for. */
export type SppLmpRun = 'DA' | 'RT5';
const INTERVAL_MINUTES: Readonly<Record<SppLmpRun, number>> = { DA: 60, RT5: 5 };

/**
 * Header spellings SPP has used for the same columns, keyed by the header with case, spaces and underscores
 * removed: the 2025 files (`GMTIntervalEnd`, `Settlement Location`, `Pnode`), the 2026 files (added `BAA`,
 * sometimes upper-cased), and the daily RTBM roll-ups, which gridstatus reads as `GMT Interval`,
 * `Settlement Location Name` and `PNODE Name` (stripping whitespace around them).
 */
const HEADER_NAMES: Readonly<Record<string, string>> = {
  interval: 'Interval',
  gmtintervalend: 'GMTIntervalEnd',
  gmtinterval: 'GMTIntervalEnd',
  settlementlocation: 'Settlement Location',
  settlementlocationname: 'Settlement Location',
  pnode: 'Pnode',
  pnodename: 'Pnode',
  lmp: 'LMP',
  mlc: 'MLC',
  mcc: 'MCC',
  mec: 'MEC',
  baa: 'BAA',
};

const normaliseHeader = (header: string): string =>
  HEADER_NAMES[header.toLowerCase().replace(/[^a-z0-9]/g, '')] ?? header.trim();

/**
 * SPP LMP files by settlement location (DA-LMP-SL, RTBM-LMP-SL, RTBM-LMP-DAILY-SL). `Interval` is the local
 * interval end and is not read: `GMTIntervalEnd` names the same instant in UTC, and on the fall-back day it is
 * the only column that tells the two intervals labelled `01:05` apart.
 */
const LMP_LAYOUT: CsvLayout = {
  columns: {
    GMTIntervalEnd: 'TIMESTAMP',
    'Settlement Location': 'VARCHAR',
    Pnode: 'VARCHAR',
    LMP: 'DOUBLE',
    MLC: 'DOUBLE',
    MCC: 'DOUBLE',
    MEC: 'DOUBLE',
  },
  optionalColumns: { Interval: 'VARCHAR', BAA: 'VARCHAR' },
  normaliseHeader,
  timestampFormat: '%m/%d/%Y %H:%M:%S',
};

/** SPP publishes a file for an interval before its prices are in: zero bytes (or only blank lines). */
export const isBlankDocument = (bytes: Uint8Array): boolean =>
  bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d);

const emptyPrices = (): FeedData => ({
  kind: 'prices',
  prices: emptyPriceBatch(),
  instruments: [],
});

/** Rows that cannot be stored: no interval end, location or LMP, or an end off the run's grid. */
const badRow = (minutes: number): string =>
  `interval_end IS NULL OR code IS NULL OR code = '' OR lmp IS NULL
   OR epoch_ms(interval_end) % ${minutes * 60_000} <> 0`;

/**
 * One pass that says whether anything is wrong: the first bad row's line, and whether some location is priced
 * twice for one interval (e.g. listed under two BAAs). Cheap enough to run on every file.
 */
const screenSql = (rows: string, minutes: number): string => `
  SELECT min(_line) FILTER (WHERE ${badRow(minutes)}) AS bad_line,
         count(*) - count(DISTINCT (code, interval_end)) AS repeats
    FROM ${rows}`;

/**
 * The first problem as (line, field, message), for a file the screen flagged. A DA hour must end on the hour
 * and an RTBM interval on a 5-minute mark; a repeated (location, interval) names the line of the first price.
 */
const firstProblemSql = (rows: string, minutes: number): string => `
  SELECT _line, field, message FROM (
    SELECT _line,
      CASE WHEN interval_end IS NULL THEN 'GMTIntervalEnd'
           WHEN code IS NULL OR code = '' THEN 'Settlement Location'
           WHEN lmp IS NULL THEN 'LMP'
           WHEN epoch_ms(interval_end) % ${minutes * 60_000} <> 0 THEN 'GMTIntervalEnd'
           WHEN _line > first_line THEN 'Settlement Location' END AS field,
      CASE WHEN interval_end IS NULL THEN 'missing interval end'
           WHEN code IS NULL OR code = '' THEN 'missing settlement location'
           WHEN lmp IS NULL THEN 'missing LMP for ' || code
           WHEN epoch_ms(interval_end) % ${minutes * 60_000} <> 0
             THEN strftime(interval_end, '%Y-%m-%d %H:%M:%S') || ' UTC is not the end of a ${minutes}-minute interval'
           WHEN _line > first_line
             THEN 'second price for ' || code || ' at ' || strftime(interval_end, '%Y-%m-%d %H:%M') ||
                  ' UTC (first on line ' || first_line || ')' END AS message
      FROM (SELECT *, min(_line) OVER same AS first_line
              FROM ${rows} WINDOW same AS (PARTITION BY code, interval_end)))
   WHERE field IS NOT NULL ORDER BY _line LIMIT 1`;

const parseCsvDocument = async (
  csv: CsvEngine,
  document: SourceDocument,
  run: SppLmpRun,
): Promise<FeedData> => {
  const minutes = INTERVAL_MINUTES[run];
  return csv.read(document, LMP_LAYOUT, async (table: CsvTable) => {
    // Materialised once: the view re-reads the CSV on every query, and three queries follow.
    const rows = `spp_rows_${randomUUID().replaceAll('-', '')}`;
    await table.run(
      `CREATE TEMP TABLE ${rows} AS
       SELECT _line, trim("Settlement Location") AS code, trim("Pnode") AS pnode,
              "GMTIntervalEnd" AS interval_end, "LMP" AS lmp, "MEC" AS energy, "MCC" AS congestion,
              "MLC" AS loss
         FROM ${table.relation}`,
    );
    try {
      const [screen] = await table.rows(screenSql(rows, minutes));
      const [problem] =
        screen?.bad_line != null || Number(screen?.repeats ?? 0) > 0
          ? await table.rows(firstProblemSql(rows, minutes))
          : [];
      if (problem !== undefined) {
        throw sourceProblem(
          document.name,
          Number(problem._line),
          String(problem.field),
          String(problem.message),
        );
      }
      // GMTIntervalEnd is the UTC end of the interval; SPP publishes all three components (MEC energy,
      // MCC congestion, MLC loss) with LMP = MEC + MCC + MLC, so nothing is derived.
      const prices = await readPriceRows(
        table,
        `SELECT code, epoch_ms(interval_end) - ${minutes * 60_000} AS interval_start_ms,
                ${minutes} AS interval_minutes, lmp, energy, congestion, loss, NULL::DOUBLE AS ghg
           FROM ${rows}`,
        SPP_MARKET_ID,
        run,
      );
      const locations = await table.rows(
        `SELECT code, min(pnode) AS pnode FROM ${rows} GROUP BY code ORDER BY code`,
      );
      const instruments: InstrumentDefinition[] = locations.map((l) =>
        settlementLocationInstrument(String(l.code), typeof l.pnode === 'string' ? l.pnode : null),
      );
      return { kind: 'prices', prices, instruments };
    } finally {
      await table.run(`DROP TABLE IF EXISTS ${rows}`);
    }
  });
};

/**
 * Parses an SPP LMP-by-settlement-location document as SPP serves it: one CSV, or a zip of such CSVs (SPP's
 * archives). A zero-byte file is SPP's "interval not published yet" and gives no rows rather than an error.
 * Rows carry UTC interval starts (GMTIntervalEnd − interval length) and are not trimmed to any window.
 */
export const parseSppLmpDocument = async (
  csv: CsvEngine,
  document: SourceDocument,
  run: SppLmpRun,
): Promise<FeedData> => {
  if (isBlankDocument(document.bytes)) {
    return emptyPrices();
  }
  if (!isZip(document.bytes)) {
    return parseCsvDocument(csv, document, run);
  }
  const members = unzipDocument(document, (name) => name.toLowerCase().endsWith('.csv'));
  const parsed: FeedData[] = [];
  for (const member of members) {
    parsed.push(await parseSppLmpDocument(csv, member, run));
  }
  return mergeFeedData('prices', parsed);
};
