import type { AppError } from '../../../platform/errors.js';
import type { FeedData, SourceDocument } from '../../../ports/market-feed.js';
import { sourceProblem } from '../kit/source-problem.js';
import { formatJsonPath, lineOfJsonPath, locateJsonSyntaxError } from './json-locator.js';

/** A row of a Data Miner 2 response: field name → JSON value. */
export type DataMinerItem = Readonly<Record<string, unknown>>;

/**
 * One page of a Data Miner 2 search response, `{items[], totalRows, links[{rel, href}], searchSpecification}`,
 * with helpers that read fields of its items and report problems by file, line and field.
 */
export interface DataMinerPage {
  readonly document: SourceDocument;
  readonly items: readonly unknown[];
  /** Rows matching the whole search (all pages), when the response says. */
  readonly totalRows: number | null;
  /** The `links` entry with rel "next": where the following page is, null on the last page. */
  readonly nextHref: string | null;
  /** An error naming the file, the line item `index` (or its field) starts on, and `items[index].field`. */
  problem(index: number, field: string | null, message: string): AppError;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a Data Miner 2 response. An empty body gives null: Data Miner never serves one for a real answer, so it
 * means "nothing published here yet". Anything else that is not a Data Miner envelope is an error naming the
 * file, line and field (a truncated download names the item it stops in).
 */
export const readDataMinerPage = (document: SourceDocument): DataMinerPage | null => {
  const file = document.name;
  let text: string;
  try {
    text = decoder.decode(document.bytes).replace(/^\uFEFF/, '');
  } catch {
    throw sourceProblem(
      file,
      null,
      null,
      'is not UTF-8 text, so it cannot be a Data Miner response',
    );
  }
  if (text.trim() === '') {
    return null;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const where = locateJsonSyntaxError(text, reason);
    const truncated = /end of JSON input|Unterminated/.test(reason);
    throw sourceProblem(
      file,
      where.line,
      where.path === '' ? null : where.path,
      truncated
        ? `the JSON ends early; the response looks truncated (${reason})`
        : `is not valid JSON (${reason})`,
    );
  }
  const at = (path: (string | number)[]): number | null => lineOfJsonPath(text, path);
  if (!isRecord(body)) {
    throw sourceProblem(file, 1, null, 'is not a Data Miner response (expected a JSON object)');
  }
  if (Array.isArray(body.errors) && body.errors.length > 0) {
    const first: unknown = body.errors[0];
    const message = isRecord(first) && typeof first.message === 'string' ? first.message : '';
    throw sourceProblem(file, at(['errors']), 'errors', `Data Miner reported an error: ${message}`);
  }
  const items = body.items;
  if (!Array.isArray(items)) {
    throw sourceProblem(
      file,
      at(['items']),
      'items',
      'is missing; a Data Miner response lists its rows in an "items" array',
    );
  }
  const totalRows =
    typeof body.totalRows === 'number' && Number.isInteger(body.totalRows) ? body.totalRows : null;
  const links = Array.isArray(body.links) ? (body.links as unknown[]) : [];
  const next = links.find((link) => isRecord(link) && link.rel === 'next');
  const nextHref = isRecord(next) && typeof next.href === 'string' ? next.href : null;
  return {
    document,
    items,
    totalRows,
    nextHref,
    problem: (index, field, message) => {
      const path = field === null ? ['items', index] : ['items', index, field];
      return sourceProblem(file, at(path), formatJsonPath(path), message);
    },
  };
};

/** What every Data Miner reader does: take the pages of one search, then give the data they hold. */
export interface DataMinerReader {
  /** Rows the responses held before any filtering: 0 means the feed has nothing for the query. */
  readonly rowsRead: number;
  addPage(page: DataMinerPage): void;
  finish(): FeedData;
}

/** One saved response read by `reader` (`ingest --file`); an empty file is "nothing published". */
export const readDocument = (reader: DataMinerReader, document: SourceDocument): FeedData => {
  const page = readDataMinerPage(document);
  if (page !== null) {
    reader.addPage(page);
  }
  return reader.finish();
};

const NAIVE_UTC =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(?:Z|\+00:00)?$/;

/**
 * Parses Data Miner's `_utc` fields ("2026-06-09T04:00:00", naive but UTC) to epoch milliseconds, or null when
 * the text is no such time. Impossible dates (month 13, Feb 30) are rejected, not rolled over.
 */
export const parseNaiveUtc = (text: string): number | null => {
  const m = NAIVE_UTC.exec(text);
  if (m === null) {
    return null;
  }
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = Number(m[6] ?? 0);
  const ms = Math.round(Number(`0.${m[7] ?? '0'}`) * 1000);
  const value = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(value);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return null;
  }
  return value;
};

/** Reads the fields of one page's items, turning every missing or odd value into a located problem. */
export class ItemReader {
  readonly #page: DataMinerPage;
  readonly #times = new Map<string, number | null>();

  constructor(page: DataMinerPage) {
    this.#page = page;
  }

  item(index: number): DataMinerItem {
    const item = this.#page.items[index];
    if (!isRecord(item)) {
      throw this.#page.problem(index, null, 'is not a row object');
    }
    return item;
  }

  /** A UTC time (`evaluated_at_datetime_utc` and kin) in epoch ms. */
  utcTime(item: DataMinerItem, index: number, field: string): number {
    const text = item[field];
    if (typeof text !== 'string') {
      throw this.#page.problem(index, field, `is ${describe(text)}; expected a UTC date-time`);
    }
    let ms = this.#times.get(text);
    if (ms === undefined) {
      ms = parseNaiveUtc(text);
      this.#times.set(text, ms);
    }
    if (ms === null) {
      throw this.#page.problem(
        index,
        field,
        `"${text}" is not a date-time like 2026-06-09T04:00:00`,
      );
    }
    return ms;
  }

  /** A UTC interval start (`datetime_beginning_utc` and kin) in epoch ms, on a `minutes` grid. */
  utcStart(item: DataMinerItem, index: number, field: string, minutes: number): number {
    const ms = this.utcTime(item, index, field);
    if (ms % (minutes * 60_000) !== 0) {
      throw this.#page.problem(
        index,
        field,
        `"${String(item[field])}" does not start a ${minutes}-minute interval`,
      );
    }
    return ms;
  }

  /** A number the row must have (a price, MW); JSON numbers and numeric strings are accepted. */
  number(item: DataMinerItem, index: number, field: string): number {
    const value = this.optionalNumber(item, index, field);
    if (Number.isNaN(value)) {
      throw this.#page.problem(index, field, `is ${describe(item[field])}; expected a number`);
    }
    return value;
  }

  /** A number the feed may leave out (absent or null gives NaN); anything else non-numeric is a problem. */
  optionalNumber(item: DataMinerItem, index: number, field: string): number {
    const value = item[field];
    if (typeof value === 'number' && Number.isFinite(value)) {
      return value;
    }
    if (value === undefined || value === null) {
      return Number.NaN;
    }
    const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
    if (!Number.isFinite(parsed)) {
      throw this.#page.problem(index, field, `is ${describe(value)}; expected a number`);
    }
    return parsed;
  }

  /** A non-empty text the row must have (a name, an area), trimmed. */
  text(item: DataMinerItem, index: number, field: string): string {
    const value = item[field];
    if (typeof value !== 'string' || value.trim() === '') {
      throw this.#page.problem(index, field, `is ${describe(value)}; expected a name`);
    }
    return value.trim();
  }
}

const describe = (value: unknown): string => {
  if (value === undefined) {
    return 'missing';
  }
  if (value === null) {
    return 'null';
  }
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
};
