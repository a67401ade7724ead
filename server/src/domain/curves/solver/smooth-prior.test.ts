import { Matrix, solve } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { solveSmoothPrior } from './smooth-prior.js';
import type {
  AveragingRow,
  RowTarget,
  SmoothPriorProblem,
  SmoothPriorSolution,
} from './smooth-prior-problem.js';
import {
  benchmarkProblem,
  benchmarkSpans,
  contractRow,
  denseKktSolve,
  seasonalPrior,
  type Granularity,
} from './test-support.js';
import { weightedAverages } from './weighted-averages.js';

/** Largest |average − price| / |price| over the equality rows, measured from the raw weights. */
const worstRelativeMiss = (problem: SmoothPriorProblem, values: Float64Array): number => {
  const averages = weightedAverages(values, problem.rows);
  return problem.targets.reduce(
    (worst, t, k) =>
      t.kind === 'equal'
        ? Math.max(worst, Math.abs(averages[k]! - t.value) / Math.abs(t.value))
        : worst,
    0,
  );
};

const maxAbsDifference = (a: Float64Array, b: Float64Array): number =>
  a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);

const omegaAt = (problem: SmoothPriorProblem, t: number): number =>
  typeof problem.priorWeight === 'number' ? problem.priorWeight : problem.priorWeight[t]!;

/**
 * Optimality without a dense solve: at the optimum the gradient r = 2Ω(x − s) + 2λ·D2ᵀD2·x lies in the span of
 * the rows (r = −Aᵀμ). Returns |r + Aᵀμ|∞ / |r|∞ for the least-squares μ.
 */
const stationarityGap = (problem: SmoothPriorProblem, x: Float64Array): number => {
  const { n, smoothness, rows } = problem;
  const d2 = Float64Array.from({ length: n }, (_, c) =>
    c >= 1 && c < n - 1 ? x[c - 1]! - 2 * x[c]! + x[c + 1]! : 0,
  );
  const gradient = Float64Array.from({ length: n }, (_, t) => {
    let g = 2 * omegaAt(problem, t) * (x[t]! - problem.prior[t]!);
    for (const c of [t - 1, t, t + 1]) {
      if (c >= 1 && c < n - 1) {
        g += 2 * smoothness * (c === t ? -2 : 1) * d2[c]!;
      }
    }
    return g;
  });
  const dense = rows.map((row) => {
    const total = row.weights.reduce((s, w) => s + w, 0);
    return (t: number) => (t >= row.from && t < row.to ? row.weights[t - row.from]! / total : 0);
  });
  const m = rows.length;
  const normal = Matrix.zeros(m, m);
  const rhs = Matrix.zeros(m, 1);
  for (let t = 0; t < n; t++) {
    for (let i = 0; i < m; i++) {
      const ai = dense[i]!(t);
      if (ai === 0) {
        continue;
      }
      rhs.set(i, 0, rhs.get(i, 0) - ai * gradient[t]!);
      for (let j = 0; j < m; j++) {
        normal.set(i, j, normal.get(i, j) + ai * dense[j]!(t));
      }
    }
  }
  const mu = solve(normal, rhs).getColumn(0);
  let gap = 0;
  let size = 0;
  for (let t = 0; t < n; t++) {
    const residual = gradient[t]! + mu.reduce((s, v, i) => s + v * dense[i]!(t), 0);
    gap = Math.max(gap, Math.abs(residual));
    size = Math.max(size, Math.abs(gradient[t]!));
  }
  return gap / size;
};

const flatTargets = (count: number, price: number): RowTarget[] =>
  Array.from({ length: count }, () => ({ kind: 'equal', value: price }));

const expectAllClose = (values: Float64Array, value: number, relative: number) => {
  const worst = values.reduce((m, v) => Math.max(m, Math.abs(v - value)), 0);
  expect(worst / Math.abs(value)).toBeLessThanOrEqual(relative);
};

