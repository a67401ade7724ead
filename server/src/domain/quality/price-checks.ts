import type { MarketDefinition, MarketRunId } from '../markets/market.js';
import { MAX_ABS_PRICE, type PriceBatch } from '../prices/price-batch.js';
import { MINUTE_MS, type TimeRange } from '../time/interval.js';
import { PresenceTally } from './completeness.js';
import { formatLocalTime, type LocalDayCalendar } from './local-days.js';
import { ProblemTally, type QualityFinding } from './problem-tally.js';
import type { QualitySubject } from './quality-check.js';
import { findRepeats } from './repeated-keys.js';

/** Plausible LMPs per MWh in the market currency; prices outside are stored but flagged. */
export interface PriceRange {
  readonly min: number;
  readonly max: number;
}

/** The range the original platform's rules used: below any US offer floor, above any shortage price cap. */
export const DEFAULT_PRICE_RANGE: PriceRange = Object.freeze({ min: -1000, max: 10_000 });

/** Published components are rounded to cents, so their sum may honestly differ from the LMP by up to a cent. */
export const COMPONENT_TOLERANCE = 0.01;
/** Absorbs binary floating-point error in the sum (25.1 + 3.2 + 0.45 is not exactly 28.75). */
const FLOAT_SLACK = 1e-7;

export interface PriceCheckOptions {
  readonly market: MarketDefinition;
  readonly calendar: LocalDayCalendar;
  readonly range?: PriceRange;
}

/** The verdict on a batch: which rows to store (1 = store) and the problems found. */
export interface BatchInspection {
  readonly keep: Uint8Array;
  readonly kept: number;
  readonly problems: QualityFinding[];
}

const money = (value: number): string =>
  Number.isFinite(value) ? value.toFixed(2) : String(value);

const sameValue = (a: number, b: number): boolean =>
  a === b || (Number.isNaN(a) && Number.isNaN(b));

const COMPONENT_NAMES = ['energy', 'congestion', 'loss', 'ghg'] as const;

/** Interval length each run slot of the batch must have, or 0 when the market does not publish that run. */
const runMinutes = (batch: PriceBatch, market: MarketDefinition): Uint16Array =>
  Uint16Array.from(
    batch.runs,
    (run) => market.runs.find((spec) => spec.id === run)?.intervalMinutes ?? 0,
  );

const subjects =
  (batch: PriceBatch) =>
  (group: number): QualitySubject => ({
    instrumentId: batch.instrumentIds[Math.floor(group / batch.runs.length)] as string,
    run: batch.runs[group % batch.runs.length] as MarketRunId,
    variable: null,
  });

/**
 * Runs every price check over a batch before it is stored. Verbatim repeats are dropped (one copy kept),
 * conflicting repeats and unusable values are withheld, everything else is stored; every finding is returned as
 * a problem aggregated per check, instrument, run and local day. See docs/adr/0010-data-quality-on-ingest.md.
 */
