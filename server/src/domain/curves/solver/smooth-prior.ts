import {
  applyRow,
  averagingCoefficients,
  type AveragingCoefficients,
} from './averaging-operator.js';
import { solveBandQp, type BandSide, type LinearBand } from './band-qp.js';
import {
  borderedKkt,
  curveOf,
  equalityOnlyAverages,
  factorKkt,
  solveKkt,
  type FactoredKkt,
} from './bordered-kkt.js';
import { curveInfeasible } from './curve-infeasible-error.js';
import { unscaledLower } from './dense-cholesky.js';
import { checkDependentRows, type DroppedRow } from './dependent-rows.js';
import { assertLinesFixed } from './free-lines.js';
import { rowRank } from './row-rank.js';
import type {
  AveragingRow,
  RedundantRow,
  RowBinding,
  RowTarget,
  SmoothPriorProblem,
  SmoothPriorSolution,
} from './smooth-prior-problem.js';
import { smoothnessSystem } from './smoothness-system.js';
import { validateProblem } from './validate-problem.js';

/** Every row must be met to this share of the price level, or the solve refuses to return a curve. */
const REPRODUCTION_TOLERANCE = 1e-9;

/**
 * Solves the smooth-prior curve problem (curves.md §2.2): min Σ ω_t(x_t − s_t)² + λ Σ (D2·x)_t² such that every
 * row's weighted average equals its price or lies in its band.
 *
 * 1. Rows that are combinations of others (Q1 with Jan–Mar) are found on the rows themselves and dropped if they
 *    agree; otherwise the rows are reported as contradictory.
 * 2. The Hessian is banded; one banded Cholesky and one banded solve per row give the (bordered) Schur complement,
 *    O(n·M + M³) in all.
 * 3. Bid/ask rows reduce exactly to a box QP in the M band averages, solved by quadprog; then one equality solve
 *    with the chosen averages gives the curve, and one step of iterative refinement polishes the averages.
 *
 * Throws CurveInfeasibleError, naming the rows, for quotes that cannot give a curve (contradictory, crossed band,
 * invalid row, not unique, or not reproducible to 1e-9), and RangeError for a malformed problem (n, λ, ω, prior,
 * breaks).
 */
export const solveSmoothPrior = (problem: SmoothPriorProblem): SmoothPriorSolution => {
  const { omega, breaks, targets } = validateProblem(problem);
  const { rows } = problem;
  const coefficients = rows.map(averagingCoefficients);
  const isEqual = (k: number) => targets[k]!.kind === 'equal';
  const rank = rowRank(coefficients, keepFirstOrder(rows, isEqual));
  const dropped = checkDependentRows(rank.dependencies, targets, rows);
  const equalBasis = rank.basis.filter(isEqual);
  const bandBasis = rank.basis.filter((k) => !isEqual(k));
  const basis = [...equalBasis, ...bandBasis];

  const system = smoothnessSystem(omega, problem.smoothness, breaks);
  assertLinesFixed(
    system,
    omega,
    equalBasis.map((k) => coefficients[k]!),
    rows,
  );
  const kkt = borderedKkt(
    system,
    omega,
    problem.prior,
    basis.map((k) => coefficients[k]!),
    equalBasis.length,
  );
  const factored = factorKkt(kkt);
  if (factored === null) {
    throw curveInfeasible(
      'ill-conditioned',
      'The rows are too close to linearly dependent for a reliable curve; check for near-duplicate contracts',
      basis,
      rows,
    );
  }
  const basisTargets = Float64Array.from(basis, (k) => {
    const t = targets[k]!;
    return t.kind === 'equal' ? t.value : 0;
  });
  const sides = new Map<number, BandSide>();
  if (bandBasis.length > 0) {
    chooseBandAverages(
      factored,
      basisTargets,
      equalBasis.length,
      bandBasis,
      dropped,
      targets,
      rows,
      sides,
    );
  }
  const values = curveOf(kkt, solveKkt(factored, basisTargets), true);
  refine(values, factored, basisTargets);
  return describeSolution(values, coefficients, targets, rows, dropped, sides);
};

/**
 * Equality rows first (the band QP holds them fixed), then shorter deliveries before longer ones, so a dependent
 * row is the one a trader calls derived: Q1 from Jan, Feb and Mar, not March from Q1, Jan and Feb.
 */
const keepFirstOrder = (rows: readonly AveragingRow[], isEqual: (k: number) => boolean): number[] =>
  rows
    .map((row, k) => ({ k, equal: isEqual(k), length: row.to - row.from }))
    .sort((a, b) => Number(b.equal) - Number(a.equal) || a.length - b.length || a.k - b.k)
    .map((r) => r.k);

