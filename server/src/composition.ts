import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { fileURLToPath } from 'node:url';
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
import { CurvesService } from './features/curves/curves.service.js';
import { seedDemoCurve } from './features/curves/demo-curve.js';
import { ReadinessService } from './features/health/readiness.service.js';
import { IngestService } from './features/ingest/ingest.service.js';
import { curveBuildJob, curveJobName } from './features/jobs/curve-jobs.js';
import { housekeepingJobs } from './features/jobs/housekeeping-jobs.js';
import { ingestJobs } from './features/jobs/ingest-jobs.js';
import { JobScheduler } from './features/jobs/job-scheduler.js';
import { JobsService } from './features/jobs/jobs.service.js';
import { PriceQueryService } from './features/prices/price-query.service.js';
import { QualityService } from './features/quality/quality.service.js';
import { SIM_FEED_ID } from './adapters/feeds/sim/sim-feed.js';
import { SIM_MARKET_ID } from './adapters/feeds/sim/sim-market.js';
import type { CurveDefinition } from './domain/curves/curve-model.js';
import { instrumentId } from './domain/instruments/instrument.js';
import { setUpFeeds } from './composition-feeds.js';
import { createHttpApp, type HttpApp, type RouteEntry } from './http/app.js';
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

export const VERSION: string = (() => {
  const file = fileURLToPath(new URL('../package.json', import.meta.url));
  return existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
    : '0.0.0';
})();

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
  const curves = new CurvesService({
    store: stores.curves,
    timeSeries,
    metadata: stores.metadata,
    access,
    audit,
    bus,
    clock,
    logger,
    maxRows: config.api.maxRowsPerResponse,
    knownMarkets: feeds.map((feed) => feed.market),
  });
  // One daily build per curve: those defined now, and each one defined while the process runs.
  const scheduleCurve = (definition: CurveDefinition): void => {
    if (!scheduler.jobs().some((job) => job.definition.name === curveJobName(definition.id))) {
      scheduler.register(curveBuildJob(curves, definition));
    }
  };
  bus.subscribe('curves.defined', async ({ curveId }) => {
    const definition = (await curves.definitions()).find((d) => d.id === curveId);
    if (definition) {
      scheduleCurve(definition);
    }
  });
  for (const definition of await curves.definitions()) {
    scheduleCurve(definition);
  }
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
    close: async () => {
      await scheduler.stop();
      await audit.stop();
      await bus.close();
      await csv.close();
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
export const httpAppFor = (
  platform: Platform,
  webDir: string | null,
): Promise<{ app: HttpApp; routes: readonly RouteEntry[] }> =>
  createHttpApp({
    catalog: platform.catalog,
    prices: platform.prices,
    jobs: platform.jobs,
    quality: platform.quality,
    curves: platform.curves,
    readiness: platform.readiness,
    auth: platform.auth,
    access: platform.access,
    admin: platform.admin,
    grants: platform.grants,
    audit: platform.audit,
    limits: platform.limits,
    session: {
      secureCookie: platform.config.auth.cookieSecure,
      ttlMs: platform.config.auth.sessionTtlMs,
    },
    metrics: platform.metrics,
    logger: platform.logger,
    version: VERSION,
    webDir,
  });

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

/**
 * The simulator's forward curve (SIM-HUB-POWER on SIM North Hub's day-ahead shape), with today's synthetic quotes
 * and a build, after the simulator's catch-up so the shape has history. A failure is logged, never fatal: the demo
 * curve must not keep the server from starting.
 */
export const prepareDemoCurve = async (platform: Platform): Promise<void> => {
  try {
    const outcome = await seedDemoCurve(platform.curves, {
      shapeInstrument: instrumentId(SIM_MARKET_ID, 'HUB_NORTH'),
      nowMs: platform.clock.now(),
    });
    platform.logger.info(
      { curve: outcome.run.curveId, asOf: outcome.run.asOf, runId: outcome.run.runId },
      'demo forward curve ready',
    );
  } catch (error) {
    platform.logger.warn({ err: error }, 'the demo forward curve could not be prepared');
  }
  await platform.audit.flush();
};

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
