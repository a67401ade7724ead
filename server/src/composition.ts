import { userInfo } from 'node:os';
import { InProcessBus } from './adapters/bus/in-process-bus.js';
import { CachedTimeSeriesStore } from './adapters/cache/cached-time-series-store.js';
import { openDuckDbStores } from './adapters/duckdb/open-duckdb-stores.js';
import { createOidcTokenVerifier } from './adapters/oidc/oidc-token-verifier.js';
import { MemoryRateLimiter } from './adapters/rate-limit/memory-rate-limiter.js';
import { AccessService } from './features/access/access.service.js';
import { AdminService } from './features/access/admin.service.js';
import { GrantsService } from './features/access/grants.service.js';
import { AuditService } from './features/access/audit.service.js';
import { AuthService } from './features/access/auth.service.js';
import { BootstrapService, type CreatedCredentials } from './features/access/bootstrap.service.js';
import type { CliCaller } from './features/access/cli-caller.js';
import { RequestLimits } from './features/access/request-limits.js';
import { CatalogService } from './features/catalog/catalog.service.js';
import type { ReportsService } from './features/reports/reports.service.js';
import { setUpReports } from './composition-reports.js';
import { ReadinessService } from './features/health/readiness.service.js';
import { IngestService } from './features/ingest/ingest.service.js';
import { housekeepingJobs } from './features/jobs/housekeeping-jobs.js';
import { ingestJobs } from './features/jobs/ingest-jobs.js';
import { JobScheduler } from './features/jobs/job-scheduler.js';
import { JobsService } from './features/jobs/jobs.service.js';
import { PriceQueryService } from './features/prices/price-query.service.js';
import { QualityService } from './features/quality/quality.service.js';
import type { StreamService } from './features/streaming/stream.service.js';
import { streamServiceFor } from './composition-stream.js';
import { SIM_FEED_ID } from './adapters/feeds/sim/sim-feed.js';
import { prepareDemoCurve, setUpCurves } from './composition-curves.js';
import { setUpFeeds } from './composition-feeds.js';
import type { CurvesService } from './features/curves/curves.service.js';
import { setUpExports } from './composition-exports.js';
import type { ExportSchedulesService } from './features/exports/export-schedules.js';
import type { ExportsService } from './features/exports/exports.service.js';
import { defaultWebDir, httpAppFor } from './composition-http.js';
import type { HttpApp } from './http/app.js';
import { systemClock, type Clock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import { newId } from './platform/ids.js';
import type { Logger } from './platform/logger.js';
import { Metrics } from './platform/metrics.js';
import type { MarketFeed } from './ports/market-feed.js';

/** Everything one process runs, wired from configuration. The only module that knows every layer. */
export interface Platform {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly metrics: Metrics;
  readonly catalog: CatalogService;
  readonly prices: PriceQueryService;
  readonly ingest: IngestService;
  readonly scheduler: JobScheduler;
  readonly jobs: JobsService;
  readonly quality: QualityService;
  /** Forward curves: definitions, quotes, builds and their prices. */
  readonly curves: CurvesService;
  /** CSV/Parquet exports of prices and curves, on demand and scheduled. */
  readonly exports: ExportsService;
  readonly exportSchedules: ExportSchedulesService;
  /** Daily and monthly market briefs (HTML and PDF). */
  readonly reports: ReportsService;
  /** Live prices (WebSocket and SSE) from what ingestion stores. */
  readonly stream: StreamService;
  readonly readiness: ReadinessService;
  readonly audit: AuditService;
  readonly access: AccessService;
  readonly auth: AuthService;
  readonly admin: AdminService;
  readonly grants: GrantsService;
  readonly limits: RequestLimits;
  readonly bootstrap: BootstrapService;
  /** The local command line as a caller (acts as the operator; audited as cli:<os user>). */
  readonly caller: CliCaller;
  readonly migrationsApplied: readonly string[];
  close(): Promise<void>;
}

export interface PlatformOptions {
  readonly logger: Logger;
  readonly clock?: Clock;
  /** Whether this process will run the scheduler's timers (reported as the jobs' next run). */
  readonly schedulerRunning?: boolean;
  /** Extra feeds (tests); they replace built-in feeds with the same id. */
  readonly feeds?: readonly MarketFeed[];
}

const osUser = (): string => {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
};

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
  const { feeds, scheduled, csv } = setUpFeeds(config, options.feeds);

  const audit = new AuditService({
    store: stores.audit,
    clock,
    logger,
    flushMs: config.audit.flushMs,
  });
  await audit.init();
  const access = new AccessService({ identity: stores.identity, audit, clock, bus });
  const auth = new AuthService({
    identity: stores.identity,
    audit,
    clock,
    bus,
    settings: {
      sessionTtlMs: config.auth.sessionTtlMs,
      sessionIdleMs: config.auth.sessionIdleMs,
      oidcTenantClaim: config.auth.oidc?.tenantClaim ?? 'tenant',
      oidcRolesClaim: config.auth.oidc?.rolesClaim ?? 'roles',
    },
    loginFailures: new MemoryRateLimiter({
      points: config.auth.loginMaxFailures,
      windowSeconds: 15 * 60,
    }),
    oidc: config.auth.oidc
      ? createOidcTokenVerifier({
          issuer: config.auth.oidc.issuer,
          audience: config.auth.oidc.audience,
          clockToleranceSeconds: config.auth.oidc.clockSkewSeconds,
          clock,
        })
      : null,
  });
  const limits = new RequestLimits({
    perActor: new MemoryRateLimiter({
      points: config.rateLimits.perActorPerMinute,
      windowSeconds: 60,
    }),
    perTenant: new MemoryRateLimiter({
      points: config.rateLimits.perTenantPerMinute,
      windowSeconds: 60,
    }),
    exports: new MemoryRateLimiter({
      points: config.rateLimits.exportsPerMinute,
      windowSeconds: 60,
    }),
    access,
  });
  const catalog = new CatalogService(stores.metadata, access, { bus, clock });
  const stream = streamServiceFor({ config, clock, logger, access, catalog, audit, bus });
  // The ingest's QualityGate: checks every fetched window and loaded file before it is stored (ADR 0010).
  const quality = new QualityService({
    store: stores.quality,
    metadata: stores.metadata,
    access,
    feeds,
    clock,
    logger,
    priceRange: config.quality.priceRange,
  });
  const ingest = new IngestService({
    feeds,
    metadata: stores.metadata,
    store: timeSeries,
    bus,
    clock,
    logger,
    metrics,
    quality,
  });
  const scheduler = new JobScheduler({
    metadata: stores.metadata,
    clock,
    logger,
    metrics,
    maxAttempts: config.scheduler.maxAttempts,
    retryBaseMs: config.scheduler.retryBaseMs,
  });
  const curves = await setUpCurves({
    config,
    stores,
    timeSeries,
    access,
    audit,
    bus,
    clock,
    logger,
    scheduler,
    feeds,
  });
  for (const job of [
    ...ingestJobs(ingest, scheduled),
    ...housekeepingJobs({
      audit,
      identity: stores.identity,
      clock,
      auditRetentionMs: config.audit.retentionMs,
    }),
  ]) {
    scheduler.register(job);
  }
  const exporting = await setUpExports({
    config,
    stores,
    timeSeries,
    catalog,
    curves,
    access,
    audit,
    clock,
    logger,
  });
  for (const job of exporting.jobs) {
    scheduler.register(job);
  }
  const scheduledFeedIds = new Set(scheduled.map((s) => s.feed));
  const { reports, jobs: reportJobList } = await setUpReports({
    config,
    stores,
    timeSeries,
    catalog,
    quality,
    curves,
    access,
    audit,
    clock,
    logger,
    system: auth.cliPrincipal('scheduler'),
    scheduledMarkets: feeds.filter((f) => scheduledFeedIds.has(f.id)).map((f) => f.market),
  });
  for (const job of reportJobList) {
    scheduler.register(job);
  }
  return {
    config,
    logger,
    clock,
    metrics,
    catalog,
    prices: new PriceQueryService({
      catalog,
      access,
      store: timeSeries,
      maxRows: config.api.maxRowsPerResponse,
    }),
    ingest,
    scheduler,
    quality,
    curves,
    reports,
    stream,
    jobs: new JobsService({
      scheduler,
      metadata: stores.metadata,
      access,
      schedulerRunning: options.schedulerRunning ?? false,
    }),
    readiness: new ReadinessService({ timeSeries, metadata: stores.metadata }),
    audit,
    access,
    auth,
    admin: new AdminService({ identity: stores.identity, audit, access, bus, clock }),
    grants: new GrantsService({ identity: stores.identity, audit, access, bus }),
    limits,
    bootstrap: new BootstrapService({ identity: stores.identity, audit, clock }),
    caller: {
      principal: auth.cliPrincipal(osUser()),
      context: { ip: null, requestId: `cli-${newId()}`, userAgent: '254carbon-cli' },
    },
    migrationsApplied: stores.migrationsApplied,
    exports: exporting.exports,
    exportSchedules: exporting.schedules,
    close: async () => {
      stream.hub.close();
      await scheduler.stop();
      await reports.drain();
      // A COPY still writing must finish before the database closes.
      await exporting.exports.settled();
      await audit.stop();
      await bus.close();
      await csv.close();
      await stores.close();
    },
  };
};

