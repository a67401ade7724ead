import type { AveragingRow } from './smooth-prior-problem.js';

/**
 * A row as the solver uses it: coefficients a_t = δ_t / Σδ, so the row applied to x is the average itself. Dividing
 * by Σδ equilibrates the rows: a one-day contract and a 25-year strip enter the Schur complement on the same scale.
 * `runs` lists the stretches [start, end) of non-zero weight, so rows that skip most of the grid (a peak bucket on
 * an hourly grid, or a base quote over several stacked bucket curves) cost only what they touch.
 */
export interface AveragingCoefficients {
  readonly from: number;
  readonly to: number;
  /** a_t for t = from..to-1. */
  readonly coefficients: Float64Array;
  /** Absolute [start, end) pairs of non-zero coefficients, ascending. */
  readonly runs: Int32Array;
  /** √Σ a_t², for scale-free comparisons between rows. */
  readonly norm: number;
}

/** The coefficients of a validated row (Σδ > 0). */
export const averagingCoefficients = (row: AveragingRow): AveragingCoefficients => {
  let total = 0;
  for (const w of row.weights) {
    total += w;
  }
  const coefficients = new Float64Array(row.weights.length);
  const runs: number[] = [];
  let squares = 0;
  let runStart = -1;
  for (let i = 0; i < coefficients.length; i++) {
    const a = row.weights[i]! / total;
    coefficients[i] = a;
    squares += a * a;
    if (a !== 0 && runStart < 0) {
      runStart = i;
    } else if (a === 0 && runStart >= 0) {
      runs.push(row.from + runStart, row.from + i);
      runStart = -1;
    }
  }
  if (runStart >= 0) {
    runs.push(row.from + runStart, row.to);
  }
  return {
    from: row.from,
    to: row.to,
    coefficients,
    runs: Int32Array.from(runs),
    norm: Math.sqrt(squares),
  };
};

/** a·x: the row's average of x. */
export const applyRow = (row: AveragingCoefficients, x: Float64Array): number => {
  const { runs, coefficients, from } = row;
  let sum = 0;
  for (let r = 0; r < runs.length; r += 2) {
    for (let t = runs[r]!; t < runs[r + 1]!; t++) {
      sum += coefficients[t - from]! * x[t]!;
    }
  }
  return sum;
};

/** target += scale·a (the row's share of Aᵀ·μ). */
export const addRow = (row: AveragingCoefficients, scale: number, target: Float64Array): void => {
  const { runs, coefficients, from } = row;
  for (let r = 0; r < runs.length; r += 2) {
    for (let t = runs[r]!; t < runs[r + 1]!; t++) {
      target[t] = target[t]! + scale * coefficients[t - from]!;
    }
  }
};

/** a·b: the Euclidean inner product of two rows, summed over the stretches where both are non-zero. */
export const rowProduct = (a: AveragingCoefficients, b: AveragingCoefficients): number => {
  if (a.to <= b.from || b.to <= a.from) {
    return 0;
  }
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.runs.length && j < b.runs.length) {
    const start = Math.max(a.runs[i]!, b.runs[j]!);
    const endA = a.runs[i + 1]!;
    const endB = b.runs[j + 1]!;
    const end = Math.min(endA, endB);
    for (let t = start; t < end; t++) {
      sum += a.coefficients[t - a.from]! * b.coefficients[t - b.from]!;
    }
    if (endA <= endB) {
      i += 2;
    } else {
      j += 2;
    }
  }
  return sum;
};
