import type { CurveDefinition, CurveRun, ForwardQuote } from '../domain/curves/curve-model.js';
import type { IsoDate } from '../domain/time/zoned.js';
import type { Page, PageRequest } from './metadata-store.js';

/** What storing a definition did. */
export type DefinitionWrite = 'created' | 'updated' | 'unchanged';

/**
 * What storing a batch of quotes did. A quote's key is its curve, as-of date, delivery period, bucket and source:
 * a quote with a stored key and different prices or quote date re-marks it (`replaced`), an identical one is
 * `unchanged`.
 */
export interface QuoteWriteResult {
  readonly inserted: number;
  readonly replaced: number;
  readonly unchanged: number;
}

export interface QuoteFilter {
  /** Inclusive range of as-of dates; omitted ends are open. */
  readonly fromAsOf?: IsoDate;
  readonly toAsOf?: IsoDate;
  /** Only contracts with a delivery day after this day (their exclusive delivery end is later than the next day). */
  readonly deliveringAfter?: IsoDate;
}

/** A run without its values and quotes: what listings of vintages show. */
export interface CurveRunSummary {
  readonly runId: string;
  readonly curveId: string;
  readonly asOf: IsoDate;
  readonly scenario: string;
  readonly inputsHash: string;
  readonly engineVersion: string;
  readonly builtAtMs: number;
  readonly quoteCount: number;
  readonly maxAbsResidual: number;
  readonly warningCount: number;
  readonly lastQuotedDay: IsoDate | null;
}

/**
 * Forward curves: their definitions, the quotes they are marked from, and their immutable runs (one or more per
 * as-of date and scenario; the newest build of an as-of is the one served). Implemented by the embedded DuckDB
 * adapter; every implementation passes server/test/contract/curve-store.contract.ts.
 *
 * A run's values are Float64Arrays and must come back bit for bit (NaN marks a bucket without hours that day).
 */
export interface CurveStore {
  /** Inserts a definition or replaces the stored one with the same id. */
  putDefinition(definition: CurveDefinition, atMs: number): Promise<DefinitionWrite>;
  getDefinition(id: string): Promise<CurveDefinition | null>;
  /** Every definition, by id. */
  listDefinitions(): Promise<CurveDefinition[]>;

  /**
   * Stores quotes of any curves atomically: all or none. Within the batch, a later quote with the same key wins
   * over an earlier one.
   */
  putQuotes(quotes: readonly ForwardQuote[], atMs: number): Promise<QuoteWriteResult>;
  /** Quotes of a curve, by as-of date, delivery start, delivery end, bucket and source. */
  listQuotes(curveId: string, filter: QuoteFilter): Promise<ForwardQuote[]>;
  /** The newest as-of date with quotes for the curve, at or before `atOrBefore` when given; null when none. */
  latestQuoteAsOf(curveId: string, atOrBefore?: IsoDate): Promise<IsoDate | null>;

  /** Stores a run; a run whose id is stored already is left as it is. Returns whether it was stored now. */
  saveRun(run: CurveRun): Promise<boolean>;
  getRun(runId: string): Promise<CurveRun | null>;
  /** The newest build of the latest as-of date at or before `atOrBefore` (null = any), for a scenario. */
  latestRun(
    curveId: string,
    scenario: string,
    atOrBefore: IsoDate | null,
  ): Promise<CurveRun | null>;
  /** Runs of a curve, newest as-of first (newest build first within an as-of); keyset-paged. */
  listRuns(
    curveId: string,
    filter: { readonly scenario?: string },
    page: PageRequest,
  ): Promise<Page<CurveRunSummary>>;
  /** The latest run of every curve that has one, for a scenario. */
  latestRuns(scenario: string): Promise<CurveRunSummary[]>;
}
