import { describe, expect, it } from 'vitest';
import { CurveInfeasibleError } from './curve-infeasible-error.js';
import { solveSmoothPrior } from './smooth-prior.js';
import type { AveragingRow, RowTarget, SmoothPriorProblem } from './smooth-prior-problem.js';
import { contractRow } from './test-support.js';
import { weightedAverages } from './weighted-averages.js';

const month = (label: string, startMonth: number, months = 1) =>
  contractRow('day', { label, startYear: 2027, startMonth, months });

/** Jan, Feb, Mar and Q1 of 2027 on a daily grid that starts 2026-01-01 (delivery weights = days). */
const quarterRows = (): AveragingRow[] => [
  month('Jan-2027', 0),
  month('Feb-2027', 1),
  month('Mar-2027', 2),
  month('Q1-2027', 0, 3),
];

const problemOf = (
  rows: AveragingRow[],
  targets: RowTarget[],
  overrides: Partial<SmoothPriorProblem> = {},
) => {
  const n = Math.max(...rows.map((r) => r.to)) + 40;
  return {
    n,
    prior: new Float64Array(n).fill(50),
    priorWeight: 0.01,
    smoothness: 1,
    rows,
    targets,
    ...overrides,
  } satisfies SmoothPriorProblem;
};

const equal = (value: number): RowTarget => ({ kind: 'equal', value });

