import { describe, expect, it } from 'vitest';
import { factorSpd, solveSpd, unscaledLower } from './dense-cholesky.js';

describe('factorSpd / solveSpd / unscaledLower', () => {
  const a = Float64Array.of(1e6, 2e3, 10, 2e3, 9, 0.5, 10, 0.5, 5e-2);

  it('solves A·x = b for a badly scaled definite matrix', () => {
    const factor = factorSpd(a, 3)!;
    const x = Float64Array.of(1, -2, 30);
    const b = Float64Array.from(x, (_, i) => x.reduce((s, v, j) => s + a[i * 3 + j]! * v, 0));
    solveSpd(factor, b);
    b.forEach((v, i) => expect(v).toBeCloseTo(x[i]!, 9));
  });

  it('gives R with R·Rᵀ = A', () => {
    const r = unscaledLower(factorSpd(a, 3)!);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let sum = 0;
        for (let k = 0; k < 3; k++) {
          sum += r[i * 3 + k]! * r[j * 3 + k]!;
        }
        expect(sum / a[i * 3 + j]!).toBeCloseTo(1, 12);
      }
    }
  });

  it('returns null for a matrix that is only semi-definite', () => {
    expect(factorSpd(Float64Array.of(1, 1, 1, 1), 2)).toBeNull();
  });
});
