import type {
  Commodity,
  CurveBucket,
  CurveDefinition,
  CurveDiagnostics,
  CurveExtension,
  CurveMethod,
  CurveRun,
  ForwardQuote,
  ShapeModel,
} from '../../domain/curves/curve-model.js';
import type { IsoDate } from '../../domain/time/zoned.js';
import type { CurveRunSummary } from '../../ports/curve-store.js';
import { unpackFloat64Arrays } from './float64-blob.js';
import type { Where } from './quality-sql.js';
import { big, text, ts } from './sql-values.js';

/** Rows of the curve tables and the values they hold: column lists, row mappers, keys and the vintage order. */

export type Row = unknown[];

export const nullableText = (value: unknown): string | null => (value == null ? null : text(value));
const nullableNumber = (value: unknown): number | null => (value == null ? null : Number(value));

const bytesOf = (value: unknown): Uint8Array => {
  if (!(value instanceof Uint8Array)) {
    throw new Error(`Expected a BLOB from the store, got ${typeof value}`);
  }
  return value;
};

// ---- definitions ----

export const DEFINITION_COLUMNS = `id, market, name, commodity, calendar, currency, unit, shape_instrument,
  extension::VARCHAR, method::VARCHAR`;

export const toDefinition = (r: Row): CurveDefinition => ({
  id: text(r[0]),
  market: text(r[1]),
  name: text(r[2]),
  commodity: text(r[3]) as Commodity,
  calendar: text(r[4]),
  currency: text(r[5]),
  unit: text(r[6]),
  shapeInstrument: nullableText(r[7]),
  extension: JSON.parse(text(r[8])) as CurveExtension,
  method: JSON.parse(text(r[9])) as CurveMethod,
});

/** Every field in a fixed order, so two definitions compare equal exactly when nothing would change. */
export const definitionText = (d: CurveDefinition): string =>
  JSON.stringify([
    d.id,
    d.market,
    d.name,
    d.commodity,
    d.calendar,
    d.currency,
    d.unit,
    d.shapeInstrument,
    extensionJson(d.extension),
    methodJson(d.method),
  ]);

// Written field by field, so the stored JSON never depends on the key order of the object handed in.
export const extensionJson = (e: CurveExtension): string =>
  JSON.stringify({
    longRunLevel: e.longRunLevel,
    escalationPerYear: e.escalationPerYear,
    reversionYears: e.reversionYears,
  });

export const methodJson = (m: CurveMethod): string =>
  JSON.stringify({
    smoothness: m.smoothness,
    priorWeight: m.priorWeight,
    shapeHistoryYears: m.shapeHistoryYears,
    staleAfterDays: m.staleAfterDays,
  });

// ---- quotes ----

export const QUOTE_COLUMNS = `curve_id, as_of::VARCHAR, contract, delivery_start::VARCHAR, delivery_end::VARCHAR, bucket,
  settle, mid, bid, ask, source, quote_date::VARCHAR`;

export const toQuote = (r: Row): ForwardQuote => ({
  curveId: text(r[0]),
  asOf: text(r[1]),
  contract: text(r[2]),
  deliveryStart: text(r[3]),
  deliveryEnd: text(r[4]),
  bucket: text(r[5]) as CurveBucket,
  settle: nullableNumber(r[6]),
  mid: nullableNumber(r[7]),
  bid: nullableNumber(r[8]),
  ask: nullableNumber(r[9]),
  source: text(r[10]),
  quoteDate: text(r[11]),
});

/** The identity of a quote: a later quote with the same key re-marks it. */
export const quoteKey = (q: ForwardQuote): string =>
  [q.curveId, q.asOf, q.deliveryStart, q.deliveryEnd, q.bucket, q.source].join('\u0000');

/** What a re-mark may change; `Object.is` so a stored -0 or NaN is not mistaken for a change. */
export const sameQuote = (a: ForwardQuote, b: ForwardQuote): boolean =>
  a.contract === b.contract &&
  Object.is(a.settle, b.settle) &&
  Object.is(a.mid, b.mid) &&
  Object.is(a.bid, b.bid) &&
  Object.is(a.ask, b.ask) &&
  a.quoteDate === b.quoteDate;

// ---- runs ----

