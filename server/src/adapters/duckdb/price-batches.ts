import type { MarketRunId } from '../../domain/markets/market.js';
import type { PriceBatch } from '../../domain/prices/price-batch.js';
import { AppError } from '../../platform/errors.js';
import { describeConflicts, findDuplicateRows } from './batch-keys.js';
import { runFromCode } from './run-codes.js';
import type { SeriesKeys } from './series-keys.js';

/** Column helpers for price batches moving in and out of DuckDB. */

export const permute = <
  T extends Float64Array | Uint16Array | Uint32Array | Uint8Array | Int32Array,
>(
  column: T,
  order: Uint32Array | null,
): T => {
  if (order === null) {
    return column;
  }
  const out = new (column.constructor as new (n: number) => T)(order.length);
  for (let i = 0; i < order.length; i++) {
    out[i] = column[order[i] as number] as number;
  }
  return out;
};

const sameValue = (a: number, b: number): boolean =>
  a === b || (Number.isNaN(a) && Number.isNaN(b));

/**
 * A source that repeats a row verbatim is harmless: keep one copy. Repeating a key with a different value is a
 * contradiction inside one publication and rejects the whole batch.
 */
export const dropIdenticalDuplicates = (batch: PriceBatch): PriceBatch => {
  const pairs = findDuplicateRows(
    batch.length,
    (i) => (batch.instrumentIndex[i] as number) * 8 + (batch.runIndex[i] as number),
    batch.intervalStartMs,
  );
  if (pairs.length === 0) {
    return batch;
  }
  const conflicts = pairs.filter(
    ([a, b]) =>
      batch.intervalMinutes[a] !== batch.intervalMinutes[b] ||
      !sameValue(batch.lmp[a] as number, batch.lmp[b] as number) ||
      !sameValue(batch.energy[a] as number, batch.energy[b] as number) ||
      !sameValue(batch.congestion[a] as number, batch.congestion[b] as number) ||
      !sameValue(batch.loss[a] as number, batch.loss[b] as number) ||
      !sameValue(batch.ghg[a] as number, batch.ghg[b] as number),
  );
  if (conflicts.length > 0) {
    throw new AppError(
      'invalid_request',
      'The batch gives two different values for the same interval; nothing was stored',
      {
        fields: describeConflicts(
          conflicts,
          (i) =>
            `${batch.instrumentIds[batch.instrumentIndex[i] as number]} ${batch.runs[batch.runIndex[i] as number]} @ ${new Date(batch.intervalStartMs[i] as number).toISOString()}`,
        ),
      },
    );
  }
  const drop = new Set(pairs.map(([, b]) => b));
  const keep = Uint32Array.from({ length: batch.length }, (_, i) => i).filter((i) => !drop.has(i));
  return {
    ...batch,
    length: keep.length,
    instrumentIndex: permute(batch.instrumentIndex, keep),
    runIndex: permute(batch.runIndex, keep),
    intervalStartMs: permute(batch.intervalStartMs, keep),
    intervalMinutes: permute(batch.intervalMinutes, keep),
    lmp: permute(batch.lmp, keep),
    energy: permute(batch.energy, keep),
    congestion: permute(batch.congestion, keep),
    loss: permute(batch.loss, keep),
    ghg: permute(batch.ghg, keep),
  };
};

/**
 * The permutation that orders rows by requested instrument, run code, then interval start; null when they already
 * are (the usual case: rows come back in insertion order, which is time order per series). Sorting here instead of
 * in SQL matters: DuckDB plans ORDER BY … LIMIT as a top-N that costs about 2 ms even for a few hundred rows.
 */
export const rowOrder = (
  keys: SeriesKeys,
  rowCount: number,
  instrumentKey: Int32Array,
  runCode: Uint8Array,
  startMs: Float64Array,
  requested: readonly string[],
): Uint32Array | null => {
  const rank = new Map<number, number>();
  keys.keysOf(requested).forEach((key, i) => rank.set(key, i));
  const compare = (a: number, b: number): number =>
    (rank.get(instrumentKey[a] as number) ?? 0) - (rank.get(instrumentKey[b] as number) ?? 0) ||
    (runCode[a] as number) - (runCode[b] as number) ||
    (startMs[a] as number) - (startMs[b] as number);
  let sorted = true;
  for (let i = 1; i < rowCount && sorted; i++) {
    sorted = compare(i - 1, i) < 0;
  }
  if (sorted) {
    return null;
  }
  const order = Uint32Array.from({ length: rowCount }, (_, i) => i);
  order.sort(compare);
  return order;
};

/** Builds a price batch from the columns of a price query (key, run, start, minutes, lmp, components). */
export const toPriceBatch = (
  dictionary: SeriesKeys,
  rowCount: number,
  columns: readonly [
    Int32Array,
    Uint8Array,
    Float64Array,
    Uint16Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    ...unknown[],
  ],
  requested: readonly string[],
  order: Uint32Array | null = rowOrder(
    dictionary,
    rowCount,
    columns[0],
    columns[1],
    columns[2],
    requested,
  ),
): PriceBatch => {
  const [keyColumn, runColumn, start, minutes, lmp, energy, congestion, loss, ghg] = columns;
  const instrumentIds: string[] = [];
  const slotByKey = new Map<number, number>();
  const runs: MarketRunId[] = [];
  const slotByRun = new Map<number, number>();
  const instrumentIndex = new Uint32Array(rowCount);
  const runIndex = new Uint8Array(rowCount);
  const keys = permute(keyColumn, order);
  const runCodes = permute(runColumn, order);
  for (let i = 0; i < rowCount; i++) {
    const key = keys[i] as number;
    let slot = slotByKey.get(key);
    if (slot === undefined) {
      slot = instrumentIds.push(dictionary.idOf(key)) - 1;
      slotByKey.set(key, slot);
    }
    instrumentIndex[i] = slot;
    const code = runCodes[i] as number;
    let runSlot = slotByRun.get(code);
    if (runSlot === undefined) {
      runSlot = runs.push(runFromCode(code)) - 1;
      slotByRun.set(code, runSlot);
    }
    runIndex[i] = runSlot;
  }
  return {
    length: rowCount,
    instrumentIds,
    instrumentIndex,
    runs,
    runIndex,
    intervalStartMs: permute(start, order),
    intervalMinutes: permute(minutes, order),
    lmp: permute(lmp, order),
    energy: permute(energy, order),
    congestion: permute(congestion, order),
    loss: permute(loss, order),
    ghg: permute(ghg, order),
  };
};