/** Solves the box QP and writes the band rows' averages into `basisTargets` (after the equality rows). */
const chooseBandAverages = (
  factored: FactoredKkt,
  basisTargets: Float64Array,
  equalCount: number,
  bandBasis: readonly number[],
  dropped: readonly DroppedRow[],
  targets: readonly RowTarget[],
  rows: readonly AveragingRow[],
  sides: Map<number, BandSide>,
): void => {
  const bandOf = (k: number) => targets[k] as Extract<RowTarget, { kind: 'band' }>;
  const bandPosition = new Map(bandBasis.map((k, i) => [k, i]));
  const viaBands = dropped.filter((d) => d.implied === null);
  const linear = viaBands.map((d): LinearBand => {
    const coefficients = new Float64Array(bandBasis.length);
    let offset = 0;
    d.dependency.basisRows.forEach((k, j) => {
      const c = d.dependency.coefficients[j]!;
      const t = targets[k]!;
      const position = bandPosition.get(k);
      if (position !== undefined) {
        coefficients[position] = c;
      } else if (t.kind === 'equal') {
        offset += c * t.value;
      }
    });
    const { low, high } = bandOf(d.row);
    return { coefficients, offset, low, high };
  });
  const solution = solveBandQp({
    center: equalityOnlyAverages(factored, basisTargets),
    lower: unscaledLower(factored.band!),
    low: Float64Array.from(bandBasis, (k) => bandOf(k).low),
    high: Float64Array.from(bandBasis, (k) => bandOf(k).high),
    linear,
  });
  if (solution === null) {
    const involved = viaBands.flatMap((d) => [d.row, ...d.members]);
    throw curveInfeasible(
      'contradictory',
      `The bid/ask bands cannot all hold at once: ${viaBands
        .map(
          (d) =>
            `${rows[d.row]!.label} is a combination of ${d.members.map((k) => rows[k]!.label).join(', ')}`,
        )
        .join('; ')}, and no averages satisfy every band`,
      involved,
      rows,
    );
  }
  basisTargets.set(solution.averages, equalCount);
  bandBasis.forEach((k, i) => sides.set(k, solution.boxSides[i]!));
  viaBands.forEach((d, l) => sides.set(d.row, solution.linearSides[l]!));
};

/**
 * One step of iterative refinement: the averages' rounding error δ is mapped back through the same factorisation
 * (Δx = the curve change that moves the averages by δ at least cost), which takes the residuals to ~1e-14.
 */
const refine = (values: Float64Array, factored: FactoredKkt, basisTargets: Float64Array): void => {
  const { rows } = factored.kkt;
  const error = Float64Array.from(rows, (row, i) => basisTargets[i]! - applyRow(row, values));
  const correction = curveOf(factored.kkt, solveKkt(factored, error, false), false);
  for (let t = 0; t < values.length; t++) {
    values[t] = values[t]! + correction[t]!;
  }
};

const describeSolution = (
  values: Float64Array,
  coefficients: readonly AveragingCoefficients[],
  targets: readonly RowTarget[],
  rows: readonly AveragingRow[],
  dropped: readonly DroppedRow[],
  sides: ReadonlyMap<number, BandSide>,
): SmoothPriorSolution => {
  const averages = Float64Array.from(coefficients, (row) => applyRow(row, values));
  const scale = targets.reduce(
    (m, t) =>
      Math.max(
        m,
        t.kind === 'equal' ? Math.abs(t.value) : Math.max(Math.abs(t.low), Math.abs(t.high)),
      ),
    Number.MIN_VALUE,
  );
  const residuals = Float64Array.from(targets, (t, k) => {
    const g = averages[k]!;
    return t.kind === 'equal' ? g - t.value : g - Math.min(Math.max(g, t.low), t.high);
  });
  const missed = targets.flatMap((t, k) => {
    const level =
      t.kind === 'equal' ? Math.abs(t.value) : Math.max(Math.abs(t.low), Math.abs(t.high));
    return Math.abs(residuals[k]!) > REPRODUCTION_TOLERANCE * Math.max(level, scale) ? [k] : [];
  });
  if (missed.length > 0) {
    throw curveInfeasible(
      'ill-conditioned',
      `The curve misses ${missed.map((k) => `${rows[k]!.label} by ${residuals[k]!.toExponential(2)}`).join(', ')}; ` +
        'the rows are too close to dependent (or the prior weight too small) for a reliable solve',
      missed,
      rows,
    );
  }
  const binding = targets.map((t, k): RowBinding => {
    if (t.kind === 'equal') {
      return 'equal';
    }
    const side = sides.get(k);
    if (side !== undefined) {
      return side;
    }
    // A band row fixed by equality rows: it binds nothing, but report it at an edge when it sits there.
    const g = averages[k]!;
    const edge = REPRODUCTION_TOLERANCE * Math.max(Math.abs(t.low), Math.abs(t.high), scale);
    return g <= t.low + edge ? 'low' : g >= t.high - edge ? 'high' : 'inside';
  });
  const redundant: RedundantRow[] = dropped
    .map((d) => ({ row: d.row, combinationOf: d.members }))
    .sort((a, b) => a.row - b.row);
  return { values, averages, residuals, binding, redundant };
};
