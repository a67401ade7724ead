import { describe, expect, it } from 'vitest';
import { CurveInfeasibleError } from './curve-infeasible-error.js';
import { solveSmoothPrior } from './smooth-prior.js';
import type { AveragingRow, RowTarget, SmoothPriorProblem } from './smooth-prior-problem.js';
import { benchmarkProblem, contractRow, fullQuadprogSolve } from './test-support.js';
import { weightedAverages } from './weighted-averages.js';

const maxAbsDifference = (a: Float64Array, b: Float64Array): number =>
  a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);

/** A row over [from, to) with uneven weights, so the tests do not lean on plain means. */
const unevenRow = (from: number, to: number, label: string): AveragingRow => ({
  from,
  to,
  weights: Float64Array.from({ length: to - from }, (_, i) => 1 + ((from + i) % 3)),
  label,
});

/** n = 30, a wavy prior, six overlapping rows: one equality, five bands. */
const smallProblem = (breaks?: number[]): SmoothPriorProblem => {
  const rows = [
    unevenRow(0, 5, 'A'),
    unevenRow(5, 10, 'B'),
    unevenRow(10, 20, 'C'),
    unevenRow(15, 30, 'D'),
    unevenRow(3, 12, 'E'),
    unevenRow(22, 26, 'F'),
  ];
  const targets: RowTarget[] = [
    { kind: 'band', low: 30, high: 31 },
    { kind: 'equal', value: 55 },
    { kind: 'band', low: 44, high: 46 },
    { kind: 'band', low: 30, high: 60 },
    { kind: 'band', low: 41, high: 42 },
    { kind: 'band', low: 48, high: 49 },
  ];
  return {
    n: 30,
    prior: Float64Array.from({ length: 30 }, (_, t) => 40 + 10 * Math.sin(t / 4)),
    priorWeight: 0.3,
    smoothness: 2,
    rows,
    targets,
    ...(breaks ? { breaks } : {}),
  };
};

/** Every band row inside its band (to rounding), every equality row met. */
const expectTargetsHeld = (problem: SmoothPriorProblem, values: Float64Array) => {
  const averages = weightedAverages(values, problem.rows);
  problem.targets.forEach((t, k) => {
    const g = averages[k]!;
    if (t.kind === 'equal') {
      expect(Math.abs(g - t.value)).toBeLessThanOrEqual(1e-9 * Math.abs(t.value));
    } else {
      expect(g).toBeGreaterThanOrEqual(t.low - 1e-9 * Math.abs(t.low));
      expect(g).toBeLessThanOrEqual(t.high + 1e-9 * Math.abs(t.high));
    }
  });
};

describe('solveSmoothPrior with bid/ask bands', () => {
  it.each([[undefined], [[12]]])(
    'equals the full n-variable QP solved by quadprog (breaks %j)',
    (breaks) => {
      const problem = smallProblem(breaks);
      const solution = solveSmoothPrior(problem);
      expect(maxAbsDifference(solution.values, fullQuadprogSolve(problem))).toBeLessThan(1e-8);
      expectTargetsHeld(problem, solution.values);
      expect(solution.binding).toContain('low');
      expect(solution.binding).toContain('high');
      expect(solution.binding[1]).toBe('equal');
    },
  );

  it('reports the side that binds and snaps binding rows to the edge exactly', () => {
    // A flat prior at 50 with a strong pull: A must come down to its ask, B up to its bid, C is left alone.
    const rows = [unevenRow(0, 10, 'A'), unevenRow(20, 30, 'B'), unevenRow(40, 50, 'C')];
    const problem: SmoothPriorProblem = {
      n: 50,
      prior: new Float64Array(50).fill(50),
      priorWeight: 1,
      smoothness: 1,
      rows,
      targets: [
        { kind: 'band', low: 40, high: 41 },
        { kind: 'band', low: 60, high: 61 },
        { kind: 'band', low: 45, high: 55 },
      ],
    };
    const solution = solveSmoothPrior(problem);
    expect(solution.binding).toEqual(['high', 'low', 'inside']);
    expect(solution.averages[0]).toBeCloseTo(41, 12);
    expect(solution.averages[1]).toBeCloseTo(60, 12);
    expect(solution.averages[2]).toBeGreaterThan(45);
    expect(solution.averages[2]).toBeLessThan(55);
    expect(Array.from(solution.residuals).map((r) => Math.abs(r) < 1e-12)).toEqual([
      true,
      true,
      true,
    ]);
    expect(maxAbsDifference(solution.values, fullQuadprogSolve(problem))).toBeLessThan(1e-8);
  });

  it('daily benchmark with ±0.25 bands around every price: bands respected, several bind', () => {
    const base = benchmarkProblem('day');
    const targets = base.targets.map((t, k): RowTarget => {
      const price = t.kind === 'equal' ? t.value : Number.NaN;
      return k === 12 ? t : { kind: 'band', low: price - 0.25, high: price + 0.25 };
    });
    const problem = { ...base, targets };
    const solution = solveSmoothPrior(problem);
    expectTargetsHeld(problem, solution.values);
    expect(solution.binding[12]).toBe('equal');
    expect(solution.binding.filter((b) => b === 'low' || b === 'high').length).toBeGreaterThan(3);
    // With the bands wider the curve is smoother: a band can only lower the optimal cost.
    const pinned = solveSmoothPrior(base);
    const roughness = (x: Float64Array) =>
      x.reduce(
        (s, _, t) =>
          t >= 1 && t < x.length - 1 ? s + (x[t - 1]! - 2 * x[t]! + x[t + 1]!) ** 2 : s,
        0,
      );
    expect(roughness(solution.values)).toBeLessThan(roughness(pinned.values));
  });

  it('a band with bid = ask is an equality', () => {
    const problem = smallProblem();
    const targets = problem.targets.map((t, k): RowTarget =>
      k === 2 ? { kind: 'band', low: 45, high: 45 } : t,
    );
    const solution = solveSmoothPrior({ ...problem, targets });
    expect(solution.binding[2]).toBe('equal');
    expect(solution.averages[2]).toBeCloseTo(45, 12);
  });
});

