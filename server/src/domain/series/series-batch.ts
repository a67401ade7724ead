import type { FieldProblem } from '../../platform/errors.js';
import { isInstrumentId } from '../instruments/instrument.js';
import { MINUTE_MS, toIsoUtc } from '../time/interval.js';

/** Fuel categories for generation mix, normalised across operators' own names. */
export const FUELS = [
  'solar',
  'wind',
  'hydro',
  'nuclear',
  'gas',
  'coal',
  'oil',
  'biomass',
  'geothermal',
  'storage',
  'imports',
  'other',
] as const;
export type Fuel = (typeof FUELS)[number];

/**
 * What a fundamentals value measures, in MW averaged over its interval:
 * `load.actual`, `load.forecast` (with an issue time), or `gen.<fuel>` for generation mix.
 */
export type SeriesVariable = 'load.actual' | 'load.forecast' | `gen.${Fuel}`;

export const isSeriesVariable = (value: string): value is SeriesVariable =>
  value === 'load.actual' ||
  value === 'load.forecast' ||
  (value.startsWith('gen.') && (FUELS as readonly string[]).includes(value.slice(4)));

/**
 * Fundamentals observations (load, forecasts, generation mix) in columns, same time rules as prices.
 * `issuedAtMs` is the forecast vintage (NaN for actuals): forecasts issued at different times are different
 * series points, not revisions of each other.
 */
export interface SeriesBatch {
  readonly length: number;
  readonly instrumentIds: readonly string[];
  readonly instrumentIndex: Uint32Array;
  readonly variables: readonly SeriesVariable[];
  readonly variableIndex: Uint16Array;
  readonly intervalStartMs: Float64Array;
  readonly intervalMinutes: Uint16Array;
  readonly valueMw: Float64Array;
  readonly issuedAtMs: Float64Array;
}

export interface SeriesObservation {
  readonly instrumentId: string;
  readonly variable: SeriesVariable;
  readonly intervalStartMs: number;
  readonly intervalMinutes: number;
  readonly valueMw: number;
  readonly issuedAtMs?: number | null;
}

export const seriesBatchFrom = (observations: readonly SeriesObservation[]): SeriesBatch => {
  const instrumentIds: string[] = [];
  const variables: SeriesVariable[] = [];
  const n = observations.length;
  const batch = {
    length: n,
    instrumentIds,
    instrumentIndex: new Uint32Array(n),
    variables,
    variableIndex: new Uint16Array(n),
    intervalStartMs: new Float64Array(n),
    intervalMinutes: new Uint16Array(n),
    valueMw: new Float64Array(n),
    issuedAtMs: new Float64Array(n),
  };
  const slot = <T>(list: T[], value: T): number => {
    const found = list.indexOf(value);
    return found >= 0 ? found : list.push(value) - 1;
  };
  observations.forEach((o, i) => {
    batch.instrumentIndex[i] = slot(instrumentIds, o.instrumentId);
    batch.variableIndex[i] = slot(variables, o.variable);
    batch.intervalStartMs[i] = o.intervalStartMs;
    batch.intervalMinutes[i] = o.intervalMinutes;
    batch.valueMw[i] = o.valueMw;
    batch.issuedAtMs[i] = o.issuedAtMs ?? Number.NaN;
  });
  return batch;
};

export const seriesObservationAt = (batch: SeriesBatch, i: number): SeriesObservation => ({
  instrumentId: batch.instrumentIds[batch.instrumentIndex[i] as number] as string,
  variable: batch.variables[batch.variableIndex[i] as number] as SeriesVariable,
  intervalStartMs: batch.intervalStartMs[i] as number,
  intervalMinutes: batch.intervalMinutes[i] as number,
  valueMw: batch.valueMw[i] as number,
  issuedAtMs: Number.isNaN(batch.issuedAtMs[i]) ? null : (batch.issuedAtMs[i] ?? null),
});

const MAX_PROBLEMS = 20;

/** Checks a fundamentals batch before it is stored; returns every problem (up to 20). */
export const validateSeriesBatch = (batch: SeriesBatch): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  for (const id of batch.instrumentIds) {
    if (!isInstrumentId(id)) {
      problems.push({
        field: 'instrument',
        message: `"${id}" is not an instrument id of the form MARKET.CODE`,
      });
    }
  }
  for (const variable of batch.variables) {
    if (!isSeriesVariable(variable)) {
      problems.push({
        field: 'variable',
        message: `"${String(variable)}" is not a known series variable`,
      });
    }
  }
  for (let i = 0; i < batch.length && problems.length < MAX_PROBLEMS; i++) {
    const start = batch.intervalStartMs[i] as number;
    const where = `row ${i + 1} (${Number.isFinite(start) ? toIsoUtc(start) : '?'})`;
    if (!Number.isFinite(start) || start % MINUTE_MS !== 0) {
      problems.push({ field: `${where}.intervalStart`, message: 'must be a whole minute (UTC)' });
    }
    const minutes = batch.intervalMinutes[i] as number;
    if (minutes < 1 || minutes > 1500) {
      problems.push({
        field: `${where}.intervalMinutes`,
        message: `must be between 1 and 1500, got ${minutes}`,
      });
    }
    const value = batch.valueMw[i] as number;
    if (!Number.isFinite(value) || Math.abs(value) > 1e7) {
      problems.push({
        field: `${where}.valueMw`,
        message: `must be a finite MW value, got ${value}`,
      });
    }
    const issued = batch.issuedAtMs[i] as number;
    if (!Number.isNaN(issued) && !Number.isFinite(issued)) {
      problems.push({ field: `${where}.issuedAt`, message: 'must be a time or absent' });
    }
  }
  return problems;
};

export const emptySeriesBatch = (): SeriesBatch => seriesBatchFrom([]);
