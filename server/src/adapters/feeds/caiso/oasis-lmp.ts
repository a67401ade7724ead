import type { MarketRunId } from '../../../domain/markets/market.js';
import { emptyPriceBatch, type PriceBatch } from '../../../domain/prices/price-batch.js';
import { toIsoUtc } from '../../../domain/time/interval.js';
import type { FeedData, SourceDocument } from '../../../ports/market-feed.js';
import { readPriceTable } from '../kit/canonical-rows.js';
import type { CsvEngine, CsvLayout, CsvTable } from '../kit/csv-engine.js';
import { sourceProblem } from '../kit/source-problem.js';
import { CAISO_MARKET_ID, priceLocation } from './caiso-market.js';
import { openOasisDocument } from './oasis-document.js';
import {
  OASIS_TIMESTAMP_FORMAT,
  oasisHeader,
  sqlText,
  throwFirstProblem,
  withMemberTable,
} from './oasis-csv.js';

/** An OASIS LMP report and the market run it carries. */
export interface LmpReport {
  readonly run: MarketRunId;
  readonly queryName: string;
  readonly version: number;
  /** OASIS market_run_id, also the MARKET_RUN_ID column of every row. */
  readonly marketRunId: string;
  readonly intervalMinutes: number;
}

export type LmpDatasetId = 'lmp.da' | 'lmp.rt15' | 'lmp.rt5';

export const LMP_REPORTS: Readonly<Record<LmpDatasetId, LmpReport>> = {
  'lmp.da': {
    run: 'DA',
    queryName: 'PRC_LMP',
    version: 12,
    marketRunId: 'DAM',
    intervalMinutes: 60,
  },
  'lmp.rt15': {
    run: 'RT15',
    queryName: 'PRC_RTPD_LMP',
    version: 3,
    marketRunId: 'RTPD',
    intervalMinutes: 15,
  },
  'lmp.rt5': {
    run: 'RT5',
    queryName: 'PRC_INTVL_LMP',
    version: 3,
    marketRunId: 'RTM',
    intervalMinutes: 5,
  },
};

/**
 * The price column is named per report and version: MW in PRC_LMP (and version 1 of the RT reports), PRC in
 * PRC_RTPD_LMP, VALUE in PRC_INTVL_LMP version 3. Whichever the file has is the price.
 */
const PRICE_COLUMNS = ['MW', 'PRC', 'VALUE'] as const;

/** LMP_TYPE → canonical component. OASIS publishes the LMP and its parts as separate rows. */
const COMPONENTS = { LMP: 'lmp', MCE: 'energy', MCC: 'congestion', MCL: 'loss', MGHG: 'ghg' };

const LAYOUT: CsvLayout = {
  columns: {
    INTERVALSTARTTIME_GMT: 'TIMESTAMP',
    INTERVALENDTIME_GMT: 'TIMESTAMP',
    NODE: 'VARCHAR',
    MARKET_RUN_ID: 'VARCHAR',
    LMP_TYPE: 'VARCHAR',
  },
  optionalColumns: { MW: 'DOUBLE', PRC: 'DOUBLE', VALUE: 'DOUBLE' },
  normaliseHeader: oasisHeader,
  timestampFormat: OASIS_TIMESTAMP_FORMAT,
};

/** The checks of one source line, as `field|message`, NULL when the line is usable. */
const lineProblem = (report: LmpReport, price: string): string => {
  const known = Object.keys(COMPONENTS).map(sqlText).join(', ');
  const minutes = `(epoch_ms(INTERVALENDTIME_GMT) - epoch_ms(INTERVALSTARTTIME_GMT)) / 60000`;
  return `CASE
    WHEN NODE IS NULL OR trim(NODE) = '' THEN 'NODE|missing location'
    WHEN INTERVALSTARTTIME_GMT IS NULL THEN 'INTERVALSTARTTIME_GMT|missing interval start'
    WHEN INTERVALENDTIME_GMT IS NULL THEN 'INTERVALENDTIME_GMT|missing interval end'
    WHEN MARKET_RUN_ID IS DISTINCT FROM ${sqlText(report.marketRunId)}
      THEN 'MARKET_RUN_ID|is "' || coalesce(MARKET_RUN_ID, '') || '"; ${report.queryName} for this dataset is ${report.marketRunId}'
    WHEN LMP_TYPE IS NULL OR LMP_TYPE NOT IN (${known})
      THEN 'LMP_TYPE|unknown price component "' || coalesce(LMP_TYPE, '') || '" (known: ${Object.keys(COMPONENTS).join(', ')})'
    WHEN ${minutes} <> ${report.intervalMinutes}
      THEN 'INTERVALENDTIME_GMT|the interval lasts ' || rtrim(rtrim((${minutes})::VARCHAR, '0'), '.') || ' minutes; ${report.marketRunId} intervals last ${report.intervalMinutes}'
    WHEN epoch_ms(INTERVALSTARTTIME_GMT) % ${report.intervalMinutes * 60_000} <> 0
      THEN 'INTERVALSTARTTIME_GMT|does not start on a ${report.intervalMinutes}-minute boundary'
    WHEN "${price}" IS NULL THEN '${price}|missing price'
  END`;
};

