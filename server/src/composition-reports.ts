import { loadUplotAssets } from './adapters/charts/uplot-assets.js';
import type { DuckDbStores } from './adapters/duckdb/open-duckdb-stores.js';
import { ChromiumPdfRenderer } from './adapters/pdf/chromium-pdf.js';
import type { Principal } from './domain/access/principal.js';
import type { AccessService } from './features/access/access.service.js';
import type { AuditService } from './features/access/audit.service.js';
import type { CatalogService } from './features/catalog/catalog.service.js';
import type { CurvesService } from './features/curves/curves.service.js';
import type { JobDefinition } from './features/jobs/job-scheduler.js';
import { PriceQueryService } from './features/prices/price-query.service.js';
import type { QualityService } from './features/quality/quality.service.js';
import { reportJobs } from './features/reports/report-jobs.js';
import { ReportsService } from './features/reports/reports.service.js';
import type { Clock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import type { Logger } from './platform/logger.js';
import type { MarketFeed } from './ports/market-feed.js';
import type { TimeSeriesStore } from './ports/time-series-store.js';

/**
 * Market briefs wired from the use cases: their own price-query instance (stateless; same store, access and limits),
 * uPlot inlined from the web workspace, Chromium for the PDF, and one daily and one monthly job per market of a
 * scheduled feed. Briefs a stopped process left unfinished are marked failed here.
 */
export const setUpReports = async (deps: {
  config: Config;
  stores: DuckDbStores;
  timeSeries: TimeSeriesStore;
  catalog: CatalogService;
  quality: QualityService;
  curves: CurvesService;
  access: AccessService;
  audit: AuditService;
  clock: Clock;
  logger: Logger;
  /** Who scheduled briefs run as. */
  system: Principal;
  /** Markets whose feeds the scheduler keeps up to date get scheduled briefs. */
  scheduledMarkets: readonly MarketFeed['market'][];
}): Promise<{ reports: ReportsService; jobs: JobDefinition[] }> => {
  const { config, catalog, access, timeSeries, clock } = deps;
  const interrupted = await deps.stores.reports.failUnfinished(
    clock.now(),
    'the server stopped while this report was being generated; request it again',
  );
  if (interrupted > 0) {
    deps.logger.warn({ reports: interrupted }, 'unfinished reports marked failed');
  }
  const reports = new ReportsService({
    store: deps.stores.reports,
    sources: {
      catalog,
      prices: new PriceQueryService({
        catalog,
        access,
        store: timeSeries,
        maxRows: config.api.maxRowsPerResponse,
      }),
      quality: deps.quality,
      curves: deps.curves,
      access,
      timeSeries,
    },
    access,
    audit: deps.audit,
    pdf: new ChromiumPdfRenderer(),
    // Without uPlot (a server-only install) the page says its charts are unavailable and still prints.
    assets: loadUplotAssets() ?? { script: '', css: '' },
    clock,
    logger: deps.logger,
    system: deps.system,
  });
  const markets = new Map(deps.scheduledMarkets.map((m) => [m.id, m]));
  return { reports, jobs: [...markets.values()].flatMap((m) => reportJobs(reports, m)) };
};
