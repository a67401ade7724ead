import { Matrix, solve } from 'ml-matrix';
import quadprog from 'quadprog';
import type { AveragingRow, RowTarget, SmoothPriorProblem } from './smooth-prior-problem.js';

/**
 * Test inputs and independent reference solves for the solver's tests. The benchmark case is curves.md §3: a
 * forward curve from 2026-01 to 2050-12 with 40 overlapping contracts (months Jan–Jun-26, quarters Q3-26..Q2-27,
 * calendars Cal-27..Cal-50, winters Win-28..Win-33 = Oct..Mar), delivery weights = days (or hours), λ = 1,
 * ω = 0.01 and a seasonal prior.
 */

export type Granularity = 'month' | 'day' | 'hour';

const GRID_START_MS = Date.UTC(2026, 0, 1);
const GRID_END_MS = Date.UTC(2051, 0, 1);
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** A contract delivering from the first of (year, month) up to, not including, the first of the end month. */
export interface MonthSpan {
  readonly label: string;
  readonly startYear: number;
  readonly startMonth: number;
  readonly months: number;
}

/** Grid index of the first of (year, month0) at a granularity (months may run past 11: Date.UTC rolls over). */
export const gridIndex = (granularity: Granularity, year: number, month0: number): number => {
  if (granularity === 'month') {
    return (year - 2026) * 12 + month0;
  }
  const ms = Date.UTC(year, month0, 1) - GRID_START_MS;
  return granularity === 'day' ? ms / DAY_MS : ms / HOUR_MS;
};

export const gridSize = (granularity: Granularity): number =>
  granularity === 'month'
    ? 300
    : (GRID_END_MS - GRID_START_MS) / (granularity === 'day' ? DAY_MS : HOUR_MS);

/** Delivery weight of a grid point: days in the month on a monthly grid, else 1 (one day or one hour). */
const pointWeight = (granularity: Granularity, index: number): number => {
  if (granularity !== 'month') {
    return 1;
  }
  const year = 2026 + Math.floor(index / 12);
  const month0 = index % 12;
  return (Date.UTC(year, month0 + 1, 1) - Date.UTC(year, month0, 1)) / DAY_MS;
};

export const contractRow = (granularity: Granularity, span: MonthSpan): AveragingRow => {
  const from = gridIndex(granularity, span.startYear, span.startMonth);
  const to = gridIndex(granularity, span.startYear, span.startMonth + span.months);
  const weights = Float64Array.from({ length: to - from }, (_, i) =>
    pointWeight(granularity, from + i),
  );
  return { from, to, weights, label: span.label };
};

const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** The 40 benchmark contracts with a plausible price each (forward-looking power prices, $/MWh). */
export const benchmarkSpans = (): { span: MonthSpan; price: number }[] => {
  const monthPrices = [68.4, 63.1, 52.75, 44.2, 41.9, 47.35];
  const months = monthPrices.map((price, m) => ({
    span: { label: `${MONTH_NAMES[m]}-26`, startYear: 2026, startMonth: m, months: 1 },
    price,
  }));
  const quarterPrices = [61.5, 55.25, 64.8, 45.6];
  const quarters = quarterPrices.map((price, q) => {
    const first = 6 + 3 * q;
    const year = 2026 + Math.floor(first / 12);
    return {
      span: {
        label: `Q${(first % 12) / 3 + 1}-${year - 2000}`,
        startYear: year,
        startMonth: first % 12,
        months: 3,
      },
      price,
    };
  });
  const cals = Array.from({ length: 24 }, (_, i) => ({
    span: { label: `Cal-${27 + i}`, startYear: 2027 + i, startMonth: 0, months: 12 },
    price: 54.3 + 0.85 * i + (i % 3) * 0.4,
  }));
  const winters = Array.from({ length: 6 }, (_, i) => ({
    span: { label: `Win-${28 + i}`, startYear: 2028 + i, startMonth: 9, months: 6 },
    price: 63.9 + 1.1 * i,
  }));
  return [...months, ...quarters, ...cals, ...winters];
};

/** Seasonal prior: winter and summer peaks around a slowly rising level, in continuous time. */
export const seasonalPrior = (granularity: Granularity): Float64Array => {
  const n = gridSize(granularity);
  const yearsPerPoint =
    granularity === 'month' ? 1 / 12 : granularity === 'day' ? 1 / 365.25 : 1 / 8766;
  return Float64Array.from({ length: n }, (_, t) => {
    const years = (t + 0.5) * yearsPerPoint;
    return 50 + 0.6 * years + 9 * Math.cos(4 * Math.PI * years) + 4 * Math.cos(2 * Math.PI * years);
  });
};

