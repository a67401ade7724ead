import { read, utils, type WorkBook } from '@e965/xlsx';
import { instrumentId, type InstrumentDefinition } from '../../../domain/instruments/instrument.js';
import { seriesBatchFrom, type SeriesObservation } from '../../../domain/series/series-batch.js';
import { DAY_MS, HOUR_MS } from '../../../domain/time/interval.js';
import { type IsoDate } from '../../../domain/time/zoned.js';
import type { FeedData, SourceDocument } from '../../../ports/market-feed.js';
import { sourceProblem } from '../kit/source-problem.js';
import { usDateToIso } from './miso-document.js';
import {
  loadCodeFor,
  MISO_LOAD_ZONES,
  MISO_MARKET_ID,
  MISO_TOTAL_LABEL,
  misoInstrument,
} from './miso-market.js';
import { estDayStartMs, reportDateOf } from './miso-time.js';

/*
 * MISO's daily forecast-and-actual load report, `YYYYMMDD_df_al.xls` (legacy binary Excel). One sheet: a title,
 * "Published Date:" and "Reporting Period:" rows, then one block per market day (yesterday with actuals, today and
 * five days ahead forecast only), each under a repeated header row
 * `Market Day, HourEnding, LRZ1 MTLF (MWh), LRZ1 ActualLoad (MWh), …, MISO MTLF (MWh), MISO ActualLoad (MWh)`,
 * and a disclaimer at the end. Hours ending are EST, like every MISO market report. Columns are found by their
 * header text on every header row, because MISO has moved them (extra blank columns appeared in 2026).
 */

export type MisoLoadVariable = 'load.actual' | 'load.forecast';

/** Legacy Excel files are OLE compound documents; newer .xlsx workbooks are zips. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const isWorkbook = (bytes: Uint8Array): boolean =>
  OLE_SIGNATURE.every((b, i) => bytes[i] === b) || (bytes[0] === 0x50 && bytes[1] === 0x4b);

const VALUE_HEADER = /^(.+?)\s+(MTLF|ActualLoad)\s*(?:\(MWh\))?$/i;
const compact = (cell: unknown): string =>
  typeof cell === 'string' ? cell.replace(/\s+/g, '').toLowerCase() : '';

interface ValueColumn {
  readonly index: number;
  readonly header: string;
  readonly area: string;
  readonly variable: MisoLoadVariable;
}

interface Layout {
  readonly marketDay: number;
  readonly hourEnding: number;
  readonly values: readonly ValueColumn[];
}

const readWorkbook = (document: SourceDocument): WorkBook => {
  if (document.bytes.length === 0) {
    throw sourceProblem(document.name, null, null, 'the document is empty');
  }
  if (!isWorkbook(document.bytes)) {
    throw sourceProblem(document.name, null, null, 'not an Excel workbook (.xls or .xlsx)');
  }
  try {
    return read(document.bytes, {
      type: 'array',
      // Only the first sheet's values are read: no formatted text, HTML, formulae or styles.
      sheets: 0,
      cellDates: false,
      cellText: false,
      cellHTML: false,
      cellFormula: false,
    });
  } catch (error) {
    throw sourceProblem(
      document.name,
      null,
      null,
      `not a readable Excel workbook, truncated or corrupt (${error instanceof Error ? error.message : String(error)})`,
    );
  }
};

interface DfAlRows {
  readonly publishedDate: IsoDate;
  readonly observations: SeriesObservation[];
  /** Load areas named by the header rows (LRZ1, LRZ2_7, …, MISO), in column order. */
  readonly areas: readonly string[];
}

const hourEndingOf = (document: SourceDocument, cell: unknown, line: number): number => {
  if (typeof cell !== 'number' || !Number.isInteger(cell) || cell < 1 || cell > 24) {
    throw sourceProblem(
      document.name,
      line,
      'HourEnding',
      `${JSON.stringify(cell)} is not an hour ending 1–24 (EST days have 24 hours)`,
    );
  }
  return cell;
};

