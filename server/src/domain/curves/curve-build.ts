import { addDays, type IsoDate } from '../time/zoned.js';
import { CurveBuildError, quoteName } from './curve-build-error.js';
import { curveCalendar, elementaryBuckets } from './curve-calendars.js';
import type {
  ContractResidual,
  CurveBucket,
  CurveDefinition,
  CurveDiagnostics,
  CurveValues,
  CurveWarning,
  ForwardQuote,
  ShapeModel,
} from './curve-model.js';
import { curveDays, dayDate, type DayGrid } from './day-grid.js';
import { derivedOffPeak } from './derived-offpeak.js';
import { levelPrior, type QuotedLevel } from './level-prior.js';
import { placeQuotes, type PlacedQuote } from './placed-quotes.js';
import { CurveInfeasibleError, solveSmoothPrior, type AveragingRow } from './solver/index.js';

/** Bumped whenever a change to the engine can change a curve: part of every run's inputs hash. */
export const ENGINE_VERSION = 'fl-daily-1';

export interface CurveBuildInput {
  readonly definition: CurveDefinition;
  readonly asOf: IsoDate;
  /** The quotes to build from (see selectQuotes). */
  readonly quotes: readonly ForwardQuote[];
  readonly shape: ShapeModel | null;
}

export interface CurveBuildOutput {
  readonly values: CurveValues;
  readonly diagnostics: CurveDiagnostics;
  /** The quotes the curve reproduces, in the order of the residuals. */
  readonly quotes: readonly ForwardQuote[];
}

export { CurveBuildError } from './curve-build-error.js';
export { selectQuotes } from './quote-selection.js';

/**
 * Builds a curve from quotes: one daily curve per elementary bucket from the first delivery day through 2050,
 * stacked and solved together as a smooth curve closest to a seasonal prior whose contract averages reproduce every
 * settlement or mid exactly and stay inside every bid/ask band (curves.md §2.2, ADR 0012). Every quoted bucket is
 * a union of elementary buckets, so base, peak and off-peak are consistent by construction.
 */
