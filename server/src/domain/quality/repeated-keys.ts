import { MINUTE_MS } from '../time/interval.js';

const MINUTE_SPAN = 134_217_728; // 2^27 minutes (about 255 years) from the batch's first interval
const MAX_GROUP = 67_108_864; // 2^26 groups: group × 2^27 + minute stays an exact double

/**
 * For each row, the index of the first earlier row with the same key (group and interval start), or −1.
 * Returns null when every key is unique, which is the common case and is proved in one linear pass when rows
 * come ordered by group then time or by time then group (as most sources emit them); only unordered batches pay
 * for a sort, and only batches that really repeat a key pay for a map.
 *
 * `groupOf(i)` identifies everything in the key except the interval start (instrument and run, or instrument,
 * variable and forecast vintage) as a non-negative integer.
 */
export const findRepeats = (
  length: number,
  groupOf: (i: number) => number,
  startMs: Float64Array,
): Int32Array | null => {
  if (length < 2) {
    return null;
  }
  let minStart = Infinity;
  for (let i = 0; i < length; i++) {
    const start = startMs[i] as number;
    if (start < minStart) {
      minStart = start;
    }
  }
  const packed = new Float64Array(length);
  let exact = Number.isFinite(minStart);
  let groupMajor = true;
  let timeMajor = true;
  let previousTimeKey = -1;
  for (let i = 0; i < length && exact; i++) {
    const minute = ((startMs[i] as number) - minStart) / MINUTE_MS;
    const group = groupOf(i);
    exact = Number.isInteger(minute) && minute < MINUTE_SPAN && group < MAX_GROUP;
    const key = group * MINUTE_SPAN + minute;
    const timeKey = minute * MAX_GROUP + group;
    if (i > 0) {
      groupMajor &&= key > (packed[i - 1] as number);
      timeMajor &&= timeKey > previousTimeKey;
    }
    packed[i] = key;
    previousTimeKey = timeKey;
  }
  if (exact) {
    if (groupMajor || timeMajor) {
      return null;
    }
    const sorted = packed.slice().sort();
    let repeated = false;
    for (let i = 1; i < length && !repeated; i++) {
      repeated = sorted[i] === sorted[i - 1];
    }
    if (!repeated) {
      return null;
    }
  }
  // Rare: repeats exist, or starts are not whole minutes (the store rejects those; keys stay exact as strings).
  const first = new Map<number | string, number>();
  const repeatOf = new Int32Array(length).fill(-1);
  let any = false;
  for (let i = 0; i < length; i++) {
    const key = exact ? (packed[i] as number) : `${groupOf(i)}|${startMs[i]}`;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, i);
    } else {
      repeatOf[i] = earlier;
      any = true;
    }
  }
  return any ? repeatOf : null;
};
