/**
 * Cholesky of small dense symmetric positive-definite matrices (the M×M Schur blocks, M ≲ 100), row-major in
 * Float64Arrays. The matrix is scaled to unit diagonal first (Jacobi): Schur entries of a one-day contract and of a
 * 25-year strip differ by orders of magnitude, and the definiteness test should not depend on that.
 */
export interface SpdFactor {
  readonly size: number;
  /** L of the scaled matrix D·A·D = L·Lᵀ, row-major, upper triangle zero. */
  readonly lower: Float64Array;
  /** D = 1/√diag(A). */
  readonly scale: Float64Array;
}

/**
 * Factors the size×size symmetric matrix `a` (read only). Returns null when it is not positive definite to
 * `relativeTolerance`: a pivot of the unit-diagonal matrix at or below it means a row is (numerically) a
 * combination of the rows before it.
 */
export const factorSpd = (
  a: Float64Array,
  size: number,
  relativeTolerance = 1e-13,
): SpdFactor | null => {
  const scale = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const d = a[i * size + i]!;
    if (!(d > 0) || !Number.isFinite(d)) {
      return null;
    }
    scale[i] = 1 / Math.sqrt(d);
  }
  const lower = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * size + j]! * scale[i]! * scale[j]!;
      for (let k = 0; k < j; k++) {
        sum -= lower[i * size + k]! * lower[j * size + k]!;
      }
      if (i === j) {
        if (!(sum > relativeTolerance)) {
          return null;
        }
        lower[i * size + i] = Math.sqrt(sum);
      } else {
        lower[i * size + j] = sum / lower[j * size + j]!;
      }
    }
  }
  return { size, lower, scale };
};

/** Overwrites b with A⁻¹·b. */
export const solveSpd = (factor: SpdFactor, b: Float64Array): void => {
  const { size, lower, scale } = factor;
  for (let i = 0; i < size; i++) {
    let sum = b[i]! * scale[i]!;
    for (let k = 0; k < i; k++) {
      sum -= lower[i * size + k]! * b[k]!;
    }
    b[i] = sum / lower[i * size + i]!;
  }
  for (let i = size - 1; i >= 0; i--) {
    let sum = b[i]!;
    for (let k = i + 1; k < size; k++) {
      sum -= lower[k * size + i]! * b[k]!;
    }
    b[i] = sum / lower[i * size + i]!;
  }
  for (let i = 0; i < size; i++) {
    b[i] = b[i]! * scale[i]!;
  }
};

/** R with A = R·Rᵀ, R lower triangular (the unscaled Cholesky factor), row-major. */
export const unscaledLower = (factor: SpdFactor): Float64Array => {
  const { size, lower, scale } = factor;
  const r = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j <= i; j++) {
      r[i * size + j] = lower[i * size + j]! / scale[i]!;
    }
  }
  return r;
};
