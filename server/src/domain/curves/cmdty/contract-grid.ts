import { invalidRequest } from '../../../platform/errors.js';

/**
 * The model shared by our implementations of the two cmdty/curves algorithms (bootstrap.ts and
 * max-smoothness.ts; curves.md §1): a curve on an integer grid of periods p = 0..N−1 (months, days or
 * hours), with a delivery weight w(p) per period, and quotes that are weighted averages of the curve
 * over inclusive runs of periods. Dates never appear here: the caller maps its calendar onto grid indices
 * and puts what differs between periods (minutes or hours, 23/25-hour DST days, business days, discount
 * factors) into the weights.
 */

/** An inclusive run of grid periods `first..last` (`first === last` is a single period). */
export interface GridRange {
  readonly first: number;
  readonly last: number;
}

/** A quote: the w-weighted average of the curve over `first..last` is `price`. `label` names it in errors. */
export interface GridContract extends GridRange {
  readonly price: number;
  readonly label: string;
}

/**
 * A relation between two weighted averages, for runs that have no quote of their own (curves.md §1.2).
 * `ratio`: avg(periods) = value × avg(relativeTo), e.g. Feb/Mar = 1.1. `spread`: avg(periods) −
 * avg(relativeTo) = value, e.g. Feb − Mar = 0.21.
 */
export interface GridShaping {
  readonly kind: 'ratio' | 'spread';
  readonly periods: GridRange;
  readonly relativeTo: GridRange;
  readonly value: number;
  readonly label: string;
}

/**
 * The grid a curve is built on. Its size N is `weights.length`.
 * - `weights`: w(p) ≥ 0, the weight of period p in every average (cmdty's default is minutes per period,
 *   so a monthly grid weighs January 44 640 and February 2019 40 320; a daily grid weighs days equally).
 * - `periodLength`: how long period p is in the time unit of the spline, which is the unit its tension and
 *   end slopes are expressed in. The default 1 measures time in periods, as cmdty's t(p) = offset does;
 *   pass years for curves whose tension should mean the same at every granularity (1/365 per day, days/365
 *   per month, hours/8760 per day on a DST-aware grid). The bootstrapper does not use it.
 * - `periodLabel`: names period p in messages and in the labels of bootstrapped contracts (default `#p`).
 */
export interface PeriodGrid {
  readonly weights: Float64Array;
  readonly periodLength?: number | ((period: number) => number);
  readonly periodLabel?: (period: number) => string;
}

/** Number of periods in the grid. */
export const gridSize = (grid: PeriodGrid): number => grid.weights.length;

/** The label of period `p`: the grid's own, else `#p`. */
export const periodName = (grid: PeriodGrid, p: number): string =>
  grid.periodLabel === undefined ? `#${p}` : grid.periodLabel(p);

/** `Jan-19` for one period, `Feb-19..Mar-19` for several. */
export const rangeName = (grid: PeriodGrid, range: GridRange): string =>
  range.first === range.last
    ? periodName(grid, range.first)
    : `${periodName(grid, range.first)}..${periodName(grid, range.last)}`;

/** w(p) of a period inside the grid (callers have validated the index). */
export const weightAt = (grid: PeriodGrid, p: number): number => grid.weights[p] ?? Number.NaN;

/** Σ w(p) over the range. */
export const weightSum = (grid: PeriodGrid, range: GridRange): number => {
  let sum = 0;
  for (let p = range.first; p <= range.last; p += 1) {
    sum += weightAt(grid, p);
  }
  return sum;
};

/**
 * The w-weighted average of `values` (indexed by grid period) over the range. A range whose weights are
 * all zero has no weighted average, so the plain mean stands in for it.
 */
export const weightedAverage = (
  grid: PeriodGrid,
  values: Float64Array,
  range: GridRange,
): number => {
  let weighted = 0;
  let plain = 0;
  for (let p = range.first; p <= range.last; p += 1) {
    const value = values[p] ?? Number.NaN;
    weighted += weightAt(grid, p) * value;
    plain += value;
  }
  const total = weightSum(grid, range);
  return total > 0 ? weighted / total : plain / (range.last - range.first + 1);
};

/** Throws unless every weight is finite and ≥ 0 and the grid has at least one period. */
export const assertGrid = (grid: PeriodGrid): void => {
  if (grid.weights.length === 0) {
    throw invalidRequest('The curve grid has no periods; give at least one weight');
  }
  grid.weights.forEach((weight, p) => {
    if (!Number.isFinite(weight) || weight < 0) {
      throw invalidRequest(
        `Weight of period ${periodName(grid, p)} is ${String(weight)}; weights must be finite and ≥ 0`,
      );
    }
  });
};

/** Throws unless `range` is a non-empty run of whole periods inside the grid. `owner` names it. */
export const assertRangeOnGrid = (grid: PeriodGrid, range: GridRange, owner: string): void => {
  const { first, last } = range;
  const size = gridSize(grid);
  if (!Number.isInteger(first) || !Number.isInteger(last) || first < 0 || last >= size) {
    throw invalidRequest(
      `${owner} covers periods ${String(first)}..${String(last)}, outside the grid 0..${size - 1}`,
    );
  }
  if (last < first) {
    throw invalidRequest(`${owner} ends (period ${last}) before it starts (period ${first})`);
  }
};

/**
 * Throws unless the contract lies on the grid, has a finite price and a positive total weight: an average
 * over periods that all weigh 0 is undefined (cmdty issue #9, a peak weighting that is 0 on every day of
 * the contract).
 */
export const assertContract = (grid: PeriodGrid, contract: GridContract): void => {
  const owner = `Contract ${contract.label}`;
  assertRangeOnGrid(grid, contract, owner);
  if (!Number.isFinite(contract.price)) {
    throw invalidRequest(`${owner} has price ${String(contract.price)}; give a finite price`);
  }
  const total = weightSum(grid, contract);
  if (!(total > 0)) {
    throw invalidRequest(
      `${owner} (${rangeName(grid, contract)}) has total weight ${total}; the weights of its periods must add up to more than 0`,
    );
  }
};
