import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCurve } from '../server/src/domain/curves/curve-build.js';
import type { CurveDefinition, ForwardQuote } from '../server/src/domain/curves/curve-model.js';
import { parseDeliveryPeriod } from '../server/src/domain/curves/delivery-period.js';
import {
  solveSmoothPrior,
  type AveragingRow,
  type RowTarget,
  type SmoothPriorProblem,
} from '../server/src/domain/curves/solver/index.js';

/*
 * The curves.md §3 benchmark problem: a curve from 2026-01 through 2050-12 marked by 40 overlapping contracts
 * (Jan–Jun-26, Q3-26..Q2-27, Cal-27..Cal-50, Win-28..Win-33), day weights, a seasonal prior, λ = 1, ω = 0.01,
 * at monthly, daily and hourly granularity, with settlements (equalities) and with bid/ask bands. The same problems
 * are written to JSON and solved by SciPy (sparse KKT) and cvxopt (QP) in one run.
 */

type Granularity = 'month' | 'day' | 'hour';

interface Contract {
  readonly name: string;
  /** First day and day after the last, as days since 2026-01-01. */
  readonly firstDay: number;
  readonly endDay: number;
  readonly price: number;
}

const DAY_MS = 86_400_000;
const ORIGIN = Date.UTC(2026, 0, 1);
const END = Date.UTC(2051, 0, 1);
const dayOf = (year: number, month: number): number =>
  (Date.UTC(year, month - 1, 1) - ORIGIN) / DAY_MS;

const contracts = (): Contract[] => {
  const list: Contract[] = [];
  const add = (name: string, from: [number, number], to: [number, number], price: number) =>
    list.push({ name, firstDay: dayOf(...from), endDay: dayOf(...to), price });
  const seasonal = (month: number) => 8 * Math.cos(((month - 1) / 12) * 2 * Math.PI);
  for (let m = 1; m <= 6; m++) {
    add(`M${m}-26`, [2026, m], [2026, m + 1], 52 + seasonal(m));
  }
  for (let q = 0; q < 4; q++) {
    const month = 7 + q * 3;
    const year = 2026 + Math.floor((month - 1) / 12);
    const m = ((month - 1) % 12) + 1;
    add(`Q${(m - 1) / 3 + 1}-${year}`, [year, m], [year, m + 3], 50 + seasonal(m + 1) * 0.8);
  }
  for (let year = 2027; year <= 2050; year++) {
    add(`Cal-${year}`, [year, 1], [year + 1, 1], 50 + (year - 2027) * 0.6);
  }
  for (let year = 2028; year <= 2033; year++) {
    add(`Win-${year}`, [year, 10], [year + 1, 4], 50 + (year - 2027) * 0.6 + 4);
  }
  return list;
};

interface Grid {
  readonly n: number;
  /** Grid index of each day and the weight (days or hours) of each grid point. */
  readonly pointOfDay: (day: number) => number;
  readonly weight: Float64Array;
  readonly month: Uint8Array;
}

const gridOf = (granularity: Granularity): Grid => {
  const days = (END - ORIGIN) / DAY_MS;
  if (granularity === 'month') {
    const n = 25 * 12;
    const weight = new Float64Array(n);
    const month = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      weight[i] = (Date.UTC(2026, i + 1, 1) - Date.UTC(2026, i, 1)) / DAY_MS;
      month[i] = i % 12;
    }
    return {
      n,
      weight,
      month,
      pointOfDay: (day) => {
        const date = new Date(ORIGIN + day * DAY_MS);
        return (date.getUTCFullYear() - 2026) * 12 + date.getUTCMonth();
      },
    };
  }
  const perDay = granularity === 'day' ? 1 : 24;
  const n = days * perDay;
  const month = new Uint8Array(n);
  for (let d = 0; d < days; d++) {
    month.fill(new Date(ORIGIN + d * DAY_MS).getUTCMonth(), d * perDay, (d + 1) * perDay);
  }
  return { n, weight: new Float64Array(n).fill(1), month, pointOfDay: (day) => day * perDay };
};

