import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { constraintSubspaces, minimumNormSolution, nullSpaceComponent } from './svd-subspaces.js';

describe('constraintSubspaces', () => {
  it("solves cmdty's doc example by minimum norm and projects onto its null space", () => {
    const a = new Matrix([
      [1 / 3, 1 / 3, 1 / 3, 0],
      [0, 0, 0.5, 0.5],
    ]);
    const subspaces = constraintSubspaces(a, { relativeTolerance: 1e-10 });
    expect(subspaces.rank).toBe(2);
    expect(subspaces.leftNullBasis.columns).toBe(0);
    const x = minimumNormSolution(subspaces, new Float64Array([10, 10]));
    [8, 8, 14, 6].forEach((value, j) => expect(x[j]).toBeCloseTo(value, 12));
    // The null-space part of [10, 10, 10, 10] − x is what moves x to the flat curve.
    const step = nullSpaceComponent(
      subspaces,
      x.map((value) => 10 - value),
    );
    [2, 2, -4, 4].forEach((value, j) => expect(step[j]).toBeCloseTo(value, 12));
  });

  it('finds the dependency of four rows over three columns (padded case)', () => {
    const a = new Matrix([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
      [1, 1, 1],
    ]);
    const subspaces = constraintSubspaces(a, { relativeTolerance: 1e-10 });
    expect(subspaces.rank).toBe(3);
    expect(subspaces.rowBasis.rows).toBe(3);
    const y = subspaces.leftNullBasis.getColumn(0);
    const scale = y[3] ?? 1;
    expect(y.map((value) => value / scale)).toEqual([
      expect.closeTo(-1, 12),
      expect.closeTo(-1, 12),
      expect.closeTo(-1, 12),
      expect.closeTo(1, 12),
    ]);
  });

  it('truncates at a given rank', () => {
    const a = new Matrix([
      [1, 0],
      [0, 1e-14],
    ]);
    expect(constraintSubspaces(a, { relativeTolerance: 1e-20 }).rank).toBe(2);
    expect(constraintSubspaces(a, { relativeTolerance: 1e-10 }).rank).toBe(1);
    expect(constraintSubspaces(a, { rank: 1 }).leftNullBasis.columns).toBe(1);
  });
});
