import type { SeriesBatch, SeriesVariable } from '../series/series-batch.js';
import { MINUTE_MS, type TimeRange } from '../time/interval.js';
import { PresenceTally, slotOf } from './completeness.js';
import { formatLocalTime, type LocalDayCalendar } from './local-days.js';
import type { BatchInspection } from './price-checks.js';
import { ProblemTally } from './problem-tally.js';
import type { QualitySubject } from './quality-check.js';
import { findRepeats } from './repeated-keys.js';

/** MW values beyond this are corrupt input (the store refuses them): larger than any interconnection's load. */
const MAX_ABS_MW = 1e7;

const sameValue = (a: number, b: number): boolean =>
  a === b || (Number.isNaN(a) && Number.isNaN(b));

/** Forecasts are vintages (one per issue time), not a day's series, so they are not counted for completeness. */
const isForecastRow = (batch: SeriesBatch, i: number): boolean =>
  !Number.isNaN(batch.issuedAtMs[i]) ||
  batch.variables[batch.variableIndex[i] as number] === 'load.forecast';

const seriesGroup = (batch: SeriesBatch, i: number): number =>
  (batch.instrumentIndex[i] as number) * Math.max(1, batch.variables.length) +
  (batch.variableIndex[i] as number);

const subjects =
  (batch: SeriesBatch) =>
  (group: number): QualitySubject => {
    const variables = Math.max(1, batch.variables.length);
    return {
      instrumentId: batch.instrumentIds[Math.floor(group / variables)] as string,
      run: null,
      variable: batch.variables[group % variables] as SeriesVariable,
    };
  };

/**
 * The interval length each series (instrument and variable) should have: fundamentals have no market run that
 * fixes it, so it is the length most of the batch's rows of that series have.
 */
const expectedMinutes = (batch: SeriesBatch): Map<number, number> => {
  const counts = new Map<number, Map<number, number>>();
  for (let i = 0; i < batch.length; i++) {
    const group = seriesGroup(batch, i);
    let byLength = counts.get(group);
    if (byLength === undefined) {
      byLength = new Map();
      counts.set(group, byLength);
    }
    const minutes = batch.intervalMinutes[i] as number;
    byLength.set(minutes, (byLength.get(minutes) ?? 0) + 1);
  }
  const modal = new Map<number, number>();
  for (const [group, byLength] of counts) {
    const [best] = [...byLength].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    modal.set(group, best ? best[0] : 0);
  }
  return modal;
};

/**
 * Checks fundamentals (load, forecasts, generation mix) before they are stored: repeats (identical dropped,
 * conflicting withheld), unusable values (withheld), and intervals whose length or alignment differs from the
 * rest of their series (stored, flagged).
 */
