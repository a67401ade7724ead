import { addRow, applyRow, type AveragingCoefficients } from './averaging-operator.js';
import { factorSpd, solveSpd, type SpdFactor } from './dense-cholesky.js';
import type { SolvedRange } from './banded-cholesky.js';
import { factorLu, solveLu, type LuFactor } from './dense-lu.js';
import {
  clearPins,
  lineAverage,
  pinLine,
  segmentEnd,
  segmentStart,
  solveSmoothness,
  type SmoothnessSystem,
} from './smoothness-system.js';

/**
 * The KKT system of min ½xᵀQx + cᵀx s.t. A·x = g (c = −2Ωs) reduced to its multipliers (curves.md §2.2), bordered
 * with the end-point unknowns a of pinned segments (smoothness-system.ts). Unknowns w = [μ_E, a, μ_F]: multipliers
 * of the equality rows, the pinned end points, multipliers of the band rows. With G = A·N, Ω_N = NᵀΩN and
 * x̃₀ = Q̂⁻¹·2Ωs, the symmetric matrix and right-hand side are
 *
 *   K = [ A·Q̂⁻¹·Aᵀ   −G ;  −Gᵀ   −2Ω_N ],      K·w = [ A·x̃₀ − g ;  −2NᵀΩs ],
 *
 * and then x = x̃₀ − Q̂⁻¹·Aᵀμ + N·a. (Rows enter Q̂⁻¹ with their pinned entries zeroed: those belong to a.) Without
 * pinned segments K is the plain Schur complement S = A·Q⁻¹·Aᵀ. Forming K costs one banded solve per row:
 * O(n·M) time, O(n + M²) memory.
 */
export interface BorderedKkt {
  readonly system: SmoothnessSystem;
  /** Basis rows: the equality rows first, then the band rows. */
  readonly rows: readonly AveragingCoefficients[];
  readonly equalCount: number;
  readonly size: number;
  /** K, row-major, unknowns ordered [E rows, pins, F rows]. */
  readonly matrix: Float64Array;
  /** [A·x̃₀; −2NᵀΩs]: the right-hand side before the targets are subtracted. */
  readonly base: Float64Array;
  /** x̃₀, or null without a prior. */
  readonly priorPull: Float64Array | null;
}

/** Position in the ordering [E rows, pins, F rows] of basis row `row` or of pin `p`. */
const rowUnknown = (kkt: Pick<BorderedKkt, 'equalCount' | 'system'>, row: number): number =>
  row < kkt.equalCount ? row : row + kkt.system.pins.length;
const pinUnknown = (kkt: Pick<BorderedKkt, 'equalCount'>, p: number): number => kkt.equalCount + p;

export const borderedKkt = (
  system: SmoothnessSystem,
  omega: Float64Array,
  prior: Float64Array,
  rows: readonly AveragingCoefficients[],
  equalCount: number,
): BorderedKkt => {
  const { n, pins } = system;
  const m = rows.length;
  const pinCount = pins.length;
  const size = m + pinCount;
  const layout = { equalCount, system };
  const matrix = new Float64Array(size * size);
  const base = new Float64Array(size);
  const set = (i: number, j: number, value: number) => {
    matrix[i * size + j] = value;
    matrix[j * size + i] = value;
  };

  const priorPull = system.pinnedSegment.every((pinned) => pinned === 1)
    ? null
    : unconstrainedCurve(system, prior);

  const buffer = new Float64Array(n);
  let touched: SolvedRange = { lo: 0, hi: 0 };
  rows.forEach((row, j) => {
    buffer.fill(0, touched.lo, touched.hi);
    addRow(row, 1, buffer);
    clearPins(system, buffer);
    touched = solveSmoothness(system, buffer, row.from, row.to);
    const { lo, hi } = touched;
    const uj = rowUnknown(layout, j);
    for (let i = j; i < m; i++) {
      const other = rows[i]!;
      // Rows the solution does not reach (it decays to exactly 0 under a prior) see nothing.
      const seen = other.to > lo && other.from < hi ? applyRow(other, buffer) : 0;
      set(rowUnknown(layout, i), uj, seen);
    }
    for (let p = 0; p < pinCount; p++) {
      set(pinUnknown(layout, p), uj, -lineAverage(system, row, p));
    }
    base[uj] = priorPull ? applyRow(row, priorPull) : 0;
  });

  // Pins see the prior only at their segment's end points (ω is 0 inside a pinned segment).
  for (let p = 0; p < pinCount; p++) {
    let priorOnLine = 0;
    for (let t = segmentStart(system, p); t < segmentEnd(system, p); t++) {
      priorOnLine += 2 * omega[t]! * pinLine(system, p, t) * prior[t]!;
    }
    base[pinUnknown(layout, p)] = -priorOnLine;
    for (let q = p; q < pinCount; q++) {
      let value = 0;
      if (segmentStart(system, q) === segmentStart(system, p)) {
        for (let t = segmentStart(system, p); t < segmentEnd(system, p); t++) {
          value -= 2 * omega[t]! * pinLine(system, p, t) * pinLine(system, q, t);
        }
      }
      set(pinUnknown(layout, q), pinUnknown(layout, p), value);
    }
  }
  return { system, rows, equalCount, size, matrix, base, priorPull };
};

