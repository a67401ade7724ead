import { randomBytes } from 'node:crypto';
import type { DuckDbStores } from './adapters/duckdb/open-duckdb-stores.js';
import type { AccessService } from './features/access/access.service.js';
import type { AuditService } from './features/access/audit.service.js';
import type { CatalogService } from './features/catalog/catalog.service.js';
import type { CurvesService } from './features/curves/curves.service.js';
import { curveDataset, pricesDataset } from './features/exports/export-datasets.js';
import { exportJobs } from './features/exports/export-jobs.js';
import { ExportLinks } from './features/exports/export-links.js';
import { ExportSchedulesService } from './features/exports/export-schedules.js';
import { ExportsService } from './features/exports/exports.service.js';
import type { JobDefinition } from './features/jobs/job-scheduler.js';
import { PriceQueryService } from './features/prices/price-query.service.js';
import type { Clock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import type { Logger } from './platform/logger.js';
import type { TimeSeriesStore } from './ports/time-series-store.js';

/** Name of the generated link-signing secret in the store (used when CARBON_EXPORT_SIGNING_SECRET is empty). */
const SIGNING_SECRET = 'export-link-signing';

/**
 * Exports wired from configuration: the datasets over the prices and curves use cases, the signing secret (the
 * configured one, or one generated on first start and kept in the database so links survive restarts), the
 * service, its schedules and their jobs. Exports a stopped process left unfinished are marked failed here.
 */
export const setUpExports = async (deps: {
  config: Config;
  stores: DuckDbStores;
  timeSeries: TimeSeriesStore;
  catalog: CatalogService;
  curves: CurvesService;
  access: AccessService;
  audit: AuditService;
  clock: Clock;
  logger: Logger;
}): Promise<{
  exports: ExportsService;
  schedules: ExportSchedulesService;
  jobs: JobDefinition[];
}> => {
  const { config, stores, access, audit, clock, logger } = deps;
  const secret =
    config.exports.signingSecret ??
    (await stores.exports.serverSecret(
      SIGNING_SECRET,
      () => randomBytes(32).toString('base64url'),
      clock.now(),
    ));
  // Stateless; its own instance so exports do not depend on how the API's one is built.
  const prices = new PriceQueryService({
    catalog: deps.catalog,
    access,
    store: deps.timeSeries,
    maxRows: config.api.maxRowsPerResponse,
  });
  const exports = new ExportsService({
    store: stores.exports,
    access,
    audit,
    clock,
    logger,
    links: new ExportLinks(secret),
    settings: {
      dir: config.exports.dir,
      maxRows: config.exports.maxRows,
      maxBytes: config.exports.maxBytes,
      ttlMs: config.exports.ttlMs,
      linkTtlMs: config.exports.linkTtlMs,
    },
    datasets: {
      prices: pricesDataset({ prices, store: stores.exports }),
      curve: curveDataset({
        curves: deps.curves,
        store: stores.exports,
        maxRows: config.exports.maxRows,
      }),
    },
  });
  const interrupted = await exports.failInterrupted();
  if (interrupted > 0) {
    logger.warn(
      { exports: interrupted },
      'exports left unfinished by the last run were marked failed',
    );
  }
  const schedules = new ExportSchedulesService({
    store: stores.exports,
    identity: stores.identity,
    exports,
    access,
    audit,
    clock,
    logger,
  });
  return { exports, schedules, jobs: exportJobs({ exports, schedules }) };
};
