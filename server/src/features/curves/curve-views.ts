/** Wire shapes of curves (JSON and CSV), shared by the HTTP API and the CLI. */
import type {
  Curve,
  CurveDiffRow,
  CurvePoint as CurvePointView,
  CurvePrices,
  CurveRunDetail,
  CurveRunSummary as CurveRunSummaryView,
  ForwardQuote as ForwardQuoteView,
} from '@254carbon/contracts';
import { stringify } from 'csv-stringify/sync';
import { bucketsOfCurve } from '../../domain/curves/curve-calendars.js';
import type {
  CurveDefinition,
  CurvePoint,
  CurveRun,
  ForwardQuote,
} from '../../domain/curves/curve-model.js';
import {
  summaryOfRun,
  type CurveDiffResult,
  type CurveRunSummary,
  type CurveSeriesResult,
} from './curve-results.js';

const iso = (ms: number): string => new Date(ms).toISOString();

export const curveView = (d: CurveDefinition): Curve => ({
  id: d.id,
  name: d.name,
  market: d.market,
  commodity: d.commodity,
  calendar: d.calendar,
  currency: d.currency,
  unit: d.unit,
  shapeInstrument: d.shapeInstrument,
  buckets: [...bucketsOfCurve(d)],
  extension: { ...d.extension },
  method: { ...d.method },
});

export const runSummaryView = (s: CurveRunSummary): CurveRunSummaryView => ({
  runId: s.runId,
  curve: s.curveId,
  asOf: s.asOf,
  scenario: s.scenario,
  inputsHash: s.inputsHash,
  engineVersion: s.engineVersion,
  builtAt: iso(s.builtAtMs),
  quotes: s.quoteCount,
  maxAbsResidual: s.maxAbsResidual,
  warnings: s.warningCount,
  lastQuotedDay: s.lastQuotedDay,
});

export const quoteView = (q: ForwardQuote): ForwardQuoteView => ({
  curve: q.curveId,
  asOf: q.asOf,
  contract: q.contract,
  deliveryStart: q.deliveryStart,
  deliveryEnd: q.deliveryEnd,
  bucket: q.bucket,
  settle: q.settle,
  mid: q.mid,
  bid: q.bid,
  ask: q.ask,
  source: q.source,
  quoteDate: q.quoteDate,
});

/** A run with what its build found: residuals per quote, warnings, and the bid/ask bounds the curve sits on. */
export const runDetailView = (run: CurveRun): CurveRunDetail => {
  const d = run.diagnostics;
  return {
    ...runSummaryView(summaryOfRun(run)),
    diagnostics: {
      residuals: d.residuals.map((r) => ({ ...r })),
      maxAbsResidual: d.maxAbsResidual,
      warnings: d.warnings.map((w) => ({ ...w, contracts: [...w.contracts] })),
      activeConstraints: d.residuals
        .filter((r) => r.constraint === 'low' || r.constraint === 'high')
        .map((r) => `${r.contract} ${r.bucket} ${r.constraint === 'low' ? 'bid' : 'ask'}`),
      lastQuotedDay: d.lastQuotedDay,
      solveMs: d.solveMs,
    },
    quotesUsed: run.quotes.map(quoteView),
  };
};

export const pointView = (p: CurvePoint): CurvePointView => ({
  period: p.label,
  start: iso(p.startMs),
  end: iso(p.endMs),
  price: p.price,
});

/** A served curve as JSON: its points and what they are (run, granularity, bucket, unit, row cap). */
export const curvePricesView = (result: CurveSeriesResult): CurvePrices => ({
  data: result.points.map(pointView),
  meta: {
    curve: result.definition.id,
    runId: result.run.runId,
    asOf: result.run.asOf,
    scenario: result.run.scenario,
    granularity: result.granularity,
    bucket: result.bucket,
    currency: result.definition.currency,
    unit: result.definition.unit,
    rowCount: result.points.length,
    rowLimit: result.rowLimit,
  },
});

const CSV_COLUMNS = [
  'curve',
  'as_of',
  'scenario',
  'bucket',
  'period',
  'start_utc',
  'end_utc',
  'price',
] as const;

/** CSV with a header; one row per delivery period, UTC ISO bounds, and the run each row comes from. */
export const curveCsv = (result: CurveSeriesResult): string =>
  stringify(
    result.points.map((p) => [
      result.definition.id,
      result.run.asOf,
      result.run.scenario,
      result.bucket,
      p.label,
      iso(p.startMs),
      iso(p.endMs),
      p.price,
    ]),
    { header: true, columns: [...CSV_COLUMNS], cast: { number: (n) => String(n) } },
  );

export const diffRowView = (row: CurveDiffResult['rows'][number]): CurveDiffRow => ({
  period: row.label,
  start: iso(row.startMs),
  end: iso(row.endMs),
  priceFrom: row.priceFrom,
  priceTo: row.priceTo,
  change: row.change,
});
