import { invalidRequest, type AppError } from '../../../platform/errors.js';
import { bootstrapRows, type BootstrapRows } from './bootstrap-rows.js';
import { partitionByQuotes } from './bootstrap-segments.js';
import {
  assertGrid,
  gridSize,
  rangeName,
  weightedAverage,
  type GridContract,
  type GridRange,
  type GridShaping,
  type PeriodGrid,
} from './contract-grid.js';
import { describeDependencies, rowDependencies } from './redundancy.js';
import {
  constraintSubspaces,
  minimumNormSolution,
  nullSpaceComponent,
  type ConstraintSubspaces,
} from './svd-subspaces.js';

/**
 * Our implementation of cmdty/curves' bootstrapper (curves.md §1.2): turns overlapping contracts (Jan, Q1,
 * Cal…) and shaping ratios/spreads into a piecewise-flat curve of non-overlapping contracts that
 * reproduces every quote. It is the reference behind our golden tests and the `bootstrap` step of our
 * curve builds. Unlike cmdty, redundant quotes are reported by name instead of being averaged silently.
 *
 * Method: solve A x = b (bootstrap-rows.ts) by SVD for the minimum-norm solution x_ls (least squares when
 * redundancy is allowed), move it within the null space of A towards a target curve,
 * x* = x_ls + K Kᵀ (x_target − x_ls), which changes no quote, then average x* over the segments of
 * bootstrap-segments.ts.
 */

/**
 * Where to move the solution within the null space of A:
 * - `'shortest-contract'` (default): each period gets the price of the shortest contract covering it, the
 *   earliest-starting one if several are equally short; periods no contract covers get 0. This is the
 *   documented intent of cmdty's target; cmdty's code instead gives every covered period the price of the
 *   shortest contract overall (curves.md §1.2 step 3). Both make golden G3 flat at 10.
 * - `'none'`: keep the minimum-norm solution (cmdty before 1.1.0, which gave G3 1.72 / 11.38 / 9.66).
 * - a Float64Array: one target value per grid period.
 */
export type BootstrapTarget = 'shortest-contract' | 'none' | Float64Array;

export interface BootstrapOptions {
  readonly shapings?: readonly GridShaping[];
  /**
   * Fit redundant quotes by least squares (cmdty's AllowRedundancy; raw-weight rows, golden G2e) instead
   * of throwing an error that names them. Default false.
   */
  readonly allowRedundancy?: boolean;
  readonly target?: BootstrapTarget;
  /**
   * Singular values of the row-normalised system below this share of the largest count as zero, i.e. as
   * redundancy. Default 1e-10: exact dependencies sit near 1e-16, genuine quotes far above 1e-3.
   */
  readonly rankTolerance?: number;
}

export interface BootstrapResult {
  /** Per grid period: the price of its segment (piecewise flat), NaN in gaps. */
  readonly values: Float64Array;
  /** The segments as non-overlapping contracts, in grid order, ready for the max-smoothness spline. */
  readonly contracts: readonly GridContract[];
  /** Runs of periods no contract or shaping covers; they have no price. */
  readonly gaps: readonly GridRange[];
  /** x* per period before segment averaging (the target itself in gaps). */
  readonly solution: Float64Array;
  /** The target x* was moved towards, or null for `target: 'none'`. */
  readonly target: Float64Array | null;
  /** Rank of the system; below contracts + shapings only when redundancy was allowed. */
  readonly rank: number;
}

const DEFAULT_RANK_TOLERANCE = 1e-10;

/**
 * Bootstraps `contracts` (any overlaps) and `options.shapings` on `grid`. Throws an `invalid_request`
 * AppError naming the quote when a contract's weights add up to ≤ 0 or a range is off the grid, and naming
 * every redundant group when the quotes are redundant and `allowRedundancy` is not set.
 */
export const bootstrapContracts = (
  grid: PeriodGrid,
  contracts: readonly GridContract[],
  options: BootstrapOptions = {},
): BootstrapResult => {
  assertGrid(grid);
  const shapings = options.shapings ?? [];
  if (contracts.length + shapings.length === 0) {
    throw invalidRequest('Give at least one contract to bootstrap');
  }
  const rows = bootstrapRows(grid, contracts, shapings);
  // The rank is decided on unit-norm rows, so the tolerance means the same whatever unit the weights are
  // in (minutes, hours, business days) and however long the contracts are.
  const normalised = normaliseRows(rows);
  const tolerance = options.rankTolerance ?? DEFAULT_RANK_TOLERANCE;
  if (!(tolerance > 0 && tolerance < 1)) {
    throw invalidRequest(
      `rankTolerance must lie strictly between 0 and 1, got ${String(tolerance)}`,
    );
  }
  const subspaces = constraintSubspaces(normalised.matrix, { relativeTolerance: tolerance });
  const redundant = subspaces.rank < rows.matrix.rows;
  if (redundant && options.allowRedundancy !== true) {
    throw redundancyError(rows, subspaces);
  }
  // A consistent system has one minimum-norm solution whatever the row scaling. Only a redundant least
  // squares fit depends on it, and there cmdty weighs rows by raw weights, so we solve the raw rows.
  const leastSquares = redundant
    ? minimumNormSolution(constraintSubspaces(rows.matrix, { rank: subspaces.rank }), rows.rhs)
    : minimumNormSolution(subspaces, normalised.rhs);
  const target = targetCurve(grid, contracts, options.target ?? 'shortest-contract');
  const solution = target === null ? leastSquares : moveTowards(subspaces, leastSquares, target);
  return {
    ...piecewiseFlat(grid, contracts, shapings, solution),
    solution,
    target,
    rank: subspaces.rank,
  };
};

