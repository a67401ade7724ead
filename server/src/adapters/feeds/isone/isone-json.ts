import type { AppError } from '../../../platform/errors.js';
import type { SourceDocument } from '../../../ports/market-feed.js';
import { sourceProblem } from '../kit/source-problem.js';

/**
 * Reading ISO-NE web-services JSON. Every response is one envelope object holding one list:
 * `{"HourlyLmps":{"HourlyLmp":[{…},{…}]}}`. The service converts its XML to JSON, so a list of one record can
 * arrive as a bare object, attributes appear as `@Name` keys and element text as `$`, and a day with nothing
 * published comes back with an empty envelope.
 */
export interface WebServicesRecords {
  readonly document: SourceDocument;
  readonly records: readonly Readonly<Record<string, unknown>>[];
  /** The error for a bad value in record `index`, named by its JSON path and the line it starts on. */
  problem(index: number, key: string, message: string): AppError;
}

const decode = (bytes: Uint8Array): string =>
  new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');

const lineAt = (text: string, position: number): number => {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < position; i = text.indexOf('\n', i + 1)) {
    line++;
  }
  return line;
};

/** The last property name written before `position`: the field being read when the text broke off. */
const keyBefore = (text: string, position: number): string | null => {
  const keys = [...text.slice(Math.max(0, position - 4096), position).matchAll(/"([^"\\]+)"\s*:/g)];
  return keys.at(-1)?.[1] ?? null;
};

const syntaxProblem = (document: SourceDocument, text: string, error: unknown): AppError => {
  const message = error instanceof Error ? error.message : String(error);
  const at = /at position (\d+)/.exec(message)?.[1];
  const position = at === undefined ? text.length : Number(at);
  const truncated = position >= text.trimEnd().length;
  return sourceProblem(
    document.name,
    lineAt(text, position),
    keyBefore(text, position),
    truncated
      ? 'the JSON ends before it is complete (truncated download?)'
      : `not valid JSON: ${message}`,
  );
};

const isEmptyValue = (value: unknown): boolean =>
  value === null ||
  value === undefined ||
  value === '' ||
  (Array.isArray(value)
    ? value.length === 0
    : typeof value === 'object' && Object.keys(value).length === 0);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The records of one web-services response, e.g. `readWebServicesJson(doc, 'HourlyLmps', 'HourlyLmp')`. An empty
 * envelope (nothing published for the day) gives no records; anything that is not this report is a problem.
 */
export const readWebServicesJson = (
  document: SourceDocument,
  envelope: string,
  list: string,
): WebServicesRecords => {
  const text = decode(document.bytes);
  if (text.trim() === '') {
    throw sourceProblem(document.name, null, null, 'the document is empty');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw syntaxProblem(document, text, error);
  }
  const path = `${envelope}.${list}`;
  if (!isObject(parsed) || (Object.keys(parsed).length > 0 && !(envelope in parsed))) {
    const keys = isObject(parsed) ? Object.keys(parsed).join(', ') : typeof parsed;
    throw sourceProblem(
      document.name,
      1,
      envelope,
      `not an ISO-NE ${envelope} response (expected {"${envelope}":{"${list}":[…]}}, found ${keys})`,
    );
  }
  const body = parsed[envelope];
  const inner: unknown = isEmptyValue(body) ? [] : isObject(body) ? body[list] : body;
  const records = isEmptyValue(inner) ? [] : Array.isArray(inner) ? inner : [inner];
  records.forEach((record, index) => {
    if (!isObject(record)) {
      throw sourceProblem(document.name, null, `${path}[${index}]`, 'expected a record object');
    }
  });
  return {
    document,
    records: records as Record<string, unknown>[],
    problem: (index, key, message) => {
      const start = recordStarts(text, records.length)?.[index];
      return sourceProblem(
        document.name,
        start === undefined ? null : lineAt(text, start),
        `${path}[${index}].${key}`,
        message,
      );
    },
  };
};

/**
 * Where each record starts in the text, for line numbers in messages about pretty-printed responses. Every
 * ISO-NE record has exactly one BeginDate, so its n-th occurrence opens the n-th record; when that does not hold
 * (a record lacks it) lines are left out rather than guessed. Only computed when a problem is reported.
 */
const recordStarts = (text: string, count: number): number[] | null => {
  const starts = [...text.matchAll(/"BeginDate"\s*:/g)].map((m) => m.index);
  return starts.length === count ? starts : null;
};

const OFFSET_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * UTC epoch ms of an ISO-NE timestamp such as `2024-11-03T01:00:00.000-05:00`. The offset makes the instant
 * unambiguous on both DST days, so no zone rules are applied. Null for anything else, including impossible
 * dates that Date.parse would silently roll over (2024-02-30).
 */
export const offsetTimeToUtcMs = (text: string): number | null => {
  const m = OFFSET_TIME.exec(text);
  if (m === null) {
    return null;
  }
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) {
    return null;
  }
  const offsetMinutes =
    m[7] === 'Z' ? 0 : (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10]));
  const wall = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  return wall === text.slice(0, 19) ? ms : null;
};

/** Typed access to one record's fields, each failure naming the record and field. */
export class RecordReader {
  /** A day's records share a few dozen timestamps (one per interval), so each text is parsed once. */
  readonly #times = new Map<string, number>();

  constructor(
    private readonly source: WebServicesRecords,
    private index = 0,
  ) {}

  at(index: number): this {
    this.index = index;
    return this;
  }

  get record(): Readonly<Record<string, unknown>> {
    return this.source.records[this.index] as Readonly<Record<string, unknown>>;
  }

  problem(key: string, message: string): AppError {
    return this.source.problem(this.index, key, message);
  }

  time(key: string): number {
    const value = this.record[key];
    if (typeof value !== 'string') {
      throw this.problem(key, value == null ? 'missing timestamp' : 'expected a timestamp text');
    }
    const known = this.#times.get(value);
    if (known !== undefined) {
      return known;
    }
    const ms = offsetTimeToUtcMs(value);
    if (ms !== null) {
      this.#times.set(value, ms);
    }
    if (ms === null) {
      throw this.problem(
        key,
        `"${value}" is not a timestamp with a UTC offset (e.g. 2024-11-03T01:00:00.000-05:00)`,
      );
    }
    return ms;
  }

  /** A number ISO-NE must publish; numeric text is accepted since the service converts from XML. */
  number(key: string): number {
    const value = this.optionalNumber(key);
    if (Number.isNaN(value)) {
      throw this.problem(key, 'missing value');
    }
    return value;
  }

  /** A number that may be absent (NaN then); present but unreadable is still a problem. */
  optionalNumber(key: string): number {
    const value = this.record[key];
    if (value === undefined || value === null || value === '') {
      return Number.NaN;
    }
    const number =
      typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
    if (!Number.isFinite(number)) {
      throw this.problem(key, `${JSON.stringify(value)} is not a number`);
    }
    return number;
  }

  text(key: string): string {
    const value = this.record[key];
    if (typeof value !== 'string' || value.trim() === '') {
      throw this.problem(key, 'missing text');
    }
    return value.trim();
  }

  /** `Location: {"@LocId": "4000", "@LocType": "HUB", "$": ".H.INTERNAL_HUB"}` → its name and type. */
  location(): { name: string; locType: string | null } {
    const value = this.record.Location;
    const name = isObject(value) ? value.$ : value;
    if (typeof name !== 'string' || name.trim() === '') {
      throw this.problem('Location', 'missing location name');
    }
    const locType =
      isObject(value) && typeof value['@LocType'] === 'string' ? value['@LocType'] : null;
    return { name: name.trim(), locType };
  }
}
