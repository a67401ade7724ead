/**
 * Cholesky factor L (Q = L·Lᵀ) of a symmetric positive-definite pentadiagonal matrix, kept as three bands so
 * factor and solves are O(n) in time and memory: a 219,144-point hourly grid costs three Float64Arrays, not the
 * 384 GB a dense matrix would.
 */
export interface PentadiagonalFactor {
  readonly n: number;
  /** 1 / L[i][i]: solves multiply instead of divide. */
  readonly inverseDiagonal: Float64Array;
  /** L[i+1][i]. */
  readonly sub1: Float64Array;
  /** L[i+2][i]. */
  readonly sub2: Float64Array;
}

/** The bands of a symmetric pentadiagonal matrix Q. */
export interface PentadiagonalMatrix {
  /** Q[i][i], length n. */
  readonly diagonal: Float64Array;
  /** Q[i][i+1], length n (the last entry unused). */
  readonly off1: Float64Array;
  /** Q[i][i+2], length n (the last two entries unused). */
  readonly off2: Float64Array;
}

/**
 * Factors Q. Throws a RangeError when a pivot is not clearly positive (relative to Q's diagonal), i.e. when Q is
 * singular or indefinite to working precision: callers make Q definite before factoring, so this is a bug guard.
 */
export const factorPentadiagonal = (q: PentadiagonalMatrix): PentadiagonalFactor => {
  const n = q.diagonal.length;
  const inverseDiagonal = new Float64Array(n);
  const sub1 = new Float64Array(n);
  const sub2 = new Float64Array(n);
  // l2 = L[i][i-2], l1 = L[i][i-1] for the row being factored; p1, p2 = the rows above.
  for (let i = 0; i < n; i++) {
    const l2 = i >= 2 ? q.off2[i - 2]! * inverseDiagonal[i - 2]! : 0;
    const l1 =
      i >= 1 ? (q.off1[i - 1]! - l2 * (i >= 2 ? sub1[i - 2]! : 0)) * inverseDiagonal[i - 1]! : 0;
    if (i >= 2) {
      sub2[i - 2] = l2;
    }
    if (i >= 1) {
      sub1[i - 1] = l1;
    }
    const pivot = q.diagonal[i]! - l1 * l1 - l2 * l2;
    if (!(pivot > q.diagonal[i]! * 1e-14)) {
      throw new RangeError(
        `Pentadiagonal matrix is not positive definite: pivot ${pivot} at row ${i} (diagonal ${q.diagonal[i]})`,
      );
    }
    inverseDiagonal[i] = 1 / Math.sqrt(pivot);
  }
  return { n, inverseDiagonal, sub1, sub2 };
};

/**
 * Below this share of the largest entry so far, a decaying tail of a solve is dropped (set to exactly 0). With a
 * prior weight Q⁻¹ decays geometrically away from the right-hand side (by ~1e-300 within a few thousand points at
 * λ/ω = 100); left alone the tail would reach subnormal numbers, which x86 processes ~100× slower, and an hourly
 * solve would spend most of its time there. 1e-40 is far below anything double precision can resolve next to
 * the entries that matter.
 */
const NEGLIGIBLE = 1e-40;

/** Where a solve's result can be non-zero: entries outside [lo, hi) are exactly 0. */
export interface SolvedRange {
  readonly lo: number;
  readonly hi: number;
}

/**
 * Overwrites b with Q⁻¹·b on the diagonal block [blockStart, blockEnd) of Q (the whole matrix by default; a block
 * when Q is block diagonal, as across breaks). b must be 0 outside [first, end) within the block (a contract's
 * right-hand side is zero outside its delivery): the forward pass starts at `first`, and both passes stop once the
 * result has decayed to a negligible tail beyond that range. Returns the range outside which the result is 0.
 */
export const solvePentadiagonal = (
  factor: PentadiagonalFactor,
  b: Float64Array,
  first = 0,
  end = factor.n,
  blockStart = 0,
  blockEnd = factor.n,
): SolvedRange => {
  const { inverseDiagonal: d, sub1, sub2 } = factor;
  const n = blockEnd;
  // L·y = b.
  let y2 = 0;
  let y1 = 0;
  let peak = 0;
  let hi = n;
  for (let i = first; i < n; i++) {
    const yi =
      (b[i]! -
        (i > blockStart ? sub1[i - 1]! * y1 : 0) -
        (i > blockStart + 1 ? sub2[i - 2]! * y2 : 0)) *
      d[i]!;
    b[i] = yi;
    y2 = y1;
    y1 = yi;
    const size = Math.abs(yi);
    peak = size > peak ? size : peak;
    if (i >= end && size <= peak * NEGLIGIBLE && Math.abs(y2) <= peak * NEGLIGIBLE) {
      b[i] = 0;
      b[i - 1] = 0;
      hi = i - 1;
      break;
    }
  }
  // Lᵀ·x = y; y is 0 from hi on, and so is x.
  let x1 = 0;
  let x2 = 0;
  let lo = blockStart;
  peak = 0;
  for (let i = hi - 1; i >= blockStart; i--) {
    // Past the block's end x1 and x2 are still 0, so the couplings to the next block do not enter.
    const xi = (b[i]! - sub1[i]! * x1 - sub2[i]! * x2) * d[i]!;
    b[i] = xi;
    x2 = x1;
    x1 = xi;
    const size = Math.abs(xi);
    peak = size > peak ? size : peak;
    if (i < first && size <= peak * NEGLIGIBLE && Math.abs(x2) <= peak * NEGLIGIBLE) {
      b[i] = 0;
      b[i + 1] = 0;
      lo = i + 2;
      break;
    }
  }
  return { lo, hi };
};
