import { Matrix, SingularValueDecomposition } from 'ml-matrix';

/**
 * The subspaces of a constraint matrix A (m rows = quotes, n columns = grid periods) that the bootstrapper
 * works with, from one singular value decomposition: the rank, an orthonormal basis of the row space (its
 * complement is the null space that the target projection moves in), and an orthonormal basis of the null
 * space of Aᵀ (the dependencies among the rows, which name redundant quotes).
 *
 * We decompose Aᵀ rather than A. Quotes are few and periods many, so Aᵀ (n×m) is tall: the SVD costs
 * O(n·m²) instead of O(n³), and ml-matrix's SVD gives its full m×m right factor, which is exactly the
 * left factor of A that the dependencies are read from. When there are more rows than periods we pad Aᵀ
 * with zero rows to keep it square; padding adds no singular directions.
 */
export interface ConstraintSubspaces {
  /** The m singular values of A, largest first. */
  readonly singularValues: Float64Array;
  /** Number of singular values treated as non-zero. */
  readonly rank: number;
  /** n × rank: orthonormal basis of the row space of A (right singular vectors of A). */
  readonly rowBasis: Matrix;
  /** m × rank: orthonormal basis of the column space of A (left singular vectors of A). */
  readonly columnBasis: Matrix;
  /** m × (m − rank): orthonormal basis of { y : Aᵀy = 0 }; each vector is a dependency among rows. */
  readonly leftNullBasis: Matrix;
}

/**
 * How to decide the rank: singular values above `relativeTolerance` × the largest count, or exactly
 * `rank` of them (used to solve a matrix with the rank decided on a rescaled copy of it).
 */
export type RankRule = { readonly relativeTolerance: number } | { readonly rank: number };

/** Decomposes A (m×n, m ≥ 1, n ≥ 1) into the subspaces above. */
export const constraintSubspaces = (a: Matrix, rule: RankRule): ConstraintSubspaces => {
  const m = a.rows;
  const n = a.columns;
  const transposed = a.transpose();
  const tall = n >= m ? transposed : padWithZeroRows(transposed, m);
  const svd = new SingularValueDecomposition(tall, { autoTranspose: false });
  const singularValues = Float64Array.from(svd.diagonal);
  // Of Aᵀ = U Σ Vᵀ: U holds A's right singular vectors (row space), V its left ones.
  const u = svd.leftSingularVectors;
  const v = svd.rightSingularVectors;
  const rank = 'rank' in rule ? rule.rank : countAbove(singularValues, rule.relativeTolerance);
  return {
    singularValues,
    rank,
    rowBasis: columnsOf(u, n, 0, rank),
    columnBasis: columnsOf(v, m, 0, rank),
    leftNullBasis: columnsOf(v, m, rank, m),
  };
};

/** x = A⁺b over the first `rank` singular triplets: the minimum-norm (least-squares if inconsistent) solution. */
export const minimumNormSolution = (
  subspaces: ConstraintSubspaces,
  b: Float64Array,
): Float64Array => {
  const { rowBasis, columnBasis, singularValues, rank } = subspaces;
  const x = new Float64Array(rowBasis.rows);
  for (let k = 0; k < rank; k += 1) {
    let projection = 0;
    for (let i = 0; i < columnBasis.rows; i += 1) {
      projection += columnBasis.get(i, k) * (b[i] ?? 0);
    }
    const scale = projection / (singularValues[k] ?? Number.NaN);
    for (let j = 0; j < x.length; j += 1) {
      x[j] = (x[j] ?? 0) + scale * rowBasis.get(j, k);
    }
  }
  return x;
};

/**
 * K Kᵀ v, the part of v in the null space of A, computed as v − R Rᵀ v with R = `rowBasis`. The null space
 * basis K itself is never formed: with n periods it would be n×(n − rank), while R is only n×rank.
 */
export const nullSpaceComponent = (
  subspaces: ConstraintSubspaces,
  v: Float64Array,
): Float64Array => {
  const { rowBasis, rank } = subspaces;
  const result = Float64Array.from(v);
  for (let k = 0; k < rank; k += 1) {
    let projection = 0;
    for (let j = 0; j < v.length; j += 1) {
      projection += rowBasis.get(j, k) * (v[j] ?? 0);
    }
    for (let j = 0; j < v.length; j += 1) {
      result[j] = (result[j] ?? 0) - projection * rowBasis.get(j, k);
    }
  }
  return result;
};

const countAbove = (singularValues: Float64Array, relativeTolerance: number): number => {
  const threshold = relativeTolerance * (singularValues[0] ?? 0);
  return singularValues.filter((value) => value > threshold).length;
};

const padWithZeroRows = (matrix: Matrix, rows: number): Matrix => {
  const padded = new Matrix(rows, matrix.columns);
  padded.setSubMatrix(matrix, 0, 0);
  return padded;
};

/** Rows 0..rows−1 of columns from..to−1 (possibly none) of `matrix`. */
const columnsOf = (matrix: Matrix, rows: number, from: number, to: number): Matrix => {
  const result = new Matrix(rows, to - from);
  for (let i = 0; i < rows; i += 1) {
    for (let k = from; k < to; k += 1) {
      result.set(i, k - from, matrix.get(i, k));
    }
  }
  return result;
};
