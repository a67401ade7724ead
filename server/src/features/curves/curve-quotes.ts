import { bucketsOfCurve } from '../../domain/curves/curve-calendars.js';
import type {
  CurveBucket,
  CurveDefinition,
  ForwardQuote,
} from '../../domain/curves/curve-model.js';
import {
  parseDeliveryPeriod,
  periodFromDates,
  type DeliveryPeriod,
} from '../../domain/curves/delivery-period.js';
import { parseIsoDate, type IsoDate } from '../../domain/time/zoned.js';
import { AppError, type FieldProblem } from '../../platform/errors.js';

/** The columns of a quote, as a CSV header or JSON body names them. */
export type QuoteField =
  | 'curve'
  | 'asOf'
  | 'contract'
  | 'deliveryStart'
  | 'deliveryEnd'
  | 'bucket'
  | 'settle'
  | 'mid'
  | 'bid'
  | 'ask'
  | 'source'
  | 'quoteDate';

/** One quote as given: text from a CSV cell or a JSON value; empty text and null both mean "not given". */
export type QuoteRow = { readonly [F in QuoteField]?: string | number | null | undefined };

/**
 * Where quotes came from, so every problem names its row: a file (`quotes.csv, line 4, settle`, as a field
 * `quotes.csv:4:settle`) or a request body (`row 4, settle` for the fourth element, as a field `3.settle`: the
 * path the request's schema validation uses).
 */
export type QuoteOrigin =
  | {
      readonly kind: 'file';
      readonly file: string;
      readonly lines: readonly number[];
      readonly columns: Readonly<Record<QuoteField, string>>;
    }
  | { readonly kind: 'body' };

export interface QuoteWarning {
  readonly row: string;
  readonly message: string;
}

export interface CheckedQuotes {
  /** Distinct quotes (an exact repeat of a row is dropped). */
  readonly quotes: readonly ForwardQuote[];
  readonly warnings: readonly QuoteWarning[];
}

/** A load is a day's marks, not a history dump; larger loads are split by the caller. */
export const MAX_QUOTES_PER_LOAD = 20_000;
const DEFAULT_SOURCE = 'manual';
/** How many problems the message spells out; all of them are in the error's fields. */
const SHOWN_PROBLEMS = 20;

const locate = (origin: QuoteOrigin, index: number) => {
  if (origin.kind === 'file') {
    const line = origin.lines[index] ?? index + 2;
    return {
      row: `${origin.file}, line ${line}`,
      field: (f: QuoteField) => ({
        field: `${origin.file}:${line}:${origin.columns[f]}`,
        label: `${origin.file}, line ${line}, ${origin.columns[f]}`,
      }),
    };
  }
  return {
    row: `row ${index + 1}`,
    field: (f: QuoteField) => ({ field: `${index}.${f}`, label: `row ${index + 1}, ${f}` }),
  };
};

const textOf = (value: string | number | null | undefined): string | null => {
  if (value === null || value === undefined) {
    return null;
  }
  const text = String(value).trim();
  return text === '' ? null : text;
};

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Reads a price: a finite decimal number, or null when not given. */
const priceOf = (value: string | number | null | undefined): number | null | 'invalid' => {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : 'invalid';
  }
  const text = textOf(value);
  if (text === null) {
    return null;
  }
  const number = DECIMAL.test(text) ? Number(text) : Number.NaN;
  return Number.isFinite(number) ? number : 'invalid';
};

