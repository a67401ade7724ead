import type { Matrix } from 'ml-matrix';

/**
 * Names the quotes behind a rank-deficient bootstrap. cmdty only says "Redundant contracts and shapings are
 * present", which leaves the user to guess which of forty quotes to drop; we read the groups off the null
 * space of Aᵀ, where every vector y with Aᵀy = 0 says Σ yᵢ·rowᵢ = 0, i.e. the rows with yᵢ ≠ 0 depend on
 * each other.
 */

/** One group of dependent rows: `implied` is a linear combination of the other `rows` (ascending). */
export interface RowDependency {
  readonly rows: readonly number[];
  readonly implied: number;
}

/** Entries below this share of a vector's largest entry are rounding noise, not membership. */
const MEMBERSHIP_TOLERANCE = 1e-8;

/**
 * The dependency groups spanned by `leftNullBasis` (m × k, one null vector per column). An SVD basis mixes
 * independent groups together, so we bring it to reduced row-echelon form first, choosing pivots from the
 * last row backwards: each reduced vector then holds exactly one pivot, the latest row of its group, and
 * that row is the one reported as implied by the others (Jan, Feb, Mar and Q1 → Q1).
 */
export const rowDependencies = (leftNullBasis: Matrix): RowDependency[] => {
  const m = leftNullBasis.rows;
  const k = leftNullBasis.columns;
  const vectors = Array.from({ length: k }, (_, j) =>
    Float64Array.from({ length: m }, (_, i) => leftNullBasis.get(i, j)),
  );
  const pivots: number[] = [];
  for (let column = m - 1; column >= 0 && pivots.length < k; column -= 1) {
    const next = pivots.length;
    const best = largestInColumn(vectors, next, column);
    const pivotVector = vectors[best];
    if (pivotVector === undefined || !(Math.abs(pivotVector[column] ?? 0) > MEMBERSHIP_TOLERANCE)) {
      continue;
    }
    vectors[best] = vectors[next] ?? pivotVector;
    vectors[next] = pivotVector;
    const pivotValue = pivotVector[column] ?? 1;
    pivotVector.forEach((value, i) => {
      pivotVector[i] = value / pivotValue;
    });
    vectors.forEach((vector, j) => {
      const factor = vector[column] ?? 0;
      if (j !== next && factor !== 0) {
        vector.forEach((value, i) => {
          vector[i] = value - factor * (pivotVector[i] ?? 0);
        });
      }
    });
    pivots.push(column);
  }
  return pivots.map((implied, j) => ({ rows: membersOf(vectors[j]), implied }));
};

/**
 * "Jan-19, Feb-19, Mar-19 and Q1-19 (Q1-19 is a combination of the others)"; several groups are joined
 * with "; ". `labelOf` names row i.
 */
export const describeDependencies = (
  dependencies: readonly RowDependency[],
  labelOf: (row: number) => string,
): string =>
  dependencies
    .map(({ rows, implied }) => {
      const names = rows.map(labelOf);
      if (rows.length === 1) {
        return `${labelOf(implied)} (it constrains nothing: both of its sides are the same average)`;
      }
      const others = rows.length === 2 ? 'the other' : 'the others';
      return `${joinNames(names)} (${labelOf(implied)} is a combination of ${others})`;
    })
    .join('; ');

const largestInColumn = (vectors: Float64Array[], from: number, column: number): number => {
  let best = from;
  for (let j = from + 1; j < vectors.length; j += 1) {
    if (Math.abs(vectors[j]?.[column] ?? 0) > Math.abs(vectors[best]?.[column] ?? 0)) {
      best = j;
    }
  }
  return best;
};

const membersOf = (vector: Float64Array | undefined): number[] => {
  if (vector === undefined) {
    return [];
  }
  const largest = vector.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
  const members: number[] = [];
  vector.forEach((value, i) => {
    if (Math.abs(value) > MEMBERSHIP_TOLERANCE * largest) {
      members.push(i);
    }
  });
  return members;
};

const joinNames = (names: readonly string[]): string =>
  names.length <= 1
    ? names.join('')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
