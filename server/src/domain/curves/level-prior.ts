import type { IsoDate } from '../time/zoned.js';
import type { CurveExtension, CurveWarning } from './curve-model.js';
import { dayDate, type DayGrid } from './day-grid.js';

/** A quote's delivery on the grid, days [first, end), and the level it implies with seasonal offsets taken out. */
export interface QuotedLevel {
  readonly first: number;
  readonly end: number;
  readonly level: number;
  readonly name: string;
}

const DAYS_PER_YEAR = 365.25;

/**
 * The level the prior follows, per day (ADR 0012):
 * - quoted days take the level of the shortest quote covering them (the most specific price; earliest if tied);
 * - days before the first quote take the first quote's level, days between quotes a straight line between the
 *   neighbouring levels (a gap is reported, never forward-filled);
 * - after the last quote the level reverts from the last quote's level L₀ to the long-run level L∞(t), which
 *   escalates from the as-of date: L(t) = L∞(t) + (L₀ − L∞(t))·e^(−t/τ), t in years after the last quoted day.
 *   It starts at L₀, so there is no cliff; the smoothness term rounds the corner.
 * The solver then keeps every quote exact, so the prior only decides the shape between and beyond quotes.
 */
export const levelPrior = (
  grid: DayGrid,
  quotes: readonly QuotedLevel[],
  extension: CurveExtension,
  asOf: IsoDate,
  warnings: CurveWarning[],
): Float64Array => {
  const level = new Float64Array(grid.days).fill(Number.NaN);
  const span = new Float64Array(grid.days).fill(Infinity);
  for (const q of quotes) {
    const length = q.end - q.first;
    for (let d = q.first; d < q.end; d++) {
      if (length < (span[d] as number)) {
        span[d] = length;
        level[d] = q.level;
      }
    }
  }
  const covered = (d: number): boolean => !Number.isNaN(level[d]);
  let firstCovered = -1;
  let lastCovered = -1;
  for (let d = 0; d < grid.days; d++) {
    if (covered(d)) {
      firstCovered = firstCovered < 0 ? d : firstCovered;
      lastCovered = d;
    }
  }
  if (firstCovered < 0) {
    return level.fill(0);
  }
  for (let d = 0; d < firstCovered; d++) {
    level[d] = level[firstCovered] as number;
  }
  if (firstCovered > 0) {
    warnings.push({
      level: 'warning',
      code: 'gap',
      message: `No quote covers ${grid.startDay}..${dayDate(grid, firstCovered - 1)}; the curve runs into the first quote smoothly`,
      contracts: [],
    });
  }
  // Gaps between quotes: a straight line between the levels on either side.
  for (let d = firstCovered; d <= lastCovered; d++) {
    if (covered(d)) {
      continue;
    }
    let next = d;
    while (!covered(next)) {
      next++;
    }
    const before = level[d - 1] as number;
    const after = level[next] as number;
    for (let k = d; k < next; k++) {
      level[k] = before + ((after - before) * (k - d + 1)) / (next - d + 1);
    }
    warnings.push({
      level: 'warning',
      code: 'gap',
      message: `No quote covers ${dayDate(grid, d)}..${dayDate(grid, next - 1)}; the curve there follows the prior between its neighbours`,
      contracts: quotes.filter((q) => q.end === d || q.first === next).map((q) => q.name),
    });
    d = next;
  }
  const lastLevel = level[lastCovered] as number;
  const longRun = extension.longRunLevel ?? lastLevel;
  const yearsFromAsOf = (d: number): number => (d + 1) / DAYS_PER_YEAR;
  for (let d = lastCovered + 1; d < grid.days; d++) {
    const target = longRun * Math.pow(1 + extension.escalationPerYear, yearsFromAsOf(d));
    const t = (d - lastCovered) / DAYS_PER_YEAR;
    level[d] =
      target + (lastLevel - target) * Math.exp(-t / Math.max(extension.reversionYears, 1e-9));
  }
  if (lastCovered < grid.days - 1) {
    warnings.push({
      level: 'info',
      code: 'extension',
      message:
        `After the last quoted day ${dayDate(grid, lastCovered)} the curve reverts from ${round(lastLevel)} to a ` +
        `long-run level of ${round(longRun)} (as of ${asOf}) escalating ${round(extension.escalationPerYear * 100)} % a year, ` +
        `with a reversion time of ${extension.reversionYears} years, through 2050-12-31`,
      contracts: [],
    });
  }
  return level;
};

const round = (x: number): string => (Math.round(x * 100) / 100).toString();
