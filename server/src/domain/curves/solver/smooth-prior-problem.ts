/**
 * The inputs and outputs of the smooth-prior curve solve (curves.md §2.2, Fleten–Lemming type): find x on a grid
 * that minimises Σ ω_t (x_t − s_t)² + λ Σ (x_{t−1} − 2x_t + x_{t+1})² while every contract's delivery-weighted
 * average of x equals its price or lies inside its bid/ask band.
 */

/** One contract: the delivery-weighted average of x over grid indices [from, to). */
export interface AveragingRow {
  readonly from: number;
  readonly to: number;
  /** δ_t ≥ 0 for t = from..to-1 (hours in the bucket × discount factor); zeros allowed, sum must be > 0. */
  readonly weights: Float64Array;
  /** What the caller calls this row in messages, e.g. "PJM-W 5x16 Q3-2027 (settle 61.20)". */
  readonly label: string;
}

/** What a row's average must do: equal a price (settlement, mid) or stay inside a bid/ask band. */
export type RowTarget =
  | { readonly kind: 'equal'; readonly value: number }
  | { readonly kind: 'band'; readonly low: number; readonly high: number };

export interface SmoothPriorProblem {
  /** Grid points; at least 3. */
  readonly n: number;
  /** s: the prior or shape the curve is pulled towards, length n. */
  readonly prior: Float64Array;
  /** ω ≥ 0, one for all points or one per point; may be 0 everywhere (then the rows alone fix level and slope). */
  readonly priorWeight: Float64Array | number;
  /** λ > 0: weight of the squared second differences. */
  readonly smoothness: number;
  readonly rows: readonly AveragingRow[];
  /** One per row, same order. A band with low = high is an equality. */
  readonly targets: readonly RowTarget[];
  /**
   * Grid indices (strictly increasing, inside 1..n-1) where a new, independent curve starts: no second difference
   * spans a break. Used when several curves (e.g. one per elementary bucket) are stacked on one grid and solved
   * together because some rows average across them.
   */
  readonly breaks?: readonly number[];
}

/**
 * How a row ended up: `equal` for equality rows; for band rows `low` / `high` when the band binds at that side and
 * `inside` when it does not.
 */
export type RowBinding = 'equal' | 'low' | 'high' | 'inside';

/** A row that is a linear combination of other rows and agreed with them. */
export interface RedundantRow {
  readonly row: number;
  /** The rows it is a combination of (ascending). */
  readonly combinationOf: readonly number[];
}

export interface SmoothPriorSolution {
  /** x, length n. */
  readonly values: Float64Array;
  /** g_k: each row's weighted average of x. */
  readonly averages: Float64Array;
  /** g_k − target: the raw difference for equality rows; for band rows g_k minus the nearest edge, 0 inside. */
  readonly residuals: Float64Array;
  readonly binding: readonly RowBinding[];
  /** Rows that were linear combinations of others and agreed with them (dropped from the solve, still met). */
  readonly redundant: readonly RedundantRow[];
}
