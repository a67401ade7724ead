import type { Principal } from '../../domain/access/principal.js';
import { FUELS, type SeriesBatch, type SeriesVariable } from '../../domain/series/series-batch.js';
import type { TimeRange } from '../../domain/time/interval.js';
import { AppError } from '../../platform/errors.js';
import type { TimeSeriesStore } from '../../ports/time-series-store.js';
import type { AccessService } from '../access/access.service.js';
import type { RequestContext } from '../access/request-context.js';
import type { CatalogService, InstrumentView } from '../catalog/catalog.service.js';
import type { HourValue } from './brief-stats.js';

export interface LoadSummary {
  readonly instrumentId: string;
  readonly name: string;
  readonly averageMw: number;
  readonly minMw: number;
  readonly peakMw: number;
  readonly energyMwh: number;
  /** Hourly mean load (UTC hour starts), for the chart. */
  readonly hourly: readonly HourValue[];
}

export interface MixShare {
  readonly fuel: string;
  readonly averageMw: number;
  /** Share of the period's generation, 0–100. */
  readonly percent: number;
}

export interface MixSummary {
  readonly instrumentId: string;
  readonly name: string;
  readonly shares: readonly MixShare[];
}

export interface BriefFundamentals {
  readonly load: LoadSummary | null;
  readonly mix: MixSummary | null;
  /** Instruments read (they become part of what a reader must be entitled to). */
  readonly instruments: readonly string[];
}

/** A month of five-minute values for one load and a dozen fuels stays far below this. */
const SERIES_ROW_LIMIT = 1_000_000;

const GEN_VARIABLES = FUELS.map((f) => `gen.${f}` as SeriesVariable);

/** Values of one instrument and variable, with each interval's length in hours. */
const valuesOf = (
  batch: SeriesBatch,
  instrumentId: string,
  variable: SeriesVariable,
): { startMs: number; hours: number; mw: number }[] => {
  const slot = batch.instrumentIds.indexOf(instrumentId);
  const v = batch.variables.indexOf(variable);
  const out: { startMs: number; hours: number; mw: number }[] = [];
  for (let i = 0; i < batch.length; i++) {
    if (batch.instrumentIndex[i] === slot && batch.variableIndex[i] === v) {
      out.push({
        startMs: batch.intervalStartMs[i] as number,
        hours: (batch.intervalMinutes[i] as number) / 60,
        mw: batch.valueMw[i] as number,
      });
    }
  }
  return out;
};

const loadSummary = (batch: SeriesBatch, instrument: InstrumentView): LoadSummary | null => {
  const values = valuesOf(batch, instrument.id, 'load.actual');
  if (values.length === 0) {
    return null;
  }
  const hours = values.reduce((n, v) => n + v.hours, 0);
  const energy = values.reduce((n, v) => n + v.mw * v.hours, 0);
  const byHour = new Map<number, { sum: number; hours: number }>();
  for (const v of values) {
    const hour = Math.floor(v.startMs / 3_600_000) * 3_600_000;
    const acc = byHour.get(hour) ?? { sum: 0, hours: 0 };
    byHour.set(hour, { sum: acc.sum + v.mw * v.hours, hours: acc.hours + v.hours });
  }
  return {
    instrumentId: instrument.id,
    name: instrument.name,
    averageMw: energy / hours,
    minMw: Math.min(...values.map((v) => v.mw)),
    peakMw: Math.max(...values.map((v) => v.mw)),
    energyMwh: energy,
    hourly: [...byHour.entries()]
      .sort(([a], [b]) => a - b)
      .map(([startMs, acc]) => ({ startMs, value: acc.sum / acc.hours })),
  };
};

const mixSummary = (batch: SeriesBatch, instrument: InstrumentView): MixSummary | null => {
  const energy = FUELS.map((fuel) => {
    const values = valuesOf(batch, instrument.id, `gen.${fuel}`);
    return {
      fuel,
      mwh: values.reduce((n, v) => n + v.mw * v.hours, 0),
      hours: values.reduce((n, v) => n + v.hours, 0),
    };
  }).filter((e) => e.hours > 0 && e.mwh !== 0);
  const total = energy.reduce((n, e) => n + e.mwh, 0);
  if (energy.length === 0 || total <= 0) {
    return null;
  }
  return {
    instrumentId: instrument.id,
    name: instrument.name,
    shares: energy
      .sort((a, b) => b.mwh - a.mwh)
      // Averages over the hours stored for each fuel: a month still being filled is not diluted.
      .map((e) => ({ fuel: e.fuel, averageMw: e.mwh / e.hours, percent: (100 * e.mwh) / total })),
  };
};

/**
 * System load and generation mix of the market over the period, where stored and where the caller may read them:
 * the instruments it may list are checked (and audited) like any data read; without a grant the brief simply has
 * no such section.
 */
export const gatherFundamentals = async (
  deps: { catalog: CatalogService; access: AccessService; timeSeries: TimeSeriesStore },
  principal: Principal,
  market: string,
  range: TimeRange,
  context: RequestContext,
): Promise<BriefFundamentals> => {
  const listed = (
    await deps.catalog.listInstruments(principal, { market, kind: 'system', limit: 20 }, context)
  ).items;
  const load = listed.find((i) => i.product === 'load');
  const mix = listed.find((i) => i.product === 'gen_mix');
  const wanted = [load, mix].filter((i): i is InstrumentView => i !== undefined);
  if (wanted.length === 0) {
    return { load: null, mix: null, instruments: [] };
  }
  try {
    await deps.access.requireData(
      principal,
      {
        instruments: wanted.map((i) => ({ id: i.id, market: i.market, product: i.product })),
        range,
        asFile: false,
      },
      'reports.fundamentals',
      context,
    );
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_entitled') {
      return { load: null, mix: null, instruments: [] };
    }
    throw error;
  }
  const batch = await deps.timeSeries.readSeries({
    instrumentIds: wanted.map((i) => i.id),
    variables: ['load.actual', ...GEN_VARIABLES],
    range,
    limit: SERIES_ROW_LIMIT,
  });
  const loadOut = load ? loadSummary(batch, load) : null;
  const mixOut = mix ? mixSummary(batch, mix) : null;
  return {
    load: loadOut,
    mix: mixOut,
    instruments: [
      ...(loadOut ? [loadOut.instrumentId] : []),
      ...(mixOut ? [mixOut.instrumentId] : []),
    ],
  };
};
