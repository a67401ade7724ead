import type { IsoDate } from '../../../domain/time/zoned.js';
import type { Options as CsvParseOptions } from 'csv-parse';
import { parse as parseCsv } from 'csv-parse/sync';
import { AppError } from '../../../platform/errors.js';
import type { FeedData, SourceDocument } from '../../../ports/market-feed.js';
import type { CsvEngine, CsvLayout, CsvTable } from '../kit/csv-engine.js';
import { isZip, unzipDocument } from '../kit/zip.js';
import { sourceProblem } from '../kit/source-problem.js';
import { emptyFeedData, mergeFeedData } from '../kit/merge-feed-data.js';

/**
 * One of NYISO's MIS CSV reports: `folder` under /public/csv/ and the file-name suffix after the date. The
 * daily file is `<YYYYMMDD><folder><suffix>.csv`; older days live in the month's archive
 * `<YYYYMM01><folder><suffix>_csv.zip`, whose members are the daily files.
 */
export interface NyisoReport {
  readonly folder: string;
  readonly suffix: '' | '_zone' | '_gen';
}

const compact = (date: IsoDate): string => date.replaceAll('-', '');

export const dailyFileName = (report: NyisoReport, date: IsoDate): string =>
  `${compact(date)}${report.folder}${report.suffix}.csv`;

export const monthlyArchiveName = (report: NyisoReport, date: IsoDate): string =>
  `${compact(date).slice(0, 6)}01${report.folder}${report.suffix}_csv.zip`;

export const reportPath = (report: NyisoReport, fileName: string): string =>
  `/public/csv/${report.folder}/${fileName}`;

/** The date NYISO writes at the start of a file name (`20171122isolf.csv`), or null. */
export const fileDateOf = (name: string): IsoDate | null => {
  const match = /(?:^|[^0-9])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[a-z_])/i.exec(
    name,
  );
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
};

/**
 * Lines before the header that are empty: NYISO's "latest" real-time file starts with one. Read from the first
 * kilobyte, which is far more than any such preamble.
 */
export const leadingBlankLines = (bytes: Uint8Array): number => {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '');
  const match = /^(?:[ \t]*\r?\n)*/.exec(head);
  return match ? (match[0].match(/\n/g) ?? []).length : 0;
};

/**
 * Parses a document as NYISO serves it: a daily CSV, or a monthly `_csv.zip` archive whose daily CSV members are
 * each parsed the same way and joined. An archive with a broken member gives that member's error and no data.
 */
export const parseDailyOrArchive = async (
  kind: FeedData['kind'],
  document: SourceDocument,
  parse: (daily: SourceDocument) => Promise<FeedData>,
): Promise<FeedData> => {
  if (!isZip(document.bytes)) {
    return parse(document);
  }
  const members = unzipDocument(document, (name) => name.toLowerCase().endsWith('.csv'));
  if (members.length === 0) {
    throw sourceProblem(document.name, null, null, 'the archive holds no CSV file');
  }
  const parts: FeedData[] = [];
  for (const member of members) {
    parts.push(member.bytes.length === 0 ? emptyFeedData(kind) : await parse(member));
  }
  return mergeFeedData(kind, parts);
};

/** The text of line `line` (1-based) of a document; read only on the error path. */
const lineText = (document: SourceDocument, line: number): string =>
  new TextDecoder('utf-8').decode(document.bytes).split(/\r?\n/)[line - 1] ?? '';

/**
 * Reads a NYISO CSV with the engine, naming the field where a quoted value breaks off. The engine names the
 * file and line of a value with an unterminated quote, but no field; NYISO quotes most of its files, so that is
 * how a truncated download usually ends, and the field is the line's last one: closing the quote and splitting
 * the line (with the same CSV library the engine uses for headers) counts the fields before it.
 */
export const readNyisoCsv = <T>(
  csv: CsvEngine,
  document: SourceDocument,
  layout: CsvLayout,
  use: (table: CsvTable) => Promise<T>,
): Promise<T> =>
  csv.read(document, { ...layout, skipLines: leadingBlankLines(document.bytes) }, async (table) => {
    try {
      return await use(table);
    } catch (error) {
      const unnamed =
        error instanceof AppError && error.code === 'invalid_source_data'
          ? /^, line (\d+): .*CSV Error on Line/.exec(error.message.slice(document.name.length))
          : null;
      if (unnamed === null) {
        throw error;
      }
      const line = Number(unnamed[1]);
      const closed: CsvParseOptions = { relax_column_count: true, relax_quotes: true };
      const fields = parseCsv(`${lineText(document, line)}"`, closed)[0];
      const field = fields ? table.header[fields.length - 1] : undefined;
      if (field === undefined) {
        throw error;
      }
      throw sourceProblem(
        document.name,
        line,
        field,
        'the line ends inside a quoted value (truncated or malformed)',
      );
    }
  });