/**
 * One pass over a member's lines, straight from the CSV: its rows paired per location and interval (long →
 * wide) with per-component row counts (to find a component given twice) and a count of lines with a problem.
 * Reading each CSV once is what keeps an all-node file fast. `located` also keeps each group's first line, the
 * last line per component and the first problem line and its text, to name them in an error: numbering lines
 * costs a pass of its own, so that is only done for a file already known to be bad.
 */
const memberPivot =
  (documents: readonly SourceDocument[], report: LmpReport, located: boolean) =>
  (table: CsvTable, member: number): string => {
    const price = PRICE_COLUMNS.find((c) => table.header.includes(c));
    if (price === undefined) {
      throw sourceProblem(
        documents[member]?.name ?? 'OASIS report',
        1,
        PRICE_COLUMNS.join('/'),
        `no price column; the header has: ${table.header.join(', ')}`,
      );
    }
    const perType = Object.entries(COMPONENTS).flatMap(([type, name]) => [
      `any_value(price) FILTER (WHERE type = '${type}') AS ${name}`,
      `count(*) FILTER (WHERE type = '${type}') AS n_${type}`,
      ...(located ? [`max(_line) FILTER (WHERE type = '${type}') AS last_${type}`] : []),
    ]);
    const lines = located
      ? `, min(_line) AS first_line,
         min(_line) FILTER (WHERE problem IS NOT NULL) AS problem_line,
         arg_min(problem, _line) FILTER (WHERE problem IS NOT NULL) AS problem`
      : '';
    return `SELECT ${member}::USMALLINT AS member, code, start_ts, ${perType.join(', ')},
                   count(*) FILTER (WHERE problem IS NOT NULL) AS problems ${lines}
              FROM (SELECT ${located ? '_line, ' : ''}NODE AS code, INTERVALSTARTTIME_GMT AS start_ts,
                           LMP_TYPE AS type, "${price}" AS price, ${lineProblem(report, price)} AS problem
                      FROM ${located ? table.relation : table.plainRelation})
             GROUP BY code, start_ts`;
  };

/** Folds the members' partial rows into one row per location and interval (a no-op for one member). */
const combineSql = (partials: string, single: boolean): string => {
  const types = Object.keys(COMPONENTS);
  const components = Object.values(COMPONENTS);
  const columns = single
    ? `${components.join(', ')}, ${types.map((t) => `n_${t}`).join(', ')}`
    : `${components.map((c) => `any_value(${c}) AS ${c}`).join(', ')},
       ${types.map((t) => `sum(n_${t}) AS n_${t}`).join(', ')}`;
  return `SELECT code, start_ts, epoch_ms(start_ts)::DOUBLE AS interval_start_ms, ${columns}
            FROM ${partials} ${single ? '' : 'GROUP BY code, start_ts'}`;
};

const utcText = (ms: number): string => toIsoUtc(ms).replace('.000Z', 'Z');

/** The first location and interval whose components do not pair up: no LMP row, or a component given twice. */
const firstUnpaired = async (
  table: CsvTable,
  pivot: string,
): Promise<Record<string, unknown> | undefined> => {
  const types = Object.keys(COMPONENTS);
  const [bad] = await table.rows(
    `SELECT code, interval_start_ms, ${types.map((t) => `n_${t}`).join(', ')} FROM ${pivot}
      WHERE n_LMP <> 1 OR ${types.map((t) => `n_${t} > 1`).join(' OR ')}
      ORDER BY code, interval_start_ms LIMIT 1`,
  );
  return bad;
};