describe('solveSmoothPrior: bands on rows that are combinations of others', () => {
  const months = (granularity: 'day') =>
    [
      { label: 'Jan-2027', startYear: 2027, startMonth: 0, months: 1 },
      { label: 'Feb-2027', startYear: 2027, startMonth: 1, months: 1 },
      { label: 'Mar-2027', startYear: 2027, startMonth: 2, months: 1 },
      { label: 'Q1-2027', startYear: 2027, startMonth: 0, months: 3 },
    ].map((s) => contractRow(granularity, s));
  const problemWith = (targets: RowTarget[]): SmoothPriorProblem => {
    const rows = months('day');
    const n = rows[3]!.to + 60;
    return {
      n,
      prior: Float64Array.from({ length: n }, (_, t) => 50 + 5 * Math.cos(t / 20)),
      priorWeight: 0.01,
      smoothness: 1,
      rows,
      targets,
    };
  };

  it('Q1 quoted as a band over banded months: a constraint of the QP, met and reported redundant', () => {
    const problem = problemWith([
      { kind: 'band', low: 50, high: 52 },
      { kind: 'band', low: 49, high: 51 },
      { kind: 'band', low: 48, high: 53 },
      { kind: 'band', low: 51.5, high: 51.6 },
    ]);
    const solution = solveSmoothPrior(problem);
    expectTargetsHeld(problem, solution.values);
    expect(solution.redundant).toEqual([{ row: 3, combinationOf: [0, 1, 2] }]);
    expect(['low', 'high']).toContain(solution.binding[3]);
  });

  it('a month quoted as a band while Q1 and the other months are settled: fixed, checked, redundant', () => {
    // Jan 52, Feb 50, Q1 51 fix March at (90·51 − 31·52 − 28·50)/31 = 50.903…
    const problem = problemWith([
      { kind: 'equal', value: 52 },
      { kind: 'equal', value: 50 },
      { kind: 'band', low: 50.5, high: 51.5 },
      { kind: 'equal', value: 51 },
    ]);
    const solution = solveSmoothPrior(problem);
    expect(solution.averages[2]).toBeCloseTo((90 * 51 - 31 * 52 - 28 * 50) / 31, 9);
    expect(solution.binding[2]).toBe('inside');
    expect(solution.redundant).toEqual([{ row: 2, combinationOf: [0, 1, 3] }]);
  });

  it('throws contradictory when the settled rows fix a band row outside its band', () => {
    const problem = problemWith([
      { kind: 'equal', value: 52 },
      { kind: 'equal', value: 50 },
      { kind: 'band', low: 51.5, high: 52 },
      { kind: 'equal', value: 51 },
    ]);
    let error: unknown;
    try {
      solveSmoothPrior(problem);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CurveInfeasibleError);
    const infeasible = error as CurveInfeasibleError;
    expect(infeasible.reason).toBe('contradictory');
    expect(infeasible.rows).toEqual([0, 1, 2, 3]);
    expect(infeasible.message).toBe(
      'Mar-2027 (bid 51.50 / ask 52.00) cannot hold: Jan-2027, Feb-2027, Q1-2027 fix its average at 50.90, below the bid 51.50',
    );
  });

  it('throws contradictory, naming all four rows, when banded months cannot average into the Q1 band', () => {
    const problem = problemWith([
      { kind: 'band', low: 50, high: 51 },
      { kind: 'band', low: 50, high: 51 },
      { kind: 'band', low: 50, high: 51 },
      { kind: 'band', low: 60, high: 61 },
    ]);
    expect(() => solveSmoothPrior(problem)).toThrow(
      expect.objectContaining({
        reason: 'contradictory',
        rows: [0, 1, 2, 3],
        labels: ['Jan-2027', 'Feb-2027', 'Mar-2027', 'Q1-2027'],
        message: expect.stringContaining(
          'Q1-2027 is a combination of Jan-2027, Feb-2027, Mar-2027',
        ),
      }),
    );
  });
});
