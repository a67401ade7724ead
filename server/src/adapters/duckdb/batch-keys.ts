import type { FieldProblem } from '../../platform/errors.js';

/**
 * Finds rows of a batch that share a key (same instrument, run or variable, and interval start).
 *
 * Most sources emit rows already ordered by instrument then time, or by time then instrument, so one linear
 * pass proves uniqueness; only unordered batches pay for a sort. Keys are packed into one exact double:
 * group slot (< 2^23) and minutes since the batch's first interval (< 2^27, about 255 years).
 */
export const findDuplicateRows = (
  length: number,
  groupOf: (i: number) => number,
  startMs: Float64Array,
  extraKey?: Float64Array,
): [number, number][] => {
  if (length < 2) {
    return [];
  }
  let minStart = Infinity;
  for (let i = 0; i < length; i++) {
    minStart = Math.min(minStart, startMs[i] as number);
  }
  const packed = new Float64Array(length);
  let groupMajor = true;
  let timeMajor = true;
  let previousTimeMajor = -1;
  for (let i = 0; i < length; i++) {
    const minute = ((startMs[i] as number) - minStart) / 60_000;
    const group = groupOf(i);
    const key = group * 134_217_728 + minute;
    packed[i] = key;
    const timeKey = minute * 8_388_608 + group;
    if (i > 0) {
      groupMajor &&= key > (packed[i - 1] as number);
      timeMajor &&= timeKey > previousTimeMajor;
    }
    previousTimeMajor = timeKey;
  }
  if ((groupMajor || timeMajor) && !extraKey) {
    return [];
  }
  const seen = new Map<string, number>();
  const sorted = extraKey ? null : packed.slice().sort();
  if (sorted) {
    let any = false;
    for (let i = 1; i < length && !any; i++) {
      any = sorted[i] === sorted[i - 1];
    }
    if (!any) {
      return [];
    }
  }
  const duplicates: [number, number][] = [];
  for (let i = 0; i < length; i++) {
    const key = extraKey ? `${packed[i]}|${extraKey[i]}` : String(packed[i]);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
    } else {
      duplicates.push([first, i]);
    }
  }
  return duplicates;
};

/** Describes conflicting duplicates for an error message (at most a few). */
export const describeConflicts = (
  conflicts: readonly [number, number][],
  label: (i: number) => string,
): FieldProblem[] =>
  conflicts.slice(0, 10).map(([a, b]) => ({
    field: `row ${b + 1}`,
    message: `repeats the key of row ${a + 1} (${label(a)}) with a different value`,
  }));