/**
 * x̃₀ = Q̂⁻¹·2Ωs, the curve before any row pulls on it, computed as s − Q⁻¹·2λ·D2ᵀD2·s on segments with a prior
 * (the same thing, since Q·s = 2Ωs + 2λ·D2ᵀD2·s): only the prior's curvature goes through the solve, so a prior
 * that is already smooth (or already right) comes back to full precision instead of with Q's condition number
 * times eps. Pinned segments have no prior inside, and x̃₀ is 0 there.
 */
const unconstrainedCurve = (system: SmoothnessSystem, prior: Float64Array): Float64Array => {
  const { starts, smoothness } = system;
  const curvature = new Float64Array(system.n);
  for (let j = 0; j + 1 < starts.length; j++) {
    if (system.pinnedSegment[j] === 1) {
      continue;
    }
    for (let c = starts[j]! + 1; c < starts[j + 1]! - 1; c++) {
      const d2 = 2 * smoothness * (prior[c - 1]! - 2 * prior[c]! + prior[c + 1]!);
      curvature[c - 1] = curvature[c - 1]! + d2;
      curvature[c] = curvature[c]! - 2 * d2;
      curvature[c + 1] = curvature[c + 1]! + d2;
    }
  }
  solveSmoothness(system, curvature);
  for (let j = 0; j + 1 < starts.length; j++) {
    if (system.pinnedSegment[j] === 0) {
      for (let t = starts[j]!; t < starts[j + 1]!; t++) {
        curvature[t] = prior[t]! - curvature[t]!;
      }
    }
  }
  return curvature;
};

/**
 * The curve for multipliers w: x = x̃₀ − Q̂⁻¹·Aᵀμ + N·a (x̃₀ left out when `withPrior` is false, which turns a
 * change of w into the change of x it causes).
 */
export const curveOf = (kkt: BorderedKkt, w: Float64Array, withPrior: boolean): Float64Array => {
  const { system, rows } = kkt;
  const x = new Float64Array(system.n);
  rows.forEach((row, i) => addRow(row, w[rowUnknown(kkt, i)]!, x));
  clearPins(system, x);
  solveSmoothness(system, x);
  for (let t = 0; t < x.length; t++) {
    x[t] = (withPrior && kkt.priorPull ? kkt.priorPull[t]! : 0) - x[t]!;
  }
  system.pins.forEach((_, p) => {
    const a = w[pinUnknown(kkt, p)]!;
    for (let t = segmentStart(system, p); t < segmentEnd(system, p); t++) {
      x[t] = x[t]! + a * pinLine(system, p, t);
    }
  });
  return x;
};

/**
 * K factored by blocks: the fixed block (equality rows and pins) by LU, and the band rows' block by Cholesky of its
 * Schur complement Σ = K_FF − K_FK·K_KK⁻¹·K_KF. Σ⁻¹ is the Hessian of the optimal cost as a function of the band
 * rows' averages with the equalities held (curves.md §2.2 "Bid/ask, exact reduction"), so Σ is what the box QP
 * needs; without band rows it is empty.
 */
export interface FactoredKkt {
  readonly kkt: BorderedKkt;
  readonly fixedSize: number;
  readonly fixed: LuFactor;
  /** Σ, row-major (bandCount²). */
  readonly bandCovariance: Float64Array;
  readonly band: SpdFactor | null;
}

