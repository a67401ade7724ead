import { Matrix } from 'ml-matrix';
import { invalidRequest } from '../../../platform/errors.js';
import {
  assertContract,
  assertGrid,
  gridSize,
  periodName,
  rangeName,
  weightAt,
  weightSum,
  weightedAverage,
  type GridContract,
  type PeriodGrid,
} from './contract-grid.js';
import { minimiseQuadraticSubjectTo } from './kkt.js';
import {
  QUARTIC_TERMS,
  derivativeRow,
  integrateSquaredDerivative,
  squaredDerivativeGram,
  type DerivativeOrder,
  type QuarticCoefficients,
} from './quartic.js';

/**
 * Our implementation of cmdty/curves' maximum-smoothness spline (curves.md §1.3): a C² piecewise-quartic
 * curve through non-overlapping contracts (bootstrap overlapping ones first, bootstrap.ts) that minimises
 * ∫ (p''² + τ·p'²) dt while every contract's weighted average of (p + S_add)·S_mult equals its price. It
 * is the reference behind our golden tests and shapes monthly/quarterly quotes into daily or hourly curves.
 *
 * Same problem as cmdty, set up differently where it matters numerically. cmdty writes every quartic in
 * absolute time (integer period offsets from the first contract); on a daily grid to 2050 that puts
 * t⁷ ≈ 10²⁸ into the KKT matrix and the averages come back 3e-9 off (curves.md §0 item 6). We write each
 * piece in local time from its own segment start, and solve in units of the longest segment so every
 * local time lies in [0, 1]; tension and end slopes are rescaled to match, and coefficients are reported
 * in the grid's time unit. The fitted curve is the same; only rounding differs.
 *
 * Kept from cmdty on purpose, so that its published numbers reproduce:
 * - the price condition samples each piece at period starts; it does not integrate over the period;
 * - periods between two contracts form a gap segment with its own quartic that is only C²-tied to its
 *   neighbours and carries no smoothness penalty (cmdty issue #16). Its shape is whatever the
 *   neighbouring pieces imply, so long gaps can bulge;
 * - there is no end condition unless front/back slopes are given (BKO's ε'(end) = 0 is backFirstDerivative 0).
 */

export interface MaxSmoothnessOptions {
  /** S_mult per grid period (e.g. day-of-week factors); default 1. The curve is (p + S_add)·S_mult. */
  readonly multAdjust?: Float64Array;
  /** S_add per grid period; default 0. */
  readonly addAdjust?: Float64Array;
  /**
   * τ ≥ 0, weight of ∫p'² against ∫p''² (default 0). Its unit is 1/time², time measured in the grid's
   * `periodLength` unit: with the default (periods) it means what cmdty's tension means.
   */
  readonly tension?: number;
  /** p' at the start of the first contract, per `periodLength` unit. Default: free. */
  readonly frontFirstDerivative?: number;
  /** p' at the end of the last contract (start of the period after it). Default: free. */
  readonly backFirstDerivative?: number;
}

/** One quartic piece, on a contract or on a gap between two contracts. */
export interface SplineSegment {
  /** Grid periods first..last (inclusive) the piece covers. */
  readonly first: number;
  readonly last: number;
  /** The contract it is fitted to, or null for a gap. */
  readonly contract: GridContract | null;
  /** Time from the start of the curve to the start of the piece, in the grid's `periodLength` unit. */
  readonly start: number;
  /** Length of the piece in that unit. */
  readonly length: number;
  /** (a, b, c, d, e) of p(u) = a + b·u + … + e·u⁴, with u the time since `start` in that unit. */
  readonly coefficients: QuarticCoefficients;
}

export interface MaxSmoothnessSpline {
  /** First and last grid period of the curve: the first contract's start to the last contract's end. */
  readonly first: number;
  readonly last: number;
  /** Curve value of periods first..last: values[i] belongs to period first + i. */
  readonly values: Float64Array;
  readonly segments: readonly SplineSegment[];
  /** Largest |weighted average of the curve − price| over the contracts: the solve's accuracy. */
  readonly maxAverageError: number;
}

/**
 * Fits the spline. Throws an `invalid_request` AppError when fewer than two contracts are given, two
 * contracts overlap (naming both), a contract averages over no weight, or an option is out of range.
 */
export const maxSmoothnessSpline = (
  grid: PeriodGrid,
  contracts: readonly GridContract[],
  options: MaxSmoothnessOptions = {},
): MaxSmoothnessSpline => {
  assertGrid(grid);
  const adjust = adjustments(grid, options);
  const tension = options.tension ?? 0;
  if (!Number.isFinite(tension) || tension < 0) {
    throw invalidRequest(`Tension must be a finite number ≥ 0, got ${String(tension)}`);
  }
  const sorted = sortedContracts(grid, contracts);
  const pieces = segmentsOf(grid, sorted);
  // Solve with time in units of the longest segment: local times then lie in [0, 1].
  const scale = Math.max(...pieces.map((piece) => piece.length));
  const constraints = constraintRows(grid, pieces, adjust, scale, options);
  const coefficients = minimiseQuadraticSubjectTo(
    smoothnessForm(pieces, tension * scale ** 2, scale),
    constraints.matrix,
    constraints.rhs,
  );
  if (coefficients === null) {
    throw invalidRequest(
      'The spline conditions do not determine one curve; check the multiplicative adjustments and end slopes',
    );
  }
  return assemble(grid, sorted, pieces, coefficients, adjust, scale);
};

