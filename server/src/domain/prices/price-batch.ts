import type { FieldProblem } from '../../platform/errors.js';
import { isInstrumentId } from '../instruments/instrument.js';
import { isMarketRunId, type MarketRunId } from '../markets/market.js';
import { MINUTE_MS, toIsoUtc } from '../time/interval.js';

/**
 * Price observations in columns: the shape feeds produce and stores consume in bulk. Strings are
 * dictionary-encoded (`instrumentIds[instrumentIndex[i]]`), times are UTC interval starts, and an
 * unpublished LMP component is `NaN` (stored as NULL).
 */
export interface PriceBatch {
  readonly length: number;
  readonly instrumentIds: readonly string[];
  readonly instrumentIndex: Uint32Array;
  readonly runs: readonly MarketRunId[];
  readonly runIndex: Uint8Array;
  readonly intervalStartMs: Float64Array;
  readonly intervalMinutes: Uint16Array;
  readonly lmp: Float64Array;
  readonly energy: Float64Array;
  readonly congestion: Float64Array;
  readonly loss: Float64Array;
  readonly ghg: Float64Array;
}

/** One price interval as a plain object; convenient at the edges, slower than columns in bulk. */
export interface PriceObservation {
  readonly instrumentId: string;
  readonly run: MarketRunId;
  readonly intervalStartMs: number;
  readonly intervalMinutes: number;
  readonly lmp: number;
  readonly energy?: number | null;
  readonly congestion?: number | null;
  readonly loss?: number | null;
  readonly ghg?: number | null;
}

const grow = <T extends Float64Array | Uint32Array | Uint16Array | Uint8Array>(
  array: T,
  size: number,
): T => {
  const bigger = new (array.constructor as new (n: number) => T)(size);
  bigger.set(array);
  return bigger;
};

const orNaN = (value: number | null | undefined): number => (value == null ? Number.NaN : value);

/** Accumulates observations into a `PriceBatch`, growing its columns geometrically. */
export class PriceBatchBuilder {
  #length = 0;
  #capacity: number;
  readonly #instrumentIds: string[] = [];
  readonly #instrumentLookup = new Map<string, number>();
  readonly #runs: MarketRunId[] = [];
  #instrumentIndex: Uint32Array;
  #runIndex: Uint8Array;
  #start: Float64Array;
  #minutes: Uint16Array;
  #lmp: Float64Array;
  #energy: Float64Array;
  #congestion: Float64Array;
  #loss: Float64Array;
  #ghg: Float64Array;

  constructor(initialCapacity = 1024) {
    this.#capacity = Math.max(16, initialCapacity);
    this.#instrumentIndex = new Uint32Array(this.#capacity);
    this.#runIndex = new Uint8Array(this.#capacity);
    this.#start = new Float64Array(this.#capacity);
    this.#minutes = new Uint16Array(this.#capacity);
    this.#lmp = new Float64Array(this.#capacity);
    this.#energy = new Float64Array(this.#capacity);
    this.#congestion = new Float64Array(this.#capacity);
    this.#loss = new Float64Array(this.#capacity);
    this.#ghg = new Float64Array(this.#capacity);
  }

  get length(): number {
    return this.#length;
  }

  /** Dictionary slot for an instrument id; lets hot loops skip the string lookup. */
  instrumentSlot(instrumentId: string): number {
    let slot = this.#instrumentLookup.get(instrumentId);
    if (slot === undefined) {
      slot = this.#instrumentIds.length;
      this.#instrumentIds.push(instrumentId);
      this.#instrumentLookup.set(instrumentId, slot);
    }
    return slot;
  }

  runSlot(run: MarketRunId): number {
    let slot = this.#runs.indexOf(run);
    if (slot < 0) {
      slot = this.#runs.length;
      this.#runs.push(run);
    }
    return slot;
  }

  add(observation: PriceObservation): this {
    return this.addColumns(
      this.instrumentSlot(observation.instrumentId),
      this.runSlot(observation.run),
      observation.intervalStartMs,
      observation.intervalMinutes,
      observation.lmp,
      orNaN(observation.energy),
      orNaN(observation.congestion),
      orNaN(observation.loss),
      orNaN(observation.ghg),
    );
  }

  /** Appends one row by dictionary slots; components are NaN when not published. */
  addColumns(
    instrumentSlot: number,
    runSlot: number,
    intervalStartMs: number,
    intervalMinutes: number,
    lmp: number,
    energy: number,
    congestion: number,
    loss: number,
    ghg: number,
  ): this {
    if (this.#length === this.#capacity) {
      this.#reserve(this.#capacity * 2);
    }
    const i = this.#length++;
    this.#instrumentIndex[i] = instrumentSlot;
    this.#runIndex[i] = runSlot;
    this.#start[i] = intervalStartMs;
    this.#minutes[i] = intervalMinutes;
    this.#lmp[i] = lmp;
    this.#energy[i] = energy;
    this.#congestion[i] = congestion;
    this.#loss[i] = loss;
    this.#ghg[i] = ghg;
    return this;
  }

