import { createHash } from 'node:crypto';
import type { PeakCalendar } from '../../domain/calendar/peak-buckets.js';
import { ENGINE_VERSION } from '../../domain/curves/curve-build.js';
import type { CurveDefinition, ForwardQuote } from '../../domain/curves/curve-model.js';
import type { ShapeHistory } from '../../domain/curves/shape.js';
import { addDays, localDayBounds, type IsoDate } from '../../domain/time/zoned.js';
import type { TimeSeriesStore } from '../../ports/time-series-store.js';

const DAYS_PER_YEAR = 365.25;
const HOUR_MINUTES = 60;

/**
 * The day-ahead hourly prices a curve's shape is estimated from: the shape instrument's DA hours over the
 * `shapeHistoryYears` market-local years up to and including the as-of day (what was known when the curve was
 * marked). Null when the curve has no shape instrument or nothing is stored; only hourly intervals are used.
 */
export const loadShapeHistory = async (
  store: TimeSeriesStore,
  definition: CurveDefinition,
  calendar: PeakCalendar,
  asOf: IsoDate,
): Promise<ShapeHistory | null> => {
  const days = Math.round(definition.method.shapeHistoryYears * DAYS_PER_YEAR);
  if (definition.shapeInstrument === null || days <= 0) {
    return null;
  }
  const firstDay = addDays(asOf, 1 - days);
  const range = {
    fromMs: localDayBounds(calendar.zone, firstDay).startMs,
    toMs: localDayBounds(calendar.zone, asOf).endMs,
  };
  const prices = await store.readPrices({
    instrumentIds: [definition.shapeInstrument],
    runs: ['DA'],
    range,
    // 25 hours on a fall-back day bounds every day from above.
    limit: days * 25 + 1,
  });
  const hourly: number[] = [];
  for (let i = 0; i < prices.length; i++) {
    if (prices.intervalMinutes[i] === HOUR_MINUTES) {
      hourly.push(i);
    }
  }
  if (hourly.length === 0) {
    return null;
  }
  return {
    startMs: Float64Array.from(hourly, (i) => prices.intervalStartMs[i] as number),
    price: Float64Array.from(hourly, (i) => prices.lmp[i] as number),
  };
};

/** A quote's identity and prices in a fixed order, for hashing. */
const quoteFields = (q: ForwardQuote): readonly unknown[] => [
  q.curveId,
  q.asOf,
  q.contract,
  q.deliveryStart,
  q.deliveryEnd,
  q.bucket,
  q.settle,
  q.mid,
  q.bid,
  q.ask,
  q.source,
  q.quoteDate,
];

const bytesOf = (values: Float64Array): Uint8Array =>
  new Uint8Array(values.buffer, values.byteOffset, values.byteLength);

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * SHA-256 (hex) of everything that decides a build's numbers: the engine version, the curve and what it is built
 * for (as-of date, scenario, commodity, calendar), its method and extension settings, the quotes used in canonical
 * order, and the shape history's hours and prices bit for bit. Settings are written field by field and quotes
 * sorted, so neither key order nor input order changes the hash; names, units and load times do not enter it.
 */
export const curveInputsHash = (input: {
  readonly definition: CurveDefinition;
  readonly asOf: IsoDate;
  readonly scenario: string;
  readonly quotes: readonly ForwardQuote[];
  readonly shape: ShapeHistory | null;
}): string => {
  const d = input.definition;
  const e = d.extension;
  const m = d.method;
  const quotes = input.quotes.map((q) => JSON.stringify(quoteFields(q))).sort(compareText);
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      engine: ENGINE_VERSION,
      curve: d.id,
      asOf: input.asOf,
      scenario: input.scenario,
      commodity: d.commodity,
      calendar: d.calendar,
      shapeInstrument: d.shapeInstrument,
      extension: [e.longRunLevel, e.escalationPerYear, e.reversionYears],
      method: [m.smoothness, m.priorWeight, m.shapeHistoryYears, m.staleAfterDays],
      quotes,
      shapeHours: input.shape?.startMs.length ?? null,
    }),
  );
  if (input.shape !== null) {
    hash.update(bytesOf(input.shape.startMs));
    hash.update(bytesOf(input.shape.price));
  }
  return hash.digest('hex');
};

/** Run ids are derived from the inputs: the same inputs give the same run. */
export const runIdOf = (inputsHash: string): string => `cr_${inputsHash.slice(0, 16)}`;
