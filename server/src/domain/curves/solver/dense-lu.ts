/**
 * LU with partial pivoting for the small dense symmetric indefinite blocks of the bordered KKT system (size ≲ M + a
 * few). Those blocks mix Schur entries that can reach 1e9 with O(1) border entries and a zero diagonal block, so the
 * matrix is equilibrated first (Ruiz: rows and columns scaled by 1/√max|entry| until every row's largest entry is
 * about 1), which keeps partial pivoting honest.
 */
export interface LuFactor {
  readonly size: number;
  /** L (unit, below the diagonal) and U (on and above), of the equilibrated matrix, row-major. */
  readonly lu: Float64Array;
  /** Row taken as pivot at each step. */
  readonly pivots: Int32Array;
  /** The equilibration D: the factored matrix is D·A·D. */
  readonly scale: Float64Array;
}

const EQUILIBRATION_PASSES = 8;

/**
 * Factors the size×size matrix `a` (read only). Returns null when it is singular to working precision: a pivot
 * below 1e-13 after equilibration, where entries are O(1).
 */
export const factorLu = (a: Float64Array, size: number): LuFactor | null => {
  const scale = new Float64Array(size).fill(1);
  const lu = Float64Array.from(a);
  for (let pass = 0; pass < EQUILIBRATION_PASSES; pass++) {
    const factors = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      let largest = 0;
      for (let j = 0; j < size; j++) {
        largest = Math.max(largest, Math.abs(lu[i * size + j]!));
      }
      if (largest === 0) {
        return null;
      }
      factors[i] = 1 / Math.sqrt(largest);
    }
    for (let i = 0; i < size; i++) {
      scale[i] = scale[i]! * factors[i]!;
      for (let j = 0; j < size; j++) {
        lu[i * size + j] = lu[i * size + j]! * factors[i]! * factors[j]!;
      }
    }
  }
  const pivots = new Int32Array(size);
  for (let k = 0; k < size; k++) {
    let best = k;
    for (let i = k + 1; i < size; i++) {
      if (Math.abs(lu[i * size + k]!) > Math.abs(lu[best * size + k]!)) {
        best = i;
      }
    }
    pivots[k] = best;
    if (best !== k) {
      for (let j = 0; j < size; j++) {
        const t = lu[k * size + j]!;
        lu[k * size + j] = lu[best * size + j]!;
        lu[best * size + j] = t;
      }
    }
    const pivot = lu[k * size + k]!;
    if (!(Math.abs(pivot) > 1e-13)) {
      return null;
    }
    for (let i = k + 1; i < size; i++) {
      const m = lu[i * size + k]! / pivot;
      lu[i * size + k] = m;
      if (m !== 0) {
        for (let j = k + 1; j < size; j++) {
          lu[i * size + j] = lu[i * size + j]! - m * lu[k * size + j]!;
        }
      }
    }
  }
  return { size, lu, pivots, scale };
};

/** Overwrites b with A⁻¹·b. */
export const solveLu = (factor: LuFactor, b: Float64Array): void => {
  const { size, lu, pivots, scale } = factor;
  for (let i = 0; i < size; i++) {
    b[i] = b[i]! * scale[i]!;
  }
  for (let k = 0; k < size; k++) {
    const p = pivots[k]!;
    if (p !== k) {
      const t = b[k]!;
      b[k] = b[p]!;
      b[p] = t;
    }
  }
  for (let i = 0; i < size; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) {
      sum -= lu[i * size + k]! * b[k]!;
    }
    b[i] = sum;
  }
  for (let i = size - 1; i >= 0; i--) {
    let sum = b[i]!;
    for (let k = i + 1; k < size; k++) {
      sum -= lu[i * size + k]! * b[k]!;
    }
    b[i] = sum / lu[i * size + i]!;
  }
  for (let i = 0; i < size; i++) {
    b[i] = b[i]! * scale[i]!;
  }
};
