import { LuDecomposition, Matrix } from 'ml-matrix';

/**
 * Equality-constrained quadratic minimisation by one linear solve (curves.md §0 item 2: no QP solver is
 * needed while every condition is an equality). Minimising ½ xᵀQx subject to C x = d is stationary where
 * Q x + Cᵀλ = 0, which with the constraints is the KKT system [Q Cᵀ; C 0] [x; λ] = [0; d]. It is
 * indefinite, so we use a dense LU with partial pivoting, as cmdty does.
 */

/**
 * x minimising ½ xᵀQx subject to C x = d (Q: n×n symmetric, C: m×n, d: m values), or null when the KKT
 * matrix is singular or the solve produced non-finite values: the conditions do not pin down one curve.
 */
export const minimiseQuadraticSubjectTo = (
  q: Matrix,
  c: Matrix,
  d: Float64Array,
): Float64Array | null => {
  const n = q.rows;
  const m = c.rows;
  const kkt = new Matrix(n + m, n + m);
  kkt.setSubMatrix(q, 0, 0);
  if (m > 0) {
    kkt.setSubMatrix(c, n, 0);
    kkt.setSubMatrix(c.transpose(), 0, n);
  }
  const rhs = new Matrix(n + m, 1);
  d.forEach((value, i) => rhs.set(n + i, 0, value));
  const lu = new LuDecomposition(kkt);
  if (lu.isSingular()) {
    return null;
  }
  const solution = lu.solve(rhs).getColumn(0).slice(0, n);
  return solution.every(Number.isFinite) ? Float64Array.from(solution) : null;
};
