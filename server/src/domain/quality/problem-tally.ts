import { MINUTE_MS } from '../time/interval.js';
import { dayMinutes, type LocalDay } from './local-days.js';
import {
  CHECK_RULES,
  type QualityCheck,
  type QualityProblem,
  type QualitySubject,
} from './quality-check.js';

const counted = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

/** How each check reads to a trader, given how many intervals that day have it and the telling example. */
const MESSAGES: Readonly<Record<QualityCheck, (n: number, example: string) => string>> = {
  'duplicate.identical': (n, e) =>
    `${counted(n, 'interval')} published more than once with identical values (first at ${e}); one copy stored`,
  'duplicate.conflict': (n, e) =>
    `${counted(n, 'interval')} published more than once with different values (${e}); none of them stored ` +
    'from this publication, so the interval counts as missing until the source settles on one value',
  'price.unusable': (n, e) => `${counted(n, 'interval')} without a usable price (${e}); not stored`,
  'price.out_of_range': (n, e) =>
    `${counted(n, 'interval')} priced outside the plausible range (most extreme ${e}); ` +
    'stored as published, verify before use',
  'components.sum': (n, e) =>
    `${counted(n, 'interval')} where the components do not add up to the LMP within 0.01 (worst ${e}); ` +
    'stored as published',
  'interval.length': (n, e) =>
    `${counted(n, 'interval')} of the wrong length (${e}); stored, not counted toward completeness`,
  'interval.alignment': (n, e) =>
    `${counted(n, 'interval')} starting off the run's grid from local midnight (first at ${e}); ` +
    'stored, not counted toward completeness',
  'run.unknown': (n, e) =>
    `${counted(n, 'interval')} of a market run the market does not publish (${e}); stored, but interval ` +
    'length and completeness cannot be judged',
  'value.unusable': (n, e) =>
    `${counted(n, 'interval')} without a usable MW value (${e}); not stored`,
  'completeness.missing': (_n, e) => e,
};

/**
 * What a problem says, given how many intervals have it and its telling example (the `detail`). Stores keep the
 * detail and the affected intervals, and re-describe a problem whose count changed as later ingests merged in.
 */
export const problemMessage = (check: QualityCheck, count: number, detail: string): string =>
  MESSAGES[check](count, detail);

/**
 * A problem as one inspection found it, with what a store needs to merge it with earlier findings: the local
 * day, the example, and which intervals are affected.
 */
export interface QualityFinding extends QualityProblem {
  readonly day: LocalDay;
  readonly detail: string;
  /** One entry per minute of the local day: 1 where an affected interval starts. */
  readonly affected: Uint8Array;
}

interface Aggregate {
  readonly check: QualityCheck;
  readonly group: number;
  readonly day: LocalDay;
  readonly affected: Uint8Array;
  firstMs: number;
  bestScore: number;
  example: string;
}

const countOf = (bits: Uint8Array): number => {
  let count = 0;
  for (const bit of bits) {
    count += bit;
  }
  return count;
};

/**
 * Collects findings row by row and folds them into one problem per check, subject and local day, keeping the
 * count, the first interval and the most telling example. Examples are built lazily: a systematic fault over a
 * million rows formats one string per day, not a million.
 */
export class ProblemTally {
  readonly #aggregates = new Map<string, Aggregate>();

  get size(): number {
    return this.#aggregates.size;
  }

  /**
   * Records one offending row. `group` identifies the subject (see `problems`); the example with the highest
   * `score` is kept (pass −start to keep the earliest).
   */
  add(
    check: QualityCheck,
    group: number,
    day: LocalDay,
    startMs: number,
    score: number,
    example: () => string,
  ): void {
    const key = `${check}|${group}|${day.date}`;
    let found = this.#aggregates.get(key);
    if (found === undefined) {
      found = {
        check,
        group,
        day,
        affected: new Uint8Array(dayMinutes(day)),
        firstMs: startMs,
        bestScore: score,
        example: example(),
      };
      this.#aggregates.set(key, found);
    } else if (score > found.bestScore) {
      found.bestScore = score;
      found.example = example();
    }
    found.affected[Math.floor((startMs - day.startMs) / MINUTE_MS)] = 1;
    found.firstMs = Math.min(found.firstMs, startMs);
  }

  /**
   * The findings, ordered by day, subject and check. The count is of distinct intervals: an interval published
   * three times is one interval with a repeat.
   */
  problems(subjectOf: (group: number) => QualitySubject): QualityFinding[] {
    return [...this.#aggregates.values()]
      .sort(
        (a, b) =>
          a.day.startMs - b.day.startMs || a.group - b.group || a.check.localeCompare(b.check),
      )
      .map((a) => {
        const count = countOf(a.affected);
        return {
          check: a.check,
          ...CHECK_RULES[a.check],
          ...subjectOf(a.group),
          localDay: a.day.date,
          intervalStartMs: a.firstMs,
          count,
          message: MESSAGES[a.check](count, a.example),
          day: a.day,
          detail: a.example,
          affected: a.affected,
        };
      });
  }
}
