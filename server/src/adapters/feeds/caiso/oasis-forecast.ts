import type { InstrumentDefinition } from '../../../domain/instruments/instrument.js';
import {
  emptySeriesBatch,
  seriesBatchFrom,
  type SeriesObservation,
} from '../../../domain/series/series-batch.js';
import { MINUTE_MS, toIsoUtc } from '../../../domain/time/interval.js';
import type { FeedData, SourceDocument } from '../../../ports/market-feed.js';
import { readSeriesRows } from '../kit/canonical-rows.js';
import type { CsvEngine, CsvLayout, CsvTable } from '../kit/csv-engine.js';
import { sourceProblem } from '../kit/source-problem.js';
import {
  CAISO_MARKET_ID,
  CAISO_SYSTEM_TAC_AREA,
  SYSTEM_LOAD_CODE,
  generationRegion,
  loadArea,
  loadAreaCode,
} from './caiso-market.js';
import {
  OASIS_TIMESTAMP_FORMAT,
  oasisHeader,
  sqlText,
  throwFirstProblem,
  withMemberTable,
} from './oasis-csv.js';
import { oasisProducedAtMs, openOasisDocument, type OasisXmlReport } from './oasis-document.js';

/**
 * Forecast vintage. OASIS keeps one value per interval and forecast run (7DA, 2DA, DAM, RTM) and does not
 * say when CAISO made it; what each file does say is when OASIS produced it (the stamp in its name, or
 * MessageHeader/TimeDate in XML). That is used as the issue time: the forecast as OASIS published it at that
 * moment. It never claims a forecast was known earlier than it provably was, and a saved file re-ingested
 * keeps its vintage; a day fetched again later is a new vintage of the same run.
 */
const issuedAtOf = (member: SourceDocument): number => {
  const issuedAtMs = oasisProducedAtMs(member.name);
  if (issuedAtMs === null) {
    throw sourceProblem(
      member.name,
      null,
      null,
      'the file name has no OASIS production stamp (…_YYYYMMDD_HH_MM_SS_v1.csv), which is the forecast ' +
        'vintage; load the file under the name OASIS gave it',
    );
  }
  return issuedAtMs;
};

const LOAD_LAYOUT: CsvLayout = {
  columns: {
    INTERVALSTARTTIME_GMT: 'TIMESTAMP',
    INTERVALENDTIME_GMT: 'TIMESTAMP',
    MARKET_RUN_ID: 'VARCHAR',
    TAC_AREA_NAME: 'VARCHAR',
    MW: 'DOUBLE',
  },
  normaliseHeader: oasisHeader,
  timestampFormat: OASIS_TIMESTAMP_FORMAT,
};

const RENEWABLES_LAYOUT: CsvLayout = {
  columns: {
    INTERVALSTARTTIME_GMT: 'TIMESTAMP',
    INTERVALENDTIME_GMT: 'TIMESTAMP',
    MARKET_RUN_ID: 'VARCHAR',
    TRADING_HUB: 'VARCHAR',
    RENEWABLE_TYPE: 'VARCHAR',
    MW: 'DOUBLE',
  },
  normaliseHeader: oasisHeader,
  timestampFormat: OASIS_TIMESTAMP_FORMAT,
};

const RENEWABLE_VARIABLES: Readonly<Record<string, string>> = {
  Solar: 'gen.solar',
  Wind: 'gen.wind',
};

/** Checks common to both forecast reports, as CASE branches yielding `field|message`. */
const commonProblems = (placeColumn: string, placeField: string): string => `
  WHEN ${placeColumn} IS NULL OR trim(${placeColumn}) = '' THEN '${placeField}|missing'
  WHEN start_ts IS NULL THEN 'INTERVALSTARTTIME_GMT|missing interval start'
  WHEN end_ts IS NULL OR end_ts <= start_ts THEN 'INTERVALENDTIME_GMT|missing, or not after the interval start'
  WHEN run = 'ACTUAL' THEN 'MARKET_RUN_ID|ACTUAL is measured, not forecast; this dataset reads forecasts'
  WHEN value IS NULL THEN 'MW|missing value'`;

const problemsOf = (rows: string, branches: string): string =>
  `SELECT member, _line, split_part(problem, '|', 1) AS field, substr(problem, strpos(problem, '|') + 1) AS message
     FROM (SELECT member, _line, CASE ${branches} END AS problem FROM ${rows}) WHERE problem IS NOT NULL`;

/**
 * One canonical row per instrument, variable, interval and vintage; a repeated row must repeat the value,
 * otherwise the file contradicts itself and the later line is reported.
 */