/** A date (YYYY-MM-DD), or what is wrong with the text. */
const dayOf = (text: string): { day: IsoDate } | { problem: string } => {
  try {
    return { day: parseIsoDate(text).toString() };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
};

/** Quotes that re-mark each other: same curve, as-of, delivery, bucket and source. */
const keyOf = (q: ForwardQuote): string =>
  [q.curveId, q.asOf, q.deliveryStart, q.deliveryEnd, q.bucket, q.source].join('\u0000');

const samePrices = (a: ForwardQuote, b: ForwardQuote): boolean =>
  a.settle === b.settle &&
  a.mid === b.mid &&
  a.bid === b.bid &&
  a.ask === b.ask &&
  a.quoteDate === b.quoteDate;

/**
 * Checks every row of a load and names every problem at once (by row, or file, line and column); nothing is stored
 * unless every row is usable. A row needs a known curve, an as-of date, a contract (a name such as Q3-27, or its
 * delivery dates), one of the curve's buckets, and a settlement, a mid, or both bid and ask (finite numbers). A bid above its ask is stored as given but reported: the build reproduces their middle.
 */
export const checkQuotes = (
  rows: readonly QuoteRow[],
  origin: QuoteOrigin,
  definitions: ReadonlyMap<string, CurveDefinition>,
  /** The one curve these quotes are for (a request about one curve): rows may leave `curve` out. */
  onlyCurve?: string,
): CheckedQuotes => {
  const problems: (FieldProblem & { label: string })[] = [];
  const warnings: QuoteWarning[] = [];
  if (rows.length === 0 || rows.length > MAX_QUOTES_PER_LOAD) {
    throw failure(origin, [
      {
        field: origin.kind === 'file' ? origin.file : 'body',
        label: origin.kind === 'file' ? origin.file : 'the request',
        message:
          rows.length === 0
            ? 'holds no quotes'
            : `holds ${rows.length} quotes; load at most ${MAX_QUOTES_PER_LOAD.toLocaleString('en-US')} at a time`,
      },
    ]);
  }
  const byKey = new Map<string, { quote: ForwardQuote; row: string }>();
  rows.forEach((row, index) => {
    const at = locate(origin, index);
    const problem = (f: QuoteField, message: string): void => {
      problems.push({ ...at.field(f), message });
    };
    const quote = checkRow(row, definitions, onlyCurve, problem);
    if (quote === null) {
      return;
    }
    const earlier = byKey.get(keyOf(quote));
    if (earlier && !samePrices(earlier.quote, quote)) {
      problem(
        'contract',
        `${quote.contract} ${quote.bucket} from ${quote.source} is marked differently in ${earlier.row}; ` +
          'keep one of them',
      );
      return;
    }
    byKey.set(keyOf(quote), { quote, row: at.row });
    if (quote.bid !== null && quote.ask !== null && quote.bid > quote.ask) {
      warnings.push({
        row: at.row,
        message: `${quote.contract} ${quote.bucket}: bid ${quote.bid} is above ask ${quote.ask} (crossed); stored as given`,
      });
    }
  });
  if (problems.length > 0) {
    throw failure(origin, problems);
  }
  return { quotes: [...byKey.values()].map((e) => e.quote), warnings };
};

const checkRow = (
  row: QuoteRow,
  definitions: ReadonlyMap<string, CurveDefinition>,
  onlyCurve: string | undefined,
  problem: (f: QuoteField, message: string) => void,
): ForwardQuote | null => {
  // Counts this row's problems: a row with any is not turned into a quote.
  const rowProblems = { count: 0 };
  const report = (f: QuoteField, message: string): void => {
    rowProblems.count++;
    problem(f, message);
  };
  const curveId = textOf(row.curve) ?? onlyCurve ?? null;
  const definition = curveId === null ? undefined : definitions.get(curveId);
  if (curveId === null) {
    report('curve', 'is required');
  } else if (onlyCurve !== undefined && curveId !== onlyCurve) {
    report('curve', `is ${curveId}, but these quotes are loaded for ${onlyCurve}`);
  } else if (definition === undefined) {
    report(
      'curve',
      `unknown curve "${curveId}"; defined: ${[...definitions.keys()].join(', ') || 'none'} (define it first)`,
    );
  }
  const asOfText = textOf(row.asOf);
  let asOf: IsoDate | null = null;
  if (asOfText === null) {
    report('asOf', 'is required (YYYY-MM-DD)');
  } else {
    const read = dayOf(asOfText);
    if ('day' in read) {
      asOf = read.day;
    } else {
      report('asOf', read.problem);
    }
  }
  const period = asOf === null ? null : periodOf(row, asOf, report);
  const bucket = textOf(row.bucket);
  if (bucket === null) {
    report('bucket', 'is required');
  } else if (definition && !bucketsOfCurve(definition).includes(bucket as CurveBucket)) {
    report(
      'bucket',
      `"${bucket}" is not a bucket of ${definition.id}; use one of ${bucketsOfCurve(definition).join(', ')}`,
    );
  }
  const problemsBeforePrices = rowProblems.count;
  const price = (f: 'settle' | 'mid' | 'bid' | 'ask'): number | null => {
    const value = priceOf(row[f]);
    if (value === 'invalid') {
      report(f, `"${String(row[f])}" is not a finite number`);
      return null;
    }
    return value;
  };
  const settle = price('settle');
  const mid = price('mid');
  const bid = price('bid');
  const ask = price('ask');
  const pricesReadable = rowProblems.count === problemsBeforePrices;
  if (pricesReadable && settle === null && mid === null && (bid === null || ask === null)) {
    report(
      bid !== null ? 'ask' : ask !== null ? 'bid' : 'settle',
      'a quote needs a settle, a mid, or both bid and ask',
    );
  }
  const source = textOf(row.source) ?? DEFAULT_SOURCE;
  if (source.length > 64 || /\p{Cc}/u.test(source)) {
    report('source', 'must be 1–64 printable characters');
  }
  const quoteDateText = textOf(row.quoteDate);
  let quoteDate = asOf;
  if (quoteDateText !== null) {
    const read = dayOf(quoteDateText);
    if (!('day' in read)) {
      report('quoteDate', read.problem);
    } else if (asOf !== null && read.day > asOf) {
      report(
        'quoteDate',
        `${read.day} is after the as-of date ${asOf}; a quote cannot be observed later`,
      );
    } else {
      quoteDate = read.day;
    }
  }
  if (
    rowProblems.count > 0 ||
    curveId === null ||
    asOf === null ||
    period === null ||
    quoteDate === null
  ) {
    return null;
  }
  return {
    curveId,
    asOf,
    contract: period.contract,
    deliveryStart: period.deliveryStart,
    deliveryEnd: period.deliveryEnd,
    bucket: bucket as CurveBucket,
    settle,
    mid,
    bid,
    ask,
    source,
    quoteDate,
  };
};

/** The delivery period of a row: its contract name, or its delivery dates (end exclusive), consistent if both. */
const periodOf = (
  row: QuoteRow,
  asOf: IsoDate,
  report: (f: QuoteField, message: string) => void,
): DeliveryPeriod | null => {
  const contract = textOf(row.contract);
  const start = textOf(row.deliveryStart);
  const end = textOf(row.deliveryEnd);
  const read = (f: QuoteField, parse: () => DeliveryPeriod): DeliveryPeriod | null => {
    try {
      return parse();
    } catch (error) {
      report(f, error instanceof Error ? error.message : String(error));
      return null;
    }
  };
  if (contract === null && (start === null || end === null)) {
    report(
      contract === null && start === null && end === null
        ? 'contract'
        : start === null
          ? 'deliveryStart'
          : 'deliveryEnd',
      'give a contract (e.g. Q3-27), or delivery_start and delivery_end (the day after the last delivery day)',
    );
    return null;
  }
  const named =
    contract === null ? null : read('contract', () => parseDeliveryPeriod(contract, asOf));
  if (start === null || end === null) {
    return named;
  }
  const dated = read('deliveryStart', () => periodFromDates(start, end));
  if (
    named &&
    dated &&
    (named.deliveryStart !== dated.deliveryStart || named.deliveryEnd !== dated.deliveryEnd)
  ) {
    report(
      'deliveryEnd',
      `${contract} delivers ${named.deliveryStart} to ${named.deliveryEnd} (end exclusive), not ${start} to ${end}`,
    );
    return null;
  }
  return named ?? dated;
};

const failure = (
  origin: QuoteOrigin,
  problems: readonly (FieldProblem & { label: string })[],
): AppError => {
  const shown = problems.slice(0, SHOWN_PROBLEMS).map((p) => `${p.label}: ${p.message}`);
  const more =
    problems.length > SHOWN_PROBLEMS ? `; and ${problems.length - SHOWN_PROBLEMS} more` : '';
  const message = `Nothing was stored; ${problems.length} problem${problems.length === 1 ? '' : 's'} in the quotes: ${shown.join('; ')}${more}`;
  const fields = problems.map(({ field, message: m }) => ({ field, message: m }));
  // A file that cannot be used is unreadable source data (422); a request body is an invalid request (400).
  return new AppError(origin.kind === 'file' ? 'invalid_source_data' : 'invalid_request', message, {
    fields,
  });
};