export const inspectPriceBatch = (
  batch: PriceBatch,
  options: PriceCheckOptions,
): BatchInspection => {
  const { calendar } = options;
  const zone = calendar.zone;
  const range = options.range ?? DEFAULT_PRICE_RANGE;
  const n = batch.length;
  const runCount = Math.max(1, batch.runs.length);
  const groupOf = (i: number): number =>
    (batch.instrumentIndex[i] as number) * runCount + (batch.runIndex[i] as number);
  const at = (i: number): string => formatLocalTime(zone, batch.intervalStartMs[i] as number);
  const sameRow = (a: number, b: number): boolean =>
    batch.intervalMinutes[a] === batch.intervalMinutes[b] &&
    sameValue(batch.lmp[a] as number, batch.lmp[b] as number) &&
    sameValue(batch.energy[a] as number, batch.energy[b] as number) &&
    sameValue(batch.congestion[a] as number, batch.congestion[b] as number) &&
    sameValue(batch.loss[a] as number, batch.loss[b] as number) &&
    sameValue(batch.ghg[a] as number, batch.ghg[b] as number);

  const repeatOf = findRepeats(n, groupOf, batch.intervalStartMs);
  // For the first row of a key published with different values: one row that contradicts it.
  const contradictedBy = repeatOf ? new Int32Array(n).fill(-1) : null;
  if (repeatOf && contradictedBy) {
    for (let i = 0; i < n; i++) {
      const first = repeatOf[i] as number;
      if (first >= 0 && contradictedBy[first] === -1 && !sameRow(i, first)) {
        contradictedBy[first] = i;
      }
    }
  }

  const minutesOfRun = runMinutes(batch, options.market);
  const tally = new ProblemTally();
  const keep = new Uint8Array(n);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const start = batch.intervalStartMs[i] as number;
    if (!Number.isFinite(start)) {
      // A malformed time is a parser fault: the store's validation rejects the batch naming the row.
      keep[i] = 1;
      kept++;
      continue;
    }
    const day = calendar.dayAt(start);
    const group = groupOf(i);
    const first = repeatOf ? (repeatOf[i] as number) : -1;
    const head = first >= 0 ? first : i;
    const other = contradictedBy ? (contradictedBy[head] as number) : -1;
    if (other >= 0) {
      if (first < 0) {
        tally.add('duplicate.conflict', group, day, start, -start, () => {
          const a = batch.lmp[i] as number;
          const b = batch.lmp[other] as number;
          return a === b
            ? `${at(i)}: same LMP ${money(a)} but different components or interval length`
            : `${at(i)}: LMP ${money(a)} and ${money(b)}`;
        });
      }
      continue;
    }
    if (first >= 0) {
      tally.add('duplicate.identical', group, day, start, -start, () => at(i));
      continue;
    }
    const lmp = batch.lmp[i] as number;
    if (!isUsableRow(batch, i, lmp)) {
      tally.add(
        'price.unusable',
        group,
        day,
        start,
        -start,
        () => `${at(i)}: ${unusableField(batch, i)}`,
      );
      continue;
    }
    keep[i] = 1;
    kept++;
    if (lmp < range.min || lmp > range.max) {
      tally.add(
        'price.out_of_range',
        group,
        day,
        start,
        Math.max(range.min - lmp, lmp - range.max),
        () =>
          `${at(i)}: LMP ${money(lmp)}, plausible ${range.min} to ${range.max} ${options.market.currency}/MWh`,
      );
    }
    const gap = componentGap(batch, i, lmp);
    if (gap > COMPONENT_TOLERANCE + FLOAT_SLACK) {
      tally.add(
        'components.sum',
        group,
        day,
        start,
        gap,
        () => `${at(i)}: ${sumExample(batch, i)}`,
      );
    }
    const expected = minutesOfRun[batch.runIndex[i] as number] as number;
    const minutes = batch.intervalMinutes[i] as number;
    if (expected === 0) {
      tally.add('run.unknown', group, day, start, -start, () => {
        const run = batch.runs[batch.runIndex[i] as number] as string;
        return `${options.market.id} publishes no ${run} run`;
      });
    } else if (minutes !== expected) {
      tally.add(
        'interval.length',
        group,
        day,
        start,
        -start,
        () =>
          `first at ${at(i)}: ${minutes} minutes long where ${batch.runs[batch.runIndex[i] as number]} ` +
          `intervals are ${expected} minutes`,
      );
    } else if ((start - day.startMs) % (minutes * MINUTE_MS) !== 0) {
      tally.add('interval.alignment', group, day, start, -start, () => at(i));
    }
  }
  return { keep, kept, problems: tally.problems(subjects(batch)) };
};

/** A component may be absent (NaN); if present it must be finite and within the store's sanity limit. */
const isUsableComponent = (v: number): boolean =>
  v !== v || (v >= -MAX_ABS_PRICE && v <= MAX_ABS_PRICE);

/** False when the LMP is NaN, infinite or beyond the sanity limit, or a published component is unusable. */
const isUsableRow = (batch: PriceBatch, i: number, lmp: number): boolean =>
  // Comparisons that NaN and ±Infinity fail, because this runs for every row.
  lmp >= -MAX_ABS_PRICE &&
  lmp <= MAX_ABS_PRICE &&
  isUsableComponent(batch.energy[i] as number) &&
  isUsableComponent(batch.congestion[i] as number) &&
  isUsableComponent(batch.loss[i] as number) &&
  isUsableComponent(batch.ghg[i] as number);