/** The benchmark problem at a granularity (equality rows at the benchmark prices). */
export const benchmarkProblem = (granularity: Granularity): SmoothPriorProblem => {
  const contracts = benchmarkSpans();
  return {
    n: gridSize(granularity),
    prior: seasonalPrior(granularity),
    priorWeight: 0.01,
    smoothness: 1,
    rows: contracts.map((c) => contractRow(granularity, c.span)),
    targets: contracts.map((c): RowTarget => ({ kind: 'equal', value: c.price })),
  };
};

/** Q = 2(Ω + λ·D2ᵀD2) as a dense matrix (no second difference across a break). */
export const denseHessian = (problem: SmoothPriorProblem): Matrix => {
  const { n, smoothness } = problem;
  const omega = (t: number) =>
    typeof problem.priorWeight === 'number' ? problem.priorWeight : problem.priorWeight[t]!;
  const breaks = new Set(problem.breaks ?? []);
  const q = Matrix.zeros(n, n);
  for (let t = 0; t < n; t++) {
    q.set(t, t, 2 * omega(t));
  }
  for (let c = 1; c < n - 1; c++) {
    if (breaks.has(c) || breaks.has(c + 1)) {
      continue;
    }
    const stencil: [number, number][] = [
      [c - 1, 1],
      [c, -2],
      [c + 1, 1],
    ];
    for (const [i, a] of stencil) {
      for (const [j, b] of stencil) {
        q.set(i, j, q.get(i, j) + 2 * smoothness * a * b);
      }
    }
  }
  return q;
};

/** Row k's averaging coefficients as a dense vector. */
const denseRow = (row: AveragingRow, n: number): number[] => {
  const total = row.weights.reduce((s, w) => s + w, 0);
  return Array.from({ length: n }, (_, t) =>
    t >= row.from && t < row.to ? row.weights[t - row.from]! / total : 0,
  );
};

/** Reference for equality problems: the full (n+M)×(n+M) KKT system solved by dense LU. */
export const denseKktSolve = (problem: SmoothPriorProblem): Float64Array => {
  const { n, rows } = problem;
  const m = rows.length;
  const omega = (t: number) =>
    typeof problem.priorWeight === 'number' ? problem.priorWeight : problem.priorWeight[t]!;
  const kkt = Matrix.zeros(n + m, n + m);
  kkt.setSubMatrix(denseHessian(problem), 0, 0);
  const rhs = Matrix.zeros(n + m, 1);
  for (let t = 0; t < n; t++) {
    rhs.set(t, 0, 2 * omega(t) * problem.prior[t]!);
  }
  rows.forEach((row, k) => {
    denseRow(row, n).forEach((a, t) => {
      kkt.set(n + k, t, a);
      kkt.set(t, n + k, a);
    });
    const target = problem.targets[k]!;
    if (target.kind !== 'equal') {
      throw new Error('denseKktSolve handles equality rows only');
    }
    rhs.set(n + k, 0, target.value);
  });
  return Float64Array.from(solve(kkt, rhs).getColumn(0).slice(0, n));
};

/** Reference for band problems: quadprog over all n grid values (needs ω > 0 so that Q is definite). */
export const fullQuadprogSolve = (problem: SmoothPriorProblem): Float64Array => {
  const { n, rows, targets } = problem;
  const omega = (t: number) =>
    typeof problem.priorWeight === 'number' ? problem.priorWeight : problem.priorWeight[t]!;
  const q = denseHessian(problem);
  const dmat = [[], ...Array.from({ length: n }, (_, i) => [0, ...q.getRow(i)])];
  const dvec = [0, ...Array.from({ length: n }, (_, t) => 2 * omega(t) * problem.prior[t]!)];
  const columns: number[][] = [];
  const bounds: number[] = [];
  const order = [...targets.keys()].sort(
    (a, b) => Number(targets[b]!.kind === 'equal') - Number(targets[a]!.kind === 'equal'),
  );
  let meq = 0;
  for (const k of order) {
    const a = denseRow(rows[k]!, n);
    const target = targets[k]!;
    if (target.kind === 'equal') {
      columns.push(a);
      bounds.push(target.value);
      meq++;
    } else {
      columns.push(
        a,
        a.map((v) => -v),
      );
      bounds.push(target.low, -target.high);
    }
  }
  const amat = [[], ...Array.from({ length: n }, (_, t) => [0, ...columns.map((c) => c[t]!)])];
  const result = quadprog.solveQP(dmat, dvec, amat, [0, ...bounds], meq);
  if (result.message !== '') {
    throw new Error(`reference quadprog failed: ${result.message}`);
  }
  return Float64Array.from(result.solution.slice(1));
};