/** A component given twice, or components without their LMP: reported at a line of the offending group. */
const checkPivot = async (
  table: CsvTable,
  members: readonly SourceDocument[],
  partials: string,
  pivot: string,
): Promise<void> => {
  const types = Object.keys(COMPONENTS);
  const bad = await firstUnpaired(table, pivot);
  if (bad === undefined) {
    return;
  }
  const code = String(bad.code);
  const startMs = Number(bad.interval_start_ms);
  const group = `code = ${sqlText(code)} AND epoch_ms(start_ts) = ${startMs}`;
  const twice = types.find((t) => Number(bad[`n_${t}`]) > 1);
  // The latest member holding the component has its second (or later) row at its last line of that type.
  const [where] = await table.rows(
    twice === undefined
      ? `SELECT member, first_line AS line FROM ${partials} WHERE ${group} ORDER BY member, first_line LIMIT 1`
      : `SELECT member, last_${twice} AS line FROM ${partials} WHERE ${group} AND n_${twice} > 0
          ORDER BY member DESC LIMIT 1`,
  );
  throw sourceProblem(
    members[Number(where?.member ?? 0)]?.name ?? 'OASIS report',
    where === undefined ? null : Number(where.line),
    'LMP_TYPE',
    twice === undefined
      ? `${code} at ${utcText(startMs)} has price components but no LMP row`
      : `a second ${twice} row for ${code} at ${utcText(startMs)}`,
  );
};

/**
 * Pairs the members' rows into a price batch. Unlocated (`located` false), a file with any problem gives null;
 * located, the first problem is thrown naming its member file, line and field.
 */
const pairComponents = (
  csv: CsvEngine,
  members: readonly SourceDocument[],
  report: LmpReport,
  located: boolean,
): Promise<PriceBatch | null> =>
  withMemberTable(
    csv,
    members,
    LAYOUT,
    memberPivot(members, report, located),
    async (table, partials) => {
      if (located) {
        await throwFirstProblem(
          table,
          members,
          `SELECT member, problem_line AS _line, split_part(problem, '|', 1) AS field,
                  substr(problem, strpos(problem, '|') + 1) AS message
             FROM ${partials} WHERE problem_line IS NOT NULL`,
        );
      } else if (
        (await table.rows(`SELECT 1 FROM ${partials} WHERE problems > 0 LIMIT 1`)).length > 0
      ) {
        return null;
      }
      const pivot = `${partials}_pivot`;
      await table.run(
        `CREATE TEMP TABLE ${pivot} AS
         SELECT *, ${report.intervalMinutes} AS interval_minutes
           FROM (${combineSql(partials, members.length === 1)})`,
      );
      try {
        if (located) {
          await checkPivot(table, members, partials, pivot);
        } else if ((await firstUnpaired(table, pivot)) !== undefined) {
          return null;
        }
        return await readPriceTable(table, pivot, CAISO_MARKET_ID, report.run);
      } finally {
        await table.run(`DROP TABLE IF EXISTS ${pivot}`);
      }
    },
  );

/**
 * Parses an OASIS LMP report (PRC_LMP, PRC_RTPD_LMP or PRC_INTVL_LMP, zipped or extracted) into one canonical
 * price row per location and interval with its components: OASIS publishes the LMP and each component
 * (MCE energy, MCC congestion, MCL loss, MGHG greenhouse gas) as separate rows, so they are paired here;
 * components absent from the file (MGHG before it existed) stay NULL. Intervals come from the UTC columns
 * INTERVALSTARTTIME_GMT/INTERVALENDTIME_GMT, so DST days need no special handling (OPR_HR runs 1–25 or
 * skips 3 on those days, and is not used). OASIS's "no data" answer parses to an empty batch.
 */
export const parseOasisLmp = async (
  csv: CsvEngine,
  report: LmpReport,
  document: SourceDocument,
): Promise<FeedData> => {
  const content = openOasisDocument(document);
  switch (content.kind) {
    case 'no-data':
      return { kind: 'prices', prices: emptyPriceBatch(), instruments: [] };
    case 'xml':
      throw sourceProblem(
        document.name,
        null,
        null,
        'an OASIS XML price report; request the CSV form (resultformat=6)',
      );
    case 'csv':
      break;
  }
  const { members } = content;
  // A clean file is read once without line numbers; a bad one is read again to name the line.
  const prices =
    (await pairComponents(csv, members, report, false)) ??
    (await pairComponents(csv, members, report, true));
  if (prices === null) {
    throw new Error('OASIS LMP: a problem found on the fast path could not be located');
  }
  const codes = prices.instrumentIds.map((id) => id.slice(CAISO_MARKET_ID.length + 1));
  return { kind: 'prices', prices, instruments: codes.map(priceLocation) };
};