/** The CurveInfeasibleError a solve throws (fails the test if it returns or throws something else). */
const infeasibility = (problem: SmoothPriorProblem): CurveInfeasibleError => {
  try {
    solveSmoothPrior(problem);
  } catch (error) {
    if (error instanceof CurveInfeasibleError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a CurveInfeasibleError, but the solve succeeded');
};

describe('redundant and contradictory rows', () => {
  it('drops a quarter that agrees with its months, reports it, and still meets it', () => {
    const q1 = (31 * 52.5 + 28 * 51 + 31 * 50.55) / 90;
    const problem = problemOf(quarterRows(), [equal(52.5), equal(51), equal(50.55), equal(q1)]);
    const solution = solveSmoothPrior(problem);
    expect(solution.redundant).toEqual([{ row: 3, combinationOf: [0, 1, 2] }]);
    expect(solution.binding).toEqual(['equal', 'equal', 'equal', 'equal']);
    const averages = weightedAverages(solution.values, problem.rows);
    [52.5, 51, 50.55, q1].forEach((price, k) =>
      expect(Math.abs(averages[k]! - price)).toBeLessThan(1e-10),
    );
  });

  it('accepts an agreeing quarter listed first and drops it, not a month', () => {
    const q1 = (31 * 52.5 + 28 * 51 + 31 * 50.55) / 90;
    const [jan, feb, mar, quarter] = quarterRows();
    const problem = problemOf(
      [quarter!, jan!, feb!, mar!],
      [equal(q1), equal(52.5), equal(51), equal(50.55)],
    );
    expect(solveSmoothPrior(problem).redundant).toEqual([{ row: 0, combinationOf: [1, 2, 3] }]);
  });

  it('throws contradictory for a quarter that disagrees with its months, naming all four and the gap', () => {
    const problem = problemOf(quarterRows(), [equal(52.5), equal(51), equal(50.55), equal(52)]);
    const error = infeasibility(problem);
    expect(error.reason).toBe('contradictory');
    expect(error.rows).toEqual([0, 1, 2, 3]);
    expect(error.labels).toEqual(['Jan-2027', 'Feb-2027', 'Mar-2027', 'Q1-2027']);
    expect(error.message).toBe(
      'Q1-2027 (52.00) disagrees with Jan-2027, Feb-2027, Mar-2027, whose weighted average is 51.36 (difference 0.64)',
    );
  });

  it('shows enough digits to see a small disagreement', () => {
    const q1 = (31 * 52.5 + 28 * 51 + 31 * 50.55) / 90;
    const problem = problemOf(quarterRows(), [
      equal(52.5),
      equal(51),
      equal(50.55),
      equal(q1 + 2e-6),
    ]);
    expect(infeasibility(problem).message).toMatch(
      /\(51\.361669\) disagrees .* is 51\.361667 \(difference 0\.000002\)$/,
    );
  });

  it('treats the same delivery quoted twice at different prices as contradictory', () => {
    const rows = [
      month('Cal-27 (broker A)', 0, 12),
      month('Jun-2027', 5),
      month('Cal-27 (broker B)', 0, 12),
    ];
    const error = infeasibility(problemOf(rows, [equal(55), equal(48), equal(55.1)]));
    expect(error.reason).toBe('contradictory');
    expect(error.rows).toEqual([0, 2]);
    expect(error.message).toBe(
      'Cal-27 (broker B) (55.10) disagrees with Cal-27 (broker A), which covers the same delivery at 55.00 (difference 0.10)',
    );
  });

  it('drops the second copy of a period quoted twice at the same price', () => {
    const rows = [month('Cal-27 (broker A)', 0, 12), month('Cal-27 (broker B)', 0, 12)];
    const solution = solveSmoothPrior(problemOf(rows, [equal(55), equal(55)]));
    expect(solution.redundant).toEqual([{ row: 1, combinationOf: [0] }]);
    expect(solution.residuals[1]).toBeCloseTo(0, 10);
  });

  it('describes a combination with negative coefficients as implied, not as an average', () => {
    // Feb–Mar = (59·(Jan–Feb) − 31·Jan + 31·Mar) / 59: Jan enters with a negative coefficient.
    const rows = [
      month('Jan-2027', 0),
      month('Mar-2027', 2),
      month('Jan–Feb-2027', 0, 2),
      month('Feb–Mar-2027', 1, 2),
    ];
    const error = infeasibility(problemOf(rows, [equal(52), equal(50), equal(51.5), equal(51)]));
    expect(error.rows).toEqual([0, 1, 2, 3]);
    const implied = (59 * 51.5 - 31 * 52 + 31 * 50) / 59;
    expect(error.message).toBe(
      `Feb–Mar-2027 (51.00) disagrees with Jan-2027, Mar-2027, Jan–Feb-2027, which imply ${implied.toFixed(2)} for it (difference ${(51 - implied).toFixed(2)})`,
    );
  });
});

describe('invalid rows and bands', () => {
  const base = () => problemOf(quarterRows().slice(0, 3), [equal(52), equal(51), equal(50)]);

  it('throws crossed-band naming the row whose bid is above its ask', () => {
    const problem = base();
    const targets: RowTarget[] = [equal(52), { kind: 'band', low: 51.2, high: 50.8 }, equal(50)];
    const error = infeasibility({ ...problem, targets });
    expect(error.reason).toBe('crossed-band');
    expect(error.rows).toEqual([1]);
    expect(error.message).toBe('Feb-2027: bid 51.2 is above ask 50.8; a band needs low ≤ high');
  });

  it('throws invalid-row for a row whose weights sum to zero (a bucket with no hours in the period)', () => {
    const problem = base();
    const empty: AveragingRow = {
      ...problem.rows[1]!,
      weights: new Float64Array(problem.rows[1]!.weights.length),
      label: 'Feb-2027 2x16',
    };
    const error = infeasibility({ ...problem, rows: [problem.rows[0]!, empty, problem.rows[2]!] });
    expect(error.reason).toBe('invalid-row');
    expect(error.rows).toEqual([1]);
    expect(error.labels).toEqual(['Feb-2027 2x16']);
    expect(error.message).toMatch(
      /^Feb-2027 2x16: its weights sum to 0 over grid indices \[396, 424\): the contract delivers nothing/,
    );
  });

  it.each<[string, Partial<AveragingRow>, RegExp]>([
    [
      'outside the grid',
      { from: 10, to: 100_000 },
      /grid indices \[10, 100000\) are not a non-empty range inside/,
    ],
    ['empty', { from: 10, to: 10, weights: new Float64Array(0) }, /are not a non-empty range/],
    [
      'with the wrong number of weights',
      { from: 10, to: 12, weights: Float64Array.of(1) },
      /1 weights for the 2 grid points/,
    ],
    [
      'with a negative weight',
      { from: 10, to: 12, weights: Float64Array.of(1, -1) },
      /weight -1 at grid index 11/,
    ],
    [
      'with a NaN weight',
      { from: 10, to: 12, weights: Float64Array.of(1, Number.NaN) },
      /weight NaN at grid index 11/,
    ],
  ])('throws invalid-row for a row %s', (_, change, message) => {
    const problem = base();
    const error = infeasibility({
      ...problem,
      rows: [problem.rows[0]!, { ...problem.rows[1]!, ...change }, problem.rows[2]!],
    });
    expect(error.reason).toBe('invalid-row');
    expect(error.rows).toEqual([1]);
    expect(error.message).toMatch(message);
  });

  it('throws invalid-row for a price that is not finite', () => {
    const problem = base();
    const error = infeasibility({
      ...problem,
      targets: [equal(52), equal(Number.POSITIVE_INFINITY), equal(50)],
    });
    expect(error.reason).toBe('invalid-row');
    expect(error.message).toBe('Feb-2027: price Infinity is not a finite number');
  });
});

describe('problems with no unique curve', () => {
  it('throws underdetermined with ω = 0 and a single settlement: any line through its average fits', () => {
    const rows = [month('Cal-27', 0, 12)];
    const error = infeasibility(problemOf(rows, [equal(50)], { priorWeight: 0 }));
    expect(error.reason).toBe('underdetermined');
    expect(error.rows).toEqual([0]);
    expect(error.message).toMatch(
      /^The curve on grid points 0\.\.\d+ is not unique: with no prior weight there/,
    );
  });

  it('throws underdetermined with ω = 0 and only bid/ask bands', () => {
    const rows = quarterRows().slice(0, 3);
    const bands: RowTarget[] = rows.map(() => ({ kind: 'band', low: 49, high: 51 }));
    expect(infeasibility(problemOf(rows, bands, { priorWeight: 0 })).reason).toBe(
      'underdetermined',
    );
  });

  it('throws underdetermined for a stacked curve with no settlement of its own', () => {
    const rows = quarterRows().slice(0, 3);
    const n = Math.max(...rows.map((r) => r.to)) + 40;
    const error = infeasibility(
      problemOf(rows, [equal(52), equal(51), equal(50)], {
        priorWeight: 0,
        n: 2 * n,
        prior: new Float64Array(2 * n),
        breaks: [n],
      }),
    );
    expect(error.reason).toBe('underdetermined');
    expect(error.message).toContain(`grid points ${n}..${2 * n - 1}`);
  });

  it('solves the same stacked curve once the second part has a prior weight', () => {
    const rows = quarterRows().slice(0, 3);
    const n = Math.max(...rows.map((r) => r.to)) + 40;
    const priorWeight = Float64Array.from({ length: 2 * n }, (_, t) => (t < n ? 0 : 0.2));
    const solution = solveSmoothPrior(
      problemOf(rows, [equal(52), equal(51), equal(50)], {
        priorWeight,
        n: 2 * n,
        prior: new Float64Array(2 * n).fill(7),
        breaks: [n],
      }),
    );
    // Unconstrained and pulled to a flat prior, the second curve is that prior.
    solution.values.subarray(n).forEach((v) => expect(v).toBeCloseTo(7, 12));
  });
});

describe('problem-level validation (RangeError)', () => {
  const base = () => problemOf(quarterRows().slice(0, 3), [equal(52), equal(51), equal(50)]);
  it.each<[string, (p: SmoothPriorProblem) => SmoothPriorProblem, RegExp]>([
    [
      'a grid of 2 points',
      (p) => ({ ...p, n: 2, prior: new Float64Array(2) }),
      /at least 3 points \(n\), got 2/,
    ],
    [
      'λ = 0',
      (p) => ({ ...p, smoothness: 0 }),
      /smoothness \(λ\) must be a positive finite number, got 0/,
    ],
    [
      'a NaN in the prior',
      (p) => ({ ...p, prior: Float64Array.from(p.prior, (v, t) => (t === 7 ? Number.NaN : v)) }),
      /prior\[7\] is NaN/,
    ],
    [
      'a prior of the wrong length',
      (p) => ({ ...p, prior: new Float64Array(5) }),
      /prior has 5 values for a grid of \d+ points/,
    ],
    [
      'a negative prior weight',
      (p) => ({ ...p, priorWeight: -0.1 }),
      /priorWeight \(ω\) must be finite and ≥ 0, got -0.1/,
    ],
    [
      'a negative prior weight at one point',
      (p) => ({ ...p, priorWeight: Float64Array.from(p.prior, (_, t) => (t === 3 ? -1 : 1)) }),
      /priorWeight\[3\] is -1/,
    ],
    [
      'targets that do not match the rows',
      (p) => ({ ...p, targets: p.targets.slice(1) }),
      /3 rows but 2 targets/,
    ],
    ['breaks out of order', (p) => ({ ...p, breaks: [50, 20] }), /breaks\[1\] is 20/],
  ])('rejects %s', (_, change, message) => {
    expect(() => solveSmoothPrior(change(base()))).toThrow(RangeError);
    expect(() => solveSmoothPrior(change(base()))).toThrow(message);
  });
});
