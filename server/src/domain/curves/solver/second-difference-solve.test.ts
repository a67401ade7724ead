import { describe, expect, it } from 'vitest';
import { solveSecondDifferenceSquared } from './second-difference-solve.js';

/** T·x with T = tridiag(1, −2, 1) and zero neighbours outside. */
const secondDifference = (x: Float64Array): Float64Array =>
  Float64Array.from(x, (v, i) => (x[i - 1] ?? 0) - 2 * v + (x[i + 1] ?? 0));

describe('solveSecondDifferenceSquared', () => {
  it('inverts 2λ·T² on a stretch and leaves the rest of the vector alone', () => {
    const b = Float64Array.from({ length: 60 }, (_, i) => Math.sin(i) + (i % 5) - 2);
    const y = Float64Array.from(b);
    solveSecondDifferenceSquared(y, 10, 50, 3);
    expect(Array.from(y.subarray(0, 10))).toEqual(Array.from(b.subarray(0, 10)));
    expect(Array.from(y.subarray(50))).toEqual(Array.from(b.subarray(50)));
    const back = secondDifference(secondDifference(y.slice(10, 50)));
    back.forEach((v, i) => expect(3 * v).toBeCloseTo(b[10 + i]!, 9));
  });

  it('stays accurate over an hourly-length stretch, where a Cholesky of T² breaks down', () => {
    const n = 200_000;
    // Closed form of T⁻¹ (0-based): −(min+1)(n − max)/(n + 1).
    const inverse = (i: number, j: number) =>
      (-(Math.min(i, j) + 1) * (n - Math.max(i, j))) / (n + 1);
    const b = new Float64Array(n);
    b[12_345] = 1;
    b[150_000] = -2;
    const y = Float64Array.from(b);
    solveSecondDifferenceSquared(y, 0, n, 2);
    const once = Float64Array.from(
      { length: n },
      (_, k) => inverse(k, 12_345) - 2 * inverse(k, 150_000),
    );
    const scale = y.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    for (const i of [0, 999, 12_345, 100_000, 150_000, n - 1]) {
      let exact = 0;
      for (let k = 0; k < n; k++) {
        exact += inverse(i, k) * once[k]!;
      }
      expect(Math.abs(y[i]! - exact / 2) / scale).toBeLessThan(1e-12);
    }
  });
});
