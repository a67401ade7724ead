import { curveInfeasible } from './curve-infeasible-error.js';
import { combinationMembers, type RowDependency } from './row-rank.js';
import type { AveragingRow, RowTarget } from './smooth-prior-problem.js';

/** Implied averages agree with a quote when they differ by at most this share of the prices involved. */
const AGREEMENT_TOLERANCE = 1e-9;

/** A dependent row the solve drops, with the value its basis rows imply where those are all equalities. */
export interface DroppedRow {
  readonly row: number;
  readonly members: readonly number[];
  readonly dependency: RowDependency;
  /** The implied average when every member is an equality row, else null (then a band QP constraint). */
  readonly implied: number | null;
}

/**
 * Checks the rows the rank test found to be combinations of others. A dependent equality row must agree with the
 * average its basis rows imply (else 'contradictory', naming all of them); a dependent band row fixed by equality
 * rows must contain that average. Dependent band rows that involve other band rows are left for the band QP.
 */
export const checkDependentRows = (
  dependencies: readonly RowDependency[],
  targets: readonly RowTarget[],
  rows: readonly AveragingRow[],
): DroppedRow[] =>
  dependencies.map((dependency) => {
    const members = combinationMembers(dependency);
    const target = targets[dependency.row]!;
    if (members.some((k) => targets[k]!.kind !== 'equal')) {
      return { row: dependency.row, members, dependency, implied: null };
    }
    let implied = 0;
    let magnitude = 0;
    dependency.basisRows.forEach((k, j) => {
      const t = targets[k]!;
      const term = dependency.coefficients[j]! * (t.kind === 'equal' ? t.value : 0);
      implied += term;
      magnitude += Math.abs(term);
    });
    const tolerance = AGREEMENT_TOLERANCE * Math.max(magnitude, priceOf(target));
    const own = rows[dependency.row]!.label;
    const others = members.map((k) => rows[k]!.label).join(', ');
    const involved = [dependency.row, ...members];
    if (target.kind === 'equal') {
      const gap = target.value - implied;
      if (Math.abs(gap) > tolerance) {
        const [mine, theirs] = formatPair(target.value, implied);
        const how = impliedBy(dependency, members, theirs);
        throw curveInfeasible(
          'contradictory',
          `${own} (${mine}) disagrees with ${others}, ${how} (difference ${formatPair(gap, 0)[0]})`,
          involved,
          rows,
        );
      }
    } else if (implied < target.low - tolerance || implied > target.high + tolerance) {
      const edge = implied < target.low ? target.low : target.high;
      const [value, bound] = formatPair(implied, edge);
      throw curveInfeasible(
        'contradictory',
        `${own} (bid ${formatPair(target.low, target.high).join(' / ask ')}) cannot hold: ${others} ` +
          `fix its average at ${value}, ${implied < target.low ? 'below the bid' : 'above the ask'} ${bound}`,
        involved,
        rows,
      );
    }
    return { row: dependency.row, members, dependency, implied };
  });

const priceOf = (target: RowTarget): number =>
  target.kind === 'equal'
    ? Math.abs(target.value)
    : Math.max(Math.abs(target.low), Math.abs(target.high));

/** "whose weighted average is 51.37" when the combination is an average, else "which imply 51.37 for it". */
const impliedBy = (
  dependency: RowDependency,
  members: readonly number[],
  value: string,
): string => {
  if (members.length === 1) {
    return `which covers the same delivery at ${value}`;
  }
  const averaging = members.every(
    (k) => dependency.coefficients[dependency.basisRows.indexOf(k)]! > 0,
  );
  return averaging ? `whose weighted average is ${value}` : `which imply ${value} for it`;
};

/**
 * Both numbers with the fewest decimals (at least 2) that tell them apart, so "52.00 vs 51.37" reads like a price
 * but a 1e-6 disagreement still shows its digits.
 */
const formatPair = (a: number, b: number): [string, string] => {
  for (let decimals = 2; decimals < 12; decimals++) {
    const pair: [string, string] = [a.toFixed(decimals), b.toFixed(decimals)];
    if (pair[0] !== pair[1]) {
      return pair;
    }
  }
  return [String(a), String(b)];
};