/** The values of one data row; blank cells (actuals of days still to come) give none. */
const valuesOf = (
  document: SourceDocument,
  row: readonly unknown[],
  line: number,
  columns: readonly ValueColumn[],
  startMs: number,
): SeriesObservation[] =>
  columns.flatMap((column) => {
    const cell = row[column.index];
    const text = typeof cell === 'string' ? cell.trim() : null;
    if (cell === null || cell === undefined || text === '') {
      return [];
    }
    const valueMw = typeof cell === 'number' ? cell : text === null ? Number.NaN : Number(text);
    if (!Number.isFinite(valueMw)) {
      throw sourceProblem(
        document.name,
        line,
        column.header,
        `${JSON.stringify(cell)} is not a number`,
      );
    }
    return [
      {
        instrumentId: instrumentId(MISO_MARKET_ID, loadCodeFor(column.area)),
        variable: column.variable,
        intervalStartMs: startMs,
        intervalMinutes: 60,
        valueMw,
        issuedAtMs: null,
      },
    ];
  });

/** Reads every value of the report, both variables, checking each market day has hours ending 1–24 once. */
const readReport = (document: SourceDocument): DfAlRows => {
  const workbook = readWorkbook(document);
  const sheetName = workbook.SheetNames[0];
  const sheet = sheetName === undefined ? undefined : workbook.Sheets[sheetName];
  if (sheet === undefined || sheet['!ref'] === undefined) {
    throw sourceProblem(document.name, null, null, 'the workbook has no sheet with data');
  }
  const firstRow = utils.decode_range(sheet['!ref']).s.r + 1;
  const rows = utils.sheet_to_json<unknown[]>(sheet, {
    header: 1,
    raw: true,
    defval: null,
    blankrows: true,
  });
  const epochMs = workbook.Workbook?.WBProps?.date1904
    ? Date.UTC(1904, 0, 1)
    : Date.UTC(1899, 11, 30);
  const dateOf = (cell: unknown): IsoDate | null => {
    if (typeof cell === 'number' && Number.isInteger(cell) && cell > 0) {
      return new Date(epochMs + cell * DAY_MS).toISOString().slice(0, 10);
    }
    return typeof cell === 'string' ? usDateToIso(cell) : null;
  };

  let publishedDate: IsoDate | null = null;
  let layout: Layout | null = null;
  const observations: SeriesObservation[] = [];
  const areas = new Set<string>();
  const hoursByDay = new Map<IsoDate, Map<number, number>>();

  rows.forEach((row, i) => {
    const line = firstRow + i;
    const first = row.findIndex((cell) => cell !== null && cell !== '');
    if (first < 0) {
      return;
    }
    if (compact(row[first]).startsWith('publisheddate')) {
      publishedDate = dateOf(row.slice(first + 1).find((cell) => cell !== null && cell !== ''));
      if (publishedDate === null) {
        throw sourceProblem(document.name, line, 'Published Date', 'not a date');
      }
      return;
    }
    const marketDayColumn = row.findIndex((cell) => compact(cell) === 'marketday');
    if (marketDayColumn >= 0) {
      layout = headerLayout(document, row, line, marketDayColumn);
      layout.values.forEach((column) => areas.add(column.area));
      return;
    }
    const day = layout ? dateOf(row[layout.marketDay]) : null;
    if (layout === null || day === null) {
      return; // titles, the day captions ("March 09, 2025") and the disclaimer
    }
    const hourEnding = hourEndingOf(document, row[layout.hourEnding], line);
    const hours = hoursByDay.get(day) ?? new Map<number, number>();
    hoursByDay.set(day, hours);
    const earlier = hours.get(hourEnding);
    if (earlier !== undefined) {
      throw sourceProblem(
        document.name,
        line,
        'HourEnding',
        `second row for ${day} hour ending ${hourEnding} (first at line ${earlier})`,
      );
    }
    hours.set(hourEnding, line);
    const startMs = estDayStartMs(day) + (hourEnding - 1) * HOUR_MS;
    for (const observation of valuesOf(document, row, line, layout.values, startMs)) {
      observations.push(observation);
    }
  });

  if (hoursByDay.size === 0) {
    throw sourceProblem(
      document.name,
      null,
      'Market Day',
      'no rows with a market day and hour ending under a "Market Day, HourEnding, …" header',
    );
  }
  for (const [day, hours] of hoursByDay) {
    if (hours.size !== 24) {
      throw sourceProblem(
        document.name,
        Math.max(...hours.values()),
        'HourEnding',
        `market day ${day} has ${hours.size} of its 24 hours (truncated report?)`,
      );
    }
  }
  const published = publishedDate as IsoDate | null;
  if (published === null) {
    throw sourceProblem(
      document.name,
      null,
      'Published Date',
      'the report has no "Published Date:" row',
    );
  }
  const named = reportDateOf(document.name);
  if (named !== null && named !== published) {
    throw sourceProblem(
      document.name,
      null,
      'Published Date',
      `the report was published ${published} but its file name says ${named}`,
    );
  }
  return { publishedDate: published, observations, areas: [...areas] };
};