describe('solveSmoothPrior: flat and linear data', () => {
  it('flat in, flat out: every contract at 84.54 and a flat prior give 84.54 everywhere', () => {
    const base = benchmarkProblem('month');
    const problem = {
      ...base,
      prior: new Float64Array(base.n).fill(84.54),
      targets: flatTargets(base.rows.length, 84.54),
    };
    expectAllClose(solveSmoothPrior(problem).values, 84.54, 1e-12);
  });

  it.each<Granularity>(['month', 'day'])(
    'flat in, flat out with no prior weight (ω = 0, %s grid): the seasonal prior is ignored',
    (granularity) => {
      const base = benchmarkProblem(granularity);
      const problem = { ...base, priorWeight: 0, targets: flatTargets(base.rows.length, 84.54) };
      const solution = solveSmoothPrior(problem);
      expectAllClose(solution.values, 84.54, 1e-12);
      expect(solution.binding.every((b) => b === 'equal')).toBe(true);
    },
  );

  it('linear stays linear: daily contracts 45.7 + 0.8·i on an hourly grid with ω = 0', () => {
    const days = 90;
    const rows: AveragingRow[] = Array.from({ length: days }, (_, i) => ({
      from: 24 * i,
      to: 24 * (i + 1),
      weights: new Float64Array(24).fill(1),
      label: `day ${i}`,
    }));
    const solution = solveSmoothPrior({
      n: 24 * days,
      prior: seasonalPrior('hour').subarray(0, 24 * days),
      priorWeight: 0,
      smoothness: 1,
      rows,
      targets: rows.map((_, i) => ({ kind: 'equal', value: 45.7 + 0.8 * i })),
    });
    const values = solution.values;
    for (let t = 1; t < values.length; t++) {
      expect(Math.abs(values[t]! - values[t - 1]! - 0.8 / 24)).toBeLessThanOrEqual(1e-9);
    }
    // The line through the daily means: hour 11.5 of day 0 is at 45.7.
    expect(values[0]).toBeCloseTo(45.7 - 11.5 * (0.8 / 24), 9);
  });

  it('a prior that already meets every contract comes back unchanged, whatever λ', () => {
    const base = benchmarkProblem('day');
    const prior = Float64Array.from({ length: base.n }, (_, t) => 30 + 0.004 * t);
    const targets = base.rows.map((row): RowTarget => {
      const mid = (row.from + row.to - 1) / 2;
      return { kind: 'equal', value: 30 + 0.004 * mid };
    });
    const solution = solveSmoothPrior({ ...base, prior, targets, smoothness: 1000 });
    expect(maxAbsDifference(solution.values, prior)).toBeLessThan(1e-11);
  });
});

describe('solveSmoothPrior: the benchmark curve (curves.md §3, 40 overlapping contracts to 2050)', () => {
  it('monthly: equals the dense KKT solve and reproduces every contract to 1e-9', () => {
    const problem = benchmarkProblem('month');
    const solution = solveSmoothPrior(problem);
    expect(problem.n).toBe(300);
    expect(worstRelativeMiss(problem, solution.values)).toBeLessThan(1e-12);
    expect(maxAbsDifference(solution.values, denseKktSolve(problem))).toBeLessThan(1e-9);
    expect(
      maxAbsDifference(solution.averages, weightedAverages(solution.values, problem.rows)),
    ).toBeLessThan(1e-12);
    solution.residuals.forEach((r, k) => {
      const t = problem.targets[k]!;
      expect(t.kind === 'equal' && Math.abs(r) <= 1e-9 * Math.abs(t.value)).toBe(true);
    });
    expect(solution.redundant).toEqual([]);
  });

  it('monthly with ω = 0: equals the dense KKT solve, although Q is singular', () => {
    const problem = { ...benchmarkProblem('month'), priorWeight: 0 };
    const solution = solveSmoothPrior(problem);
    expect(worstRelativeMiss(problem, solution.values)).toBeLessThan(1e-12);
    expect(maxAbsDifference(solution.values, denseKktSolve(problem))).toBeLessThan(1e-8);
  });

  it('daily (n = 9131): reproduces every contract and is optimal (gradient in the span of the rows)', () => {
    const problem = benchmarkProblem('day');
    expect(problem.n).toBe(9131);
    const solution = solveSmoothPrior(problem);
    expect(worstRelativeMiss(problem, solution.values)).toBeLessThan(1e-9);
    expect(stationarityGap(problem, solution.values)).toBeLessThan(1e-8);
  });

  it('daily with ω = 0: reproduces every contract and is optimal', () => {
    const problem = { ...benchmarkProblem('day'), priorWeight: 0 };
    const solution = solveSmoothPrior(problem);
    expect(worstRelativeMiss(problem, solution.values)).toBeLessThan(1e-9);
    expect(stationarityGap(problem, solution.values)).toBeLessThan(1e-7);
  });

  it('hourly (n = 219,144): reproduces every contract to 1e-9', () => {
    const problem = benchmarkProblem('hour');
    expect(problem.n).toBe(219_144);
    const solution = solveSmoothPrior(problem);
    expect(worstRelativeMiss(problem, solution.values)).toBeLessThan(1e-9);
    // Between the quotes the curve follows the prior's shape: Cal-27's hours average to its price, but vary.
    const cal27 = problem.rows[10]!;
    const hours = solution.values.subarray(cal27.from, cal27.to);
    expect(Math.max(...hours) - Math.min(...hours)).toBeGreaterThan(5);
  });
});

