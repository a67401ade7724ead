import type { AdminService } from '../features/access/admin.service.js';
import type { BootstrapService } from '../features/access/bootstrap.service.js';
import type { CliCaller } from '../features/access/cli-caller.js';
import type { GrantsService } from '../features/access/grants.service.js';
import type { CatalogService } from '../features/catalog/catalog.service.js';
import type { CurvesService } from '../features/curves/curves.service.js';
import type { ExportsService } from '../features/exports/exports.service.js';
import type { IngestService } from '../features/ingest/ingest.service.js';
import type { JobsService } from '../features/jobs/jobs.service.js';
import type { PriceQueryService } from '../features/prices/price-query.service.js';
import type { QualityService } from '../features/quality/quality.service.js';
import type { ReportsService } from '../features/reports/reports.service.js';
import type { Config } from '../platform/config.js';

/** The use cases a CLI command works with, over an open store. */
export interface CliServices {
  readonly catalog: CatalogService;
  readonly prices: PriceQueryService;
  readonly ingest: IngestService;
  readonly jobs: JobsService;
  /** Data quality: freshness, completeness and problems found on ingest. */
  readonly quality: QualityService;
  /** Forward curves: define, load quotes, build, and read prices, runs and changes. */
  readonly curves: CurvesService;
  /** CSV/Parquet exports (written in the background; `settled()` waits for them). */
  readonly exports: ExportsService;
  /** Daily and monthly market briefs. */
  readonly reports: ReportsService;
  readonly admin: AdminService;
  /** Entitlements, seats and the audit trail. */
  readonly grants: GrantsService;
  /** First-run setup: the operator tenant, its first administrator, the demo tenants. */
  readonly bootstrap: BootstrapService;
  /** Who the command acts as, and the context recorded in the audit trail. */
  readonly caller: CliCaller;
  readonly migrationsApplied: readonly string[];
  close(): Promise<void>;
}

/**
 * What the composition root gives the CLI: configuration and a way to open the platform or start the server.
 * Keeps cli/ free of adapters (see docs/ARCHITECTURE.md).
 */
export interface CliRuntime {
  loadConfig(): Config;
  open(config: Config): Promise<CliServices>;
  serve(config: Config): Promise<{
    url: string;
    created: readonly {
      tenantId: string;
      username: string;
      password: string | null;
      apiKey: string | null;
    }[];
    stop(): Promise<void>;
  }>;
  readonly version: string;
}

/** Where a command writes: results to `out` (pipeable), progress and diagnostics to `err`. */
export interface CliOutput {
  readonly out: NodeJS.WritableStream & { isTTY?: boolean };
  readonly err: NodeJS.WritableStream & { isTTY?: boolean };
}
