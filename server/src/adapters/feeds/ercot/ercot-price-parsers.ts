import type { InstrumentDefinition } from '../../../domain/instruments/instrument.js';
import type { MarketRunId } from '../../../domain/markets/market.js';
import type { FeedData, SourceDocument } from '../../../ports/market-feed.js';
import { readPriceTable } from '../kit/canonical-rows.js';
import type { CsvEngine, CsvTable } from '../kit/csv-engine.js';
import { sourceProblem } from '../kit/source-problem.js';
import {
  cellText,
  readCsvTable,
  ercotLayout,
  hourJoin,
  hourStartsSql,
  parseEachCsv,
  rejectRowsWhere,
  sqlIdent,
  sqlText,
  withTempTable,
  type HourColumns,
} from './ercot-csv.js';
import {
  ENERGY_WEIGHTED_SUFFIX,
  ENERGY_WEIGHTED_TYPES,
  ERCOT_MARKET_ID,
  settlementPointInstrument,
  settlementPointKind,
} from './ercot-market.js';

/**
 * Settlement-point price reports: DAM SPP (NP4-190-CD, hourly) and RT SPP (NP6-905-CD, one 15-minute interval
 * per file). Both publish only the price, so it goes in the lmp column and every component is NULL: an SPP is not
 * an LMP plus components (it includes scarcity adders), and no component can be derived from it.
 */

const NO_COMPONENTS = 'NULL AS energy, NULL AS congestion, NULL AS loss, NULL AS ghg';

/** Rows with no settlement point or no price are errors: a file that prices nothing there is damaged. */
const rejectIncompleteRows = async (
  table: CsvTable,
  document: SourceDocument,
  pointColumn: string,
  priceColumn: string,
): Promise<void> => {
  await rejectRowsWhere(
    table,
    document,
    `${sqlIdent(pointColumn)} IS NULL OR trim(${sqlIdent(pointColumn)}) = ''`,
    pointColumn,
    'no settlement point named',
  );
  await rejectRowsWhere(
    table,
    document,
    `${sqlIdent(priceColumn)} IS NULL`,
    priceColumn,
    'no price given',
  );
};

/** A second price for the same point and interval in one file cannot be stored; report the line that repeats it. */
const rejectDuplicates = async (
  table: CsvTable,
  document: SourceDocument,
  parsed: string,
  field: string,
): Promise<void> => {
  const [duplicate] = await table.rows(
    `SELECT code, max(_line) AS line, min(_line) AS first FROM ${parsed}
       GROUP BY code, interval_start_ms HAVING count(*) > 1 ORDER BY line LIMIT 1`,
  );
  if (duplicate !== undefined) {
    throw sourceProblem(
      document.name,
      Number(duplicate.line),
      field,
      `a second price for ${String(duplicate.code)} in the same interval (first on line ${Number(duplicate.first)})`,
    );
  }
};

const instrumentsOf = async (table: CsvTable, parsed: string): Promise<InstrumentDefinition[]> =>
  (await table.rows(`SELECT DISTINCT code, point_type FROM ${parsed} ORDER BY code`)).map((row) => {
    const code = String(row.code);
    const pointType = cellText(row.point_type);
    return settlementPointInstrument(code, settlementPointKind(code, pointType));
  });

/** Canonical price rows (plus `_line` and `point_type`) checked and read as a batch with their instruments. */
const readPrices = (
  table: CsvTable,
  document: SourceDocument,
  rows: string,
  run: MarketRunId,
  duplicateField: string,
): Promise<FeedData> =>
  withTempTable(table, rows, async (parsed) => {
    await rejectDuplicates(table, document, parsed, duplicateField);
    return {
      kind: 'prices',
      prices: await readPriceTable(table, parsed, ERCOT_MARKET_ID, run),
      instruments: await instrumentsOf(table, parsed),
    };
  });

const DAM_COLUMNS: HourColumns = { date: 'DeliveryDate', hour: 'HourEnding', flag: 'DSTFlag' };

const DAM_LAYOUT = ercotLayout(
  {
    DeliveryDate: 'VARCHAR',
    HourEnding: 'VARCHAR',
    SettlementPoint: 'VARCHAR',
    SettlementPointPrice: 'DOUBLE',
  },
  { DSTFlag: 'VARCHAR' },
);

const hourColumnsOf = (table: CsvTable, columns: HourColumns): HourColumns =>
  columns.flag !== null && table.header.includes(columns.flag)
    ? columns
    : { ...columns, flag: null };