const problemOf = (granularity: Granularity, bands: boolean): SmoothPriorProblem => {
  const grid = gridOf(granularity);
  const list = contracts();
  const rows: AveragingRow[] = list.map((c) => {
    const from = grid.pointOfDay(c.firstDay);
    const to = grid.pointOfDay(c.endDay);
    return { from, to, weights: grid.weight.slice(from, to), label: c.name };
  });
  const targets: RowTarget[] = list.map((c) =>
    bands
      ? { kind: 'band', low: c.price - 0.25, high: c.price + 0.25 }
      : { kind: 'equal', value: c.price },
  );
  const prior = Float64Array.from(grid.month, (m) => 50 + 8 * Math.cos((m / 12) * 2 * Math.PI));
  return { n: grid.n, prior, priorWeight: 0.01, smoothness: 1, rows, targets };
};

export interface CurveSolveRun {
  readonly case: string;
  readonly n: number;
  readonly rows: number;
  readonly ms: number;
  readonly targetMs: number | null;
  readonly peer: string | null;
  readonly peerMs: number | null;
  /** SciPy with the structure spelled out (banded Cholesky + Schur complement), equality cases only. */
  readonly structuredPeerMs: number | null;
  readonly maxDifference: number | null;
  readonly maxResidual: number;
}

