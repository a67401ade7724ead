import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { parse as parseCsv } from 'csv-parse/sync';
import type { SourceDocument } from '../../../ports/market-feed.js';
import { readColumns, type ReadKind } from '../../duckdb/columns.js';
import { sourceProblem } from './source-problem.js';

export type CsvColumnType = 'VARCHAR' | 'DOUBLE' | 'BIGINT' | 'DATE' | 'TIMESTAMP';

/** How an operator lays out one CSV report. */
export interface CsvLayout {
  /** Lines before the header row (report titles, notes, blank lines). */
  readonly skipLines?: number;
  /** Columns the parser needs, by (normalised) header name, with the type each must parse as. */
  readonly columns: Readonly<Record<string, CsvColumnType>>;
  /** Columns read when present (schema drift: a column added or dropped between publications). */
  readonly optionalColumns?: Readonly<Record<string, CsvColumnType>>;
  /**
   * Maps a header as written to the name the parser uses. Default: trimmed. Operators change case and padding
   * between publications (SPP upper-cased its headers in 2026; ERCOT pads some with spaces).
   */
  readonly normaliseHeader?: (name: string) => string;
  readonly delimiter?: string;
  /** Cell texts that mean "no value". Default: the empty cell. */
  readonly nullValues?: readonly string[];
  /** strptime formats for DATE and TIMESTAMP columns, e.g. '%m/%d/%Y'. */
  readonly dateFormat?: string;
  readonly timestampFormat?: string;
}

/** A CSV document loaded for querying. Errors from any query name the document, line and column. */
export interface CsvTable {
  /** The relation to select from: one row per data line, columns named by normalised header, plus `_line`. */
  readonly relation: string;
  /**
   * The same rows without `_line`, for the fast path: numbering lines costs a pass of its own, so parsers read
   * from here and go back to `relation` only to locate a problem they found.
   */
  readonly plainRelation: string;
  /** Normalised header names, in file order. */
  readonly header: readonly string[];
  /** Runs a query whose result columns have exactly these physical types, into typed arrays. */
  columns<const K extends readonly ReadKind[]>(
    sql: string,
    kinds: K,
  ): Promise<{ rowCount: number; columns: ReadColumnsOf<K> }>;
  /** Runs a query with a small result (distinct node names, a problem row) into plain JS rows. */
  rows(sql: string): Promise<Record<string, unknown>[]>;
  /** Runs a statement (e.g. CREATE TEMP TABLE … AS SELECT to reuse an intermediate result). */
  run(sql: string): Promise<void>;
}

type ReadColumnsOf<K extends readonly ReadKind[]> = Awaited<
  ReturnType<typeof readColumns<K>>
>['columns'];

const TYPE_WORDS: Readonly<Record<string, string>> = {
  DOUBLE: 'number',
  BIGINT: 'whole number',
  DATE: 'date',
  TIMESTAMP: 'timestamp',
};

const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const quoteText = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** The header line: the first line after `skip` lines, decoded from at most the first megabyte. */
const headerLine = (document: SourceDocument, skip: number): string | null => {
  const head = new TextDecoder('utf-8').decode(document.bytes.subarray(0, 1 << 20));
  const lines = head.replace(/^\uFEFF/, '').split(/\r?\n/);
  return lines.length > skip ? (lines[skip] ?? null) : null;
};

/** Turns DuckDB's CSV error text into the file/line/column problem a user can act on. */
const describeDuckDbError = (
  document: SourceDocument,
  error: unknown,
  rawToName: ReadonlyMap<string, string>,
  header: readonly string[],
): Error => {
  const text = error instanceof Error ? error.message : String(error);
  const line = /CSV Error on Line: (\d+)/.exec(text)?.[1];
  if (line === undefined && !/\bCSV\b|unicode|encoding/i.test(text)) {
    // Not a problem DuckDB found in the file (e.g. a mistake in a parser's SQL): report it as what it is.
    return error instanceof Error ? error : new Error(text);
  }
  if (line === undefined) {
    return sourceProblem(
      document.name,
      null,
      null,
      `unreadable CSV: ${text.split('\n')[0] ?? text}`,
    );
  }
  const columns = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(text);
  // A short line is missing the columns from index `found` on; name the first of them.
  const firstMissing = columns ? header[Number(columns[2])] : undefined;
  const column = /converting column "([^"]+)"/.exec(text)?.[1] ?? firstMissing;
  const conversion = /Could not convert string "([^"]*)" to '([A-Z]+)'/.exec(text);
  const message = conversion
    ? `"${conversion[1] ?? ''}" is not a ${TYPE_WORDS[conversion[2] ?? ''] ?? (conversion[2] ?? '').toLowerCase()}`
    : columns
      ? `expected ${columns[1] ?? '?'} columns, found ${columns[2] ?? '?'} (truncated or malformed line)`
      : (text.split('\n')[0] ?? text);
  return sourceProblem(
    document.name,
    Number(line),
    column === undefined ? null : (rawToName.get(column) ?? column),
    message,
  );
};

/**
 * Reads operators' CSV reports with DuckDB's CSV reader: native, parallel and strict, which is what lets a
 * whole-market file (millions of lines) parse at millions of lines a second. Each document is written to a
 * private temporary file, exposed as a view with typed columns, and queried in SQL by the market's parser.
 * Malformed input is reported with the file, line and column DuckDB found it at.
 */