/** ∫ (p⁽ᵐ⁾)² dt over the whole curve (gaps included), time in the grid's `periodLength` unit. */
export const integratedSquaredDerivative = (spline: MaxSmoothnessSpline, order: 1 | 2): number =>
  spline.segments.reduce(
    (sum, segment) => sum + integrateSquaredDerivative(segment.coefficients, segment.length, order),
    0,
  );

interface Adjustments {
  readonly mult: (p: number) => number;
  readonly add: (p: number) => number;
}

/** A piece before scaling: its periods, contract, and the local start time of each period. */
interface Piece {
  readonly first: number;
  readonly last: number;
  readonly contract: GridContract | null;
  /** Time from the curve start to the piece start. */
  readonly start: number;
  readonly length: number;
  /** localTimes[i]: time from the piece start to the start of period first + i. */
  readonly localTimes: Float64Array;
}

const adjustments = (grid: PeriodGrid, options: MaxSmoothnessOptions): Adjustments => {
  const check = (values: Float64Array | undefined, name: string): void => {
    if (values === undefined) {
      return;
    }
    if (values.length !== gridSize(grid) || !values.every(Number.isFinite)) {
      throw invalidRequest(
        `${name} needs one finite value per grid period (${gridSize(grid)}), got ${values.length} values`,
      );
    }
  };
  check(options.multAdjust, 'multAdjust');
  check(options.addAdjust, 'addAdjust');
  const { multAdjust, addAdjust } = options;
  return {
    mult: multAdjust === undefined ? () => 1 : (p) => multAdjust[p] ?? Number.NaN,
    add: addAdjust === undefined ? () => 0 : (p) => addAdjust[p] ?? Number.NaN,
  };
};

const sortedContracts = (
  grid: PeriodGrid,
  contracts: readonly GridContract[],
): readonly GridContract[] => {
  if (contracts.length < 2) {
    throw invalidRequest(
      `The max-smoothness spline needs at least two contracts, got ${contracts.length}`,
    );
  }
  contracts.forEach((contract) => assertContract(grid, contract));
  const sorted = [...contracts].sort((a, b) => a.first - b.first);
  sorted.slice(1).forEach((contract, i) => {
    const previous = sorted[i];
    if (previous !== undefined && contract.first <= previous.last) {
      throw invalidRequest(
        `Contracts ${previous.label} (${rangeName(grid, previous)}) and ${contract.label} (${rangeName(grid, contract)}) overlap; bootstrap overlapping contracts first`,
      );
    }
  });
  return sorted;
};

const periodLengthOf = (grid: PeriodGrid): ((p: number) => number) => {
  const given = grid.periodLength ?? 1;
  const lengthOf = typeof given === 'number' ? () => given : given;
  return (p) => {
    const length = lengthOf(p);
    if (!Number.isFinite(length) || length <= 0) {
      throw invalidRequest(
        `Period ${periodName(grid, p)} has length ${String(length)}; period lengths must be finite and > 0`,
      );
    }
    return length;
  };
};

/** One piece per contract, plus one for each run of periods between two contracts. */
const segmentsOf = (grid: PeriodGrid, sorted: readonly GridContract[]): Piece[] => {
  const lengthOf = periodLengthOf(grid);
  const pieces: Piece[] = [];
  let curveTime = 0;
  const addPiece = (first: number, last: number, contract: GridContract | null): void => {
    const localTimes = new Float64Array(last - first + 1);
    // Summed from the piece's own start, so no time is the difference of two large absolute times.
    let local = 0;
    for (let p = first; p <= last; p += 1) {
      localTimes[p - first] = local;
      local += lengthOf(p);
    }
    pieces.push({ first, last, contract, start: curveTime, length: local, localTimes });
    curveTime += local;
  };
  sorted.forEach((contract, i) => {
    addPiece(contract.first, contract.last, contract);
    const next = sorted[i + 1];
    if (next !== undefined && next.first > contract.last + 1) {
      addPiece(contract.last + 1, next.first - 1, null);
    }
  });
  return pieces;
};

/** The spline is C²: value, slope and curvature agree at every knot. */
const CONTINUOUS_ORDERS: readonly DerivativeOrder[] = [0, 1, 2];

/**
 * The equality rows, in scaled time: C² continuity at every knot, one price row per contract (divided by
 * Σw so all rows have comparable size), and the optional end slopes. Unknowns are the five coefficients
 * of each piece in order.
 */
