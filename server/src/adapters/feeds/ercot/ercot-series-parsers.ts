import type { InstrumentDefinition } from '../../../domain/instruments/instrument.js';
import type { FeedData, SourceDocument } from '../../../ports/market-feed.js';
import { readSeriesRows } from '../kit/canonical-rows.js';
import type { CsvEngine, CsvTable } from '../kit/csv-engine.js';
import { sourceProblem } from '../kit/source-problem.js';
import {
  ercotLayout,
  hourJoin,
  hourStartsSql,
  parseEachCsv,
  readCsvTable,
  rejectRowsWhere,
  sqlIdent,
  type HourColumns,
} from './ercot-csv.js';
import {
  ERCOT_MARKET_ID,
  FORECAST_ZONES,
  SYSTEM_LOAD_CODE,
  WIND_REGIONS,
  loadAreaCode,
  loadAreaInstrument,
  systemLoadInstrument,
  windRegionCode,
  windRegionInstrument,
} from './ercot-market.js';
import { misPublishedAtMs } from './ercot-time.js';

const HOUR_MS = 3_600_000;

/**
 * The forecast vintage: when ERCOT published the document, from its MIS name (`cdr.<type>.<duns>.<YYYYMMDD>.
 * <HHMMSS>.<report>.csv`, Central time), which the CSV inside every MIS or Public API zip keeps.
 */
const issuedAtOf = (document: SourceDocument): number => {
  const issuedAtMs = misPublishedAtMs(document.name);
  if (issuedAtMs === null) {
    throw sourceProblem(
      document.name,
      null,
      'file name',
      'cannot tell when this forecast was issued: ERCOT names its files cdr.<report type>.<DUNS>.<YYYYMMDD>.<HHMMSS>.<report>.csv',
    );
  }
  return issuedAtMs;
};

/** A forecast is kept for the intervals that had not ended when it was issued; earlier rows are hindcasts. */
const forecastOnly = (issuedAtMs: number): string => `start_ms + ${HOUR_MS} > ${issuedAtMs}`;

const rejectRepeatedHours = async (
  table: CsvTable,
  document: SourceDocument,
  keyed: string,
  field: string,
): Promise<void> => {
  const [repeat] = await table.rows(
    `SELECT max(_line) AS line, min(_line) AS first FROM (${keyed})
       GROUP BY start_ms HAVING count(*) > 1 ORDER BY line LIMIT 1`,
  );
  if (repeat !== undefined) {
    throw sourceProblem(
      document.name,
      Number(repeat.line),
      field,
      `the same hour a second time (first on line ${Number(repeat.first)})`,
    );
  }
};

const unpivot = (source: string, columns: readonly string[]): string =>
  `SELECT * FROM (${source}) UNPIVOT (value FOR code IN (${columns.map(sqlIdent).join(', ')}))`;

const LOAD_HOURS: HourColumns = { date: 'DeliveryDate', hour: 'HourEnding', flag: 'DSTFlag' };

/** Column name in the report → our instrument code. */
const LOAD_COLUMNS: ReadonlyMap<string, string> = new Map([
  ...FORECAST_ZONES.map((zone): [string, string] => [
    zone.charAt(0) + zone.slice(1).toLowerCase(),
    loadAreaCode(zone),
  ]),
  ['SystemTotal', SYSTEM_LOAD_CODE],
]);

const LOAD_LAYOUT = ercotLayout(
  {
    DeliveryDate: 'VARCHAR',
    HourEnding: 'VARCHAR',
    ...Object.fromEntries([...LOAD_COLUMNS.keys()].map((c) => [c, 'DOUBLE' as const])),
  },
  { DSTFlag: 'VARCHAR' },
);

/**
 * Seven-Day Load Forecast by Forecast Zone (NP3-560-CD, report type 12311): `DeliveryDate,HourEnding,North,South,
 * West,Houston,SystemTotal,DSTFlag` (header padded with spaces), hourly MW from the issue day for 7 days. Each zone
 * becomes `LOAD.<ZONE>` and SystemTotal SYSTEM_LOAD, as `load.forecast` with the publication time as vintage.
 */
const parseLoadForecastCsv = (csv: CsvEngine, document: SourceDocument): Promise<FeedData> => {
  const issuedAtMs = issuedAtOf(document);
  return readCsvTable(csv, document, LOAD_LAYOUT, async (table) => {
    for (const column of LOAD_COLUMNS.keys()) {
      await rejectRowsWhere(table, document, `${sqlIdent(column)} IS NULL`, column, 'no MW value');
    }
    const columns = table.header.includes('DSTFlag') ? LOAD_HOURS : { ...LOAD_HOURS, flag: null };
    const keyed = `
      WITH k AS (${await hourStartsSql(table, document, columns)})
      SELECT r._line, k.start_ms,
             ${[...LOAD_COLUMNS].map(([column, code]) => `r.${sqlIdent(column)} AS ${sqlIdent(code)}`).join(', ')}
        FROM ${table.relation} r JOIN k ON ${hourJoin(columns)}`;
    await rejectRepeatedHours(table, document, keyed, 'HourEnding');
    const rows = `
      SELECT code, 'load.forecast' AS variable, start_ms AS interval_start_ms, 60 AS interval_minutes,
             value AS value_mw, ${issuedAtMs}::DOUBLE AS issued_at_ms
        FROM (${unpivot(keyed, [...LOAD_COLUMNS.values()])})
       WHERE ${forecastOnly(issuedAtMs)}`;
    const instruments: InstrumentDefinition[] = [
      ...FORECAST_ZONES.map(loadAreaInstrument),
      systemLoadInstrument(),
    ];
    return {
      kind: 'series',
      series: await readSeriesRows(table, rows, ERCOT_MARKET_ID),
      instruments,
    };
  });
};

