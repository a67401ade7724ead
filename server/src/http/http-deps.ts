import type { CatalogService } from '../features/catalog/catalog.service.js';
import type { ReadinessService } from '../features/health/readiness.service.js';
import type { JobsService } from '../features/jobs/jobs.service.js';
import type { PriceQueryService } from '../features/prices/price-query.service.js';
import type { Logger } from '../platform/logger.js';
import type { Metrics } from '../platform/metrics.js';

/** Everything the HTTP layer needs: use cases, not stores. */
export interface HttpDeps {
  readonly catalog: CatalogService;
  readonly prices: PriceQueryService;
  readonly jobs: JobsService;
  readonly readiness: ReadinessService;
  readonly metrics: Metrics;
  readonly logger: Logger;
  readonly version: string;
  /** Built web hub to serve at `/`, or null to serve the API only. */
  readonly webDir: string | null;
}
