import type {
  CurveBucket,
  CurveDefinition,
  CurveGranularity,
  CurvePoint,
  CurveValues,
} from '../../domain/curves/curve-model.js';
import { curveSeries, type SeriesRequest } from '../../domain/curves/curve-series.js';
import type { IsoDate } from '../../domain/time/zoned.js';
import type { FieldProblem } from '../../platform/errors.js';
import {
  estimateSeriesRows,
  parseAsOf,
  parseBucket,
  parseDay,
  parseDeliveryDays,
  parseGranularity,
  parseScenario,
  throwIf,
  tooManyRows,
} from './curve-query-params.js';
import type { CurveDiffRow } from './curve-results.js';

/** Which series of a curve to serve: granularity, bucket and an optional window of delivery days. */
export interface SeriesSelection {
  readonly scenario: string;
  readonly granularity: CurveGranularity;
  readonly bucket: CurveBucket;
  readonly window: { readonly fromDay: IsoDate | null; readonly toDay: IsoDate | null };
  /** How the window's parameters are called, for the 400 that asks to narrow it. */
  readonly windowFields: { readonly from: string; readonly to: string };
}

export interface SeriesQueryText {
  readonly asOf?: string | undefined;
  readonly scenario?: string | undefined;
  readonly granularity?: string | undefined;
  readonly bucket?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export interface DiffQueryText {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly scenario?: string | undefined;
  readonly granularity?: string | undefined;
  readonly bucket?: string | undefined;
  readonly deliveryFrom?: string | undefined;
  readonly deliveryTo?: string | undefined;
}

/** A prices query: an as-of date (null = the latest run) and the series; every problem named at once. */
export const readSeriesQuery = (
  definition: CurveDefinition,
  query: SeriesQueryText,
): SeriesSelection & { asOf: IsoDate | null } => {
  const problems: FieldProblem[] = [];
  const asOf = parseAsOf('asOf', query.asOf, problems);
  const windowFields = { from: 'from', to: 'to' };
  const selection = {
    asOf,
    scenario: parseScenario(query.scenario, problems),
    granularity: parseGranularity(query.granularity, problems),
    bucket: parseBucket(query.bucket, definition, problems),
    window: parseDeliveryDays(windowFields, query.from, query.to, problems),
    windowFields,
  };
  throwIf(problems);
  return selection;
};

/** A diff query: two as-of dates (both required) and the series to compare. */
export const readDiffQuery = (
  definition: CurveDefinition,
  query: DiffQueryText,
): SeriesSelection & { fromAsOf: IsoDate; toAsOf: IsoDate } => {
  const problems: FieldProblem[] = [];
  const asOf = (field: 'from' | 'to'): IsoDate => {
    const value = query[field];
    if (value === undefined || value.trim() === '') {
      problems.push({ field, message: 'an as-of date (YYYY-MM-DD) is required' });
    }
    return parseDay(field, value, problems) ?? '';
  };
  const windowFields = { from: 'deliveryFrom', to: 'deliveryTo' };
  const selection = {
    fromAsOf: asOf('from'),
    toAsOf: asOf('to'),
    scenario: parseScenario(query.scenario, problems),
    granularity: parseGranularity(query.granularity, problems),
    bucket: parseBucket(query.bucket, definition, problems),
    window: parseDeliveryDays(windowFields, query.deliveryFrom, query.deliveryTo, problems),
    windowFields,
  };
  throwIf(problems);
  return selection;
};

/**
 * The points of runs' values for a selection, refused before any is computed when the window could exceed the
 * response limit (and after, should DST days have pushed it over).
 */
export const servedSeries = (
  definition: CurveDefinition,
  runs: readonly CurveValues[],
  selection: SeriesSelection,
  maxRows: number,
): CurvePoint[][] => {
  const { granularity, window, windowFields } = selection;
  const firstDay = runs.map((v) => v.startDay).reduce((a, b) => (b < a ? b : a));
  const estimate = estimateSeriesRows(granularity, firstDay, window);
  if (estimate > maxRows) {
    throw tooManyRows(estimate, maxRows, granularity, windowFields);
  }
  const request: SeriesRequest = {
    granularity,
    bucket: selection.bucket,
    ...(window.fromDay ? { fromDay: window.fromDay } : {}),
    ...(window.toDay ? { toDay: window.toDay } : {}),
  };
  return runs.map((values) => {
    const points = curveSeries(definition, values, request);
    if (points.length > maxRows) {
      throw tooManyRows(points.length, maxRows, granularity, windowFields);
    }
    return points;
  });
};

/** The periods of two series side by side, in delivery order; a period only one of them covers has a null. */
export const joinPeriods = (
  from: readonly CurvePoint[],
  to: readonly CurvePoint[],
): CurveDiffRow[] => {
  const rows = new Map<string, CurveDiffRow>();
  for (const p of from) {
    rows.set(p.label, {
      label: p.label,
      startMs: p.startMs,
      endMs: p.endMs,
      priceFrom: p.price,
      priceTo: null,
      change: null,
    });
  }
  for (const p of to) {
    const priceFrom = rows.get(p.label)?.priceFrom ?? null;
    rows.set(p.label, {
      label: p.label,
      startMs: p.startMs,
      endMs: p.endMs,
      priceFrom,
      priceTo: p.price,
      change: priceFrom === null ? null : p.price - priceFrom,
    });
  }
  return [...rows.values()].sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
};
