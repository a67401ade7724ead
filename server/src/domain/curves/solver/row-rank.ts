import { rowProduct, type AveragingCoefficients } from './averaging-operator.js';

/** A row that is a linear combination of basis rows: g_row = Σ coefficients[i]·g_{basisRows[i]}. */
export interface RowDependency {
  readonly row: number;
  readonly basisRows: readonly number[];
  readonly coefficients: Float64Array;
}

export interface RowRank {
  /** The independent rows, in the order they were accepted. */
  readonly basis: readonly number[];
  readonly dependencies: readonly RowDependency[];
}

/**
 * A row whose squared distance from the span of the rows before it (both scaled to unit length) is below this is
 * a combination of them. Exact dependencies (Q1 = Jan, Feb, Mar by hours) leave ~1e-15 of rounding; genuinely
 * different rows sit far above (dropping one hour of a year-long row still leaves 1e-4).
 */
const DEPENDENCE_TOLERANCE = 1e-10;

/**
 * Splits rows into an independent basis and dependent rows, taking candidates in `order`: a candidate joins the
 * basis unless it is a combination of those already in it. Callers put the rows they want kept first, so the
 * one reported as dependent is the one a trader would call derived (Q1, not March).
 *
 * This is a Cholesky of the rows' Gram matrix (cosines between rows) built one row at a time, i.e. Gram–Schmidt
 * in the Euclidean geometry of the rows themselves. The Schur complement A·Q⁻¹·Aᵀ would be the wrong place to
 * test: with little prior weight it is ill-conditioned (~(n/width)⁴) although the rows are plainly independent.
 */
export const rowRank = (
  rows: readonly AveragingCoefficients[],
  order: readonly number[],
): RowRank => {
  const capacity = order.length;
  const basis: number[] = [];
  const lower = new Float64Array(capacity * capacity);
  const dependencies: RowDependency[] = [];
  const w = new Float64Array(capacity);
  for (const k of order) {
    const row = rows[k]!;
    const b = basis.length;
    for (let j = 0; j < b; j++) {
      const other = rows[basis[j]!]!;
      let sum = rowProduct(row, other) / (row.norm * other.norm);
      for (let i = 0; i < j; i++) {
        sum -= lower[j * capacity + i]! * w[i]!;
      }
      w[j] = sum / lower[j * capacity + j]!;
    }
    let pivot = 1;
    for (let j = 0; j < b; j++) {
      pivot -= w[j]! * w[j]!;
    }
    if (pivot > DEPENDENCE_TOLERANCE) {
      for (let j = 0; j < b; j++) {
        lower[b * capacity + j] = w[j]!;
      }
      lower[b * capacity + b] = Math.sqrt(pivot);
      basis.push(k);
      continue;
    }
    // Unit-length row = Σ c_j·(unit-length basis row j): back-substitute Lᵀ·c = w, then undo the scaling.
    const coefficients = new Float64Array(b);
    for (let j = b - 1; j >= 0; j--) {
      let sum = w[j]!;
      for (let i = j + 1; i < b; i++) {
        sum -= lower[i * capacity + j]! * coefficients[i]!;
      }
      coefficients[j] = sum / lower[j * capacity + j]!;
    }
    for (let j = 0; j < b; j++) {
      coefficients[j] = (coefficients[j]! * row.norm) / rows[basis[j]!]!.norm;
    }
    dependencies.push({ row: k, basisRows: [...basis], coefficients });
  }
  return { basis, dependencies };
};

/** Coefficients below this share of the largest are rounding, not membership of the combination. */
const MEMBERSHIP_TOLERANCE = 1e-9;

/** The basis rows a dependency really uses (ascending). */
export const combinationMembers = (dependency: RowDependency): number[] => {
  let largest = 0;
  for (const c of dependency.coefficients) {
    largest = Math.max(largest, Math.abs(c));
  }
  return dependency.basisRows
    .filter((_, j) => Math.abs(dependency.coefficients[j]!) > largest * MEMBERSHIP_TOLERANCE)
    .sort((a, b) => a - b);
};
