import type { AveragingCoefficients } from './averaging-operator.js';
import {
  factorPentadiagonal,
  solvePentadiagonal,
  type PentadiagonalFactor,
  type SolvedRange,
} from './banded-cholesky.js';
import { solveSecondDifferenceSquared } from './second-difference-solve.js';

/**
 * The banded part of the problem, Q = 2(Ω + λ·D2ᵀD2), block diagonal over segments (stretches between breaks).
 *
 * Where ω is zero on a segment's interior, Q is singular there: straight lines cost nothing, so Q⁻¹ in the Schur
 * complement does not exist. Such a segment is "pinned": we write x = z + N·a, where a holds x at the segment's
 * two end points, N·a is the straight line through them and z vanishes at both ends. On z, Q is 2λ·T² (T the
 * second-difference matrix with zero ends, see second-difference-solve.ts), which is positive definite; D2·N = 0,
 * so the lines enter only through the rows (G = A·N) and the prior at the two end points (2·NᵀΩN). The solver
 * carries a as extra unknowns of a bordered Schur complement (bordered-kkt.ts). This is exact, not a
 * regularisation: nothing is added to the objective, and flat or linear data come out flat or linear.
 *
 * Other segments (ω > 0 somewhere inside) get a banded Cholesky of Q. Why not add η·I or ρ·AᵀA for ω = 0 instead:
 * the first changes the answer, the second is dense.
 */
export interface SmoothnessSystem {
  readonly n: number;
  readonly smoothness: number;
  /** Factor of Q on the segments that are not pinned (identity rows elsewhere). */
  readonly factor: PentadiagonalFactor;
  /** Segment boundaries: segment j is [starts[j], starts[j+1]); the last entry is n. */
  readonly starts: Int32Array;
  /** 1 where segment j is pinned. */
  readonly pinnedSegment: Uint8Array;
  /** Pinned grid indices: both ends of each pinned segment (once for a one-point segment). */
  readonly pins: Int32Array;
  /** For each pin, the other end of its segment (itself for a one-point segment). */
  readonly partners: Int32Array;
}

/** `omega` per point (≥ 0), λ > 0, `breaks` validated (strictly increasing, inside 1..n-1). */
export const smoothnessSystem = (
  omega: Float64Array,
  smoothness: number,
  breaks: readonly number[],
): SmoothnessSystem => {
  const n = omega.length;
  const starts = Int32Array.from([0, ...breaks, n]);
  const segments = starts.length - 1;
  const pinnedSegment = new Uint8Array(segments);
  const pins: number[] = [];
  const partners: number[] = [];
  for (let j = 0; j < segments; j++) {
    const first = starts[j]!;
    const last = starts[j + 1]! - 1;
    if (!omega.subarray(first + 1, last).some((w) => w > 0)) {
      pinnedSegment[j] = 1;
      pins.push(...(first === last ? [first] : [first, last]));
      partners.push(...(first === last ? [first] : [last, first]));
    }
  }
  const diagonal = new Float64Array(n).fill(1);
  const off1 = new Float64Array(n);
  const off2 = new Float64Array(n);
  const twoLambda = 2 * smoothness;
  for (let j = 0; j < segments; j++) {
    if (pinnedSegment[j] === 1) {
      continue;
    }
    for (let t = starts[j]!; t < starts[j + 1]!; t++) {
      diagonal[t] = 2 * omega[t]!;
    }
    // Each second difference (x_{c-1} − 2x_c + x_{c+1}) inside a segment adds 2λ·[1 −2 1]ᵀ[1 −2 1].
    for (let c = starts[j]! + 1; c < starts[j + 1]! - 1; c++) {
      diagonal[c - 1] = diagonal[c - 1]! + twoLambda;
      diagonal[c] = diagonal[c]! + 4 * twoLambda;
      diagonal[c + 1] = diagonal[c + 1]! + twoLambda;
      off1[c - 1] = off1[c - 1]! - 2 * twoLambda;
      off1[c] = off1[c]! - 2 * twoLambda;
      off2[c - 1] = off2[c - 1]! + twoLambda;
    }
  }
  let factor: PentadiagonalFactor;
  try {
    factor = factorPentadiagonal({ diagonal, off1, off2 });
  } catch {
    throw new RangeError(
      'priorWeight (ω) is too small relative to smoothness (λ), or positive at a single point of a segment, for a ' +
        'stable solve: use ω = 0 there (handled exactly) or a weight that is positive at two or more points',
    );
  }
  return {
    n,
    smoothness,
    factor,
    starts,
    pinnedSegment,
    pins: Int32Array.from(pins),
    partners: Int32Array.from(partners),
  };
};

/**
 * Overwrites b with Q̂⁻¹·b (Q on free segments, 2λ·T² on the interior of pinned ones). b must be 0 at pins and
 * outside [first, end). Returns where the result can be non-zero.
 */
export const solveSmoothness = (
  system: SmoothnessSystem,
  b: Float64Array,
  first = 0,
  end = system.n,
): SolvedRange => {
  const { starts } = system;
  let lo = system.n;
  let hi = 0;
  for (let j = 0; j + 1 < starts.length; j++) {
    const s = starts[j]!;
    const e = starts[j + 1]!;
    if (e <= first || s >= end) {
      continue;
    }
    let range: SolvedRange;
    if (system.pinnedSegment[j] === 1) {
      range = { lo: s + 1, hi: Math.max(s + 1, e - 1) };
      solveSecondDifferenceSquared(b, range.lo, range.hi, 2 * system.smoothness);
    } else {
      range = solvePentadiagonal(system.factor, b, Math.max(first, s), Math.min(end, e), s, e);
    }
    lo = Math.min(lo, range.lo);
    hi = Math.max(hi, range.hi);
  }
  return lo < hi ? { lo, hi } : { lo: 0, hi: 0 };
};

/** Sets b to 0 at every pin (a right-hand side for Q̂ must not act on the end-point unknowns). */
export const clearPins = (system: SmoothnessSystem, b: Float64Array): void => {
  for (const p of system.pins) {
    b[p] = 0;
  }
};

/**
 * N_p(t): the straight line through 1 at pin p and 0 at the other end of its segment, evaluated at grid index t
 * of that segment (1 for a one-point segment).
 */
export const pinLine = (system: SmoothnessSystem, p: number, t: number): number => {
  const at = system.pins[p]!;
  const other = system.partners[p]!;
  return at === other ? 1 : (t - other) / (at - other);
};

/** First grid index of pin p's segment. */
export const segmentStart = (system: SmoothnessSystem, p: number): number =>
  Math.min(system.pins[p]!, system.partners[p]!);

/** One past the last grid index of pin p's segment. */
export const segmentEnd = (system: SmoothnessSystem, p: number): number =>
  Math.max(system.pins[p]!, system.partners[p]!) + 1;

/** a·N_p: a row's average of pin p's straight line (G = A·N). */
export const lineAverage = (
  system: SmoothnessSystem,
  row: AveragingCoefficients,
  p: number,
): number => {
  const lo = Math.max(segmentStart(system, p), row.from);
  const hi = Math.min(segmentEnd(system, p), row.to);
  let sum = 0;
  for (let t = lo; t < hi; t++) {
    sum += row.coefficients[t - row.from]! * pinLine(system, p, t);
  }
  return sum;
};