  #reserve(capacity: number): void {
    this.#capacity = capacity;
    this.#instrumentIndex = grow(this.#instrumentIndex, capacity);
    this.#runIndex = grow(this.#runIndex, capacity);
    this.#start = grow(this.#start, capacity);
    this.#minutes = grow(this.#minutes, capacity);
    this.#lmp = grow(this.#lmp, capacity);
    this.#energy = grow(this.#energy, capacity);
    this.#congestion = grow(this.#congestion, capacity);
    this.#loss = grow(this.#loss, capacity);
    this.#ghg = grow(this.#ghg, capacity);
  }

  build(): PriceBatch {
    const n = this.#length;
    return {
      length: n,
      instrumentIds: [...this.#instrumentIds],
      instrumentIndex: this.#instrumentIndex.slice(0, n),
      runs: [...this.#runs],
      runIndex: this.#runIndex.slice(0, n),
      intervalStartMs: this.#start.slice(0, n),
      intervalMinutes: this.#minutes.slice(0, n),
      lmp: this.#lmp.slice(0, n),
      energy: this.#energy.slice(0, n),
      congestion: this.#congestion.slice(0, n),
      loss: this.#loss.slice(0, n),
      ghg: this.#ghg.slice(0, n),
    };
  }
}

export const emptyPriceBatch = (): PriceBatch => new PriceBatchBuilder(16).build();

/** Row `i` of a batch as an observation (NaN components become null). */
export const priceObservationAt = (batch: PriceBatch, i: number): PriceObservation => {
  const nullable = (v: number): number | null => (Number.isNaN(v) ? null : v);
  return {
    instrumentId: batch.instrumentIds[batch.instrumentIndex[i] as number] as string,
    run: batch.runs[batch.runIndex[i] as number] as MarketRunId,
    intervalStartMs: batch.intervalStartMs[i] as number,
    intervalMinutes: batch.intervalMinutes[i] as number,
    lmp: batch.lmp[i] as number,
    energy: nullable(batch.energy[i] as number),
    congestion: nullable(batch.congestion[i] as number),
    loss: nullable(batch.loss[i] as number),
    ghg: nullable(batch.ghg[i] as number),
  };
};

export const priceBatchFrom = (observations: Iterable<PriceObservation>): PriceBatch => {
  const builder = new PriceBatchBuilder();
  for (const o of observations) {
    builder.add(o);
  }
  return builder.build();
};

/** Prices beyond this magnitude are corrupt input, not market outcomes (caps are in the low thousands). */
export const MAX_ABS_PRICE = 100_000;
const EARLIEST_MS = Date.UTC(1990, 0, 1);
const LATEST_MS = Date.UTC(2100, 0, 1);
const MAX_PROBLEMS = 20;

/**
 * Checks a batch before anything is stored. Returns every problem found (up to 20), naming the row,
 * so the caller can reject the whole batch with a clear message and write nothing.
 */
export const validatePriceBatch = (batch: PriceBatch): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  batch.instrumentIds.forEach((id) => {
    if (!isInstrumentId(id)) {
      problems.push({
        field: 'instrument',
        message: `"${id}" is not an instrument id of the form MARKET.CODE`,
      });
    }
  });
  batch.runs.forEach((run) => {
    if (!isMarketRunId(run)) {
      problems.push({ field: 'run', message: `"${String(run)}" is not a market run` });
    }
  });
  const report = (i: number, field: string, message: string): void => {
    if (problems.length < MAX_PROBLEMS) {
      const id = batch.instrumentIds[batch.instrumentIndex[i] as number] ?? '?';
      const at = Number.isFinite(batch.intervalStartMs[i])
        ? toIsoUtc(batch.intervalStartMs[i] as number)
        : '?';
      problems.push({ field: `row ${i + 1} (${id} @ ${at}).${field}`, message });
    }
  };
  const components = [
    ['energy', batch.energy],
    ['congestion', batch.congestion],
    ['loss', batch.loss],
    ['ghg', batch.ghg],
  ] as const;
  for (let i = 0; i < batch.length && problems.length < MAX_PROBLEMS; i++) {
    const start = batch.intervalStartMs[i] as number;
    const minutes = batch.intervalMinutes[i] as number;
    const lmp = batch.lmp[i] as number;
    if (
      !Number.isFinite(start) ||
      start % MINUTE_MS !== 0 ||
      start < EARLIEST_MS ||
      start >= LATEST_MS
    ) {
      report(i, 'intervalStart', 'must be a whole minute between 1990 and 2100 (UTC)');
    }
    if (minutes < 1 || minutes > 1500) {
      report(i, 'intervalMinutes', `must be between 1 and 1500, got ${minutes}`);
    }
    if (!Number.isFinite(lmp) || Math.abs(lmp) > MAX_ABS_PRICE) {
      report(i, 'lmp', `must be a finite price within ±${MAX_ABS_PRICE}, got ${lmp}`);
    }
    for (const [name, column] of components) {
      const v = column[i] as number;
      if (!Number.isNaN(v) && (!Number.isFinite(v) || Math.abs(v) > MAX_ABS_PRICE)) {
        report(i, name, `must be a finite price within ±${MAX_ABS_PRICE} or absent, got ${v}`);
      }
    }
    if ((batch.instrumentIndex[i] as number) >= batch.instrumentIds.length) {
      report(i, 'instrument', 'refers to no instrument');
    }
    if ((batch.runIndex[i] as number) >= batch.runs.length) {
      report(i, 'run', 'refers to no market run');
    }
  }
  return problems;
};
