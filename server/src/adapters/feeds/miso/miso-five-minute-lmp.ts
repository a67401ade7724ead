import { randomUUID } from 'node:crypto';
import type { FeedData, SourceDocument } from '../../../ports/market-feed.js';
import { readPriceTable } from '../kit/canonical-rows.js';
import type { CsvEngine, CsvLayout, CsvTable } from '../kit/csv-engine.js';
import { sourceProblem } from '../kit/source-problem.js';
import { unwrapCsv, withoutFooter } from './miso-document.js';
import { kindFromCode, MISO_MARKET_ID, pricedLocation } from './miso-market.js';
import { EST_OFFSET_MINUTES } from './miso-time.js';

/*
 * MISO's weekly real-time 5-minute ex-post LMP report, `YYYYMMDD_5MIN_LMP.zip` (published Mondays): one CSV with
 * four preamble lines, the header `MKTHOUR_EST,PNODENAME,LMP,CON_LMP,LOSS_LMP`, one row per node and 5-minute
 * interval, and a disclaimer footer. MKTHOUR_EST is the interval start on the EST clock (UTC−5 all year).
 */

const PREAMBLE_LINES = 4;
const LAYOUT: CsvLayout = {
  skipLines: PREAMBLE_LINES,
  columns: {
    MKTHOUR_EST: 'VARCHAR',
    PNODENAME: 'VARCHAR',
    LMP: 'DOUBLE',
    CON_LMP: 'DOUBLE',
    LOSS_LMP: 'DOUBLE',
  },
};
/** Market-time layouts seen in MISO reports; the first that reads the text wins. */
const MARKET_TIME_FORMATS = [
  '%m/%d/%Y %H:%M',
  '%m/%d/%Y %H:%M:%S',
  '%m/%d/%Y %I:%M:%S %p',
  '%Y-%m-%d %H:%M:%S',
  '%Y-%m-%dT%H:%M:%S',
  '%Y-%m-%d %H:%M',
];
/** Data rows start with the market date; the footer does not. */
const DATA_ROW = /^\s*"?\d/;
const EST_TO_UTC_MS = -EST_OFFSET_MINUTES * 60_000;

const marketTime = `try_strptime(trim(MKTHOUR_EST), [${MARKET_TIME_FORMATS.map((f) => `'${f}'`).join(', ')}])`;

/**
 * The canonical price columns (see kit/canonical-rows.ts), with the market-time text (and, when `relation`
 * numbers its lines, the line) kept for messages. Energy is derived as LMP − CON_LMP − LOSS_LMP, rounded to 1e-6
 * against floating-point noise.
 */
const canonicalSql = (relation: string, withLines: boolean): string => `
  SELECT ${withLines ? '_line, ' : ''}MKTHOUR_EST AS text, start, trim(PNODENAME) AS code,
         epoch_ms(start)::DOUBLE + ${EST_TO_UTC_MS} AS interval_start_ms, 5 AS interval_minutes,
         LMP AS lmp, round(LMP - CON_LMP - LOSS_LMP, 6) AS energy, CON_LMP AS congestion, LOSS_LMP AS loss,
         NULL::DOUBLE AS ghg
    FROM (SELECT *, ${marketTime} AS start FROM ${relation})`;

const BAD_ROW = `start IS NULL OR minute(start) % 5 <> 0 OR second(start) <> 0
   OR code IS NULL OR code = '' OR lmp IS NULL OR congestion IS NULL OR loss IS NULL`;

/** Whether any row breaks a rule `checkRows` explains, asked of the rows read without line numbers. */
const hasProblem = async (table: CsvTable, rel: string): Promise<boolean> => {
  const [answer] = await table.rows(
    `SELECT EXISTS (SELECT 1 FROM ${rel} WHERE ${BAD_ROW})
         OR EXISTS (SELECT 1 FROM ${rel} GROUP BY code, interval_start_ms HAVING count(*) > 1) AS bad`,
  );
  return answer?.bad === true;
};

/** Throws for the first line that breaks a rule; `rel` must carry `_line`. */
const checkRows = async (document: SourceDocument, table: CsvTable, rel: string): Promise<void> => {
  const [bad] = await table.rows(
    `SELECT _line, text, start IS NULL AS unreadable,
            CASE WHEN code IS NULL OR code = '' THEN 'PNODENAME'
                 WHEN lmp IS NULL THEN 'LMP' WHEN congestion IS NULL THEN 'CON_LMP'
                 WHEN loss IS NULL THEN 'LOSS_LMP' END AS missing
       FROM ${rel} WHERE ${BAD_ROW} ORDER BY _line LIMIT 1`,
  );
  if (bad) {
    const line = Number(bad._line);
    if (typeof bad.missing === 'string') {
      throw sourceProblem(document.name, line, bad.missing, 'no value');
    }
    throw sourceProblem(
      document.name,
      line,
      'MKTHOUR_EST',
      bad.unreadable
        ? `"${String(bad.text)}" is not a market time such as 03/09/2025 14:05`
        : `"${String(bad.text)}" is not the start of a 5-minute interval`,
    );
  }
  const [repeated] = await table.rows(
    `SELECT code, min(_line) AS first, max(_line) AS again
       FROM ${rel} GROUP BY code, interval_start_ms HAVING count(*) > 1 ORDER BY again LIMIT 1`,
  );
  if (repeated) {
    const [again] = await table.rows(
      `SELECT text FROM ${rel} WHERE _line = ${String(repeated.again)}`,
    );
    throw sourceProblem(
      document.name,
      Number(repeated.again),
      'PNODENAME',
      `second row for ${String(repeated.code)} at ${String(again?.text)} (first at line ${String(repeated.first)})`,
    );
  }
};

/**
 * Parses a weekly 5-minute LMP report (zip as served, or its CSV) into RT5 prices, energy derived as
 * LMP − CON_LMP − LOSS_LMP. A file with a problem returns nothing.
 */
export const parseMisoFiveMinuteReport = async (
  csv: CsvEngine,
  served: SourceDocument,
): Promise<FeedData> => {
  const plain = unwrapCsv(served);
  if (plain.bytes.length === 0) {
    throw sourceProblem(plain.name, null, null, 'the document is empty');
  }
  const document = withoutFooter(plain, DATA_ROW, PREAMBLE_LINES + 1);
  return csv.read(document, LAYOUT, async (table) => {
    const rel = `five_${randomUUID().replaceAll('-', '')}`;
    // Read once without line numbers (the fast path); lines are counted only to report a problem.
    await table.run(`CREATE TEMP TABLE ${rel} AS ${canonicalSql(table.plainRelation, false)}`);
    try {
      if (await hasProblem(table, rel)) {
        await checkRows(document, table, `(${canonicalSql(table.relation, true)})`);
        throw sourceProblem(document.name, null, null, 'rows that cannot be read as prices');
      }
      const prices = await readPriceTable(table, rel, MISO_MARKET_ID, 'RT5');
      const codes = prices.instrumentIds.map((id) => id.slice(MISO_MARKET_ID.length + 1));
      const instruments = codes.map((code) => pricedLocation(code, kindFromCode(code)));
      return { kind: 'prices', prices, instruments } as const;
    } finally {
      await table.run(`DROP TABLE IF EXISTS ${rel}`);
    }
  });
};
