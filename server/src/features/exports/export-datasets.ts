import type { CurveExportFilters, PricesExportFilters } from '@254carbon/contracts';
import type { Principal } from '../../domain/access/principal.js';
import { resampleBucket } from '../../domain/prices/price-query.js';
import type { ExportStore, ExportTable, FileFormat } from '../../ports/export-store.js';
import type { RequestContext } from '../access/request-context.js';
import type { CurvesService } from '../curves/curves.service.js';
import type { PriceQueryService } from '../prices/price-query.service.js';

/**
 * The datasets an export may name. Each one validates its typed filters and checks the caller's access exactly as
 * its API does for a file (AccessService.requireData with asFile: the downloads channel and data:export), then
 * says how many rows it will have at most and how to write them. Callers never send SQL.
 *
 * Extension point: scenario runs, forecasts and backtests become datasets here (a `prepare` that checks access
 * and a `write` through ExportStore.exportTable, or a COPY of their own store query), plus their filters in
 * contracts/src/exports.ts.
 */
export interface PreparedExport {
  /** Upper bound of the rows, checked against the export row cap before anything is queued. */
  readonly estimatedRows: number;
  /** Writes the file; returns the rows written. */
  write(file: string, format: FileFormat): Promise<number>;
}

export interface ExportDataset<F> {
  readonly name: string;
  prepare(principal: Principal, filters: F, context: RequestContext): Promise<PreparedExport>;
}

/** Every dataset an export may name, by the name callers use. */
export interface ExportDatasets {
  readonly prices: ExportDataset<PricesExportFilters>;
  readonly curve: ExportDataset<CurveExportFilters>;
}

/** Most instruments one export may name (the API allows 100 per response). */
export const MAX_EXPORT_INSTRUMENTS = 1000;

/** Prices as `GET /prices` serves them: raw intervals or resampled buckets, the API's CSV columns. */
export const pricesDataset = (deps: {
  prices: PriceQueryService;
  store: ExportStore;
}): ExportDataset<PricesExportFilters> => ({
  name: 'prices',
  prepare: async (principal, filters, context) => {
    const plan = await deps.prices.plan(
      principal,
      {
        instruments: filters.instruments.join(','),
        start: filters.start,
        end: filters.end,
        runs: filters.runs?.join(','),
        resample: filters.resample,
        agg: filters.agg,
        tz: filters.tz,
      },
      context,
      { action: 'exports.prices', asFile: true, maxInstruments: MAX_EXPORT_INSTRUMENTS },
    );
    const query = {
      instrumentIds: plan.ids,
      runs: plan.runs,
      range: plan.range,
      resample:
        plan.resample === null
          ? null
          : {
              bucket: resampleBucket(plan.resample, plan.zone ?? 'UTC'),
              aggregation: plan.aggregation ?? 'avg',
            },
    };
    return {
      estimatedRows: plan.estimate,
      write: (file, format) => deps.store.exportPrices(query, file, format),
    };
  },
});

/** A forward curve's served points (as `GET /curves/{id}/prices`), with the API's CSV columns. */
export const curveDataset = (deps: {
  curves: CurvesService;
  store: ExportStore;
  maxRows: number;
}): ExportDataset<CurveExportFilters> => ({
  name: 'curve',
  prepare: async (principal, filters, context) => {
    const { curve, ...query } = filters;
    // The points are computed now (the engine serves them from the stored daily values in memory), capped at the
    // export row cap, so an oversized curve is refused here with the API's own message on how to narrow it.
    const result = await deps.curves.series(principal, curve, query, context, {
      asFile: true,
      action: 'exports.curve',
      maxRows: deps.maxRows,
    });
    const n = result.points.length;
    const constant = (value: string): string[] => new Array<string>(n).fill(value);
    const table: ExportTable = {
      rowCount: n,
      columns: [
        { name: 'curve', type: 'text', values: constant(result.definition.id) },
        { name: 'as_of', type: 'text', values: constant(result.run.asOf) },
        { name: 'scenario', type: 'text', values: constant(result.run.scenario) },
        { name: 'bucket', type: 'text', values: constant(result.bucket) },
        { name: 'period', type: 'text', values: result.points.map((p) => p.label) },
        { name: 'start_utc', type: 'timestamp', values: result.points.map((p) => p.startMs) },
        { name: 'end_utc', type: 'timestamp', values: result.points.map((p) => p.endMs) },
        { name: 'price', type: 'number', values: result.points.map((p) => p.price) },
      ],
    };
    return {
      estimatedRows: n,
      write: (file, format) => deps.store.exportTable(table, file, format),
    };
  },
});
