import { Matrix } from 'ml-matrix';
import { invalidRequest } from '../../../platform/errors.js';
import {
  assertContract,
  assertRangeOnGrid,
  gridSize,
  weightAt,
  weightSum,
  type GridContract,
  type GridRange,
  type GridShaping,
  type PeriodGrid,
} from './contract-grid.js';

/**
 * The linear system A x = b of the bootstrapper (curves.md §1.2 step 1): one row per contract, then one per
 * shaping, one column per grid period. Contract rows use the raw weights (A = w, b = F·Σw) as cmdty does;
 * that only matters when redundant quotes are fitted by least squares, where it decides how much each
 * quote counts (golden G2e). Shaping rows are differences of weighted averages.
 */
export interface BootstrapRows {
  readonly matrix: Matrix;
  readonly rhs: Float64Array;
  /** Contracts first, then shapings, in input order: row i is named `labels[i]`. */
  readonly labels: readonly string[];
  /** Row i is `contracts[i]` for i < contractCount, else `shapings[i − contractCount]`. */
  readonly contractCount: number;
}

/** Builds the rows; throws naming the quote when a range is off the grid or averages over no weight. */
export const bootstrapRows = (
  grid: PeriodGrid,
  contracts: readonly GridContract[],
  shapings: readonly GridShaping[],
): BootstrapRows => {
  const matrix = new Matrix(contracts.length + shapings.length, gridSize(grid));
  const rhs = new Float64Array(matrix.rows);
  contracts.forEach((contract, row) => {
    assertContract(grid, contract);
    for (let p = contract.first; p <= contract.last; p += 1) {
      matrix.set(row, p, weightAt(grid, p));
    }
    rhs[row] = contract.price * weightSum(grid, contract);
  });
  shapings.forEach((shaping, index) => {
    const row = contracts.length + index;
    const owner = `Shaping ${shaping.label}`;
    if (!Number.isFinite(shaping.value)) {
      throw invalidRequest(`${owner} has value ${String(shaping.value)}; give a finite number`);
    }
    // ratio: avg(periods) − r·avg(relativeTo) = 0; spread: avg(periods) − avg(relativeTo) = s.
    const factor = shaping.kind === 'ratio' ? shaping.value : 1;
    addAverage(grid, matrix, row, shaping.periods, 1, owner);
    addAverage(grid, matrix, row, shaping.relativeTo, -factor, owner);
    rhs[row] = shaping.kind === 'ratio' ? 0 : shaping.value;
  });
  return {
    matrix,
    rhs,
    labels: [...contracts.map((c) => c.label), ...shapings.map((s) => s.label)],
    contractCount: contracts.length,
  };
};

/** Adds `scale` × (weighted-average row of `range`) to row `row`; the two ranges of a shaping may overlap. */
const addAverage = (
  grid: PeriodGrid,
  matrix: Matrix,
  row: number,
  range: GridRange,
  scale: number,
  owner: string,
): void => {
  assertRangeOnGrid(grid, range, owner);
  const total = weightSum(grid, range);
  if (!(total > 0)) {
    throw invalidRequest(
      `${owner} averages over periods ${range.first}..${range.last} whose weights add up to ${total}; they must add up to more than 0`,
    );
  }
  for (let p = range.first; p <= range.last; p += 1) {
    matrix.set(row, p, matrix.get(row, p) + (scale * weightAt(grid, p)) / total);
  }
};
