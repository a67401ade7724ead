import { randomUUID } from 'node:crypto';
import type { FeedData, SourceDocument } from '../../../ports/market-feed.js';
import type { CsvColumnType, CsvEngine, CsvLayout, CsvTable } from '../kit/csv-engine.js';
import { sourceProblem } from '../kit/source-problem.js';
import { isZip, unzipDocument } from '../kit/zip.js';
import { mergeFeedData } from './ercot-merge.js';
import { ercotHourEnding, misDate, repeatedHourFlag } from './ercot-time.js';

/** A document ERCOT served with nothing in it yet (zero bytes or only whitespace): not published, not an error. */
export const isBlankDocument = (bytes: Uint8Array): boolean =>
  bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d);

/**
 * The CSV files inside what ERCOT served: the `.csv` members of an MIS or Public API zip (the `_xml` twin of a
 * report is a separate document and is never read), or the document itself when it is a plain CSV.
 */
export const csvDocuments = (document: SourceDocument): SourceDocument[] => {
  if (!isZip(document.bytes)) {
    return [document];
  }
  const members = unzipDocument(document, (name) => name.toLowerCase().endsWith('.csv'));
  if (members.length === 0) {
    throw sourceProblem(document.name, null, null, 'the zip archive holds no CSV file');
  }
  return members;
};

const squash = (name: string): string => name.toLowerCase().replace(/[\s_]/g, '');

/** Parses every CSV of a document (a zip as ERCOT serves it, or the CSV itself) with `parse`. */
export const parseEachCsv = async (
  document: SourceDocument,
  kind: FeedData['kind'],
  parse: (member: SourceDocument) => Promise<FeedData>,
): Promise<FeedData> => {
  const parts: FeedData[] = [];
  for (const member of csvDocuments(document)) {
    parts.push(await parse(member));
  }
  return mergeFeedData(kind, parts);
};

/**
 * A CSV layout whose headers are matched without regard to case, spaces or underscores: ERCOT writes the same
 * column as `DeliveryDate`, `DELIVERY_DATE` and `Delivery Date` in different reports and pads some headers
 * with spaces (the load forecast's `DSTFlag    `). Columns are then named as given here.
 */
export const ercotLayout = (
  columns: Readonly<Record<string, CsvColumnType>>,
  optionalColumns: Readonly<Record<string, CsvColumnType>> = {},
): CsvLayout => {
  const canonical = new Map(
    [...Object.keys(columns), ...Object.keys(optionalColumns)].map((name) => [squash(name), name]),
  );
  return {
    columns,
    optionalColumns,
    normaliseHeader: (name) => canonical.get(squash(name)) ?? name.trim(),
  };
};

/** A cell read back from DuckDB as text (null stays null). */
export const cellText = (value: unknown): string | null => {
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value === 'string') {
    return value;
  }
  return typeof value === 'number' || typeof value === 'bigint'
    ? value.toString()
    : JSON.stringify(value);
};

/**
 * Reads a CSV and copies it once into a temporary table for the parser's queries. The parsers check the rows and
 * read them in several queries; against the engine's view each of those would parse the file again. Type and
 * column-count problems surface while copying, named by file, line and column as usual.
 */
export const readCsvTable = <T>(
  csv: CsvEngine,
  document: SourceDocument,
  layout: CsvLayout,
  use: (table: CsvTable) => Promise<T>,
): Promise<T> =>
  csv.read(document, layout, (table) =>
    withTempTable(table, `SELECT * FROM ${table.relation}`, (copy) =>
      use({ ...table, relation: copy }),
    ),
  );

/**
 * Materialises a query as a temporary table for the duration of `use`: the parsers check, count and read the
 * same joined rows several times, and recomputing the join each time would cost more than keeping it.
 */
export const withTempTable = async <T>(
  table: CsvTable,
  sql: string,
  use: (name: string) => Promise<T>,
): Promise<T> => {
  const name = `ercot_${randomUUID().replaceAll('-', '')}`;
  await table.run(`CREATE TEMP TABLE ${name} AS ${sql}`);
  try {
    return await use(name);
  } finally {
    await table.run(`DROP TABLE IF EXISTS ${name}`);
  }
};

