import type { AccessService } from './features/access/access.service.js';
import type { AuditService } from './features/access/audit.service.js';
import type { CatalogService } from './features/catalog/catalog.service.js';
import { StreamHub } from './features/streaming/stream-hub.js';
import { StreamService } from './features/streaming/stream.service.js';
import type { Clock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import type { Logger } from './platform/logger.js';
import type { Bus } from './ports/bus.js';

/** Live prices (ADR 0013): the hub that numbers and fans out stored batches, and the use case around it. */
export const streamServiceFor = (deps: {
  config: Config;
  clock: Clock;
  logger: Logger;
  access: AccessService;
  catalog: CatalogService;
  audit: AuditService;
  bus: Bus;
}): StreamService =>
  new StreamService({
    hub: new StreamHub({
      clock: deps.clock,
      logger: deps.logger,
      settings: {
        heartbeatMs: deps.config.stream.heartbeatMs,
        replayUpdates: deps.config.stream.replayUpdates,
        replayRows: deps.config.stream.replayRows,
        replayAgeMs: deps.config.stream.replayWindowMs,
      },
    }),
    access: deps.access,
    catalog: deps.catalog,
    audit: deps.audit,
    bus: deps.bus,
    logger: deps.logger,
    maxBufferedBytes: deps.config.stream.clientBufferBytes,
  });
