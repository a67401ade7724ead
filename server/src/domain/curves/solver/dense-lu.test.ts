import { describe, expect, it } from 'vitest';
import { factorLu, solveLu } from './dense-lu.js';

const multiply = (a: Float64Array, x: Float64Array): Float64Array =>
  Float64Array.from(x, (_, i) => x.reduce((s, v, j) => s + a[i * x.length + j]! * v, 0));

describe('factorLu / solveLu', () => {
  it('solves a symmetric saddle-point system with a zero block and entries from 1e9 to 1', () => {
    // [[S, −G], [−Gᵀ, 0]] as in the bordered KKT with no prior: S large and definite, G of order 1.
    const s = [
      [4e9, 1e9, 2e8],
      [1e9, 3e9, 5e8],
      [2e8, 5e8, 2e9],
    ];
    const g = [
      [1, 0.2],
      [1, 0.5],
      [1, 0.9],
    ];
    const size = 5;
    const a = new Float64Array(size * size);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        a[i * size + j] = s[i]![j]!;
      }
      for (let p = 0; p < 2; p++) {
        a[i * size + 3 + p] = -g[i]![p]!;
        a[(3 + p) * size + i] = -g[i]![p]!;
      }
    }
    const x = Float64Array.of(1e-9, -2e-9, 3e-9, 50, -4);
    const b = multiply(a, x);
    const factor = factorLu(a, size);
    expect(factor).not.toBeNull();
    const solved = Float64Array.from(b);
    solveLu(factor!, solved);
    solved.forEach((v, i) =>
      expect(Math.abs(v - x[i]!)).toBeLessThan(1e-12 * Math.max(1, Math.abs(x[i]!)) + 1e-20),
    );
  });

  it('returns null for a singular matrix', () => {
    expect(factorLu(Float64Array.of(1, 2, 2, 4), 2)).toBeNull();
    expect(factorLu(Float64Array.of(0, 0, 0, 1), 2)).toBeNull();
  });
});
