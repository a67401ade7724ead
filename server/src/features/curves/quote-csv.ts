import { CsvError, parse } from 'csv-parse/sync';
import { AppError } from '../../platform/errors.js';
import type { QuoteField, QuoteOrigin, QuoteRow } from './curve-quotes.js';

/** The CSV columns of a quote file and the quote field each fills. */
const COLUMNS: Readonly<Record<string, QuoteField>> = {
  curve: 'curve',
  as_of: 'asOf',
  contract: 'contract',
  delivery_start: 'deliveryStart',
  delivery_end: 'deliveryEnd',
  bucket: 'bucket',
  settle: 'settle',
  mid: 'mid',
  bid: 'bid',
  ask: 'ask',
  source: 'source',
  quote_date: 'quoteDate',
};

const REQUIRED = ['curve', 'as_of', 'bucket'] as const;

/** How the quote file's columns are written, for problems that name the column a user sees. */
export const QUOTE_CSV_COLUMNS = Object.fromEntries(
  Object.entries(COLUMNS).map(([column, field]) => [field, column]),
) as Readonly<Record<QuoteField, string>>;

interface QuoteRecord {
  readonly record: Record<string, string>;
  readonly info: { readonly lines: number };
}

export interface QuoteFile {
  readonly rows: readonly QuoteRow[];
  readonly origin: QuoteOrigin;
}

const unreadable = (
  file: string,
  line: number | null,
  column: string | null,
  message: string,
): AppError => {
  const where = [file, line === null ? null : `line ${line}`, column].filter((p) => p !== null);
  return new AppError('invalid_source_data', `${where.join(', ')}: ${message}`, {
    fields: [{ field: [file, line, column].filter((p) => p !== null).join(':'), message }],
  });
};

/**
 * Reads a quote file: a header row naming the columns `curve,as_of,contract,bucket,settle,mid,bid,ask,source,
 * quote_date` (any order; `delivery_start` and `delivery_end` may replace `contract`), then one quote per line; empty
 * cells are nulls. A column the file does not know is refused rather than ignored, so a typo (`setle`) cannot drop
 * prices. Every problem names the file, line and column.
 */
export const readQuoteCsv = (file: string, text: string): QuoteFile => {
  let records: QuoteRecord[];
  try {
    // With `info`, each record comes with the line it was read from.
    records = parse<QuoteRecord>(text, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
  } catch (error) {
    if (error instanceof CsvError) {
      throw unreadable(
        file,
        typeof error.lines === 'number' ? error.lines : null,
        null,
        error.message,
      );
    }
    throw error;
  }
  const header = headerOf(text);
  const unknown = header.filter((c) => !(c in COLUMNS));
  if (unknown.length > 0) {
    throw unreadable(
      file,
      1,
      unknown[0] ?? null,
      `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; the columns are ${Object.keys(COLUMNS).join(', ')}`,
    );
  }
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw unreadable(
      file,
      1,
      null,
      `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
    );
  }
  if (
    !header.includes('contract') &&
    !(header.includes('delivery_start') && header.includes('delivery_end'))
  ) {
    throw unreadable(
      file,
      1,
      null,
      'needs a contract column, or delivery_start and delivery_end columns',
    );
  }
  const rows = records.map(({ record }) => {
    const row: Partial<Record<QuoteField, string>> = {};
    for (const [column, value] of Object.entries(record)) {
      const field = COLUMNS[column];
      if (field !== undefined) {
        row[field] = value;
      }
    }
    return row;
  });
  return {
    rows,
    origin: {
      kind: 'file',
      file,
      lines: records.map((r) => r.info.lines),
      columns: QUOTE_CSV_COLUMNS,
    },
  };
};

/** The header's column names, as the parser saw them (read from the first record line alone). */
const headerOf = (text: string): string[] => {
  const first = parse(text, { bom: true, to_line: 1, trim: true });
  return (first[0] ?? []).map((h) => h.trim().toLowerCase());
};