export const sqlText = (text: string): string => `'${text.replaceAll("'", "''")}'`;
export const sqlIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** The first line a query finds (it must select `_line`), or null. */
export const firstLine = async (table: CsvTable, sql: string): Promise<number | null> => {
  const [row] = await table.rows(`${sql} LIMIT 1`);
  return row === undefined ? null : Number(row._line);
};

/** Throws a problem at the first line where `condition` holds (a SQL predicate over the relation). */
export const rejectRowsWhere = async (
  table: CsvTable,
  document: SourceDocument,
  condition: string,
  field: string,
  message: string,
): Promise<void> => {
  const line = await firstLine(
    table,
    `SELECT _line FROM ${table.relation} WHERE ${condition} ORDER BY _line`,
  );
  if (line !== null) {
    throw sourceProblem(document.name, line, field, message);
  }
};

/** The value `read` gives, or its RangeError as a problem at this file, line and field. */
export const readField = <T>(
  document: SourceDocument,
  line: number | null,
  field: string,
  read: () => T,
): T => {
  try {
    return read();
  } catch (error) {
    throw sourceProblem(document.name, line, field, (error as Error).message);
  }
};

/** Which columns carry an hour-ending report's delivery date, hour and repeated-hour flag. */
export interface HourColumns {
  readonly date: string;
  readonly hour: string;
  /** Null when the report has no flag column. */
  readonly flag: string | null;
}

/**
 * The UTC start of every distinct (date, hour, flag) in the file, as a SQL `VALUES` list with columns
 * (d, h, f, start_ms) to join the rows against. A report has a few dozen distinct hours however many rows it has,
 * so ERCOT's time rules run once per hour in TypeScript and the rows are joined in SQL. A value that is not a
 * date, hour or flag is reported at the first line that has it.
 */
export const hourStartsSql = async (
  table: CsvTable,
  document: SourceDocument,
  columns: HourColumns,
): Promise<string> => {
  const flag = columns.flag === null ? 'NULL::VARCHAR' : sqlIdent(columns.flag);
  const keys = await table.rows(
    `SELECT ${sqlIdent(columns.date)} AS d, ${sqlIdent(columns.hour)} AS h, ${flag} AS f, min(_line) AS line
       FROM ${table.relation} GROUP BY ALL ORDER BY line`,
  );
  const values = keys.map((key) => {
    const line = Number(key.line);
    const d = cellText(key.d);
    const h = cellText(key.h);
    const f = cellText(key.f);
    const field = <T>(name: string, read: () => T): T => readField(document, line, name, read);
    const date = field(columns.date, () => misDate(d ?? ''));
    const repeated = columns.flag === null ? null : field(columns.flag, () => repeatedHourFlag(f));
    const startMs = field(columns.hour, () => ercotHourEnding(date, h ?? '', repeated).startMs);
    const text = (v: string | null): string => (v === null ? 'NULL::VARCHAR' : sqlText(v));
    return `(${text(d)}, ${text(h)}, ${text(f)}, ${startMs}::DOUBLE)`;
  });
  return values.length === 0
    ? `SELECT NULL::VARCHAR AS d, NULL::VARCHAR AS h, NULL::VARCHAR AS f, NULL::DOUBLE AS start_ms WHERE false`
    : `SELECT * FROM (VALUES ${values.join(', ')}) AS t(d, h, f, start_ms)`;
};

/** The join condition of a relation aliased `r` with the hour-start list aliased `k`. */
export const hourJoin = (columns: HourColumns): string =>
  [
    `r.${sqlIdent(columns.date)} = k.d`,
    `r.${sqlIdent(columns.hour)} = k.h`,
    columns.flag === null ? 'k.f IS NULL' : `r.${sqlIdent(columns.flag)} IS NOT DISTINCT FROM k.f`,
  ].join(' AND ');
