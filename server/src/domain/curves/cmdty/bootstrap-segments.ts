import type { GridRange } from './contract-grid.js';

/**
 * Where the bootstrapped curve is piecewise flat (curves.md §1.2 step 4). A new segment starts wherever a
 * quoted run (a contract, or either side of a shaping) starts, or right after one ends, so every quote is
 * an exact union of segments and the segment averages reproduce every quote. Periods no quote covers are
 * gaps: they are reported as such and never filled from a neighbour (cmdty before 1.1.0 forward-filled
 * them silently).
 */
export interface GridPartition {
  /** Covered runs, in grid order. */
  readonly segments: readonly GridRange[];
  /** Maximal uncovered runs, in grid order (including any before the first or after the last quote). */
  readonly gaps: readonly GridRange[];
}

/** Partitions periods 0..size−1 by the boundaries of `ranges` (all assumed inside the grid). */
export const partitionByQuotes = (size: number, ranges: readonly GridRange[]): GridPartition => {
  // coverDelta is a difference array: a running sum over it counts the ranges covering each period.
  const coverDelta = new Int32Array(size + 1);
  const boundary = new Uint8Array(size + 1);
  for (const { first, last } of ranges) {
    coverDelta[first] = (coverDelta[first] ?? 0) + 1;
    coverDelta[last + 1] = (coverDelta[last + 1] ?? 0) - 1;
    boundary[first] = 1;
    boundary[last + 1] = 1;
  }
  const segments: GridRange[] = [];
  const gaps: GridRange[] = [];
  let cover = 0;
  let runStart = 0;
  let runCovered = false;
  for (let p = 0; p <= size; p += 1) {
    const covered = p < size && (cover += coverDelta[p] ?? 0) > 0;
    // An uncovered run never holds a boundary (one would make a neighbour covered), so gaps stay maximal.
    if (p > 0 && (p === size || boundary[p] === 1 || covered !== runCovered)) {
      (runCovered ? segments : gaps).push({ first: runStart, last: p - 1 });
      runStart = p;
    }
    runCovered = covered;
  }
  return { segments, gaps };
};