const finishSeries = async (
  table: CsvTable,
  members: readonly SourceDocument[],
  rows: string,
): Promise<FeedData> => {
  await throwFirstProblem(
    table,
    members,
    `SELECT member, _line, 'MW' AS field,
            'a second, different value for ' || code || ' ' || variable || ' at ' ||
            strftime(start_ts, '%Y-%m-%dT%H:%M:%SZ') AS message
       FROM (SELECT *, row_number() OVER w AS nth, count(DISTINCT value) OVER w AS values_given
               FROM ${rows}
             WINDOW w AS (PARTITION BY code, variable, start_ts, issued_ms ORDER BY member, _line
                          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING))
      WHERE nth = 2 AND values_given > 1`,
  );
  const series = await readSeriesRows(
    table,
    `SELECT code, variable, epoch_ms(start_ts)::DOUBLE AS interval_start_ms,
            ((epoch_ms(end_ts) - epoch_ms(start_ts)) / 60000)::INTEGER AS interval_minutes,
            any_value(value) AS value_mw, issued_ms AS issued_at_ms
       FROM ${rows} GROUP BY code, variable, start_ts, end_ts, issued_ms`,
    CAISO_MARKET_ID,
  );
  return { kind: 'series', series, instruments: instrumentsOf(series.instrumentIds) };
};

const instrumentsOf = (ids: readonly string[]): InstrumentDefinition[] =>
  ids.map((id) => {
    const code = id.slice(CAISO_MARKET_ID.length + 1);
    return code === SYSTEM_LOAD_CODE
      ? loadArea(CAISO_SYSTEM_TAC_AREA)
      : code.startsWith('LOAD.')
        ? loadArea(code.slice('LOAD.'.length))
        : generationRegion(code.slice('GEN.'.length));
  });

const EMPTY: FeedData = { kind: 'series', series: emptySeriesBatch(), instruments: [] };

/**
 * OASIS SLD_FCST (CAISO demand forecast by TAC area, any forecast run) → `load.forecast`. The CAISO-wide
 * area (CA ISO-TAC) is SYSTEM_LOAD, so its forecast sits beside the measured system load; other areas are
 * LOAD.<TAC area>. Intervals come from the UTC columns; the vintage is the file's production stamp.
 */
export const parseOasisLoadForecast = async (
  csv: CsvEngine,
  document: SourceDocument,
): Promise<FeedData> => {
  const content = openOasisDocument(document);
  if (content.kind === 'no-data') {
    return EMPTY;
  }
  if (content.kind === 'xml') {
    return loadForecastFromXml(content.report);
  }
  const { members } = content;
  return withMemberTable(
    csv,
    members,
    LOAD_LAYOUT,
    (table, member) => `
      SELECT ${member}::USMALLINT AS member, _line, TAC_AREA_NAME AS area,
             CASE WHEN TAC_AREA_NAME = ${sqlText(CAISO_SYSTEM_TAC_AREA)} THEN '${SYSTEM_LOAD_CODE}'
                  ELSE 'LOAD.' || TAC_AREA_NAME END AS code,
             'load.forecast' AS variable, INTERVALSTARTTIME_GMT AS start_ts, INTERVALENDTIME_GMT AS end_ts,
             MARKET_RUN_ID AS run, MW AS value, ${issuedAtOf(members[member] as SourceDocument)}::DOUBLE AS issued_ms
        FROM ${table.relation}`,
    async (table, rows) => {
      await throwFirstProblem(
        table,
        members,
        problemsOf(rows, commonProblems('area', 'TAC_AREA_NAME')),
      );
      return finishSeries(table, members, rows);
    },
  );
};

/**
 * OASIS SLD_REN_FCST (wind and solar forecast by trading hub region) → `gen.solar` / `gen.wind` series of
 * GEN.NP15, GEN.SP15, GEN.ZP26, with the file's production stamp as vintage (see issuedAtOf).
 */
