import type { DuckDbStores } from './adapters/duckdb/open-duckdb-stores.js';
import { instrumentId } from './domain/instruments/instrument.js';
import type { CurveDefinition } from './domain/curves/curve-model.js';
import type { AccessService } from './features/access/access.service.js';
import type { AuditService } from './features/access/audit.service.js';
import { CurvesService } from './features/curves/curves.service.js';
import { seedDemoCurve } from './features/curves/demo-curve.js';
import { curveBuildJob, curveJobName } from './features/jobs/curve-jobs.js';
import type { JobScheduler } from './features/jobs/job-scheduler.js';
import { SIM_MARKET_ID } from './adapters/feeds/sim/sim-market.js';
import type { Clock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import type { Logger } from './platform/logger.js';
import type { Bus } from './ports/bus.js';
import type { MarketFeed } from './ports/market-feed.js';
import type { TimeSeriesStore } from './ports/time-series-store.js';

/**
 * Forward curves wired from the stores: the use case, and one daily build job per curve — those defined now and
 * each one defined while the process runs (`curves.defined` on the bus).
 */
export const setUpCurves = async (deps: {
  config: Config;
  stores: DuckDbStores;
  timeSeries: TimeSeriesStore;
  access: AccessService;
  audit: AuditService;
  bus: Bus;
  clock: Clock;
  logger: Logger;
  scheduler: JobScheduler;
  feeds: readonly MarketFeed[];
}): Promise<CurvesService> => {
  const { stores, scheduler, bus } = deps;
  const curves = new CurvesService({
    store: stores.curves,
    timeSeries: deps.timeSeries,
    metadata: stores.metadata,
    access: deps.access,
    audit: deps.audit,
    bus,
    clock: deps.clock,
    logger: deps.logger,
    maxRows: deps.config.api.maxRowsPerResponse,
    knownMarkets: deps.feeds.map((feed) => feed.market),
  });
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
  return curves;
};

/**
 * The simulator's forward curve (SIM-HUB-POWER on SIM North Hub's day-ahead shape), with today's synthetic quotes
 * and a build, after the simulator's catch-up so the shape has history. A failure is logged, never fatal: the demo
 * curve must not keep the server from starting.
 */
export const prepareDemoCurve = async (platform: {
  readonly curves: CurvesService;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly audit: AuditService;
}): Promise<void> => {
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