/** Null when the system is singular to working precision (rows too close to dependent, or lines left free). */
export const factorKkt = (kkt: BorderedKkt): FactoredKkt | null => {
  const { size, matrix } = kkt;
  const fixedSize = kkt.equalCount + kkt.system.pins.length;
  const bandCount = size - fixedSize;
  const fixedBlock = new Float64Array(fixedSize * fixedSize);
  for (let i = 0; i < fixedSize; i++) {
    fixedBlock.set(matrix.subarray(i * size, i * size + fixedSize), i * fixedSize);
  }
  const fixed = factorLu(fixedBlock, fixedSize);
  if (fixed === null) {
    return null;
  }
  const bandCovariance = new Float64Array(bandCount * bandCount);
  const column = new Float64Array(fixedSize);
  for (let j = 0; j < bandCount; j++) {
    for (let i = 0; i < fixedSize; i++) {
      column[i] = matrix[i * size + fixedSize + j]!;
    }
    solveLu(fixed, column);
    for (let i = 0; i < bandCount; i++) {
      let value = matrix[(fixedSize + i) * size + fixedSize + j]!;
      for (let k = 0; k < fixedSize; k++) {
        value -= matrix[(fixedSize + i) * size + k]! * column[k]!;
      }
      bandCovariance[i * bandCount + j] = value;
    }
  }
  // Symmetric in exact arithmetic; averaging removes the rounding asymmetry before the Cholesky.
  for (let i = 0; i < bandCount; i++) {
    for (let j = 0; j < i; j++) {
      const mean = (bandCovariance[i * bandCount + j]! + bandCovariance[j * bandCount + i]!) / 2;
      bandCovariance[i * bandCount + j] = mean;
      bandCovariance[j * bandCount + i] = mean;
    }
  }
  const band = bandCount > 0 ? factorSpd(bandCovariance, bandCount) : null;
  if (bandCount > 0 && band === null) {
    return null;
  }
  return { kkt, fixedSize, fixed, bandCovariance, band };
};

/** The right-hand side B·x̃₀ − [targets; 2NᵀΩs] for row targets in basis order. */
const rightHandSide = (kkt: BorderedKkt, targets: Float64Array): Float64Array => {
  const r = Float64Array.from(kkt.base);
  for (let i = 0; i < kkt.rows.length; i++) {
    const u = rowUnknown(kkt, i);
    r[u] = r[u]! - targets[i]!;
  }
  return r;
};

/**
 * The band rows' averages when only the equality rows hold (ĝ_F: the centre of the box QP), given the equality
 * rows' targets (first `equalCount` entries of `targets`; the rest are ignored).
 */
export const equalityOnlyAverages = (
  factored: FactoredKkt,
  targets: Float64Array,
): Float64Array => {
  const { kkt, fixedSize } = factored;
  const { size, matrix } = kkt;
  const r = rightHandSide(kkt, targets);
  const w = r.slice(0, fixedSize);
  solveLu(factored.fixed, w);
  const center = new Float64Array(size - fixedSize);
  for (let i = 0; i < center.length; i++) {
    let value = kkt.base[fixedSize + i]!;
    for (let k = 0; k < fixedSize; k++) {
      value -= matrix[(fixedSize + i) * size + k]! * w[k]!;
    }
    center[i] = value;
  }
  return center;
};

/** w with K·w = B·x̃₀ − [targets; 2NᵀΩs] (`withPrior`) or K·w = −[targets; 0] (a correction), by blocks. */
export const solveKkt = (
  factored: FactoredKkt,
  targets: Float64Array,
  withPrior = true,
): Float64Array => {
  const { kkt, fixedSize } = factored;
  const { size, matrix } = kkt;
  const r = withPrior ? rightHandSide(kkt, targets) : new Float64Array(size);
  if (!withPrior) {
    targets.forEach((g, i) => {
      r[rowUnknown(kkt, i)] = -g;
    });
  }
  const bandCount = size - fixedSize;
  const fixedPart = r.slice(0, fixedSize);
  solveLu(factored.fixed, fixedPart);
  const bandPart = r.slice(fixedSize);
  for (let i = 0; i < bandCount; i++) {
    for (let k = 0; k < fixedSize; k++) {
      bandPart[i] = bandPart[i]! - matrix[(fixedSize + i) * size + k]! * fixedPart[k]!;
    }
  }
  if (factored.band) {
    solveSpd(factored.band, bandPart);
  }
  const w = new Float64Array(size);
  w.set(bandPart, fixedSize);
  const rest = r.slice(0, fixedSize);
  for (let k = 0; k < fixedSize; k++) {
    for (let j = 0; j < bandCount; j++) {
      rest[k] = rest[k]! - matrix[k * size + fixedSize + j]! * bandPart[j]!;
    }
  }
  solveLu(factored.fixed, rest);
  w.set(rest, 0);
  return w;
};
