import { curveInfeasible } from './curve-infeasible-error.js';
import type { RowTarget, SmoothPriorProblem } from './smooth-prior-problem.js';

/** A checked problem: ω per point, the breaks, and each row's target with zero-width bands made equalities. */
export interface ValidatedProblem {
  readonly omega: Float64Array;
  readonly breaks: readonly number[];
  readonly targets: readonly RowTarget[];
}

/**
 * Checks everything the numerics rely on, so a bad input fails here with a message that names the field or the
 * row, not later as a NaN curve. Problem-level mistakes (grid size, λ, ω, prior, breaks, array lengths) are
 * RangeErrors, as elsewhere in the domain; anything about one row is a CurveInfeasibleError naming it, because it
 * comes from a quote the user can fix.
 */
export const validateProblem = (problem: SmoothPriorProblem): ValidatedProblem => {
  const { n, prior, priorWeight, smoothness, rows, targets } = problem;
  if (!Number.isSafeInteger(n) || n < 3) {
    throw new RangeError(`The grid needs at least 3 points (n), got ${n}`);
  }
  if (!(smoothness > 0) || !Number.isFinite(smoothness)) {
    throw new RangeError(`smoothness (λ) must be a positive finite number, got ${smoothness}`);
  }
  if (prior.length !== n) {
    throw new RangeError(`prior has ${prior.length} values for a grid of ${n} points`);
  }
  const badPrior = prior.findIndex((s) => !Number.isFinite(s));
  if (badPrior >= 0) {
    throw new RangeError(
      `prior[${badPrior}] is ${prior[badPrior]!}; every prior value must be finite`,
    );
  }
  const omega = omegaPerPoint(priorWeight, n);
  const breaks = validBreaks(problem.breaks ?? [], n);
  if (targets.length !== rows.length) {
    throw new RangeError(
      `${rows.length} rows but ${targets.length} targets; give one target per row`,
    );
  }
  rows.forEach((row, k) => {
    const fail = (message: string) =>
      curveInfeasible('invalid-row', `${row.label}: ${message}`, [k], rows);
    if (!Number.isSafeInteger(row.from) || !Number.isSafeInteger(row.to)) {
      throw fail(`grid indices must be integers, got [${row.from}, ${row.to})`);
    }
    if (row.from < 0 || row.to > n || row.from >= row.to) {
      throw fail(
        `grid indices [${row.from}, ${row.to}) are not a non-empty range inside [0, ${n})`,
      );
    }
    if (row.weights.length !== row.to - row.from) {
      throw fail(
        `${row.weights.length} weights for the ${row.to - row.from} grid points [${row.from}, ${row.to})`,
      );
    }
    let total = 0;
    for (let i = 0; i < row.weights.length; i++) {
      const w = row.weights[i]!;
      if (!(w >= 0) || !Number.isFinite(w)) {
        throw fail(`weight ${w} at grid index ${row.from + i}; weights must be finite and ≥ 0`);
      }
      total += w;
    }
    if (!(total > 0)) {
      throw fail(
        `its weights sum to ${total} over grid indices [${row.from}, ${row.to}): the contract delivers nothing ` +
          'there (e.g. a peak bucket with no peak hours in the period), so it has no average to match',
      );
    }
  });
  const checkedTargets = targets.map((target, k): RowTarget => {
    const label = rows[k]!.label;
    if (target.kind === 'equal') {
      if (!Number.isFinite(target.value)) {
        throw curveInfeasible(
          'invalid-row',
          `${label}: price ${target.value} is not a finite number`,
          [k],
          rows,
        );
      }
      return target;
    }
    if (!Number.isFinite(target.low) || !Number.isFinite(target.high)) {
      throw curveInfeasible(
        'invalid-row',
        `${label}: band [${target.low}, ${target.high}] must have finite ends`,
        [k],
        rows,
      );
    }
    if (target.low > target.high) {
      throw curveInfeasible(
        'crossed-band',
        `${label}: bid ${target.low} is above ask ${target.high}; a band needs low ≤ high`,
        [k],
        rows,
      );
    }
    return target.low === target.high ? { kind: 'equal', value: target.low } : target;
  });
  return { omega, breaks, targets: checkedTargets };
};

const omegaPerPoint = (priorWeight: Float64Array | number, n: number): Float64Array => {
  if (typeof priorWeight === 'number') {
    if (!(priorWeight >= 0) || !Number.isFinite(priorWeight)) {
      throw new RangeError(`priorWeight (ω) must be finite and ≥ 0, got ${priorWeight}`);
    }
    return new Float64Array(n).fill(priorWeight);
  }
  if (priorWeight.length !== n) {
    throw new RangeError(`priorWeight has ${priorWeight.length} values for a grid of ${n} points`);
  }
  const bad = priorWeight.findIndex((w) => !(w >= 0) || !Number.isFinite(w));
  if (bad >= 0) {
    throw new RangeError(`priorWeight[${bad}] is ${priorWeight[bad]!}; ω must be finite and ≥ 0`);
  }
  return priorWeight;
};

const validBreaks = (breaks: readonly number[], n: number): readonly number[] => {
  breaks.forEach((b, i) => {
    if (!Number.isSafeInteger(b) || b < 1 || b > n - 1 || (i > 0 && b <= breaks[i - 1]!)) {
      throw new RangeError(
        `breaks must be strictly increasing integers inside 1..${n - 1}; breaks[${i}] is ${b}`,
      );
    }
  });
  return breaks;
};
