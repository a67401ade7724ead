import { describe, expect, it } from 'vitest';
import {
  factorPentadiagonal,
  solvePentadiagonal,
  type PentadiagonalMatrix,
} from './banded-cholesky.js';

/** A symmetric positive-definite pentadiagonal matrix with varied entries (diagonally dominant). */
const matrix = (n: number, weight = 0.5): PentadiagonalMatrix => {
  const off1 = Float64Array.from({ length: n }, (_, i) => (i < n - 1 ? -1 - 0.3 * Math.sin(i) : 0));
  const off2 = Float64Array.from({ length: n }, (_, i) =>
    i < n - 2 ? 0.4 + 0.2 * Math.cos(i) : 0,
  );
  const diagonal = Float64Array.from({ length: n }, (_, i) => {
    const neighbours =
      Math.abs(off1[i]!) +
      Math.abs(off2[i]!) +
      (i >= 1 ? Math.abs(off1[i - 1]!) : 0) +
      (i >= 2 ? Math.abs(off2[i - 2]!) : 0);
    return neighbours + weight + (i % 4);
  });
  return { diagonal, off1, off2 };
};

const multiply = (q: PentadiagonalMatrix, x: Float64Array): Float64Array =>
  Float64Array.from(x, (_, i) => {
    let sum = q.diagonal[i]! * x[i]!;
    if (i >= 1) {
      sum += q.off1[i - 1]! * x[i - 1]!;
    }
    if (i >= 2) {
      sum += q.off2[i - 2]! * x[i - 2]!;
    }
    if (i + 1 < x.length) {
      sum += q.off1[i]! * x[i + 1]!;
    }
    if (i + 2 < x.length) {
      sum += q.off2[i]! * x[i + 2]!;
    }
    return sum;
  });

describe('factorPentadiagonal / solvePentadiagonal', () => {
  it('solves Q·x = b: multiplying back gives b', () => {
    const q = matrix(200);
    const b = Float64Array.from({ length: 200 }, (_, i) => Math.cos(i / 7) * 10 - 3);
    const x = Float64Array.from(b);
    solvePentadiagonal(factorPentadiagonal(q), x);
    const back = multiply(q, x);
    back.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 11));
  });

  it('starts at the first non-zero entry and drops only a negligible decaying tail', () => {
    const n = 5000;
    const q = matrix(n, 5);
    const factor = factorPentadiagonal(q);
    const b = new Float64Array(n);
    for (let i = 2000; i < 2010; i++) {
      b[i] = 1;
    }
    const full = Float64Array.from(b);
    solvePentadiagonal(factor, full);
    const truncated = Float64Array.from(b);
    const range = solvePentadiagonal(factor, truncated, 2000, 2010);
    expect(range.lo).toBeGreaterThan(0);
    expect(range.hi).toBeLessThan(n);
    expect(range.lo).toBeLessThan(2000);
    expect(range.hi).toBeGreaterThan(2010);
    for (let i = 0; i < n; i++) {
      if (i < range.lo || i >= range.hi) {
        expect(truncated[i]).toBe(0);
      }
      expect(Math.abs(truncated[i]! - full[i]!)).toBeLessThanOrEqual(1e-30);
    }
  });

  it('solves one diagonal block on its own', () => {
    const q = matrix(30);
    // Cut the couplings between [0, 12) and [12, 30), as a break does.
    q.off1[11] = 0;
    q.off2[10] = 0;
    q.off2[11] = 0;
    const factor = factorPentadiagonal(q);
    const b = Float64Array.from({ length: 30 }, (_, i) => (i >= 12 ? i - 20 : 0));
    const whole = Float64Array.from(b);
    solvePentadiagonal(factor, whole);
    const block = Float64Array.from(b);
    solvePentadiagonal(factor, block, 12, 30, 12, 30);
    expect(Array.from(block.subarray(0, 12))).toEqual(new Array(12).fill(0));
    block.forEach((v, i) => expect(v).toBeCloseTo(whole[i]!, 13));
  });

  it('refuses a matrix that is not positive definite', () => {
    const q = matrix(10);
    q.diagonal[6] = -1;
    expect(() => factorPentadiagonal(q)).toThrow(/not positive definite: pivot .* at row 6/);
  });
});