export const parseOasisRenewablesForecast = async (
  csv: CsvEngine,
  document: SourceDocument,
): Promise<FeedData> => {
  const content = openOasisDocument(document);
  if (content.kind === 'no-data') {
    return EMPTY;
  }
  if (content.kind === 'xml') {
    throw sourceProblem(
      document.name,
      null,
      null,
      'an OASIS XML renewables report; request the CSV form (resultformat=6)',
    );
  }
  const { members } = content;
  const variable = `CASE RENEWABLE_TYPE ${Object.entries(RENEWABLE_VARIABLES)
    .map(([type, name]) => `WHEN ${sqlText(type)} THEN ${sqlText(name)}`)
    .join(' ')} END`;
  return withMemberTable(
    csv,
    members,
    RENEWABLES_LAYOUT,
    (table, member) => `
      SELECT ${member}::USMALLINT AS member, _line, TRADING_HUB AS hub, RENEWABLE_TYPE AS type,
             'GEN.' || TRADING_HUB AS code, ${variable} AS variable,
             INTERVALSTARTTIME_GMT AS start_ts, INTERVALENDTIME_GMT AS end_ts,
             MARKET_RUN_ID AS run, MW AS value, ${issuedAtOf(members[member] as SourceDocument)}::DOUBLE AS issued_ms
        FROM ${table.relation}`,
    async (table, rows) => {
      await throwFirstProblem(
        table,
        members,
        problemsOf(
          rows,
          `${commonProblems('hub', 'TRADING_HUB')}
           WHEN variable IS NULL THEN 'RENEWABLE_TYPE|unknown type "' || coalesce(type, '') ||
             '" (known: ${Object.keys(RENEWABLE_VARIABLES).join(', ')})'`,
        ),
      );
      return finishSeries(table, members, rows);
    },
  );
};

const XML_FIELDS = ['RESOURCE_NAME', 'INTERVAL_START_GMT', 'INTERVAL_END_GMT', 'VALUE'] as const;

/**
 * SLD_FCST in OASIS's XML form: REPORT_DATA rows with UTC interval bounds. The header's INTERVAL ENDING and
 * TZ PPT describe OPR_DATE/INTERVAL_NUM, which are not needed given the GMT bounds. An RTM report mixes the
 * 15-minute (RTPD) and 5-minute (RTD) forecasts of the same area; only rows whose length is the header's
 * SEC_PER_INTERVAL belong to the execution it names, so the others are left out rather than stored as a
 * second, overlapping forecast.
 */
const loadForecastFromXml = (report: OasisXmlReport): FeedData => {
  const { document } = report;
  const observations: SeriesObservation[] = [];
  const seen = new Map<string, number>();
  for (const { header, rows } of report.items) {
    if (header.REPORT !== 'SLD_FCST' || header.MKT_TYPE === 'ACTUAL') {
      throw sourceProblem(
        document.name,
        null,
        'REPORT_HEADER',
        `is ${header.REPORT ?? '?'} ${header.MKT_TYPE ?? ''}; this dataset reads SLD_FCST forecasts`,
      );
    }
    const seconds = Number(header.SEC_PER_INTERVAL);
    for (const { lineOf, fields } of rows) {
      const missing = XML_FIELDS.find((f) => fields[f] === undefined || fields[f] === '');
      if (missing !== undefined) {
        throw sourceProblem(document.name, lineOf(missing), missing, 'missing');
      }
      const startMs = Date.parse(fields.INTERVAL_START_GMT as string);
      const endMs = Date.parse(fields.INTERVAL_END_GMT as string);
      const value = Number(fields.VALUE);
      if (Number.isNaN(startMs) || Number.isNaN(endMs) || endMs <= startMs) {
        throw sourceProblem(
          document.name,
          lineOf('INTERVAL_END_GMT'),
          'INTERVAL_END_GMT',
          'interval bounds are not times in order',
        );
      }
      if (!Number.isFinite(value)) {
        throw sourceProblem(
          document.name,
          lineOf('VALUE'),
          'VALUE',
          `"${fields.VALUE ?? ''}" is not a number`,
        );
      }
      if (Number.isFinite(seconds) && endMs - startMs !== seconds * 1000) {
        continue;
      }
      const code = loadAreaCode(fields.RESOURCE_NAME as string);
      const key = `${code}@${startMs}`;
      const earlier = seen.get(key);
      if (earlier !== undefined && earlier !== value) {
        throw sourceProblem(
          document.name,
          lineOf('VALUE'),
          'VALUE',
          `a second, different value for ${code} at ${toIsoUtc(startMs)}`,
        );
      }
      seen.set(key, value);
      if (earlier === undefined) {
        observations.push({
          instrumentId: `${CAISO_MARKET_ID}.${code}`,
          variable: 'load.forecast',
          intervalStartMs: startMs,
          intervalMinutes: (endMs - startMs) / MINUTE_MS,
          valueMw: value,
          issuedAtMs: report.producedAtMs,
        });
      }
    }
  }
  const series = seriesBatchFrom(observations);
  return { kind: 'series', series, instruments: instrumentsOf(series.instrumentIds) };
};
