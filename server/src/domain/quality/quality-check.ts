import type { InstrumentProduct } from '../instruments/instrument.js';
import type { MarketRunId } from '../markets/market.js';
import type { SeriesVariable } from '../series/series-batch.js';
import type { IsoDate } from '../time/zoned.js';

/**
 * Every data-quality check run on ingest. Ids are stable (stored and served on the wire):
 * - `duplicate.identical`: the same key (instrument, run or variable, interval start) published more than once
 *   with the same values; one copy is stored.
 * - `duplicate.conflict`: the same key published with different values; none of them is stored (ADR 0010).
 * - `price.unusable`: an LMP or component that is NaN, infinite or beyond the store's ±100,000 sanity limit;
 *   the row cannot be stored.
 * - `price.out_of_range`: an LMP outside the plausible range (default −1,000…10,000 per MWh); stored, flagged.
 * - `components.sum`: energy + congestion + loss (+ GHG where published) differs from the LMP by more than
 *   $0.01; stored, flagged.
 * - `interval.length`: an interval whose length is not the one the market run publishes; stored, flagged.
 * - `interval.alignment`: an interval that does not start on the run's grid from local midnight; stored,
 *   flagged.
 * - `run.unknown`: prices for a run the market does not publish; stored, but neither length nor completeness
 *   can be judged.
 * - `value.unusable`: a fundamentals value (MW) that is NaN, infinite or implausibly large; not stored.
 * - `completeness.missing`: fewer intervals than the local day has (276 five-minute intervals on a 23-hour
 *   day, 300 on a 25-hour day), judged only once the whole day has been fetched.
 */
export const QUALITY_CHECKS = [
  'duplicate.identical',
  'duplicate.conflict',
  'price.unusable',
  'price.out_of_range',
  'components.sum',
  'interval.length',
  'interval.alignment',
  'run.unknown',
  'value.unusable',
  'completeness.missing',
] as const;
export type QualityCheck = (typeof QUALITY_CHECKS)[number];

export const isQualityCheck = (value: string): value is QualityCheck =>
  (QUALITY_CHECKS as readonly string[]).includes(value);

/** `error`: the data is wrong or missing; `warning`: harmless but worth knowing (a verbatim repeat). */
export type QualitySeverity = 'error' | 'warning';
export const QUALITY_SEVERITIES: readonly QualitySeverity[] = ['error', 'warning'];

/**
 * What happened to the rows a problem is about: `stored` as published (and flagged), `removed` as a verbatim
 * repeat of a stored row, `withheld` (not stored), or `absent` (the source never published them).
 */
export type ProblemDisposition = 'stored' | 'removed' | 'withheld' | 'absent';

export const CHECK_RULES: Readonly<
  Record<QualityCheck, { severity: QualitySeverity; disposition: ProblemDisposition }>
> = {
  'duplicate.identical': { severity: 'warning', disposition: 'removed' },
  'duplicate.conflict': { severity: 'error', disposition: 'withheld' },
  'price.unusable': { severity: 'error', disposition: 'withheld' },
  'price.out_of_range': { severity: 'error', disposition: 'stored' },
  'components.sum': { severity: 'error', disposition: 'stored' },
  'interval.length': { severity: 'error', disposition: 'stored' },
  'interval.alignment': { severity: 'error', disposition: 'stored' },
  'run.unknown': { severity: 'error', disposition: 'stored' },
  'value.unusable': { severity: 'error', disposition: 'withheld' },
  'completeness.missing': { severity: 'error', disposition: 'absent' },
};

/**
 * One finding, aggregated per check, instrument, run (or variable) and market-local day, so a systematic fault
 * is one record with a count rather than thousands of rows.
 */
export interface QualityProblem {
  readonly check: QualityCheck;
  readonly severity: QualitySeverity;
  readonly disposition: ProblemDisposition;
  readonly instrumentId: string;
  /** Market run of a price problem; null for fundamentals. */
  readonly run: MarketRunId | null;
  /** Variable of a fundamentals problem (load.actual, gen.wind …); null for prices. */
  readonly variable: SeriesVariable | null;
  /** The market-local calendar day the intervals belong to. */
  readonly localDay: IsoDate;
  /** UTC start of the first offending interval; null when the problem is about the whole day. */
  readonly intervalStartMs: number | null;
  /** Intervals affected that day (for completeness: intervals missing). */
  readonly count: number;
  /** What is wrong, in a trader's terms, with local times and an example. */
  readonly message: string;
}

/** What a problem or completeness row is about: a price run or a fundamentals variable of an instrument. */
export interface QualitySubject {
  readonly instrumentId: string;
  readonly run: MarketRunId | null;
  readonly variable: SeriesVariable | null;
}

/** The entitlement product a subject belongs to, so quality is filtered by the same grants as the data. */
export const productOf = (subject: Pick<QualitySubject, 'variable'>): InstrumentProduct =>
  subject.variable === null ? 'lmp' : subject.variable.startsWith('gen.') ? 'gen_mix' : 'load';