export class CsvEngine {
  readonly #threads: number;
  readonly #memoryLimit: string;
  #instance: Promise<DuckDBInstance> | null = null;
  #dir: string | null = null;

  constructor(options: { threads?: number; memoryLimit?: string } = {}) {
    this.#threads = options.threads ?? 2;
    this.#memoryLimit = options.memoryLimit ?? '1GB';
  }

  async read<T>(
    document: SourceDocument,
    layout: CsvLayout,
    use: (table: CsvTable) => Promise<T>,
  ): Promise<T> {
    if (document.bytes.length === 0) {
      throw sourceProblem(document.name, null, null, 'the document is empty');
    }
    const skip = layout.skipLines ?? 0;
    const normalise = layout.normaliseHeader ?? ((name: string) => name.trim());
    const rawHeader = headerLine(document, skip);
    if (rawHeader === null || rawHeader.trim() === '') {
      throw sourceProblem(document.name, skip + 1, null, 'no header line where one was expected');
    }
    const parsedHeader: string[][] = parseCsv(rawHeader, {
      delimiter: layout.delimiter ?? ',',
      relax_quotes: true,
    });
    const raw = parsedHeader[0] ?? [];
    const names = raw.map(normalise);
    const missing = Object.keys(layout.columns).filter((name) => !names.includes(name));
    if (missing.length > 0) {
      throw sourceProblem(
        document.name,
        skip + 1,
        missing.join(', '),
        `missing column${missing.length > 1 ? 's' : ''}; the header has: ${names.join(', ')}`,
      );
    }
    const typeOf = (name: string): string =>
      layout.columns[name] ?? layout.optionalColumns?.[name] ?? 'VARCHAR';
    const rawToName = new Map(raw.map((r, i) => [r, names[i] as string]));

    const connection = await (await this.#database()).connect();
    const file = join(this.#tempDir(), `${randomUUID()}.csv`);
    const view = `csv_${randomUUID().replaceAll('-', '')}`;
    const plainView = `${view}_plain`;
    try {
      writeFileSync(file, document.bytes);
      const columnTypes = raw.map(
        (r, i) => `${quoteText(r)}: ${quoteText(typeOf(names[i] as string))}`,
      );
      const options = [
        `header = true`,
        `skip = ${skip}`,
        `auto_detect = false`,
        `strict_mode = true`,
        `delim = ${quoteText(layout.delimiter ?? ',')}`,
        `quote = '"'`,
        `escape = '"'`,
        `columns = {${columnTypes.join(', ')}}`,
        `nullstr = [${(layout.nullValues ?? ['']).map(quoteText).join(', ')}]`,
        ...(layout.dateFormat ? [`dateformat = ${quoteText(layout.dateFormat)}`] : []),
        ...(layout.timestampFormat
          ? [`timestampformat = ${quoteText(layout.timestampFormat)}`]
          : []),
      ];
      // Data lines follow the skipped lines and the header; the row number gives each one's line in the file.
      const select = raw
        .map((r, i) => `${quoteIdent(r)} AS ${quoteIdent(names[i] as string)}`)
        .join(', ');
      const source = `read_csv(${quoteText(file)}, ${options.join(', ')})`;
      await connection.run(
        `CREATE TEMP VIEW ${view} AS SELECT (row_number() OVER () + ${skip + 1})::BIGINT AS _line, ${select}
         FROM ${source}`,
      );
      await connection.run(`CREATE TEMP VIEW ${plainView} AS SELECT ${select} FROM ${source}`);
      const guard = async <R>(work: () => Promise<R>): Promise<R> => {
        try {
          return await work();
        } catch (error) {
          throw describeDuckDbError(document, error, rawToName, raw);
        }
      };
      const table: CsvTable = {
        relation: view,
        plainRelation: plainView,
        header: names,
        columns: (sql, kinds) =>
          guard(async () => (await readColumns(await connection.run(sql), kinds)) as never),
        rows: (sql) => guard(async () => (await connection.runAndReadAll(sql)).getRowObjectsJS()),
        run: (sql) =>
          guard(async () => {
            await connection.run(sql);
          }),
      };
      return await use(table);
    } finally {
      await dropQuietly(connection, view);
      await dropQuietly(connection, plainView);
      connection.closeSync();
      rmSync(file, { force: true });
    }
  }

  async close(): Promise<void> {
    const instance = this.#instance;
    this.#instance = null;
    if (instance) {
      (await instance).closeSync();
    }
    if (this.#dir) {
      rmSync(this.#dir, { recursive: true, force: true });
      this.#dir = null;
    }
  }

  #database(): Promise<DuckDBInstance> {
    this.#instance ??= DuckDBInstance.create(':memory:', {
      threads: String(this.#threads),
      memory_limit: this.#memoryLimit,
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
    });
    return this.#instance;
  }

  #tempDir(): string {
    this.#dir ??= mkdtempSync(join(tmpdir(), '254carbon-csv-'));
    return this.#dir;
  }
}

const dropQuietly = async (connection: DuckDBConnection, view: string): Promise<void> => {
  try {
    await connection.run(`DROP VIEW IF EXISTS ${view}`);
  } catch {
    // The connection is closed next; a view that failed to build leaves nothing behind.
  }
};
