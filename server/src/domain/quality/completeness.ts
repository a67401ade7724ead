import { MINUTE_MS, type TimeRange } from '../time/interval.js';
import { dayMinutes, formatLocalSpan, type LocalDay, type LocalDayCalendar } from './local-days.js';
import { CHECK_RULES, type QualityProblem, type QualitySubject } from './quality-check.js';

/**
 * Completeness is counted on a grid per subject and local day: slot k is the interval starting k × length after
 * local midnight. A 23-hour day has 276 five-minute slots (23 hourly), a 25-hour day 300 (25 hourly).
 */
export const slotsIn = (day: LocalDay, intervalMinutes: number): number =>
  Math.floor(dayMinutes(day) / intervalMinutes);

/** The grid slot of an interval, or −1 when it does not start on the grid of its day. */
export const slotOf = (day: LocalDay, startMs: number, intervalMinutes: number): number => {
  const offset = startMs - day.startMs;
  const step = intervalMinutes * MINUTE_MS;
  if (offset < 0 || offset % step !== 0) {
    return -1;
  }
  const slot = offset / step;
  return slot < slotsIn(day, intervalMinutes) ? slot : -1;
};

/** Which slots of one subject's local day were present in what was stored (1 = present). */
export interface DayPresence {
  readonly subject: QualitySubject;
  readonly day: LocalDay;
  readonly intervalMinutes: number;
  readonly slots: number;
  readonly present: Uint8Array;
}

interface GroupEntry {
  readonly subject: QualitySubject;
  readonly intervalMinutes: number;
  readonly days: DayPresence[];
  /** The day the group's last row fell on: rows of one subject usually share a day. */
  last: DayPresence | null;
}

/**
 * Marks present intervals per subject (a dense group number: instrument and run, or instrument and variable)
 * and local day. This runs for every stored row, so the common path is an array lookup and a write.
 */
export class PresenceTally {
  readonly #groups: (GroupEntry | undefined)[] = [];
  readonly #subjectOf: (group: number) => QualitySubject;

  constructor(subjectOf: (group: number) => QualitySubject) {
    this.#subjectOf = subjectOf;
  }

