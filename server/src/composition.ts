import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CachedTimeSeriesStore } from './adapters/cache/cached-time-series-store.js';
import { InProcessBus } from './adapters/bus/in-process-bus.js';
import { openDuckDbStores } from './adapters/duckdb/open-duckdb-stores.js';
import { createSimFeed } from './adapters/feeds/sim/sim-feed.js';
import { CatalogService } from './features/catalog/catalog.service.js';
import { ReadinessService } from './features/health/readiness.service.js';
import { IngestService } from './features/ingest/ingest.service.js';
import { JobScheduler } from './features/jobs/job-scheduler.js';
import { JobsService } from './features/jobs/jobs.service.js';
import { ingestJobs } from './features/jobs/ingest-jobs.js';
import { PriceQueryService } from './features/prices/price-query.service.js';
import { createHttpApp, type HttpApp } from './http/app.js';
import { systemClock, type Clock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import type { Logger } from './platform/logger.js';
import { Metrics } from './platform/metrics.js';
import type { MarketFeed } from './ports/market-feed.js';

/** Everything one process runs, wired from configuration. The only module that knows every layer. */
export interface Platform {
  readonly config: Config;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly catalog: CatalogService;
  readonly prices: PriceQueryService;
  readonly ingest: IngestService;
  readonly scheduler: JobScheduler;
  readonly jobs: JobsService;
  readonly readiness: ReadinessService;
  readonly migrationsApplied: readonly string[];
  close(): Promise<void>;
}

export interface PlatformOptions {
  readonly logger: Logger;
  readonly clock?: Clock;
  /** Whether this process will run the scheduler's timers (reported as the jobs' next run). */
  readonly schedulerRunning?: boolean;
  /** Extra feeds (tests). */
  readonly feeds?: readonly MarketFeed[];
}

export const VERSION: string = (() => {
  const file = fileURLToPath(new URL('../package.json', import.meta.url));
  return existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
    : '0.0.0';
})();

/** Opens the stores (running migrations) and builds the use cases. */
export const openPlatform = async (config: Config, options: PlatformOptions): Promise<Platform> => {
  const clock = options.clock ?? systemClock;
  const logger = options.logger;
  const metrics = new Metrics();
  const stores = await openDuckDbStores(
    {
      file: config.store.duckdbFile,
      threads: config.store.duckdbThreads,
      memoryLimit: config.store.duckdbMemoryLimit,
    },
    clock,
  );
  if (stores.migrationsApplied.length > 0) {
    logger.info({ migrations: stores.migrationsApplied }, 'database migrated');
  }
  const timeSeries = new CachedTimeSeriesStore(stores.timeSeries, config.store.readCacheBytes);
  const bus = new InProcessBus(logger);
  const feeds = [
    ...(config.sim.enabled ? [createSimFeed({ seed: config.sim.seed })] : []),
    ...(options.feeds ?? []),
  ];
  const catalog = new CatalogService(stores.metadata, { bus, clock });
  const ingest = new IngestService({
    feeds,
    metadata: stores.metadata,
    store: timeSeries,
    bus,
    clock,
    logger,
    metrics,
  });
  const scheduler = new JobScheduler({
    metadata: stores.metadata,
    clock,
    logger,
    metrics,
    maxAttempts: config.scheduler.maxAttempts,
    retryBaseMs: config.scheduler.retryBaseMs,
  });
  for (const job of ingestJobs(ingest, config.sim.backfillDays)) {
    scheduler.register(job);
  }
  return {
    config,
    logger,
    metrics,
    catalog,
    prices: new PriceQueryService({
      catalog,
      store: timeSeries,
      maxRows: config.api.maxRowsPerResponse,
    }),
    ingest,
    scheduler,
    jobs: new JobsService({
      scheduler,
      metadata: stores.metadata,
      schedulerRunning: options.schedulerRunning ?? false,
    }),
    readiness: new ReadinessService({ timeSeries, metadata: stores.metadata }),
    migrationsApplied: stores.migrationsApplied,
    close: async () => {
      await scheduler.stop();
      await bus.close();
      await stores.close();
    },
  };
};

/** The built web hub shipped next to the server (web/dist), unless configured elsewhere. */
const defaultWebDir = (): string | null => {
  const dir = fileURLToPath(new URL('../../web/dist', import.meta.url));
  return existsSync(dir) ? dir : null;
};

/** The HTTP app over a platform's use cases. */
export const httpAppFor = (platform: Platform, webDir: string | null): Promise<HttpApp> =>
  createHttpApp({
    catalog: platform.catalog,
    prices: platform.prices,
    jobs: platform.jobs,
    readiness: platform.readiness,
    metrics: platform.metrics,
    logger: platform.logger,
    version: VERSION,
    webDir,
  });

export interface RunningServer {
  readonly url: string;
  readonly app: HttpApp;
  readonly platform: Platform;
  stop(): Promise<void>;
}

/**
 * Starts the API and web hub: first brings every scheduled dataset up to date (so data shows at once), then
 * starts the scheduler and listens.
 */
export const startServer = async (
  config: Config,
  options: PlatformOptions,
): Promise<RunningServer> => {
  const schedulerRunning = config.scheduler.enabled;
  const platform = await openPlatform(config, { ...options, schedulerRunning });
  try {
    if (schedulerRunning) {
      await Promise.all(
        platform.scheduler
          .jobs()
          .map((job) => platform.scheduler.runNow(job.definition.name, 'startup')),
      );
      platform.scheduler.start();
    }
    const app = await httpAppFor(platform, config.web.dir ?? defaultWebDir());
    const address = await app.listen({ host: config.http.host, port: config.http.port });
    return {
      url: address,
      app,
      platform,
      stop: async () => {
        await app.close();
        await platform.close();
      },
    };
  } catch (error) {
    await platform.close();
    throw error;
  }
};