export interface CurveBenchResult {
  readonly runs: readonly CurveSolveRun[];
  /** A whole desk build (three US buckets, 15 quotes, daily to 2050) through buildCurve. */
  readonly deskBuildMs: number;
  readonly deskPoints: number;
  readonly peerVersions: string | null;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

const time = (repeats: number, work: () => void): number => {
  work();
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  return median(samples);
};

const python = (): string | null => {
  for (const candidate of [process.env.BENCH_PYTHON, '/usr/bin/python3', 'python3']) {
    if (
      candidate &&
      spawnSync(candidate, ['-c', 'import scipy, cvxopt'], { stdio: 'ignore' }).status === 0
    ) {
      return candidate;
    }
  }
  return null;
};

const deskBuild = (): { ms: number; points: number } => {
  const definition: CurveDefinition = {
    id: 'BENCH',
    name: 'bench',
    market: 'PJM',
    commodity: 'power',
    calendar: 'US_EASTERN',
    currency: 'USD',
    unit: 'USD/MWh',
    shapeInstrument: null,
    extension: { longRunLevel: 55, escalationPerYear: 0.02, reversionYears: 3 },
    method: { smoothness: 1, priorWeight: 1e-4, shapeHistoryYears: 3, staleAfterDays: 5 },
  };
  const asOf = '2026-11-20';
  const marks: [string, '7x24' | '5x16', number][] = [
    ['Dec-26', '7x24', 48.1],
    ['Dec-26', '5x16', 57.3],
    ['Jan-27', '7x24', 62.4],
    ['Jan-27', '5x16', 74.9],
    ['Feb-27', '7x24', 55.2],
    ['Mar-27', '7x24', 44.75],
    ['Q2-27', '7x24', 39.5],
    ['Q2-27', '5x16', 46.1],
    ['Q3-27', '7x24', 58.3],
    ['Q3-27', '5x16', 73],
    ['Q4-27', '7x24', 47.2],
    ['Cal-28', '7x24', 50.6],
    ['Cal-29', '7x24', 49.9],
    ['Cal-30', '7x24', 50.3],
    ['Cal-31', '7x24', 51],
  ];
  const quotes: ForwardQuote[] = marks.map(([contract, bucket, settle]) => ({
    curveId: 'BENCH',
    asOf,
    ...parseDeliveryPeriod(contract, asOf),
    bucket,
    settle,
    mid: null,
    bid: null,
    ask: null,
    source: 'bench',
    quoteDate: asOf,
  }));
  let points = 0;
  const ms = time(5, () => {
    const built = buildCurve({ definition, asOf, quotes, shape: null });
    points = built.values.days * built.values.buckets.length;
  });
  return { ms, points };
};

export const runCurveBench = (dataDir: string): CurveBenchResult => {
  const dir = join(dataDir, 'curve-problems');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const peer = python();
  const cases: {
    name: string;
    granularity: Granularity;
    bands: boolean;
    targetMs: number | null;
    repeats: number;
  }[] = [
    {
      name: 'monthly to 2050, 40 settlements',
      granularity: 'month',
      bands: false,
      targetMs: 5,
      repeats: 21,
    },
    {
      name: 'daily to 2050, 40 settlements',
      granularity: 'day',
      bands: false,
      targetMs: 50,
      repeats: 11,
    },
    {
      name: 'hourly to 2050, 40 settlements',
      granularity: 'hour',
      bands: false,
      targetMs: 1500,
      repeats: 5,
    },
    {
      name: 'monthly to 2050, 40 bid/ask bands (±0.25)',
      granularity: 'month',
      bands: true,
      targetMs: null,
      repeats: 11,
    },
    {
      name: 'daily to 2050, 40 bid/ask bands (±0.25)',
      granularity: 'day',
      bands: true,
      targetMs: null,
      repeats: 5,
    },
  ];
  let versions: string | null = null;
  const runs = cases.map((c): CurveSolveRun => {
    const problem = problemOf(c.granularity, c.bands);
    let values: Float64Array = new Float64Array();
    let maxResidual = 0;
    const ms = time(c.repeats, () => {
      const solution = solveSmoothPrior(problem);
      values = solution.values;
      maxResidual = solution.residuals.reduce((m, r) => Math.max(m, Math.abs(r)), 0);
    });
    if (peer === null) {
      return {
        case: c.name,
        n: problem.n,
        rows: problem.rows.length,
        ms,
        targetMs: c.targetMs,
        peer: null,
        peerMs: null,
        structuredPeerMs: null,
        maxDifference: null,
        maxResidual,
      };
    }
    const file = join(dir, `${c.granularity}-${c.bands ? 'band' : 'equal'}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        n: problem.n,
        prior: Array.from(problem.prior),
        priorWeight: 0.01,
        smoothness: 1,
        rows: problem.rows.map((r) => ({ from: r.from, to: r.to, weights: Array.from(r.weights) })),
        targets: problem.targets,
        // SciPy's general sparse KKT route takes ~40 s on the hourly grid: one timed solve is enough there.
        repeats: c.granularity === 'hour' ? 1 : Math.min(c.repeats, 5),
      }),
    );
    const script = fileURLToPath(new URL('./scipy/curve_qp.py', import.meta.url));
    const out = spawnSync(peer, [script, file, `${file}.out`], { encoding: 'utf8' });
    if (out.status !== 0) {
      throw new Error(`SciPy/cvxopt peer failed: ${out.stderr}`);
    }
    const answer = JSON.parse(out.stdout) as {
      ms: number;
      structuredMs: number | null;
      solver: string;
      versions: string;
    };
    versions = answer.versions;
    const peerValues = readFileSync(`${file}.out`);
    const theirs = new Float64Array(
      peerValues.buffer,
      peerValues.byteOffset,
      peerValues.byteLength / 8,
    );
    let maxDifference = 0;
    for (let i = 0; i < values.length; i++) {
      maxDifference = Math.max(
        maxDifference,
        Math.abs((values[i] as number) - (theirs[i] as number)),
      );
    }
    return {
      case: c.name,
      n: problem.n,
      rows: problem.rows.length,
      ms,
      targetMs: c.targetMs,
      peer: answer.solver,
      peerMs: answer.ms,
      structuredPeerMs: answer.structuredMs,
      maxDifference,
      maxResidual,
    };
  });
  rmSync(dir, { recursive: true, force: true });
  const desk = deskBuild();
  return { runs, deskBuildMs: desk.ms, deskPoints: desk.points, peerVersions: versions };
};
