import type {
  CurveBucket,
  CurveDefinition,
  CurveGranularity,
  CurvePoint,
  CurveRun,
} from '../../domain/curves/curve-model.js';
import type { IsoDate } from '../../domain/time/zoned.js';
import type { CurveRunSummary, QuoteWriteResult } from '../../ports/curve-store.js';
import type { QuoteOrigin, QuoteRow, QuoteWarning } from './curve-quotes.js';

export type { CurveRunSummary };

/** A curve served at a granularity and bucket, from one run. */
export interface CurveSeriesResult {
  readonly definition: CurveDefinition;
  readonly run: CurveRunSummary;
  readonly granularity: CurveGranularity;
  readonly bucket: CurveBucket;
  readonly points: readonly CurvePoint[];
  readonly rowLimit: number;
}

/** One delivery period in two runs; null where a run does not cover the period. */
export interface CurveDiffRow {
  readonly label: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly priceFrom: number | null;
  readonly priceTo: number | null;
  readonly change: number | null;
}

/** How a curve moved between two as-of dates. */
export interface CurveDiffResult {
  readonly definition: CurveDefinition;
  readonly from: CurveRunSummary;
  readonly to: CurveRunSummary;
  readonly scenario: string;
  readonly granularity: CurveGranularity;
  readonly bucket: CurveBucket;
  readonly rows: readonly CurveDiffRow[];
}

/** The result of asking for a build: the run, and whether this call made it (false: the same inputs were built). */
export interface BuildOutcome {
  readonly created: boolean;
  readonly run: CurveRunSummary;
}

export interface CurveListEntry {
  readonly definition: CurveDefinition;
  /** As-of date of the latest base run; null before the first build. */
  readonly latestAsOf: IsoDate | null;
}

export interface QuoteLoad {
  readonly rows: readonly QuoteRow[];
  readonly origin: QuoteOrigin;
  /** The curve a request is about (the HTTP path): rows may leave `curve` out, and may name no other. */
  readonly curveId?: string;
}

export interface QuoteLoadResult extends QuoteWriteResult {
  /** Distinct quotes in the load. */
  readonly quotes: number;
  readonly curves: readonly string[];
  readonly asOfs: readonly IsoDate[];
  readonly warnings: readonly QuoteWarning[];
}

/** What the scheduled daily build did. */
export interface ScheduledBuild {
  readonly curveId: string;
  readonly asOf: IsoDate;
  /** null when no quotes were marked for the as-of date: nothing to build, which is not a failure. */
  readonly outcome: BuildOutcome | null;
}

export const summaryOfRun = (run: CurveRun): CurveRunSummary => ({
  runId: run.runId,
  curveId: run.curveId,
  asOf: run.asOf,
  scenario: run.scenario,
  inputsHash: run.inputsHash,
  engineVersion: run.engineVersion,
  builtAtMs: run.builtAtMs,
  quoteCount: run.quotes.length,
  maxAbsResidual: run.diagnostics.maxAbsResidual,
  warningCount: run.diagnostics.warnings.length,
  lastQuotedDay: run.diagnostics.lastQuotedDay,
});
