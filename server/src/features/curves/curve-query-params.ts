import { bucketsOfCurve } from '../../domain/curves/curve-calendars.js';
import {
  CURVE_GRANULARITIES,
  type CurveBucket,
  type CurveDefinition,
  type CurveGranularity,
} from '../../domain/curves/curve-model.js';
import { parseIsoDate, type IsoDate } from '../../domain/time/zoned.js';
import { invalidRequest, type FieldProblem } from '../../platform/errors.js';

/*
 * Reading the parameters of curve queries. Each parser records what is wrong with its parameter (named, with the
 * fix) and returns a fallback, so one response lists every problem; throwIf raises them together.
 */

export const BASE_SCENARIO = 'base';
/** Curves end with December 2050 (domain/curves/day-grid.ts). */
const LAST_CURVE_DAY: IsoDate = '2050-12-31';
const DAY_MS = 86_400_000;

export const throwIf = (problems: readonly FieldProblem[]): void => {
  if (problems.length > 0) {
    throw invalidRequest(problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  }
};

export const parseScenario = (value: string | undefined, problems: FieldProblem[]): string => {
  const scenario = value?.trim() || BASE_SCENARIO;
  if (!/^[a-z][a-z0-9_-]{0,31}$/.test(scenario)) {
    problems.push({
      field: 'scenario',
      message:
        'must be 1–32 lower-case letters, digits, _ or -, starting with a letter (e.g. base)',
    });
  }
  return scenario;
};

/** A date (YYYY-MM-DD) or null when not given. */
export const parseDay = (
  field: string,
  value: string | undefined,
  problems: FieldProblem[],
): IsoDate | null => {
  if (value === undefined || value.trim() === '') {
    return null;
  }
  try {
    return parseIsoDate(value.trim()).toString();
  } catch (error) {
    problems.push({ field, message: error instanceof Error ? error.message : String(error) });
    return null;
  }
};

/** An as-of date, or null for `latest` (and when not given). */
export const parseAsOf = (
  field: string,
  value: string | undefined,
  problems: FieldProblem[],
): IsoDate | null =>
  value?.trim().toLowerCase() === 'latest' ? null : parseDay(field, value, problems);

export const parseGranularity = (
  value: string | undefined,
  problems: FieldProblem[],
): CurveGranularity => {
  if (value === undefined || value === '') {
    return 'month';
  }
  if ((CURVE_GRANULARITIES as readonly string[]).includes(value)) {
    return value as CurveGranularity;
  }
  problems.push({ field: 'granularity', message: `use one of ${CURVE_GRANULARITIES.join(', ')}` });
  return 'month';
};

/** A bucket the curve is served in; by default every hour (7x24, or base on European calendars). */
export const parseBucket = (
  value: string | undefined,
  definition: CurveDefinition,
  problems: FieldProblem[],
): CurveBucket => {
  const offered = bucketsOfCurve(definition);
  const allHours: CurveBucket = offered.includes('7x24') ? '7x24' : (offered[0] ?? 'base');
  if (value === undefined || value === '') {
    return allHours;
  }
  if (offered.includes(value as CurveBucket)) {
    return value as CurveBucket;
  }
  problems.push({
    field: 'bucket',
    message: `"${value}" is not a bucket of ${definition.id}; use one of ${offered.join(', ')}`,
  });
  return allHours;
};

/** An inclusive range of delivery days, checked for order. */
export const parseDeliveryDays = (
  fields: { readonly from: string; readonly to: string },
  from: string | undefined,
  to: string | undefined,
  problems: FieldProblem[],
): { fromDay: IsoDate | null; toDay: IsoDate | null } => {
  const fromDay = parseDay(fields.from, from, problems);
  const toDay = parseDay(fields.to, to, problems);
  if (fromDay !== null && toDay !== null && toDay < fromDay) {
    problems.push({ field: fields.to, message: `must be on or after ${fields.from} (${fromDay})` });
  }
  return { fromDay, toDay };
};

const epochDay = (day: IsoDate): number => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/**
 * Rows a series will have at most, before computing it: days (or local hours, at most 25 a day) or months of the
 * served window, which runs from the run's first delivery day through 2050 unless narrowed.
 */
export const estimateSeriesRows = (
  granularity: CurveGranularity,
  firstDay: IsoDate,
  window: { readonly fromDay: IsoDate | null; readonly toDay: IsoDate | null },
): number => {
  const from = window.fromDay !== null && window.fromDay > firstDay ? window.fromDay : firstDay;
  const to = window.toDay !== null && window.toDay < LAST_CURVE_DAY ? window.toDay : LAST_CURVE_DAY;
  if (to < from) {
    return 0;
  }
  const days = epochDay(to) - epochDay(from) + 1;
  if (granularity === 'month') {
    const months =
      (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
      Number(to.slice(5, 7)) -
      Number(from.slice(5, 7)) +
      1;
    return months;
  }
  return granularity === 'day' ? days : days * 25;
};

/** The 400 for a series longer than one response may be, saying how to narrow it. */
export const tooManyRows = (
  rows: number,
  maxRows: number,
  granularity: CurveGranularity,
  fields: { readonly from: string; readonly to: string },
): Error => {
  const perDay = granularity === 'hour' ? 25 : 1;
  const days = Math.max(1, Math.floor(maxRows / perDay));
  const coarser =
    granularity === 'hour'
      ? ', or ask for granularity=day or month'
      : granularity === 'day'
        ? ', or ask for granularity=month'
        : '';
  return invalidRequest(
    `This curve query would return up to ${rows.toLocaleString('en-US')} rows; the limit per response is ` +
      `${maxRows.toLocaleString('en-US')}. To narrow it: give ${fields.from} and ${fields.to} (delivery days) spanning ` +
      `at most ${days.toLocaleString('en-US')} days at ${granularity} granularity${coarser}.`,
    [{ field: fields.to, message: 'delivery range too long for one response' }],
  );
};
