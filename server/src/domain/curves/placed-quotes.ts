import type { IsoDate } from '../time/zoned.js';
import { addDays } from '../time/zoned.js';
import { CurveBuildError, quoteName } from './curve-build-error.js';
import type {
  CurveBucket,
  CurveDefinition,
  CurveWarning,
  ForwardQuote,
  QuoteSide,
} from './curve-model.js';
import { dayIndex, type BucketHours, type DayGrid } from './day-grid.js';
import { compareQuotes } from './quote-selection.js';
import type { AveragingRow, RowTarget } from './solver/index.js';

/** The price a quote asks the curve to reproduce, and how. */
export interface QuoteTarget {
  readonly side: QuoteSide;
  readonly target: RowTarget;
  /** One number for the level prior: the settle or mid, or the middle of the band. */
  readonly level: number;
}

const targetOf = (q: ForwardQuote, warnings: CurveWarning[]): QuoteTarget => {
  const price = q.settle ?? q.mid;
  if (price !== null) {
    return {
      side: q.settle !== null ? 'settle' : 'mid',
      target: { kind: 'equal', value: price },
      level: price,
    };
  }
  if (q.bid === null || q.ask === null) {
    throw new CurveBuildError(
      `${quoteName(q)} has neither a settlement, a mid nor both bid and ask`,
      [quoteName(q)],
    );
  }
  const middle = (q.bid + q.ask) / 2;
  if (q.bid > q.ask) {
    // A crossed market carries no band; its middle is the best available price.
    warnings.push({
      level: 'warning',
      code: 'crossed-band',
      message: `${quoteName(q)}: bid ${q.bid} is above ask ${q.ask}; the curve reproduces their middle ${middle}`,
      contracts: [quoteName(q)],
    });
    return { side: 'mid', target: { kind: 'equal', value: middle }, level: middle };
  }
  return { side: 'band', target: { kind: 'band', low: q.bid, high: q.ask }, level: middle };
};

/** One quote laid on the grid: its days, and per elementary bucket the hours (weights) it delivers each day. */
export interface PlacedQuote {
  readonly quote: ForwardQuote;
  readonly first: number;
  readonly end: number;
  readonly target: QuoteTarget;
  readonly row: AveragingRow;
}

/**
 * Weights of a quote on the stacked grid (elementary bucket e's day d is point e·days + d): the hours of the quoted
 * bucket that fall in e on that day, or one per day for gas, which trades whole days whatever their length.
 */
const rowOf = (
  grid: DayGrid,
  hours: BucketHours,
  elementary: readonly CurveBucket[],
  gas: boolean,
  quote: ForwardQuote,
  first: number,
  end: number,
): AveragingRow => {
  const perBucket = elementary.map((e) =>
    gas ? null : quote.bucket === e ? hours.perDay(e) : hours.perDay(quote.bucket, e),
  );
  const used = elementary.flatMap((_, e) => {
    const counts = perBucket[e];
    for (let d = first; d < end; d++) {
      if (counts === null || counts === undefined || (counts[d] as number) > 0) {
        return [e];
      }
    }
    return [];
  });
  if (used.length === 0) {
    throw new CurveBuildError(
      `${quoteName(quote)} delivers no hours: ${quote.bucket} has none between ${quote.deliveryStart} and ${quote.deliveryEnd}`,
      [quoteName(quote)],
    );
  }
  const from = (used[0] as number) * grid.days + first;
  const to = (used.at(-1) as number) * grid.days + end;
  const weights = new Float64Array(to - from);
  for (const e of used) {
    const counts = perBucket[e];
    for (let d = first; d < end; d++) {
      weights[e * grid.days + d - from] =
        counts === null || counts === undefined ? 1 : (counts[d] as number);
    }
  }
  return { from, to, weights, label: describeQuote(quote) };
};

const describeQuote = (q: ForwardQuote): string => {
  const prices = [
    q.settle !== null ? `settle ${q.settle}` : null,
    q.mid !== null ? `mid ${q.mid}` : null,
    q.bid !== null || q.ask !== null ? `bid ${q.bid ?? '—'} / ask ${q.ask ?? '—'}` : null,
  ].filter((p) => p !== null);
  return `${quoteName(q)} (${prices.join(', ')}; ${q.source}, as of ${q.asOf})`;
};

/** Lays the quotes on the grid in delivery order, noting expired, partly delivered and stale ones. */
export const placeQuotes = (
  quotes: readonly ForwardQuote[],
  grid: DayGrid,
  hours: BucketHours,
  elementary: readonly CurveBucket[],
  gas: boolean,
  definition: CurveDefinition,
  asOf: IsoDate,
  warnings: CurveWarning[],
): PlacedQuote[] => {
  const placed: PlacedQuote[] = [];
  const staleBefore = addDays(asOf, -definition.method.staleAfterDays);
  for (const quote of [...quotes].sort(compareQuotes)) {
    if (quote.curveId !== definition.id) {
      throw new CurveBuildError(
        `${quoteName(quote)} belongs to curve ${quote.curveId}, not ${definition.id}`,
        [quoteName(quote)],
      );
    }
    const first = Math.max(0, dayIndex(grid, quote.deliveryStart));
    const end = Math.min(grid.days, dayIndex(grid, quote.deliveryEnd));
    if (end <= first) {
      warnings.push({
        level: 'info',
        code: 'expired-quote',
        message: `${quoteName(quote)} delivers outside ${grid.startDay}..2050-12-31 and is not used`,
        contracts: [quoteName(quote)],
      });
      continue;
    }
    if (first > dayIndex(grid, quote.deliveryStart)) {
      warnings.push({
        level: 'info',
        code: 'partly-delivered',
        message: `${quoteName(quote)} started delivering on ${quote.deliveryStart}; the curve reproduces its price over the days from ${grid.startDay}`,
        contracts: [quoteName(quote)],
      });
    }
    if (quote.quoteDate < staleBefore) {
      warnings.push({
        level: 'warning',
        code: 'stale-quote',
        message: `${quoteName(quote)} was last quoted on ${quote.quoteDate}, more than ${definition.method.staleAfterDays} days before ${asOf}`,
        contracts: [quoteName(quote)],
      });
    }
    const target = targetOf(quote, warnings);
    placed.push({
      quote,
      first,
      end,
      target,
      row: rowOf(grid, hours, elementary, gas, quote, first, end),
    });
  }
  return placed;
};