/**
 * DAM Settlement Point Prices (NP4-190-CD): `DeliveryDate,HourEnding,SettlementPoint,SettlementPointPrice,DSTFlag`,
 * one row per settlement point and hour, HourEnding 01:00..24:00 in Central time (see ercot-time.ts for DST).
 */
const parseDamSppCsv = (csv: CsvEngine, document: SourceDocument): Promise<FeedData> =>
  readCsvTable(csv, document, DAM_LAYOUT, async (table) => {
    await rejectIncompleteRows(table, document, 'SettlementPoint', 'SettlementPointPrice');
    const columns = hourColumnsOf(table, DAM_COLUMNS);
    const starts = await hourStartsSql(table, document, columns);
    const rows = `
      WITH k AS (${starts})
      SELECT trim(r."SettlementPoint") AS code, NULL::VARCHAR AS point_type, r._line,
             k.start_ms AS interval_start_ms, 60 AS interval_minutes,
             r."SettlementPointPrice" AS lmp, ${NO_COMPONENTS}
        FROM ${table.relation} r JOIN k ON ${hourJoin(columns)}`;
    return readPrices(table, document, rows, 'DA', 'SettlementPoint');
  });

const RT_COLUMNS: HourColumns = { date: 'DeliveryDate', hour: 'DeliveryHour', flag: 'DSTFlag' };

const RT_LAYOUT = ercotLayout(
  {
    DeliveryDate: 'VARCHAR',
    DeliveryHour: 'VARCHAR',
    DeliveryInterval: 'BIGINT',
    SettlementPointName: 'VARCHAR',
    SettlementPointPrice: 'DOUBLE',
  },
  { SettlementPointType: 'VARCHAR', DSTFlag: 'VARCHAR' },
);

const QUARTER_HOUR_MS = 15 * 60_000;

/**
 * Real-time SPP at resource nodes, hubs and load zones (NP6-905-CD): `DeliveryDate,DeliveryHour,DeliveryInterval,
 * SettlementPointName,SettlementPointType,SettlementPointPrice,DSTFlag`. DeliveryHour is the hour ending and
 * DeliveryInterval (1–4) the quarter hour within it, so interval 1 of hour 14 starts at 13:00. Energy-weighted
 * load-zone rows (type LZEW / LZ_DCEW) become `<zone>_EW`.
 */
const parseRtSppCsv = (csv: CsvEngine, document: SourceDocument): Promise<FeedData> =>
  readCsvTable(csv, document, RT_LAYOUT, async (table) => {
    await rejectIncompleteRows(table, document, 'SettlementPointName', 'SettlementPointPrice');
    await rejectRowsWhere(
      table,
      document,
      '"DeliveryInterval" IS NULL OR "DeliveryInterval" NOT BETWEEN 1 AND 4',
      'DeliveryInterval',
      'not a quarter hour of the hour: expected 1, 2, 3 or 4',
    );
    const columns = hourColumnsOf(table, RT_COLUMNS);
    const starts = await hourStartsSql(table, document, columns);
    const pointType = table.header.includes('SettlementPointType')
      ? 'upper(trim(r."SettlementPointType"))'
      : 'NULL::VARCHAR';
    const weighted = ENERGY_WEIGHTED_TYPES.map(sqlText).join(', ');
    const rows = `
      WITH k AS (${starts})
      SELECT CASE WHEN ${pointType} IN (${weighted})
                  THEN trim(r."SettlementPointName") || ${sqlText(ENERGY_WEIGHTED_SUFFIX)}
                  ELSE trim(r."SettlementPointName") END AS code,
             ${pointType} AS point_type, r._line,
             k.start_ms + (r."DeliveryInterval" - 1) * ${QUARTER_HOUR_MS} AS interval_start_ms,
             15 AS interval_minutes, r."SettlementPointPrice" AS lmp, ${NO_COMPONENTS}
        FROM ${table.relation} r JOIN k ON ${hourJoin(columns)}`;
    return readPrices(table, document, rows, 'RT15', 'SettlementPointName');
  });

export const parseDamSpp = (csv: CsvEngine, document: SourceDocument): Promise<FeedData> =>
  parseEachCsv(document, 'prices', (member) => parseDamSppCsv(csv, member));

export const parseRtSpp = (csv: CsvEngine, document: SourceDocument): Promise<FeedData> =>
  parseEachCsv(document, 'prices', (member) => parseRtSppCsv(csv, member));
