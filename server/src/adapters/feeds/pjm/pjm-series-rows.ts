import { instrumentId, type InstrumentDefinition } from '../../../domain/instruments/instrument.js';
import {
  seriesBatchFrom,
  type SeriesObservation,
  type SeriesVariable,
} from '../../../domain/series/series-batch.js';
import type { TimeRange } from '../../../domain/time/interval.js';
import type { FeedData } from '../../../ports/market-feed.js';
import { PJM_MARKET_ID } from './pjm-market.js';

interface Row {
  code: string;
  variable: SeriesVariable;
  intervalStartMs: number;
  intervalMinutes: number;
  valueMw: number;
  issuedAtMs: number | null;
}

/**
 * Fundamentals rows of one search (load, forecasts, fuel mix are a few thousand rows a day, so plain objects do).
 * A row whose key (code, variable, interval, vintage) was already given is a problem: the operator sent two
 * values for one thing. Rows that are meant to add up (two PJM fuels in one category) go through `accumulate`.
 */
export class SeriesRows {
  readonly #rows = new Map<string, Row>();
  readonly #instruments = new Map<string, InstrumentDefinition>();
  readonly #window: TimeRange | null;

  constructor(window: TimeRange | null = null) {
    this.#window = window;
  }

  /** True when an interval starting at `startMs` is to be kept. */
  wants(startMs: number): boolean {
    return this.#window === null || (startMs >= this.#window.fromMs && startMs < this.#window.toMs);
  }

  instrument(definition: InstrumentDefinition): void {
    if (!this.#instruments.has(definition.code)) {
      this.#instruments.set(definition.code, definition);
    }
  }

  /** Adds one value; `repeated` builds the error when the same key was already given. */
  add(row: Row, repeated: () => Error): void {
    const key = `${row.code}|${row.variable}|${row.intervalStartMs}|${row.issuedAtMs ?? ''}`;
    if (this.#rows.has(key)) {
      throw repeated();
    }
    this.#rows.set(key, row);
  }

  /** Adds `row.valueMw` onto the value already held for the same key (several source categories in one). */
  accumulate(row: Row): void {
    const key = `${row.code}|${row.variable}|${row.intervalStartMs}|${row.issuedAtMs ?? ''}`;
    const held = this.#rows.get(key);
    if (held === undefined) {
      this.#rows.set(key, { ...row });
    } else {
      held.valueMw += row.valueMw;
    }
  }

  finish(): FeedData {
    const observations: SeriesObservation[] = [...this.#rows.values()].map((row) => ({
      instrumentId: instrumentId(PJM_MARKET_ID, row.code),
      variable: row.variable,
      intervalStartMs: row.intervalStartMs,
      intervalMinutes: row.intervalMinutes,
      valueMw: row.valueMw,
      issuedAtMs: row.issuedAtMs,
    }));
    const used = new Set(observations.map((o) => o.instrumentId));
    return {
      kind: 'series',
      series: seriesBatchFrom(observations),
      instruments: [...this.#instruments.values()].filter((i) => used.has(i.id)),
    };
  }
}
