import { randomUUID } from 'node:crypto';
import type { InstrumentDefinition } from '../../../domain/instruments/instrument.js';
import type { MarketRunId } from '../../../domain/markets/market.js';
import { HOUR_MS } from '../../../domain/time/interval.js';
import type { IsoDate } from '../../../domain/time/zoned.js';
import type { FeedData, SourceDocument } from '../../../ports/market-feed.js';
import { readPriceRows } from '../kit/canonical-rows.js';
import type { CsvColumnType, CsvEngine, CsvLayout, CsvTable } from '../kit/csv-engine.js';
import { sourceProblem } from '../kit/source-problem.js';
import { leadingLines, unwrapCsv, usDateToIso } from './miso-document.js';
import { kindForNodeType, MISO_MARKET_ID, pricedLocation } from './miso-market.js';
import { estDayStartMs, reportDateOf } from './miso-time.js';

/*
 * MISO's hourly LMP market reports: `YYYYMMDD_da_expost_lmp.csv` (day-ahead settlement prices) and, in the same
 * wide layout, `_rt_lmp_final.csv` (real-time hourly, final; `_da_exante_lmp.csv` shares the layout too but holds
 * the pre-settlement day-ahead prices, so it is not taken as DA). Four preamble lines (title, market date
 * MM/DD/YYYY, blank, ",,,All Hours-Ending are Eastern Standard Time (EST)"), then `Node,Type,Value,HE 1,…,HE 24`,
 * one line per node and Value (LMP, MCC, MLC).
 */

const PREAMBLE_LINES = 4;
const HEADER_LINE = PREAMBLE_LINES + 1;
const HOURS = Array.from({ length: 24 }, (_, i) => `HE ${i + 1}`);
const COMPONENTS = ['LMP', 'MCC', 'MLC'] as const;

const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

const LAYOUT: CsvLayout = {
  skipLines: PREAMBLE_LINES,
  columns: {
    Node: 'VARCHAR',
    Value: 'VARCHAR',
    ...Object.fromEntries(HOURS.map((h) => [h, 'DOUBLE' satisfies CsvColumnType])),
  },
  optionalColumns: { Type: 'VARCHAR' },
  // "HE 7", "HE7" and "he 07" all name hour ending 7.
  normaliseHeader: (name) => {
    const hour = /^HE\s*0*(\d+)$/i.exec(name.trim());
    return hour ? `HE ${hour[1]}` : name.trim();
  },
};

/** The market date from the preamble, checked against the file name and the EST note. */
const reportDate = (document: SourceDocument, run: MarketRunId): IsoDate => {
  const lines = leadingLines(document, PREAMBLE_LINES);
  // Ex-ante day-ahead prices share the layout but are not the settlement prices the DA run stores.
  if (run === 'DA' && (/ex-?ante/i.test(lines[0] ?? '') || /_da_exante_/i.test(document.name))) {
    throw sourceProblem(
      document.name,
      1,
      null,
      'this is the day-ahead ex-ante report; day-ahead prices are read from the ex-post report (_da_expost_lmp.csv)',
    );
  }
  const dateText = (lines[1] ?? '').split(',')[0] ?? '';
  const date = usDateToIso(dateText);
  if (date === null) {
    throw sourceProblem(
      document.name,
      2,
      null,
      `expected the market date as MM/DD/YYYY on the report's second line, found "${dateText}"`,
    );
  }
  const named = reportDateOf(document.name);
  if (named !== null && named !== date) {
    throw sourceProblem(
      document.name,
      2,
      null,
      `the report is for ${date} but its file name says ${named}`,
    );
  }
  // Every time below assumes EST; a report on another clock must not be read as if it were.
  if (!/Eastern Standard Time/i.test(lines[3] ?? '')) {
    throw sourceProblem(
      document.name,
      4,
      null,
      'expected the note "All Hours-Ending are Eastern Standard Time (EST)"',
    );
  }
  return date;
};

const checkHeader = (document: SourceDocument, header: readonly string[]): void => {
  const extra = header.find((name) => /^HE \d+$/.test(name) && !HOURS.includes(name));
  if (extra !== undefined) {
    throw sourceProblem(
      document.name,
      HEADER_LINE,
      extra,
      'MISO days have hours ending 1 to 24 only (EST has no daylight-saving days)',
    );
  }
};

const BLANK_ROW = `Node IS NULL OR trim(Node) = '' OR Value IS NULL OR ${HOURS.map((h) => `${quoteIdent(h)} IS NULL`).join(' OR ')}`;
const MISSING_COMPONENT = COMPONENTS.map(
  (c) => `count(*) FILTER (WHERE trim(Value) = '${c}') = 0`,
).join(' OR ');

/**
 * Whether any row breaks a rule `checkRows` explains, asked of the rows read without line numbers (the fast
 * path); only when one does are the rows read again with their lines to say where.
 */
const hasProblem = async (table: CsvTable, rel: string): Promise<boolean> => {
  const [answer] = await table.rows(
    `SELECT EXISTS (SELECT 1 FROM ${rel} WHERE ${BLANK_ROW})
         OR EXISTS (SELECT 1 FROM ${rel} GROUP BY trim(Node), trim(Value) HAVING count(*) > 1)
         OR EXISTS (SELECT 1 FROM ${rel} GROUP BY trim(Node) HAVING ${MISSING_COMPONENT}) AS bad`,
  );
  return answer?.bad === true;
};

/**
 * Throws for the first line a price could not be taken from: a blank node, a missing price, a repeated row, a
 * node without all three rows. `rel` must carry `_line`.
 */
