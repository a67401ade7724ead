/**
 * Why a set of rows cannot give a curve:
 * - `contradictory`: rows that depend on each other ask for different prices (Q1 vs Jan, Feb, Mar; one period
 *   quoted twice), or bands that cannot all hold at once;
 * - `crossed-band`: a band whose low is above its high;
 * - `invalid-row`: a row outside the grid, with bad weights, or whose weights sum to zero (it delivers nothing);
 * - `underdetermined`: with no prior weight somewhere, the equality rows do not fix the curve's level and slope
 *   there, so infinitely many curves are equally smooth;
 * - `ill-conditioned`: the rows are so close to dependent (or ω so small next to λ) that the curve would not
 *   reproduce them to 1e-9; the rows it misses are named.
 */
export type CurveInfeasibleReason =
  'contradictory' | 'crossed-band' | 'invalid-row' | 'underdetermined' | 'ill-conditioned';

/** Thrown (never a silently wrong curve) for contradictory or infeasible inputs; names every row involved. */
export class CurveInfeasibleError extends Error {
  readonly reason: CurveInfeasibleReason;
  /** Indices of the rows involved (ascending). */
  readonly rows: readonly number[];
  /** Their labels, in the order of `rows`. */
  readonly labels: readonly string[];

  constructor(
    reason: CurveInfeasibleReason,
    message: string,
    rows: readonly number[],
    labels: readonly string[],
  ) {
    super(message);
    this.name = 'CurveInfeasibleError';
    this.reason = reason;
    this.rows = rows;
    this.labels = labels;
  }
}

/** The error for `involved` rows of `rows`: indices sorted and de-duplicated, labels alongside. */
export const curveInfeasible = (
  reason: CurveInfeasibleReason,
  message: string,
  involved: readonly number[],
  rows: readonly { readonly label: string }[],
): CurveInfeasibleError => {
  const sorted = [...new Set(involved)].sort((a, b) => a - b);
  return new CurveInfeasibleError(
    reason,
    message,
    sorted,
    sorted.map((k) => rows[k]?.label ?? `row ${k}`),
  );
};