const headerLayout = (
  document: SourceDocument,
  row: unknown[],
  line: number,
  marketDay: number,
): Layout => {
  const hourEnding = row.findIndex((cell) => compact(cell) === 'hourending');
  if (hourEnding < 0) {
    throw sourceProblem(
      document.name,
      line,
      'HourEnding',
      'no HourEnding column in the header row',
    );
  }
  const values: ValueColumn[] = [];
  row.forEach((cell, index) => {
    const match = typeof cell === 'string' ? VALUE_HEADER.exec(cell.trim()) : null;
    if (match?.[1] && match[2]) {
      values.push({
        index,
        header: (cell as string).trim(),
        area: match[1].trim(),
        variable: match[2].toLowerCase() === 'mtlf' ? 'load.forecast' : 'load.actual',
      });
    }
  });
  if (values.length === 0) {
    throw sourceProblem(
      document.name,
      line,
      null,
      'no "<zone> MTLF (MWh)" or "<zone> ActualLoad (MWh)" columns',
    );
  }
  return { marketDay, hourEnding, values };
};

const areaInstrument = (area: string): InstrumentDefinition => {
  if (area === MISO_TOTAL_LABEL) {
    return misoInstrument(loadCodeFor(area), 'MISO system load', 'system', 'load', area);
  }
  const known = MISO_LOAD_ZONES.find((z) => z.code === area);
  return misoInstrument(
    loadCodeFor(area),
    `${known?.name ?? area} load (MISO)`,
    'zone',
    'load',
    area,
  );
};

/**
 * Parses a `_df_al.xls` report into the variables asked for. `load.actual`: the actual load the report gives (the
 * day before publication). `load.forecast`: the medium-term load forecast (MTLF) for the publication day and the
 * days after, issued at 00:00 EST of the publication day — the report's date is the only vintage it carries. The
 * MTLF column of the day before publication is left out: it was forecast before that day, not at publication, and
 * the previous day's report already holds it with its own vintage.
 */
export const parseMisoLoadReport = (
  document: SourceDocument,
  variables: readonly MisoLoadVariable[],
): FeedData => {
  const report = readReport(document);
  const issuedAtMs = estDayStartMs(report.publishedDate);
  const kept = report.observations
    .filter(
      (o) =>
        variables.includes(o.variable as MisoLoadVariable) &&
        (o.variable === 'load.actual' || o.intervalStartMs >= issuedAtMs),
    )
    .map((o) => (o.variable === 'load.forecast' ? { ...o, issuedAtMs } : o));
  const ids = new Set(kept.map((o) => o.instrumentId));
  const instruments = report.areas.map(areaInstrument).filter((i) => ids.has(i.id));
  return { kind: 'series', series: seriesBatchFrom(kept), instruments };
};