const checkRows = async (document: SourceDocument, table: CsvTable, rel: string): Promise<void> => {
  const [blankNode] = await table.rows(
    `SELECT _line FROM ${rel} WHERE Node IS NULL OR trim(Node) = '' OR Value IS NULL ORDER BY _line LIMIT 1`,
  );
  if (blankNode) {
    throw sourceProblem(document.name, Number(blankNode._line), 'Node', 'no node or no Value');
  }
  const firstMissing = `CASE ${HOURS.map((h) => `WHEN ${quoteIdent(h)} IS NULL THEN '${h}'`).join(' ')} END`;
  const [missing] = await table.rows(
    `SELECT _line, ${firstMissing} AS hour FROM ${rel}
      WHERE ${HOURS.map((h) => `${quoteIdent(h)} IS NULL`).join(' OR ')} ORDER BY _line LIMIT 1`,
  );
  if (missing) {
    throw sourceProblem(document.name, Number(missing._line), String(missing.hour), 'no price');
  }
  const [repeated] = await table.rows(
    `SELECT trim(Node) AS node, trim(Value) AS value, min(_line) AS first, max(_line) AS again
       FROM ${rel} GROUP BY 1, 2 HAVING count(*) > 1 ORDER BY again LIMIT 1`,
  );
  if (repeated) {
    throw sourceProblem(
      document.name,
      Number(repeated.again),
      'Value',
      `second ${String(repeated.value)} row for ${String(repeated.node)} (first at line ${String(repeated.first)})`,
    );
  }
  // A node without all three rows is what a file cut at a line boundary looks like.
  const [incomplete] = await table.rows(
    `SELECT trim(Node) AS node, min(_line) AS line,
            list_sort(list(DISTINCT trim(Value))) AS present
       FROM ${rel} GROUP BY 1
     HAVING ${MISSING_COMPONENT}
      ORDER BY line LIMIT 1`,
  );
  if (incomplete) {
    const present = (incomplete.present as string[]).join(', ');
    throw sourceProblem(
      document.name,
      Number(incomplete.line),
      'Value',
      `${String(incomplete.node)} has only ${present} rows; every node needs LMP, MCC and MLC (truncated file?)`,
    );
  }
};

/**
 * Canonical rows: one per node and hour. HE n covers [n−1, n) hours after 00:00 EST of the market date.
 * MISO publishes LMP, MCC (congestion) and MLC (loss); the energy component is derived as
 * LMP − MCC − MLC, rounded to 1e-6 to drop binary floating-point noise. Each node's three rows (checked to exist
 * exactly once) become 24-price lists joined side by side and unnested in step, which is several times faster
 * than unpivoting every value and grouping it back by node and hour.
 */
const canonicalSql = (rel: string, dayStartMs: number): string => {
  const prices = (component: (typeof COMPONENTS)[number]): string =>
    `(SELECT trim(Node) AS code, [${HOURS.map(quoteIdent).join(', ')}] AS prices
        FROM ${rel} WHERE trim(Value) = '${component}')`;
  return `
  SELECT code, ${dayStartMs}::DOUBLE + hour * ${HOUR_MS} AS interval_start_ms, 60 AS interval_minutes,
         lmp, round(lmp - mcc - mlc, 6) AS energy, mcc AS congestion, mlc AS loss, NULL::DOUBLE AS ghg
    FROM (SELECT code, unnest(range(0, ${HOURS.length})) AS hour, unnest(l.prices) AS lmp,
                 unnest(c.prices) AS mcc, unnest(m.prices) AS mlc
            FROM ${prices('LMP')} l JOIN ${prices('MCC')} c USING (code) JOIN ${prices('MLC')} m USING (code))`;
};

const discoveredInstruments = async (
  table: CsvTable,
  rel: string,
): Promise<InstrumentDefinition[]> => {
  const typed = table.header.includes('Type');
  const rows = await table.rows(
    `SELECT trim(Node) AS code, ${typed ? 'first(trim(Type))' : 'NULL'} AS type
       FROM ${rel} GROUP BY 1 ORDER BY 1`,
  );
  return rows.map((row) => {
    const code = String(row.code);
    return pricedLocation(
      code,
      kindForNodeType(typeof row.type === 'string' ? row.type : null, code),
    );
  });
};

/**
 * Parses one MISO hourly LMP report (plain or zipped) into `run` prices for every node it lists, with the
 * nodes as instruments (kind from the `Type` column). Throws `invalid_source_data` naming the file, line and
 * field of the first problem; nothing is returned from a file with a problem.
 */
export const parseMisoHourlyLmp = async (
  csv: CsvEngine,
  served: SourceDocument,
  run: Extract<MarketRunId, 'DA' | 'RT60'>,
): Promise<FeedData> => {
  const document = unwrapCsv(served);
  if (document.bytes.length === 0) {
    throw sourceProblem(document.name, null, null, 'the document is empty');
  }
  const dayStartMs = estDayStartMs(reportDate(document, run));
  return csv.read(document, LAYOUT, async (table) => {
    checkHeader(document, table.header);
    // The views re-read the file on every query; one pass into a table serves the checks and the pivot.
    const rel = `wide_${randomUUID().replaceAll('-', '')}`;
    await table.run(`CREATE TEMP TABLE ${rel} AS SELECT * FROM ${table.plainRelation}`);
    try {
      if (await hasProblem(table, rel)) {
        await checkRows(document, table, table.relation);
        throw sourceProblem(document.name, null, null, 'rows that cannot be read as prices');
      }
      const prices = await readPriceRows(table, canonicalSql(rel, dayStartMs), MISO_MARKET_ID, run);
      const instruments = await discoveredInstruments(table, rel);
      return { kind: 'prices', prices, instruments } as const;
    } finally {
      await table.run(`DROP TABLE IF EXISTS ${rel}`);
    }
  });
};
