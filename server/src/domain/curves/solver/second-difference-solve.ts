/**
 * Solves (2λ·T²)·y = b on b[lo..hi), where T = tridiag(1, −2, 1) is the second-difference matrix of a stretch whose
 * two neighbours lo−1 and hi are held at 0. This is the Hessian of λ·Σ(D2·z)² for z pinned at both segment ends:
 * D2 restricted to the interior is square and symmetric, so D2ᵀD2 = T².
 *
 * Why not a banded Cholesky of T²: T² has a fourth-order zero in its symbol, and the Cholesky pivot recurrence is
 * only neutrally stable; over ~10⁵ points (an hourly curve with no prior weight) rounding drives a pivot negative.
 * T itself is a diagonally dominant M-matrix whose elimination pivots are −(k+1)/k, so two Thomas sweeps per
 * factor are stable and need no stored factor at all.
 */
export const solveSecondDifferenceSquared = (
  b: Float64Array,
  lo: number,
  hi: number,
  twoLambda: number,
): void => {
  solveSecondDifference(b, lo, hi);
  solveSecondDifference(b, lo, hi);
  for (let t = lo; t < hi; t++) {
    b[t] = b[t]! / twoLambda;
  }
};

/** T·y = b on b[lo..hi) by elimination with pivots p_k = −(k+1)/k (k = 1-based position). */
const solveSecondDifference = (b: Float64Array, lo: number, hi: number): void => {
  // Forward: w_k = b_k − w_{k−1}/p_{k−1} = b_k + w_{k−1}·(k−1)/k.
  for (let t = lo + 1; t < hi; t++) {
    const k = t - lo + 1;
    b[t] = b[t]! + (b[t - 1]! * (k - 1)) / k;
  }
  // Backward: y_k = (w_k − y_{k+1}) / p_k = (y_{k+1} − w_k)·k/(k+1).
  let next = 0;
  for (let t = hi - 1; t >= lo; t--) {
    const k = t - lo + 1;
    next = ((next - b[t]!) * k) / (k + 1);
    b[t] = next;
  }
};