/** Names the value that makes a row unusable. */
const unusableField = (batch: PriceBatch, i: number): string => {
  const lmp = batch.lmp[i] as number;
  if (!(lmp >= -MAX_ABS_PRICE && lmp <= MAX_ABS_PRICE)) {
    return `LMP ${money(lmp)}`;
  }
  const name = COMPONENT_NAMES.find((c) => {
    const v = batch[c][i] as number;
    return !Number.isNaN(v) && !(v >= -MAX_ABS_PRICE && v <= MAX_ABS_PRICE);
  });
  return name ? `${name} ${money(batch[name][i] as number)}` : 'no usable value';
};

/**
 * |LMP − (energy + congestion + loss + GHG where published)|, or 0 when energy, congestion or loss is not
 * published (nothing to add up).
 */
const componentGap = (batch: PriceBatch, i: number, lmp: number): number => {
  const energy = batch.energy[i] as number;
  const congestion = batch.congestion[i] as number;
  const loss = batch.loss[i] as number;
  const ghg = batch.ghg[i] as number;
  const sum = energy + congestion + loss + (ghg === ghg ? ghg : 0);
  // NaN (a component not published) makes the sum NaN, and NaN > tolerance is false: nothing is reported.
  return sum === sum ? Math.abs(lmp - sum) : 0;
};

const sumExample = (batch: PriceBatch, i: number): string => {
  const lmp = batch.lmp[i] as number;
  const ghg = batch.ghg[i] as number;
  const parts = ['energy', 'congestion', 'loss'].map(
    (c) => `${c} ${money(batch[c as 'energy'][i] as number)}`,
  );
  if (!Number.isNaN(ghg)) {
    parts.push(`GHG ${money(ghg)}`);
  }
  const sum =
    (batch.energy[i] as number) +
    (batch.congestion[i] as number) +
    (batch.loss[i] as number) +
    (Number.isNaN(ghg) ? 0 : ghg);
  return `${parts.join(' + ')} = ${money(sum)} vs LMP ${money(lmp)}, off by ${money(Math.abs(lmp - sum))}`;
};

/** Keeps the rows marked 1 in `keep` (the batch itself when nothing is dropped). */
export const selectPriceRows = (batch: PriceBatch, keep: Uint8Array, kept: number): PriceBatch => {
  if (kept === batch.length) {
    return batch;
  }
  const pick = <T extends Float64Array | Uint32Array | Uint16Array | Uint8Array>(column: T): T => {
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
    runs: batch.runs,
    runIndex: pick(batch.runIndex),
    intervalStartMs: pick(batch.intervalStartMs),
    intervalMinutes: pick(batch.intervalMinutes),
    lmp: pick(batch.lmp),
    energy: pick(batch.energy),
    congestion: pick(batch.congestion),
    loss: pick(batch.loss),
    ghg: pick(batch.ghg),
  };
};

/**
 * Marks which intervals of each instrument, run and local day a stored batch holds. Only intervals of the length
 * the run publishes, on its grid, count: anything else was flagged by `inspectPriceBatch`.
 */
export const pricePresence = (
  batch: PriceBatch,
  market: MarketDefinition,
  calendar: LocalDayCalendar,
): PresenceTally => {
  const tally = new PresenceTally(subjects(batch));
  const minutesOfRun = runMinutes(batch, market);
  const runCount = Math.max(1, batch.runs.length);
  for (let i = 0; i < batch.length; i++) {
    const start = batch.intervalStartMs[i] as number;
    const expected = minutesOfRun[batch.runIndex[i] as number] as number;
    if (expected === 0 || batch.intervalMinutes[i] !== expected || !Number.isFinite(start)) {
      continue;
    }
    const group = (batch.instrumentIndex[i] as number) * runCount + (batch.runIndex[i] as number);
    tally.add(group, expected, calendar.dayAt(start), start);
  }
  return tally;
};

/** [first interval start, last interval end) of a batch, or null when it is empty. */
export const priceSpan = (batch: PriceBatch): TimeRange | null => {
  let fromMs = Infinity;
  let toMs = -Infinity;
  for (let i = 0; i < batch.length; i++) {
    const start = batch.intervalStartMs[i] as number;
    fromMs = Math.min(fromMs, start);
    toMs = Math.max(toMs, start + (batch.intervalMinutes[i] as number) * MINUTE_MS);
  }
  return Number.isFinite(fromMs) && Number.isFinite(toMs) ? { fromMs, toMs } : null;
};
