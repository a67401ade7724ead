import type { AveragingCoefficients } from './averaging-operator.js';
import { curveInfeasible } from './curve-infeasible-error.js';
import type { AveragingRow } from './smooth-prior-problem.js';
import {
  lineAverage,
  segmentEnd,
  segmentStart,
  type SmoothnessSystem,
} from './smoothness-system.js';

/** A straight line the objective does not see: N_p of pin p, on the segment [start, end). */
interface FreeLine {
  readonly start: number;
  readonly end: number;
  readonly pin: number;
}

/** Relative pivot below which a free line is not fixed by the equality rows (cosine geometry, like row-rank.ts). */
const FIXED_TOLERANCE = 1e-10;

/**
 * Throws 'underdetermined' when the curve is not unique: on a segment with no prior weight inside (a pinned one)
 * the straight lines cost nothing, except through a weight at an end point, and unless the equality rows' averages
 * see such a line, it can be added to any solution.
 * Band rows do not help: they only confine such a line to a range. The test is the rank of G = A_E·(free lines),
 * scaled to unit columns, so it does not depend on price levels or on how stiff λ makes the curve.
 */
export const assertLinesFixed = (
  system: SmoothnessSystem,
  omega: Float64Array,
  equalityRows: readonly AveragingCoefficients[],
  rows: readonly AveragingRow[],
): void => {
  const lines = freeLines(system, omega);
  const d = lines.length;
  if (d === 0) {
    return;
  }
  const g = equalityRows.map((row) => lines.map((line) => lineAverage(system, row, line.pin)));
  const gram = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      gram[i * d + j] = g.reduce((sum, r) => sum + r[i]! * r[j]!, 0);
    }
  }
  const loose = unfixedLines(gram, d);
  if (loose.length === 0) {
    return;
  }
  const spans = loose.map((i) => lines[i]!);
  const touching = rows.flatMap((row, k) =>
    spans.some((s) => row.from < s.end && s.start < row.to) ? [k] : [],
  );
  const where = [...new Set(spans.map((s) => `grid points ${s.start}..${s.end - 1}`))].join(
    ' and ',
  );
  throw curveInfeasible(
    'underdetermined',
    `The curve on ${where} is not unique: with no prior weight there, a straight line can be added ` +
      'without changing any equality row, and bid/ask bands only limit it to a range. Quote at least two ' +
      'settlements or mids with different delivery periods there, or give the prior a positive weight.',
    touching,
    rows,
  );
};

/** On a pinned segment ω is 0 inside, so pin p's line N_p costs nothing unless ω is positive at the pin itself. */
const freeLines = (system: SmoothnessSystem, omega: Float64Array): FreeLine[] =>
  Array.from(system.pins, (pin, p) => ({ pin, p })).flatMap(({ pin, p }) =>
    omega[pin]! > 0 ? [] : [{ start: segmentStart(system, p), end: segmentEnd(system, p), pin: p }],
  );

/** Indices of columns of the d×d Gram matrix that depend on the others (greedy pivoted Cholesky, unit diagonal). */
const unfixedLines = (gram: Float64Array, d: number): number[] => {
  const scale = Array.from({ length: d }, (_, i) => {
    const g = gram[i * d + i]!;
    return g > 0 ? 1 / Math.sqrt(g) : 0;
  });
  const a = gram.map((v, idx) => v * scale[Math.floor(idx / d)]! * scale[idx % d]!);
  const remaining = new Set(Array.from({ length: d }, (_, i) => i));
  const chosen: number[] = [];
  const lower: Float64Array[] = [];
  while (remaining.size > 0) {
    let best = -1;
    let bestPivot = FIXED_TOLERANCE;
    for (const i of remaining) {
      let pivot = a[i * d + i]!;
      for (const l of lower) {
        pivot -= l[i]! * l[i]!;
      }
      if (pivot > bestPivot) {
        best = i;
        bestPivot = pivot;
      }
    }
    if (best < 0) {
      break;
    }
    const column = new Float64Array(d);
    for (const i of remaining) {
      let value = a[i * d + best]!;
      for (const l of lower) {
        value -= l[i]! * l[best]!;
      }
      column[i] = value / Math.sqrt(bestPivot);
    }
    lower.push(column);
    chosen.push(best);
    remaining.delete(best);
  }
  return [...remaining];
};