describe('solveSmoothPrior: awkward inputs', () => {
  it('negative prices work: contracts at −5 and 3', () => {
    const rows = [
      contractRow('day', { label: 'Apr-27', startYear: 2027, startMonth: 3, months: 1 }),
      contractRow('day', { label: 'May-27', startYear: 2027, startMonth: 4, months: 1 }),
      contractRow('day', { label: 'Q2-27', startYear: 2027, startMonth: 3, months: 3 }),
    ];
    for (const priorWeight of [0, 0.05]) {
      const problem: SmoothPriorProblem = {
        n: rows[2]!.to + 30,
        prior: new Float64Array(rows[2]!.to + 30).fill(10),
        priorWeight,
        smoothness: 1,
        rows,
        targets: [
          { kind: 'equal', value: -5 },
          { kind: 'equal', value: 3 },
          { kind: 'equal', value: -0.4 },
        ],
      };
      const solution = solveSmoothPrior(problem);
      const averages = weightedAverages(solution.values, rows);
      expect(averages[0]).toBeCloseTo(-5, 10);
      expect(averages[1]).toBeCloseTo(3, 10);
      expect(averages[2]).toBeCloseTo(-0.4, 10);
      expect(Math.min(...solution.values.subarray(rows[0]!.from, rows[0]!.to))).toBeLessThan(-5);
    }
  });

  it.each<[Granularity, number]>([
    ['hour', 0.01],
    ['day', 0],
  ])(
    'a row touching only one or three points keeps full accuracy (%s grid, ω = %s)',
    (granularity, priorWeight) => {
      const base = benchmarkProblem(granularity);
      const perDay = granularity === 'hour' ? 24 : 1;
      // One point next to year-long rows whose coefficients are 1/8760: equilibration keeps them comparable.
      const onePoint: AveragingRow = {
        from: perDay * 400,
        to: perDay * 400 + 1,
        weights: Float64Array.of(1),
        label: 'one point',
      };
      const threePoints: AveragingRow = {
        from: perDay * 500,
        to: perDay * 500 + 3,
        weights: Float64Array.of(0.2, 0, 5),
        label: 'odd block',
      };
      const problem: SmoothPriorProblem = {
        ...base,
        priorWeight,
        rows: [...base.rows, onePoint, threePoints],
        targets: [...base.targets, { kind: 'equal', value: 123.4 }, { kind: 'equal', value: 12.5 }],
      };
      const solution = solveSmoothPrior(problem);
      expect(worstRelativeMiss(problem, solution.values)).toBeLessThan(1e-9);
      expect(solution.values[onePoint.from]).toBeCloseTo(123.4, 9);
    },
  );

  it('a row on a segment end (the first month of a monthly grid) is met with ω = 0', () => {
    const problem = { ...benchmarkProblem('month'), priorWeight: 0 };
    const solution = solveSmoothPrior(problem);
    expect(problem.rows[0]!.from).toBe(0);
    expect(solution.values[0]).toBeCloseTo(benchmarkSpans()[0]!.price, 10);
  });

  it('breaks: stacked curves are solved as independent curves, joined only by rows that span them', () => {
    const month = benchmarkProblem('month');
    const n = 2 * month.n;
    const shifted = (row: AveragingRow, by: number, label: string): AveragingRow => ({
      ...row,
      from: row.from + by,
      to: row.to + by,
      label,
    });
    const priorWeight = Float64Array.from({ length: n }, (_, t) => (t < month.n ? 0.01 : 0));
    const stacked: SmoothPriorProblem = {
      n,
      prior: Float64Array.from({ length: n }, (_, t) => month.prior[t % month.n]!),
      priorWeight,
      smoothness: 1,
      rows: [...month.rows, ...month.rows.map((r) => shifted(r, month.n, `${r.label} off-peak`))],
      targets: [
        ...month.targets,
        ...month.targets.map((t) => (t.kind === 'equal' ? { ...t, value: t.value - 7 } : t)),
      ],
      breaks: [month.n],
    };
    const solution = solveSmoothPrior(stacked);
    const alone = solveSmoothPrior(month);
    expect(maxAbsDifference(solution.values.subarray(0, month.n), alone.values)).toBeLessThan(
      1e-10,
    );
    const secondAlone = solveSmoothPrior({
      ...month,
      priorWeight: 0,
      targets: month.targets.map((t) => (t.kind === 'equal' ? { ...t, value: t.value - 7 } : t)),
    });
    expect(maxAbsDifference(solution.values.subarray(month.n), secondAlone.values)).toBeLessThan(
      1e-9,
    );

    // A base quote over both stacked curves (weights 16 and 8 hours a day) couples them.
    const cal30 = month.rows[13]!;
    const base: AveragingRow = {
      from: cal30.from,
      to: cal30.to + month.n,
      weights: Float64Array.from({ length: cal30.to + month.n - cal30.from }, (_, i) => {
        const t = cal30.from + i;
        return t < cal30.to ? 16 : t >= cal30.from + month.n ? 8 : 0;
      }),
      label: 'Cal-30 base',
    };
    const coupled = {
      ...stacked,
      rows: [...stacked.rows.filter((_, k) => k !== 13 + month.rows.length), base],
    };
    const targets = [
      ...stacked.targets.filter((_, k) => k !== 13 + month.rows.length),
      { kind: 'equal', value: 60 } as RowTarget,
    ];
    const withBase = solveSmoothPrior({ ...coupled, targets });
    expect(worstRelativeMiss({ ...coupled, targets }, withBase.values)).toBeLessThan(1e-12);
    expect(maxAbsDifference(withBase.values, denseKktSolve({ ...coupled, targets }))).toBeLessThan(
      1e-8,
    );
  });

  it('per-point prior weights: ω only on part of the grid', () => {
    const base = benchmarkProblem('month');
    const priorWeight = Float64Array.from({ length: base.n }, (_, t) =>
      t >= 100 && t < 200 ? 0.5 : 0,
    );
    const problem = { ...base, priorWeight };
    const solution: SmoothPriorSolution = solveSmoothPrior(problem);
    expect(maxAbsDifference(solution.values, denseKktSolve(problem))).toBeLessThan(1e-8);
  });
});

describe('weightedAverages', () => {
  it('is Σδ·x / Σδ over each row, zero weights included', () => {
    const values = Float64Array.of(10, 20, 30, 40);
    const rows: AveragingRow[] = [
      { from: 0, to: 2, weights: Float64Array.of(1, 3), label: 'a' },
      { from: 1, to: 4, weights: Float64Array.of(0, 2, 2), label: 'b' },
    ];
    expect(Array.from(weightedAverages(values, rows))).toEqual([17.5, 35]);
  });
});
