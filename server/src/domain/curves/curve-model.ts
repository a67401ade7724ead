import type { PeakBucket } from '../calendar/peak-buckets.js';
import type { IsoDate } from '../time/zoned.js';

/*
 * The forward-curve model: what a curve is, the quotes it is marked from, and what one build produces. Pure data;
 * the maths lives in curve-build.ts and solver/, storage behind ports/curve-store.ts.
 */

/** Power curves are shaped by peak buckets and may go negative; gas curves are daily and have one bucket. */
export type Commodity = 'power' | 'gas';

/** The granularities a built curve is served at. */
export type CurveGranularity = 'month' | 'day' | 'hour';

export const CURVE_GRANULARITIES: readonly CurveGranularity[] = ['month', 'day', 'hour'];

/** Gas has a single daily bucket; power uses its calendar's peak buckets (5x16, 7x24 … or base/peak/offpeak). */
export type CurveBucket = PeakBucket;

/** How the curve continues beyond the last quoted contract to December 2050 (ADR 0012). */
export interface CurveExtension {
  /** Long-run level in today's money; null = the level of the last quoted contract. */
  readonly longRunLevel: number | null;
  /** Yearly escalation of the long-run level (0.02 = 2 % a year), compounded from the as-of date. */
  readonly escalationPerYear: number;
  /** e-folding time, in years, of the reversion from the last quote to the long-run level. */
  readonly reversionYears: number;
}

/** Solver settings of a curve (curves.md §2.2: prior weight ω, smoothness λ). */
export interface CurveMethod {
  /** λ: weight of the squared second differences of the daily level. */
  readonly smoothness: number;
  /** ω: weight of the distance to the prior (seasonal shape plus extension); small, so quotes always win. */
  readonly priorWeight: number;
  /** Years of stored day-ahead history the seasonal and hourly shape is estimated from. */
  readonly shapeHistoryYears: number;
  /** A quote older than this many days at the as-of date is used but reported as stale. */
  readonly staleAfterDays: number;
}

/** A curve users mark: one commodity at one hub, built daily from its quotes. */
export interface CurveDefinition {
  /** Upper-case id, e.g. PJM-WH-POWER or HH-GAS. */
  readonly id: string;
  readonly name: string;
  /** Market whose entitlements govern the curve (a tenant needs the market's `curve` product). */
  readonly market: string;
  readonly commodity: Commodity;
  /** Peak calendar id (domain/calendar/peak-buckets.ts): its zone, on-peak hours and holidays. */
  readonly calendar: string;
  readonly currency: string;
  /** e.g. USD/MWh or USD/MMBtu. */
  readonly unit: string;
  /** Stored instrument whose day-ahead prices give the seasonal and hourly shape; null = no shape (flat). */
  readonly shapeInstrument: string | null;
  readonly extension: CurveExtension;
  readonly method: CurveMethod;
}

/** Which price of a quote was used: settlement, mid, or the bid/ask band. */
export type QuoteSide = 'settle' | 'mid' | 'band';

/**
 * One forward quote as marked: a contract (delivery period and bucket) with a settlement, a mid or a bid/ask.
 * Delivery dates are local dates in the curve's zone, `deliveryEnd` exclusive.
 */
export interface ForwardQuote {
  readonly curveId: string;
  readonly asOf: IsoDate;
  /** Canonical contract name, e.g. Jan-2027, Q3-2027, Cal-2028, Sum-2027, Win-2027, BalMo, 2027-06-03..2027-06-09. */
  readonly contract: string;
  readonly deliveryStart: IsoDate;
  readonly deliveryEnd: IsoDate;
  readonly bucket: CurveBucket;
  readonly settle: number | null;
  readonly mid: number | null;
  readonly bid: number | null;
  readonly ask: number | null;
  /** Where it came from: settlement file, broker, manual … */
  readonly source: string;
  /** When the price was observed (for stale-quote warnings); defaults to the as-of date. */
  readonly quoteDate: IsoDate;
}

export type DiagnosticLevel = 'warning' | 'info';