const normaliseRows = (rows: BootstrapRows): BootstrapRows => {
  const matrix = rows.matrix.clone();
  const rhs = Float64Array.from(rows.rhs);
  for (let i = 0; i < matrix.rows; i += 1) {
    let squares = 0;
    for (let p = 0; p < matrix.columns; p += 1) {
      squares += matrix.get(i, p) ** 2;
    }
    const norm = Math.sqrt(squares);
    // A zero row (a shaping whose two sides are the same average) stays zero and shows up as redundant.
    if (norm > 0) {
      matrix.mulRow(i, 1 / norm);
      rhs[i] = (rhs[i] ?? 0) / norm;
    }
  }
  return { ...rows, matrix, rhs };
};

/** x_ls + K Kᵀ (target − x_ls): the point of the solution set closest to the target. */
const moveTowards = (
  subspaces: ConstraintSubspaces,
  leastSquares: Float64Array,
  target: Float64Array,
): Float64Array => {
  const difference = target.map((value, p) => value - (leastSquares[p] ?? 0));
  const step = nullSpaceComponent(subspaces, difference);
  return leastSquares.map((value, p) => value + (step[p] ?? 0));
};

const targetCurve = (
  grid: PeriodGrid,
  contracts: readonly GridContract[],
  target: BootstrapTarget,
): Float64Array | null => {
  if (target === 'none') {
    return null;
  }
  if (target !== 'shortest-contract') {
    if (target.length !== gridSize(grid) || !target.every(Number.isFinite)) {
      throw invalidRequest(
        `The bootstrap target needs one finite value per grid period (${gridSize(grid)}), got ${target.length} values`,
      );
    }
    return target;
  }
  const values = new Float64Array(gridSize(grid));
  const assigned = new Uint8Array(values.length);
  // Shortest first, then earliest start; the first contract to reach a period sets its target.
  const byPreference = [...contracts].sort(
    (a, b) => a.last - a.first - (b.last - b.first) || a.first - b.first,
  );
  for (const contract of byPreference) {
    for (let p = contract.first; p <= contract.last; p += 1) {
      if (assigned[p] === 0) {
        values[p] = contract.price;
        assigned[p] = 1;
      }
    }
  }
  return values;
};

const piecewiseFlat = (
  grid: PeriodGrid,
  contracts: readonly GridContract[],
  shapings: readonly GridShaping[],
  solution: Float64Array,
): Pick<BootstrapResult, 'values' | 'contracts' | 'gaps'> => {
  const quoted = [
    ...contracts,
    ...shapings.flatMap((shaping) => [shaping.periods, shaping.relativeTo]),
  ];
  const { segments, gaps } = partitionByQuotes(gridSize(grid), quoted);
  const values = new Float64Array(gridSize(grid)).fill(Number.NaN);
  const bootstrapped = segments.map((segment): GridContract => {
    const price = weightedAverage(grid, solution, segment);
    values.fill(price, segment.first, segment.last + 1);
    return { first: segment.first, last: segment.last, price, label: rangeName(grid, segment) };
  });
  return { values, contracts: bootstrapped, gaps };
};

const redundancyError = (rows: BootstrapRows, subspaces: ConstraintSubspaces): AppError => {
  const dependencies = rowDependencies(subspaces.leftNullBasis);
  const labelOf = (row: number): string => rows.labels[row] ?? `row ${row}`;
  const involved = [...new Set(dependencies.flatMap((dependency) => dependency.rows))].sort(
    (a, b) => a - b,
  );
  const hasContracts = involved.some((row) => row < rows.contractCount);
  const hasShapings = involved.some((row) => row >= rows.contractCount);
  const kinds =
    hasContracts && hasShapings ? 'contracts and shapings' : hasShapings ? 'shapings' : 'contracts';
  const description = describeDependencies(dependencies, labelOf);
  return invalidRequest(
    `Redundant ${kinds}: ${description}. Remove one quote of each group, or allow redundancy to fit them by least squares`,
    involved.map((row) => ({
      field:
        row < rows.contractCount ? `contracts[${row}]` : `shapings[${row - rows.contractCount}]`,
      message: `${labelOf(row)} is redundant with other quotes`,
    })),
  );
};