/** Actual and forecast (STWPF) columns of one wind region in NP4-732-CD. */
const windColumns = (region: string): { actual: string; forecast: string } =>
  region === 'SYSTEM_WIDE'
    ? { actual: 'SYSTEM_WIDE_GEN', forecast: 'STWPF_SYSTEM_WIDE' }
    : { actual: `GEN_${region}`, forecast: `STWPF_${region}` };

const WIND_HOURS: HourColumns = { date: 'DeliveryDate', hour: 'HourEnding', flag: 'DSTFlag' };

const WIND_LAYOUT = ercotLayout(
  {
    DeliveryDate: 'VARCHAR',
    HourEnding: 'VARCHAR',
    SYSTEM_WIDE_GEN: 'DOUBLE',
    STWPF_SYSTEM_WIDE: 'DOUBLE',
  },
  {
    DSTFlag: 'VARCHAR',
    ...Object.fromEntries(
      WIND_REGIONS.filter((r) => r !== 'SYSTEM_WIDE').flatMap((region) => {
        const { actual, forecast } = windColumns(region);
        return [
          [actual, 'DOUBLE' as const],
          [forecast, 'DOUBLE' as const],
        ];
      }),
    ),
  },
);

/**
 * Wind Power Production – Hourly Averaged Actual and Forecasted Values (NP4-732-CD, report type 13028):
 * `DELIVERY_DATE,HOUR_ENDING,SYSTEM_WIDE_GEN,…,STWPF_SYSTEM_WIDE,…,GEN_LZ_WEST,STWPF_LZ_WEST,…,DSTFlag`, hourly,
 * HOUR_ENDING an integer. Each file covers the last two days (actual generation, blank for hours still to come)
 * and the next week (STWPF, ERCOT's short-term wind power forecast). Actuals become `gen.wind` without vintage,
 * STWPF `gen.wind` with the publication time as vintage, on `GEN.<region>`. COP HSL and WGRPP are not read.
 */
const parseWindCsv = (csv: CsvEngine, document: SourceDocument): Promise<FeedData> => {
  const issuedAtMs = issuedAtOf(document);
  return readCsvTable(csv, document, WIND_LAYOUT, async (table) => {
    const regions = WIND_REGIONS.filter((region) => {
      const { actual, forecast } = windColumns(region);
      return table.header.includes(actual) && table.header.includes(forecast);
    });
    const columns = table.header.includes('DSTFlag') ? WIND_HOURS : { ...WIND_HOURS, flag: null };
    const select = (kind: 'actual' | 'forecast'): string =>
      regions
        .map(
          (region) =>
            `r.${sqlIdent(windColumns(region)[kind])} AS ${sqlIdent(windRegionCode(region))}`,
        )
        .join(', ');
    const join = `FROM ${table.relation} r JOIN k ON ${hourJoin(columns)}`;
    const starts = await hourStartsSql(table, document, columns);
    await rejectRepeatedHours(
      table,
      document,
      `WITH k AS (${starts}) SELECT r._line, k.start_ms ${join}`,
      'HourEnding',
    );
    const codes = regions.map(windRegionCode);
    const series = (kind: 'actual' | 'forecast'): string => `
      SELECT code, 'gen.wind' AS variable, start_ms AS interval_start_ms, 60 AS interval_minutes,
             value AS value_mw, ${kind === 'actual' ? 'NULL' : `${issuedAtMs}::DOUBLE`} AS issued_at_ms
        FROM (${unpivot(`SELECT k.start_ms, ${select(kind)} ${join}`, codes)})
       ${kind === 'forecast' ? `WHERE ${forecastOnly(issuedAtMs)}` : ''}`;
    const rows = `WITH k AS (${starts}) ${series('actual')} UNION ALL ${series('forecast')}`;
    return {
      kind: 'series',
      series: await readSeriesRows(table, rows, ERCOT_MARKET_ID),
      instruments: regions.map(windRegionInstrument),
    };
  });
};

export const parseLoadForecast = (csv: CsvEngine, document: SourceDocument): Promise<FeedData> =>
  parseEachCsv(document, 'series', (member) => parseLoadForecastCsv(csv, member));

export const parseWind = (csv: CsvEngine, document: SourceDocument): Promise<FeedData> =>
  parseEachCsv(document, 'series', (member) => parseWindCsv(csv, member));