export const inspectSeriesBatch = (
  batch: SeriesBatch,
  calendar: LocalDayCalendar,
): BatchInspection => {
  const n = batch.length;
  const zone = calendar.zone;
  // Forecast vintages are part of the key: two issues of the same hour are two observations, not a repeat.
  const vintages = new Map<number, number>();
  const vintageOf = (i: number): number => {
    const issued = batch.issuedAtMs[i] as number;
    const key = Number.isNaN(issued) ? -Infinity : issued;
    let slot = vintages.get(key);
    if (slot === undefined) {
      slot = vintages.size;
      vintages.set(key, slot);
    }
    return slot;
  };
  const vintageSlots = Uint32Array.from({ length: n }, (_, i) => vintageOf(i));
  const repeatOf = findRepeats(
    n,
    (i) => seriesGroup(batch, i) * vintages.size + (vintageSlots[i] as number),
    batch.intervalStartMs,
  );
  const contradictedBy = repeatOf ? new Int32Array(n).fill(-1) : null;
  if (repeatOf && contradictedBy) {
    for (let i = 0; i < n; i++) {
      const first = repeatOf[i] as number;
      const same =
        first < 0 ||
        (batch.intervalMinutes[i] === batch.intervalMinutes[first] &&
          sameValue(batch.valueMw[i] as number, batch.valueMw[first] as number));
      if (!same && contradictedBy[first] === -1) {
        contradictedBy[first] = i;
      }
    }
  }
  const modal = expectedMinutes(batch);
  const tally = new ProblemTally();
  const keep = new Uint8Array(n);
  let kept = 0;
  const at = (i: number): string => formatLocalTime(zone, batch.intervalStartMs[i] as number);
  for (let i = 0; i < n; i++) {
    const start = batch.intervalStartMs[i] as number;
    if (!Number.isFinite(start)) {
      keep[i] = 1;
      kept++;
      continue;
    }
    const day = calendar.dayAt(start);
    const group = seriesGroup(batch, i);
    const first = repeatOf ? (repeatOf[i] as number) : -1;
    const other = contradictedBy ? (contradictedBy[first >= 0 ? first : i] as number) : -1;
    if (other >= 0) {
      if (first < 0) {
        tally.add(
          'duplicate.conflict',
          group,
          day,
          start,
          -start,
          () => `${at(i)}: ${batch.valueMw[i]} MW and ${batch.valueMw[other]} MW`,
        );
      }
      continue;
    }
    if (first >= 0) {
      tally.add('duplicate.identical', group, day, start, -start, () => at(i));
      continue;
    }
    const value = batch.valueMw[i] as number;
    if (!Number.isFinite(value) || Math.abs(value) > MAX_ABS_MW) {
      tally.add('value.unusable', group, day, start, -start, () => `${at(i)}: ${value} MW`);
      continue;
    }
    keep[i] = 1;
    kept++;
    const expected = modal.get(group) ?? 0;
    const minutes = batch.intervalMinutes[i] as number;
    if (minutes !== expected) {
      tally.add(
        'interval.length',
        group,
        day,
        start,
        -start,
        () =>
          `first at ${at(i)}: ${minutes} minutes long where the rest of the series is ${expected}-minute`,
      );
    } else if (!isForecastRow(batch, i) && slotOf(day, start, minutes) < 0) {
      tally.add('interval.alignment', group, day, start, -start, () => at(i));
    }
  }
  return { keep, kept, problems: tally.problems(subjects(batch)) };
};

/** Keeps the rows marked 1 in `keep` (the batch itself when nothing is dropped). */
export const selectSeriesRows = (
  batch: SeriesBatch,
  keep: Uint8Array,
  kept: number,
): SeriesBatch => {
  if (kept === batch.length) {
    return batch;
  }
  const pick = <T extends Float64Array | Uint32Array | Uint16Array>(column: T): T => {
    const out = new (column.constructor as new (size: number) => T)(kept);
    for (let i = 0, k = 0; i < batch.length; i++) {
      if (keep[i] === 1) {
        out[k++] = column[i] as number;
      }
    }
    return out;
  };
  return {
    length: kept,
    instrumentIds: batch.instrumentIds,
    instrumentIndex: pick(batch.instrumentIndex),
    variables: batch.variables,
    variableIndex: pick(batch.variableIndex),
    intervalStartMs: pick(batch.intervalStartMs),
    intervalMinutes: pick(batch.intervalMinutes),
    valueMw: pick(batch.valueMw),
    issuedAtMs: pick(batch.issuedAtMs),
  };
};

/** Marks which intervals of each actual (not forecast) series and local day a stored batch holds. */
export const seriesPresence = (batch: SeriesBatch, calendar: LocalDayCalendar): PresenceTally => {
  const tally = new PresenceTally(subjects(batch));
  const modal = expectedMinutes(batch);
  for (let i = 0; i < batch.length; i++) {
    const start = batch.intervalStartMs[i] as number;
    const group = seriesGroup(batch, i);
    const expected = modal.get(group) ?? 0;
    if (
      isForecastRow(batch, i) ||
      batch.intervalMinutes[i] !== expected ||
      !Number.isFinite(start)
    ) {
      continue;
    }
    tally.add(group, expected, calendar.dayAt(start), start);
  }
  return tally;
};

/** [first interval start, last interval end) of the actuals in a batch, or null when there are none. */
export const seriesSpan = (batch: SeriesBatch): TimeRange | null => {
  let fromMs = Infinity;
  let toMs = -Infinity;
  for (let i = 0; i < batch.length; i++) {
    if (isForecastRow(batch, i)) {
      continue;
    }
    const start = batch.intervalStartMs[i] as number;
    fromMs = Math.min(fromMs, start);
    toMs = Math.max(toMs, start + (batch.intervalMinutes[i] as number) * MINUTE_MS);
  }
  return Number.isFinite(fromMs) && Number.isFinite(toMs) ? { fromMs, toMs } : null;
};
