import type { Clock } from '../../platform/clock.js';
import type { AuditStore } from '../../ports/audit-store.js';
import type { CurveStore } from '../../ports/curve-store.js';
import type { ExportStore } from '../../ports/export-store.js';
import type { IdentityStore } from '../../ports/identity-store.js';
import type { MetadataStore } from '../../ports/metadata-store.js';
import type { QualityStore } from '../../ports/quality-store.js';
import type { ReportStore } from '../../ports/report-store.js';
import type { TimeSeriesStore } from '../../ports/time-series-store.js';
import { DuckDbDatabase, type DuckDbOptions } from './duckdb-database.js';
import { DuckDbAuditStore } from './duckdb-audit-store.js';
import { DuckDbCurveStore } from './duckdb-curve-store.js';
import { DuckDbExportStore } from './duckdb-export-store.js';
import { DuckDbIdentityStore } from './duckdb-identity-store.js';
import { DuckDbMetadataStore } from './duckdb-metadata-store.js';
import { DuckDbQualityStore } from './duckdb-quality-store.js';
import { DuckDbReportStore } from './duckdb-report-store.js';
import { DuckDbTimeSeriesStore } from './duckdb-time-series-store.js';

export interface DuckDbStores {
  readonly timeSeries: TimeSeriesStore;
  readonly metadata: MetadataStore;
  readonly identity: IdentityStore;
  readonly audit: AuditStore;
  readonly quality: QualityStore;
  readonly curves: CurveStore;
  /** Export jobs, schedules and the COPY of their files. */
  readonly exports: ExportStore;
  readonly reports: ReportStore;
  /** Migrations applied while opening (empty when the schema was current). */
  readonly migrationsApplied: readonly string[];
  close(): Promise<void>;
}

/** Opens the embedded database, applies pending migrations, and returns every store over the one file. */
export const openDuckDbStores = async (
  options: DuckDbOptions,
  clock: Clock,
): Promise<DuckDbStores> => {
  const db = await DuckDbDatabase.open(options);
  try {
    const migrationsApplied = await db.migrate();
    const timeSeries = await DuckDbTimeSeriesStore.create(db, clock);
    const metadata = new DuckDbMetadataStore(db, clock);
    return {
      timeSeries,
      metadata,
      identity: new DuckDbIdentityStore(db),
      audit: new DuckDbAuditStore(db),
      quality: new DuckDbQualityStore(db),
      curves: new DuckDbCurveStore(db),
      exports: new DuckDbExportStore(db),
      reports: new DuckDbReportStore(db),
      migrationsApplied,
      close: () => db.close(),
    };
  } catch (error) {
    await db.close();
    throw error;
  }
};
