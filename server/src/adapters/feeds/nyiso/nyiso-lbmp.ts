import { randomUUID } from 'node:crypto';
import type { MarketRunId } from '../../../domain/markets/market.js';
import { MINUTE_MS } from '../../../domain/time/interval.js';
import type { FeedData, SourceDocument } from '../../../ports/market-feed.js';
import { readPriceTable } from '../kit/canonical-rows.js';
import type { CsvEngine, CsvLayout, CsvTable } from '../kit/csv-engine.js';
import { sourceProblem } from '../kit/source-problem.js';
import { cellText, stampByRowOrder, wallClockSql } from './nyiso-clock.js';
import { readNyisoCsv } from './nyiso-documents.js';
import { lbmpLocationInstrument, NYISO_MARKET_ID } from './nyiso-market.js';

/** How one of NYISO's LBMP reports labels its intervals. */
export interface LbmpReport {
  readonly run: MarketRunId;
  /** `start`: damlbmp, rtlbmp (hour beginning). `end`: realtime (RTD interval end). */
  readonly stamp: 'start' | 'end';
  readonly minutes: number;
  /** realtime files also carry RTC's 15-minute advisory intervals after the last dispatched one. */
  readonly advisoryTail: boolean;
}

export const DAY_AHEAD_LBMP: LbmpReport = {
  run: 'DA',
  stamp: 'start',
  minutes: 60,
  advisoryTail: false,
};
export const REAL_TIME_HOURLY_LBMP: LbmpReport = {
  run: 'RT60',
  stamp: 'start',
  minutes: 60,
  advisoryTail: false,
};
export const REAL_TIME_DISPATCH_LBMP: LbmpReport = {
  run: 'RT5',
  stamp: 'end',
  minutes: 5,
  advisoryTail: true,
};

const LBMP = 'LBMP ($/MWHr)';
const LOSSES = 'Marginal Cost Losses ($/MWHr)';
const CONGESTION = 'Marginal Cost Congestion ($/MWHr)';

const LAYOUT: CsvLayout = {
  columns: {
    'Time Stamp': 'VARCHAR',
    Name: 'VARCHAR',
    [LBMP]: 'DOUBLE',
    [LOSSES]: 'DOUBLE',
    [CONGESTION]: 'DOUBLE',
  },
  optionalColumns: { PTID: 'BIGINT' },
};

const quoted = (name: string): string => `"${name}"`;
const RTC_STEP_MS = 15 * MINUTE_MS;

/**
 * The last stamp RTD dispatched. NYISO's file carries no marker telling RTD rows from RTC rows: while the day
 * runs, the 5-minute RTD intervals published so far are followed by RTC's advisory intervals, 15 minutes apart.
 * So the trailing run of stamps spaced exactly 15 minutes (after the first stamp) is RTC's and is dropped; a
 * finished day is 5-minute spaced to its end and keeps every row. An RTC interval that happens to follow the
 * last RTD one by 5 or 10 minutes is kept, and replaced when the day's file is fetched again.
 */
const lastDispatchedMs = (ends: readonly number[]): number => {
  let last = ends.length - 1;
  while (last >= 1 && (ends[last] as number) - (ends[last - 1] as number) === RTC_STEP_MS) {
    last -= 1;
  }
  return ends[last] ?? Number.POSITIVE_INFINITY;
};

const requireValues = async (
  table: CsvTable,
  document: SourceDocument,
  source: string,
): Promise<void> => {
  const [row] = await table.rows(
    `SELECT _line, location IS NULL AS no_name FROM ${source}
      WHERE location IS NULL OR lbmp IS NULL ORDER BY _line LIMIT 1`,
  );
  if (row) {
    throw row.no_name
      ? sourceProblem(document.name, Number(row._line), 'Name', 'the location name is missing')
      : sourceProblem(document.name, Number(row._line), LBMP, 'the LBMP is missing');
  }
};

/**
 * Parses a daily LBMP file (damlbmp, rtlbmp, realtime; zonal `_zone` or generator `_gen`) into prices.
 *
 * Components: NYISO publishes the LBMP, the marginal cost of losses and the marginal cost of congestion, with
 * congestion **signed the other way round** from the usual convention: LBMP = energy + losses − reported
 * congestion. We store congestion = −reported, so LMP = energy + congestion + loss, and derive the reference-bus
 * energy price, which NYISO does not publish, as energy = LBMP − losses − congestion = LBMP − losses + reported.
 * (Checked on the 2025-03-09 DA file: N.Y.C. 51.49 − 2.12 + (−1.16), PJM 45.80 + 0.53 + 1.88 and WEST
 * 45.70 + 2.51 + 0 all give the same energy, 48.21, as a reference price must.)
 */
export const parseLbmpDocument = (
  csv: CsvEngine,
  document: SourceDocument,
  report: LbmpReport,
  file: 'zone' | 'gen',
): Promise<FeedData> =>
  readNyisoCsv(csv, document, LAYOUT, async (table) => {
    const id = randomUUID().replaceAll('-', '');
    const source = `lbmp_source_${id}`;
    const canonical = `lbmp_${id}`;
    const ptid = table.header.includes('PTID') ? 'PTID' : 'NULL::BIGINT';
    // Materialised once: every later step reads this table rather than re-reading the CSV.
    await table.run(
      `CREATE TEMP TABLE ${source} AS
       SELECT _line, "Name" AS location, ${wallClockSql('"Time Stamp"')} AS wall_ms,
              ${ptid} AS ptid, ${quoted(LBMP)} AS lbmp, ${quoted(LOSSES)} AS loss,
              ${quoted(CONGESTION)} AS reported_congestion
         FROM ${table.relation}`,
    );
    await requireValues(table, document, source);
    const stamped = await stampByRowOrder(table, document, source);
    const untilMs = report.advisoryTail
      ? lastDispatchedMs(stamped.instantsMs)
      : Number.POSITIVE_INFINITY;
    const startOffsetMs = report.stamp === 'end' ? report.minutes * MINUTE_MS : 0;
    // 0 − x rather than −x, so a reported 0.00 stays +0 and not −0.
    await table.run(
      `CREATE TEMP TABLE ${canonical} AS
       SELECT location AS code, utc_ms - ${startOffsetMs} AS interval_start_ms,
              ${report.minutes} AS interval_minutes, lbmp AS lmp,
              round(lbmp - loss + reported_congestion, 6) AS energy,
              0 - reported_congestion AS congestion, loss, NULL::DOUBLE AS ghg
         FROM ${stamped.relation}
        ${Number.isFinite(untilMs) ? `WHERE utc_ms <= ${untilMs}` : ''}`,
    );
    const prices = await readPriceTable(table, canonical, NYISO_MARKET_ID, report.run);
    // PTIDs for the instrument names from the first stamp's rows: a filtered scan, where grouping a million rows
    // by location would cost as much as the rest of the parse. A location absent then is named without one.
    const ptids = new Map(
      (
        await table.rows(
          `SELECT location, ptid FROM ${source} WHERE wall_ms = (SELECT min(wall_ms) FROM ${source})`,
        )
      ).map((row) => [cellText(row.location), row.ptid === null ? null : Number(row.ptid)]),
    );
    const codeStart = `${NYISO_MARKET_ID}.`.length;
    return {
      kind: 'prices',
      prices,
      instruments: prices.instrumentIds.map((id) => {
        const code = id.slice(codeStart);
        return lbmpLocationInstrument(code, ptids.get(code) ?? null, file);
      }),
    };
  });