export const buildCurve = (input: CurveBuildInput): CurveBuildOutput => {
  const { definition, asOf, shape } = input;
  const started = performance.now();
  const calendar = curveCalendar(definition.calendar);
  const elementary = elementaryBuckets(definition.commodity, calendar);
  const gas = definition.commodity === 'gas';
  const { grid, hours } = curveDays(calendar, addDays(asOf, 1));
  const warnings: CurveWarning[] = [];
  const usable = shape !== null && sameBuckets(shape.buckets, elementary) ? shape : null;
  if (usable === null) {
    warnings.push({
      level: 'info',
      code: 'no-shape-history',
      message: definition.shapeInstrument
        ? `Not enough stored day-ahead history of ${definition.shapeInstrument} for a seasonal shape; the prior is flat between quotes`
        : 'The curve has no shape instrument; the prior is flat between quotes',
      contracts: [],
    });
  }

  const placed = placeQuotes(
    input.quotes,
    grid,
    hours,
    elementary,
    gas,
    definition,
    asOf,
    warnings,
  );
  if (placed.length === 0) {
    throw new CurveBuildError(`No usable quotes for ${definition.id} as of ${asOf}`, []);
  }
  const seasonal = seasonalOffsets(grid, elementary, usable);
  const quoted: QuotedLevel[] = placed.map((p) => ({
    first: p.first,
    end: p.end,
    // The level the quote implies once the seasonal and bucket offsets over its delivery are taken out.
    level: p.target.level - averageOver(p.row, seasonal),
    name: quoteName(p.quote),
  }));
  const levels = levelPrior(grid, quoted, definition.extension, asOf, warnings);
  const n = grid.days * elementary.length;
  const prior = new Float64Array(n);
  for (let e = 0; e < elementary.length; e++) {
    for (let d = 0; d < grid.days; d++) {
      prior[e * grid.days + d] = (levels[d] as number) + (seasonal[e * grid.days + d] as number);
    }
  }
  const solution = solve(definition, n, prior, grid, elementary, placed);
  const values = elementary.map((e, k) => {
    const daily = solution.values.slice(k * grid.days, (k + 1) * grid.days);
    if (!gas) {
      // A bucket without hours on a day (2x16 on a Tuesday) has no price that day.
      const counts = hours.perDay(e);
      for (let d = 0; d < grid.days; d++) {
        if (counts[d] === 0) {
          daily[d] = Number.NaN;
        }
      }
    }
    return daily;
  });
  const residuals = placed.map((p, k): ContractResidual => {
    const binding = solution.binding[k] ?? 'equal';
    const redundant = solution.redundant.some((r) => r.row === k);
    const average = solution.averages[k] as number;
    const { target } = p.target;
    return {
      contract: p.quote.contract,
      bucket: p.quote.bucket,
      deliveryStart: p.quote.deliveryStart,
      deliveryEnd: p.quote.deliveryEnd,
      side: p.target.side,
      target: target.kind === 'equal' ? target.value : null,
      bid: p.quote.bid,
      ask: p.quote.ask,
      average,
      residual:
        target.kind === 'equal'
          ? average - target.value
          : Math.max(0, target.low - average, average - target.high),
      constraint: redundant ? 'redundant' : binding,
    };
  });
  for (const r of solution.redundant) {
    const quote = placed[r.row]?.quote;
    if (quote !== undefined) {
      warnings.push({
        level: 'info',
        code: 'redundant-quote',
        message: `${quoteName(quote)} follows from ${r.combinationOf.map((k) => quoteName(placed[k]!.quote)).join(', ')} and agrees with them`,
        contracts: [quoteName(quote), ...r.combinationOf.map((k) => quoteName(placed[k]!.quote))],
      });
    }
  }
  if (!gas) {
    warnings.push(...derivedOffPeak(placed, hours, calendar, values, elementary));
  }
  const lastEnd = Math.max(...placed.map((p) => p.end));
  return {
    values: {
      startDay: grid.startDay,
      days: grid.days,
      buckets: elementary,
      daily: values,
      shape: usable,
    },
    diagnostics: {
      residuals,
      maxAbsResidual: residuals.reduce((m, r) => Math.max(m, Math.abs(r.residual)), 0),
      warnings,
      lastQuotedDay: dayDate(grid, lastEnd - 1),
      solveMs: performance.now() - started,
    },
    quotes: placed.map((p) => p.quote),
  };
};

const sameBuckets = (a: readonly CurveBucket[], b: readonly CurveBucket[]): boolean =>
  a.length === b.length && a.every((bucket, i) => bucket === b[i]);

/** Seasonal and bucket offsets of the prior on the stacked grid (zero without a shape). */
const seasonalOffsets = (
  grid: DayGrid,
  elementary: readonly CurveBucket[],
  shape: ShapeModel | null,
): Float64Array => {
  const offsets = new Float64Array(grid.days * elementary.length);
  if (shape === null) {
    return offsets;
  }
  elementary.forEach((_, e) => {
    const byMonth = shape.seasonal[e] as Float64Array;
    for (let d = 0; d < grid.days; d++) {
      offsets[e * grid.days + d] = byMonth[grid.month[d] as number] as number;
    }
  });
  return offsets;
};

const averageOver = (row: AveragingRow, values: Float64Array): number => {
  let sum = 0;
  let weight = 0;
  for (let t = row.from; t < row.to; t++) {
    const w = row.weights[t - row.from] as number;
    sum += w * (values[t] as number);
    weight += w;
  }
  return sum / weight;
};

const solve = (
  definition: CurveDefinition,
  n: number,
  prior: Float64Array,
  grid: DayGrid,
  elementary: readonly CurveBucket[],
  placed: readonly PlacedQuote[],
) => {
  try {
    return solveSmoothPrior({
      n,
      prior,
      priorWeight: definition.method.priorWeight,
      smoothness: definition.method.smoothness,
      rows: placed.map((p) => p.row),
      targets: placed.map((p) => p.target.target),
      // Each elementary bucket is its own daily curve: smoothness must not tie one bucket's end to the next's start.
      breaks: elementary.slice(1).map((_, e) => (e + 1) * grid.days),
    });
  } catch (error) {
    if (error instanceof CurveInfeasibleError) {
      throw new CurveBuildError(
        error.message,
        error.rows.map((k) => quoteName(placed[k]!.quote)),
      );
    }
    throw error;
  }
};