export { VERSION, defaultWebDir, httpAppFor } from './composition-http.js';

/**
 * First start: the operator tenant and its administrator (printed once), the demo pilots outside production, and
 * the operator's entitlement to the simulator so the hub shows data at once.
 */
export const prepareAccess = async (platform: Platform): Promise<CreatedCredentials[]> => {
  const { config } = platform;
  const admin = await platform.bootstrap.ensureOperator({
    production: config.env === 'production',
    adminUsername: config.auth.adminUsername,
    adminPassword: config.auth.adminPassword,
    operatorMarkets: config.sim.enabled ? ['SIM'] : [],
  });
  const pilots = config.auth.demoTenants ? await platform.bootstrap.seedDemoTenants() : [];
  await platform.audit.flush();
  return [...(admin ? [admin] : []), ...pilots];
};

export { prepareDemoCurve };

export interface RunningServer {
  readonly url: string;
  readonly app: HttpApp;
  readonly platform: Platform;
  /** Accounts created by this start (first administrator, demo users), with their one-time secrets. */
  readonly created: readonly CreatedCredentials[];
  stop(): Promise<void>;
}

/**
 * Starts the API and web hub: prepares access, brings every scheduled dataset up to date (so data shows at once),
 * then starts the scheduler and listens.
 */
export const startServer = async (
  config: Config,
  options: PlatformOptions,
): Promise<RunningServer> => {
  const schedulerRunning = config.scheduler.enabled;
  const platform = await openPlatform(config, { ...options, schedulerRunning });
  try {
    const created = await prepareAccess(platform);
    platform.audit.start();
    const ingestJobNames = platform.scheduler
      .jobs()
      .map((job) => job.definition.name)
      .filter((name) => name.startsWith('ingest.'));
    // The simulator is local and fast: its catch-up finishes before listening, so data shows at once. Operators
    // are remote (and may be unreachable): their catch-up runs after listening and never delays the start.
    const isLocal = (name: string): boolean => name.startsWith(`ingest.${SIM_FEED_ID}.`);
    if (schedulerRunning) {
      await Promise.all(
        ingestJobNames.filter(isLocal).map((name) => platform.scheduler.runNow(name, 'startup')),
      );
    }
    if (config.sim.enabled) {
      await prepareDemoCurve(platform);
    }
    const { app } = await httpAppFor(platform, config.web.dir ?? defaultWebDir());
    const address = await app.listen({ host: config.http.host, port: config.http.port });
    if (schedulerRunning) {
      for (const name of ingestJobNames.filter((n) => !isLocal(n))) {
        // Failures are recorded as job runs (and retried on schedule); nothing to await here.
        void platform.scheduler.runNow(name, 'startup');
      }
      platform.scheduler.start();
    }
    return {
      url: address,
      app,
      platform,
      created,
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