/** Something a build wants its user to know: gaps, stale quotes, crossed bid/ask, derived or dropped quotes. */
export interface CurveWarning {
  readonly level: DiagnosticLevel;
  readonly code:
    | 'gap'
    | 'stale-quote'
    | 'crossed-band'
    | 'redundant-quote'
    | 'derived-offpeak'
    | 'expired-quote'
    | 'partly-delivered'
    | 'no-shape-history'
    | 'extension';
  readonly message: string;
  /** Contracts concerned, as `contract bucket` (e.g. `Q3-2027 5x16`). */
  readonly contracts: readonly string[];
}

/** How one quoted contract came out: the curve's delivery-weighted average against the quote. */
export interface ContractResidual {
  readonly contract: string;
  readonly bucket: CurveBucket;
  readonly deliveryStart: IsoDate;
  readonly deliveryEnd: IsoDate;
  readonly side: QuoteSide;
  /** The price the curve had to reproduce (settle or mid), or null for a band. */
  readonly target: number | null;
  readonly bid: number | null;
  readonly ask: number | null;
  readonly average: number;
  /** average − target for settle/mid; distance outside the band (0 inside) for bid/ask. */
  readonly residual: number;
  /** 'equal' for settle/mid; 'low'/'high' when the curve sits on the bid/ask; 'inside' otherwise. */
  readonly constraint: 'equal' | 'low' | 'high' | 'inside' | 'redundant';
}

export interface CurveDiagnostics {
  readonly residuals: readonly ContractResidual[];
  readonly maxAbsResidual: number;
  readonly warnings: readonly CurveWarning[];
  /** Last day covered by a quote; the extension takes over after it. */
  readonly lastQuotedDay: IsoDate | null;
  readonly solveMs: number;
}

/**
 * Seasonal and hourly shape estimated from stored day-ahead prices, additive (power prices go negative, so ratios
 * would flip or explode near zero). `seasonal[e][m]`: mean price of elementary bucket e in calendar month m (0–11)
 * minus that year's all-hours mean; `hourly[m][dayType][h]`: price of local hour h (0–23) minus the mean of its
 * bucket that day, for day type 0 = working day, 1 = weekend or holiday.
 */
export interface ShapeModel {
  readonly buckets: readonly CurveBucket[];
  readonly seasonal: readonly Float64Array[];
  readonly hourly: readonly (readonly Float64Array[])[];
  /** Days of history the shape was estimated from, and their range. */
  readonly days: number;
  readonly fromDay: IsoDate;
  readonly toDay: IsoDate;
}

/**
 * A built curve, as stored: one daily value per elementary bucket (buckets that partition every hour: 5x16, 2x16 and
 * 7x8 for US power; peak and offpeak for EU power; one all-hours bucket for gas), plus the hourly shape. Every
 * served granularity and bucket is derived from these exactly (curve-series.ts).
 */
export interface CurveValues {
  /** First delivery day (the day after the as-of date). */
  readonly startDay: IsoDate;
  /** Days from startDay through 2050-12-31. */
  readonly days: number;
  readonly buckets: readonly CurveBucket[];
  /** Per elementary bucket, a value per day; NaN where the bucket has no hours that day (e.g. 2x16 on a Tuesday). */
  readonly daily: readonly Float64Array[];
  readonly shape: ShapeModel | null;
}

/** One immutable build of a curve for an as-of date and scenario. */
export interface CurveRun {
  /** Derived from the inputs hash: the same inputs give the same run. */
  readonly runId: string;
  readonly curveId: string;
  readonly asOf: IsoDate;
  readonly scenario: string;
  /** SHA-256 of the engine version, the definition's method and extension, the quotes used and the shape. */
  readonly inputsHash: string;
  readonly engineVersion: string;
  readonly builtAtMs: number;
  readonly quotes: readonly ForwardQuote[];
  readonly diagnostics: CurveDiagnostics;
  readonly values: CurveValues;
}

/** One served point of a curve: a delivery period and its price. */
export interface CurvePoint {
  /** UTC start of delivery, epoch ms, and length: months and days in the curve's zone, hours in UTC. */
  readonly startMs: number;
  readonly endMs: number;
  /** Local label: 2027-01 for months, 2027-01-15 for days, 2027-01-15T07 (hour beginning, local) for hours. */
  readonly label: string;
  readonly price: number;
}
