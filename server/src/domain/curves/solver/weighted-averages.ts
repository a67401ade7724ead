import type { AveragingRow } from './smooth-prior-problem.js';

/**
 * Each row's delivery-weighted average Σ δ_t·x_t / Σ δ_t of `values`: what the curve actually prices each contract
 * at. Rows are not validated here (a row with zero total weight gives NaN).
 */
export const weightedAverages = (
  values: Float64Array,
  rows: readonly AveragingRow[],
): Float64Array => {
  const averages = new Float64Array(rows.length);
  rows.forEach((row, k) => {
    let sum = 0;
    let weight = 0;
    for (let t = row.from; t < row.to; t++) {
      const w = row.weights[t - row.from]!;
      sum += w * values[t]!;
      weight += w;
    }
    averages[k] = sum / weight;
  });
  return averages;
};