const constraintRows = (
  grid: PeriodGrid,
  pieces: readonly Piece[],
  adjust: Adjustments,
  scale: number,
  options: MaxSmoothnessOptions,
): { matrix: Matrix; rhs: Float64Array } => {
  const rows: { coefficients: Map<number, number>; rhs: number }[] = [];
  const addRow = (entries: [piece: number, row: Float64Array][], rhs: number): void => {
    const coefficients = new Map<number, number>();
    for (const [piece, row] of entries) {
      row.forEach((value, k) => coefficients.set(piece * QUARTIC_TERMS + k, value));
    }
    rows.push({ coefficients, rhs });
  };
  pieces.forEach((piece, i) => {
    if (i + 1 < pieces.length) {
      const knot = piece.length / scale;
      for (const order of CONTINUOUS_ORDERS) {
        const next = derivativeRow(0, order).map((value) => -value);
        addRow(
          [
            [i, derivativeRow(knot, order)],
            [i + 1, next],
          ],
          0,
        );
      }
    }
    const contract = piece.contract;
    if (contract !== null) {
      const total = weightSum(grid, contract);
      const row = new Float64Array(QUARTIC_TERMS);
      let adjustment = 0;
      piece.localTimes.forEach((time, offset) => {
        const p = piece.first + offset;
        const weight = (weightAt(grid, p) * adjust.mult(p)) / total;
        derivativeRow(time / scale, 0).forEach((power, k) => {
          row[k] = (row[k] ?? 0) + weight * power;
        });
        adjustment += weight * adjust.add(p);
      });
      addRow([[i, row]], contract.price - adjustment);
    }
  });
  const last = pieces.length - 1;
  const lastLength = (pieces[last]?.length ?? 0) / scale;
  // A slope per time unit is `scale` times larger per scaled unit.
  if (options.frontFirstDerivative !== undefined) {
    addRow([[0, derivativeRow(0, 1)]], finiteSlope(options.frontFirstDerivative, 'front') * scale);
  }
  if (options.backFirstDerivative !== undefined) {
    addRow(
      [[last, derivativeRow(lastLength, 1)]],
      finiteSlope(options.backFirstDerivative, 'back') * scale,
    );
  }
  const matrix = new Matrix(rows.length, pieces.length * QUARTIC_TERMS);
  rows.forEach(({ coefficients }, r) => {
    coefficients.forEach((value, column) => matrix.set(r, column, value));
  });
  return { matrix, rhs: Float64Array.from(rows, (row) => row.rhs) };
};

const finiteSlope = (slope: number, end: 'front' | 'back'): number => {
  if (!Number.isFinite(slope)) {
    throw invalidRequest(`The ${end} first derivative must be a finite number, got ${slope}`);
  }
  return slope;
};

/**
 * Q = 2H of ∫ (p''² + τ·p'²) over every contract piece, in scaled time (τ already rescaled). Gap pieces
 * get no block, as in cmdty.
 */
const smoothnessForm = (pieces: readonly Piece[], tension: number, scale: number): Matrix => {
  const q = new Matrix(pieces.length * QUARTIC_TERMS, pieces.length * QUARTIC_TERMS);
  pieces.forEach((piece, i) => {
    if (piece.contract === null) {
      return;
    }
    const h = piece.length / scale;
    const curvature = squaredDerivativeGram(h, 2);
    const slope = squaredDerivativeGram(h, 1);
    for (let j = 0; j < QUARTIC_TERMS; j += 1) {
      for (let k = 0; k < QUARTIC_TERMS; k += 1) {
        const value = (curvature[j]?.[k] ?? 0) + tension * (slope[j]?.[k] ?? 0);
        q.set(i * QUARTIC_TERMS + j, i * QUARTIC_TERMS + k, 2 * value);
      }
    }
  });
  return q;
};

const assemble = (
  grid: PeriodGrid,
  sorted: readonly GridContract[],
  pieces: readonly Piece[],
  solution: Float64Array,
  adjust: Adjustments,
  scale: number,
): MaxSmoothnessSpline => {
  const first = pieces[0]?.first ?? 0;
  const last = pieces[pieces.length - 1]?.last ?? -1;
  const values = new Float64Array(last - first + 1);
  const segments = pieces.map((piece, i): SplineSegment => {
    const scaled = Array.from(solution.subarray(i * QUARTIC_TERMS, (i + 1) * QUARTIC_TERMS));
    piece.localTimes.forEach((time, offset) => {
      const p = piece.first + offset;
      const u = time / scale;
      const level = scaled.reduceRight((sum, coefficient) => sum * u + coefficient, 0);
      values[p - first] = (level + adjust.add(p)) * adjust.mult(p);
    });
    // c_k of the scaled variable u/scale is c_k / scale^k in the grid's time unit.
    const [a = 0, b = 0, c = 0, d = 0, e = 0] = scaled.map((value, k) => value / scale ** k);
    return {
      first: piece.first,
      last: piece.last,
      contract: piece.contract,
      start: piece.start,
      length: piece.length,
      coefficients: [a, b, c, d, e],
    };
  });
  const onGrid = new Float64Array(gridSize(grid));
  onGrid.set(values, first);
  const maxAverageError = Math.max(
    ...sorted.map((contract) => Math.abs(weightedAverage(grid, onGrid, contract) - contract.price)),
  );
  return { first, last, values, segments, maxAverageError };
};
