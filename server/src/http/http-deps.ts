import type { AccessService } from '../features/access/access.service.js';
import type { AdminService } from '../features/access/admin.service.js';
import type { AuditService } from '../features/access/audit.service.js';
import type { AuthService } from '../features/access/auth.service.js';
import type { GrantsService } from '../features/access/grants.service.js';
import type { RequestLimits } from '../features/access/request-limits.js';
import type { CatalogService } from '../features/catalog/catalog.service.js';
import type { CurvesService } from '../features/curves/curves.service.js';
import type { ExportSchedulesService } from '../features/exports/export-schedules.js';
import type { ExportsService } from '../features/exports/exports.service.js';
import type { ReadinessService } from '../features/health/readiness.service.js';
import type { JobsService } from '../features/jobs/jobs.service.js';
import type { PriceQueryService } from '../features/prices/price-query.service.js';
import type { QualityService } from '../features/quality/quality.service.js';
import type { StreamService } from '../features/streaming/stream.service.js';
import type { ReportsService } from '../features/reports/reports.service.js';
import type { Logger } from '../platform/logger.js';
import type { Metrics } from '../platform/metrics.js';

/** Everything the HTTP layer needs: use cases, not stores. */
export interface HttpDeps {
  readonly catalog: CatalogService;
  readonly prices: PriceQueryService;
  readonly jobs: JobsService;
  readonly quality: QualityService;
  readonly curves: CurvesService;
  readonly exports: ExportsService;
  readonly exportSchedules: ExportSchedulesService;
  /** Live prices over WebSocket and SSE. */
  readonly stream: StreamService;
  /** Daily and monthly market briefs (HTML and PDF). */
  readonly reports: ReportsService;
  readonly readiness: ReadinessService;
  readonly auth: AuthService;
  readonly access: AccessService;
  readonly admin: AdminService;
  readonly grants: GrantsService;
  readonly audit: AuditService;
  readonly limits: RequestLimits;
  /** Session cookie attributes. */
  readonly session: { readonly secureCookie: boolean; readonly ttlMs: number };
  readonly metrics: Metrics;
  readonly logger: Logger;
  readonly version: string;
  /** Built web hub to serve at `/`, or null to serve the API only. */
  readonly webDir: string | null;
  /** Limits of the GraphQL endpoint; the defaults of CARBON_GRAPHQL_MAX_DEPTH / _MAX_COST when left out. */
  readonly graphql?: { readonly maxDepth: number; readonly maxCost: number };
}