export const SUMMARY_COLUMNS = `run_id, curve_id, as_of::VARCHAR, scenario, inputs_hash, engine_version,
  epoch_ms(built_at)::DOUBLE, quote_count, max_abs_residual, warning_count, last_quoted_day::VARCHAR`;

export const RUN_COLUMNS = `${SUMMARY_COLUMNS}, start_day::VARCHAR, days, buckets, daily, shape::VARCHAR, shape_values,
  quotes::VARCHAR, diagnostics::VARCHAR`;

export const toSummary = (r: Row): CurveRunSummary => ({
  runId: text(r[0]),
  curveId: text(r[1]),
  asOf: text(r[2]),
  scenario: text(r[3]),
  inputsHash: text(r[4]),
  engineVersion: text(r[5]),
  builtAtMs: Number(r[6]),
  quoteCount: Number(r[7]),
  maxAbsResidual: Number(r[8]),
  warningCount: Number(r[9]),
  lastQuotedDay: nullableText(r[10]),
});

/** The shape's scalar fields; its arrays go to `shape_values` (seasonal, then hourly month by month). */
interface ShapeHeader {
  readonly buckets: readonly CurveBucket[];
  readonly days: number;
  readonly fromDay: IsoDate;
  readonly toDay: IsoDate;
  readonly seasonalArrays: number;
  /** Day-type arrays of each month of `hourly`. */
  readonly hourlyArrays: readonly number[];
}

export const shapeHeader = (shape: ShapeModel): ShapeHeader => ({
  buckets: shape.buckets,
  days: shape.days,
  fromDay: shape.fromDay,
  toDay: shape.toDay,
  seasonalArrays: shape.seasonal.length,
  hourlyArrays: shape.hourly.map((month) => month.length),
});

const shapeOf = (headerText: string | null, values: unknown): ShapeModel | null => {
  if (headerText === null) {
    return null;
  }
  const header = JSON.parse(headerText) as ShapeHeader;
  const arrays = unpackFloat64Arrays(bytesOf(values));
  const seasonal = arrays.slice(0, header.seasonalArrays);
  let next = header.seasonalArrays;
  const hourly = header.hourlyArrays.map((count) => {
    const month = arrays.slice(next, next + count);
    next += count;
    return month;
  });
  return {
    buckets: header.buckets,
    seasonal,
    hourly,
    days: header.days,
    fromDay: header.fromDay,
    toDay: header.toDay,
  };
};

export const toRun = (r: Row): CurveRun => {
  const summary = toSummary(r);
  const buckets = r[13] as CurveBucket[];
  return {
    runId: summary.runId,
    curveId: summary.curveId,
    asOf: summary.asOf,
    scenario: summary.scenario,
    inputsHash: summary.inputsHash,
    engineVersion: summary.engineVersion,
    builtAtMs: summary.builtAtMs,
    quotes: JSON.parse(text(r[17])) as ForwardQuote[],
    diagnostics: JSON.parse(text(r[18])) as CurveDiagnostics,
    values: {
      startDay: text(r[11]),
      days: Number(r[12]),
      buckets,
      daily: unpackFloat64Arrays(bytesOf(r[14])),
      shape: shapeOf(nullableText(r[15]), r[16]),
    },
  };
};

/** Keyset order of vintages: newest as-of first, newest build first within it. */
export const RUN_ORDER = 'as_of DESC, built_at DESC, run_id DESC';

export const runPosition = (s: CurveRunSummary): string =>
  JSON.stringify([s.asOf, s.builtAtMs, s.runId]);

/** Rows after a position in RUN_ORDER (a malformed position simply starts over). */
export const afterRun = (where: Where, position: string | null | undefined): void => {
  if (!position) {
    return;
  }
  let values: unknown;
  try {
    values = JSON.parse(position);
  } catch {
    return;
  }
  if (
    !Array.isArray(values) ||
    values.length !== 3 ||
    typeof values[0] !== 'string' ||
    typeof values[1] !== 'number' ||
    typeof values[2] !== 'string'
  ) {
    return;
  }
  const [asOf, builtAtMs, runId] = values as [string, number, string];
  where.add(
    `(as_of, built_at, run_id) < (${where.param(asOf)}::DATE, ${ts(where.param(big(builtAtMs)))}, ${where.param(runId)})`,
  );
};
