import { MINUTE_MS, type TimeRange } from '../../../domain/time/interval.js';
import { addDays, localDateOf, localDayBounds, utcMsToLocal } from '../../../domain/time/zoned.js';
import { PJM_TIMEZONE } from './pjm-market.js';

/**
 * Data Miner 2 moves rows older than this many days into its archive: 5-minute feeds after 186 days, hourly feeds
 * after 731 (counted from today's midnight, Eastern). Archived rows can only be searched without field selection
 * or pnode filters, and a search may not span the archive boundary or a year boundary.
 */
export const archiveAgeDays = (intervalMinutes: number): number =>
  intervalMinutes < 60 ? 186 : 731;

/** One Data Miner search covering part of a requested window. */
export interface DataMinerWindow {
  /** UTC range this search covers, [fromMs, toMs). */
  readonly fromMs: number;
  readonly toMs: number;
  /** True when the rows are archived: ask without `fields` and pnode filters, filter after reading. */
  readonly archived: boolean;
  /** The range as Data Miner's EPT filter takes it: `MM/DD/YYYY HH:MMtoMM/DD/YYYY HH:MM`, end inclusive. */
  readonly eptRange: string;
}

/** First instant (UTC ms) that is not archived for a feed of `intervalMinutes` as of `nowMs`. */
export const archiveStartMs = (intervalMinutes: number, nowMs: number): number =>
  localDayBounds(
    PJM_TIMEZONE,
    addDays(localDateOf(PJM_TIMEZONE, nowMs), -archiveAgeDays(intervalMinutes)),
  ).startMs;

const pad = (n: number): string => String(n).padStart(2, '0');

/** Eastern wall-clock minute of `ms` as Data Miner writes it: `06/09/2026 23:59`. */
const eptText = (ms: number): string => {
  const t = utcMsToLocal(PJM_TIMEZONE, ms);
  return `${pad(t.month)}/${pad(t.day)}/${t.year} ${pad(t.hour)}:${pad(t.minute)}`;
};

/**
 * The EPT filter for [fromMs, toMs): from the first minute to the last minute inside, since Data Miner includes
 * the end. On a fall-back day an EPT range names wall-clock times that happen twice, so a search can return rows
 * just outside the window; readers drop them by their UTC start.
 */
export const eptRange = (range: TimeRange): string =>
  `${eptText(range.fromMs)}to${eptText(range.toMs - MINUTE_MS)}`;

/**
 * Splits a window into the Data Miner searches that cover it: cut at the archive boundary and at every Eastern
 * new year, since a search may cross neither. The ingest asks for one local day, which never crosses a new year
 * and, because the boundary is a local midnight, never the archive boundary either; longer windows are split.
 */
export const planDataMinerWindows = (
  window: TimeRange,
  intervalMinutes: number,
  nowMs: number,
): DataMinerWindow[] => {
  if (!(window.toMs - window.fromMs >= MINUTE_MS)) {
    return [];
  }
  const archiveFrom = archiveStartMs(intervalMinutes, nowMs);
  const cuts = new Set<number>([archiveFrom]);
  const firstYear = utcMsToLocal(PJM_TIMEZONE, window.fromMs).year;
  const lastYear = utcMsToLocal(PJM_TIMEZONE, window.toMs).year;
  for (let year = firstYear + 1; year <= lastYear; year++) {
    cuts.add(localDayBounds(PJM_TIMEZONE, `${year}-01-01`).startMs);
  }
  const inside = [...cuts]
    .filter((cut) => cut > window.fromMs && cut < window.toMs)
    .sort((a, b) => a - b);
  const bounds = [window.fromMs, ...inside, window.toMs];
  const windows: DataMinerWindow[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const range = { fromMs: bounds[i] as number, toMs: bounds[i + 1] as number };
    if (range.toMs - range.fromMs < MINUTE_MS) {
      continue;
    }
    windows.push({ ...range, archived: range.fromMs < archiveFrom, eptRange: eptRange(range) });
  }
  return windows;
};