  /** Counts one interval of `group` whose expected length is `intervalMinutes`. */
  add(group: number, intervalMinutes: number, day: LocalDay, startMs: number): void {
    let entry = this.#groups[group];
    if (entry === undefined) {
      entry = { subject: this.#subjectOf(group), intervalMinutes, days: [], last: null };
      this.#groups[group] = entry;
    }
    let presence = entry.last;
    if (presence === null || presence.day !== day) {
      presence = dayOf(entry, day);
      entry.last = presence;
    }
    const offset = startMs - day.startMs;
    const step = presence.intervalMinutes * MINUTE_MS;
    const slot = offset / step;
    if (slot >= 0 && slot < presence.slots && offset % step === 0) {
      presence.present[slot] = 1;
    }
  }

  /**
   * Every subject's presence on every day it was seen, plus an empty day for each of `claimedDays` it is missing
   * from altogether (a node that vanished for a whole day is a gap, not an absence of evidence).
   */
  result(claimedDays: readonly LocalDay[]): DayPresence[] {
    const rows: DayPresence[] = [];
    for (const entry of this.#groups) {
      if (entry === undefined) {
        continue;
      }
      for (const day of claimedDays) {
        dayOf(entry, day);
      }
      rows.push(...entry.days.sort((a, b) => a.day.startMs - b.day.startMs));
    }
    return rows;
  }
}

const dayOf = (entry: GroupEntry, day: LocalDay): DayPresence => {
  let presence = entry.days.find((d) => d.day.date === day.date);
  if (presence === undefined) {
    const slots = slotsIn(day, entry.intervalMinutes);
    presence = {
      subject: entry.subject,
      day,
      intervalMinutes: entry.intervalMinutes,
      slots,
      present: new Uint8Array(slots),
    };
    entry.days.push(presence);
  }
  return presence;
};

/** Which minutes of a local day the fetched windows (or a file) claimed to cover (1 = covered). */
export interface DayCoverage {
  readonly day: LocalDay;
  readonly covered: Uint8Array;
}

/** The coverage that `ranges` give each local day they touch. */
export const coverageOf = (
  calendar: LocalDayCalendar,
  ranges: readonly TimeRange[],
): DayCoverage[] => {
  const byDate = new Map<string, DayCoverage>();
  for (const range of ranges) {
    for (const day of calendar.daysOverlapping(range)) {
      let coverage = byDate.get(day.date);
      if (coverage === undefined) {
        coverage = { day, covered: new Uint8Array(dayMinutes(day)) };
        byDate.set(day.date, coverage);
      }
      const from = Math.max(0, Math.ceil((range.fromMs - day.startMs) / MINUTE_MS));
      const to = Math.min(dayMinutes(day), Math.floor((range.toMs - day.startMs) / MINUTE_MS));
      coverage.covered.fill(1, from, Math.max(from, to));
    }
  }
  return [...byDate.values()].sort((a, b) => a.day.startMs - b.day.startMs);
};

/**
 * What a batch claims to cover, so a day is judged only when the whole of it was asked for:
 * a fetch claims its window; a saved file claims the span of its data, widened to whole local days for
 * documents that are published a day at a time (day-ahead results), because a day-ahead file missing its
 * last hour is an incomplete day, not a partial one.
 */
export const claimedRanges = (
  window: TimeRange | null,
  dataSpan: TimeRange | null,
  publishedByDay: boolean,
  calendar: LocalDayCalendar,
): TimeRange[] => {
  if (window !== null) {
    return [window];
  }
  if (dataSpan === null) {
    return [];
  }
  if (!publishedByDay) {
    return [dataSpan];
  }
  const days = calendar.daysOverlapping(dataSpan);
  const first = days[0];
  const last = days.at(-1);
  return first && last ? [{ fromMs: first.startMs, toMs: last.endMs }] : [];
};

/** `partial`: not all of the day has been fetched yet, so it is not judged. */
export type DayStatus = 'complete' | 'incomplete' | 'partial';

export const judgeDay = (presentCount: number, slots: number, fullyCovered: boolean): DayStatus =>
  !fullyCovered ? 'partial' : presentCount >= slots ? 'complete' : 'incomplete';

const intervalWords = (minutes: number): string =>
  minutes === 60 ? 'hourly' : minutes === 1440 ? 'daily' : `${minutes}-minute`;

const MAX_GAPS_NAMED = 4;

/** The missing stretches of a day as local time spans, at most a few, e.g. `01:00–02:00 CDT, 14:05–14:10 CDT`. */
export const describeGaps = (
  zone: string,
  day: LocalDay,
  intervalMinutes: number,
  present: Uint8Array,
): string => {
  const step = intervalMinutes * MINUTE_MS;
  const gaps: string[] = [];
  let total = 0;
  for (let slot = 0; slot < present.length; slot++) {
    if (present[slot] === 1) {
      continue;
    }
    let end = slot;
    while (end + 1 < present.length && present[end + 1] !== 1) {
      end++;
    }
    total++;
    if (gaps.length < MAX_GAPS_NAMED) {
      gaps.push(
        formatLocalSpan(zone, day, day.startMs + slot * step, day.startMs + (end + 1) * step),
      );
    }
    slot = end;
  }
  const more = total - gaps.length;
  return gaps.join(', ') + (more > 0 ? ` and ${more} more gap${more === 1 ? '' : 's'}` : '');
};

/**
 * The completeness problem of a fully fetched day, or null when every interval is there. The message says how
 * many intervals the day should have, which makes daylight-saving days (23 and 25 hours) explicit.
 */
export const completenessProblem = (
  zone: string,
  subject: QualitySubject,
  day: LocalDay,
  intervalMinutes: number,
  present: Uint8Array,
): QualityProblem | null => {
  let presentCount = 0;
  let firstMissing = -1;
  for (let slot = 0; slot < present.length; slot++) {
    if (present[slot] === 1) {
      presentCount++;
    } else if (firstMissing < 0) {
      firstMissing = slot;
    }
  }
  if (firstMissing < 0) {
    return null;
  }
  const hours = dayMinutes(day) / 60;
  const missing = present.length - presentCount;
  return {
    check: 'completeness.missing',
    ...CHECK_RULES['completeness.missing'],
    ...subject,
    localDay: day.date,
    intervalStartMs: day.startMs + firstMissing * intervalMinutes * MINUTE_MS,
    count: missing,
    message:
      `${presentCount} of ${present.length} ${intervalWords(intervalMinutes)} intervals present on this ` +
      `${hours}-hour day (${missing} missing): ${describeGaps(zone, day, intervalMinutes, present)}`,
  };
};
