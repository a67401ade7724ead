import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { minimiseQuadraticSubjectTo } from './kkt.js';

describe('minimiseQuadraticSubjectTo', () => {
  it('finds the point of x + 2y + 3z = 14 closest to the origin', () => {
    const x = minimiseQuadraticSubjectTo(
      Matrix.eye(3),
      new Matrix([[1, 2, 3]]),
      new Float64Array([14]),
    );
    expect(Array.from(x ?? [])).toEqual([
      expect.closeTo(1, 12),
      expect.closeTo(2, 12),
      expect.closeTo(3, 12),
    ]);
  });

  it('uses the constraints where Q is only semi-definite', () => {
    // Q penalises (x − y)² only; x + y = 4 then fixes x = y = 2.
    const q = new Matrix([
      [2, -2],
      [-2, 2],
    ]);
    const x = minimiseQuadraticSubjectTo(q, new Matrix([[1, 1]]), new Float64Array([4]));
    expect(x?.[0]).toBeCloseTo(2, 12);
    expect(x?.[1]).toBeCloseTo(2, 12);
  });

  it('returns null when the conditions leave the minimiser undetermined', () => {
    // Nothing penalises y and nothing constrains it.
    const q = new Matrix([
      [2, 0],
      [0, 0],
    ]);
    expect(minimiseQuadraticSubjectTo(q, new Matrix([[1, 0]]), new Float64Array([1]))).toBeNull();
  });
});
