import type { MarketRunId } from '../domain/markets/market.js';
import type { Aggregation, ResampleBucket } from '../domain/prices/price-query.js';
import type { TimeRange } from '../domain/time/interval.js';

export type ExportFormat = 'csv' | 'parquet';
export type ExportStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** How a file is written: CSV (optionally gzip) with a header, or zstd-compressed Parquet. */
export interface FileFormat {
  readonly format: ExportFormat;
  readonly gzip: boolean;
}

/** One export job as stored. Times are UTC epoch milliseconds. */
export interface ExportRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly actor: string;
  readonly dataset: string;
  readonly format: ExportFormat;
  readonly gzip: boolean;
  /** The request as accepted (dataset filters), kept to run it and to show it back. */
  readonly request: unknown;
  /** SHA-256 of the canonical request: same Idempotency-Key with another hash is a conflict. */
  readonly requestHash: string;
  readonly idempotencyKey: string | null;
  readonly scheduleId: string | null;
  readonly status: ExportStatus;
  /** Name of the file inside the export directory (never a caller-chosen path). */
  readonly fileName: string;
  readonly rows: number | null;
  readonly bytes: number | null;
  /** `sha256:<hex>` of the file's bytes. */
  readonly checksum: string | null;
  readonly error: string | null;
  readonly createdAtMs: number;
  readonly finishedAtMs: number | null;
  readonly expiresAtMs: number;
}

export type ExportOutcome = Pick<
  ExportRecord,
  'status' | 'rows' | 'bytes' | 'checksum' | 'error' | 'finishedAtMs'
>;

/** A recurring export, with the identity of whoever created it (each run is checked against its entitlements). */
export interface ExportScheduleRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly actor: string;
  readonly displayName: string;
  readonly roles: readonly string[];
  readonly method: string;
  readonly name: string;
  readonly cron: string;
  readonly timezone: string;
  readonly dataset: string;
  readonly format: ExportFormat;
  readonly gzip: boolean;
  /** Filters relative to the run date, as accepted. */
  readonly filters: unknown;
  readonly createdAtMs: number;
  readonly lastRunAtMs: number | null;
  readonly lastExportId: string | null;
}

/** The prices a query selects, as the prices API reads them (raw intervals or resampled buckets). */
export interface PriceExportQuery {
  readonly instrumentIds: readonly string[];
  /** null = every run. */
  readonly runs: readonly MarketRunId[] | null;
  readonly range: TimeRange;
  readonly resample: { readonly bucket: ResampleBucket; readonly aggregation: Aggregation } | null;
}

/** Column-wise rows computed outside the store (curve points, and later scenario or backtest results). */
export interface ExportTable {
  readonly rowCount: number;
  readonly columns: readonly ExportColumn[];
}

export type ExportColumn =
  | { readonly name: string; readonly type: 'text'; readonly values: readonly (string | null)[] }
  | { readonly name: string; readonly type: 'number'; readonly values: ArrayLike<number> }
  /** Epoch milliseconds, written as UTC timestamps (ISO 8601 with Z in CSV). */
  | { readonly name: string; readonly type: 'timestamp'; readonly values: ArrayLike<number> };

/**
 * Export jobs, their schedules and the files' contents. Writing a file is the store's job because the fastest path
 * is the engine's own COPY of the query to the file, without the rows passing through JavaScript.
 */
export interface ExportStore {
  /**
   * Stores a new export unless the tenant already used its idempotency key; returns the earlier export then
   * (decided inside one serialised write, so two concurrent requests cannot both insert).
   */
  insertExport(record: ExportRecord): Promise<ExportRecord | null>;
  markRunning(id: string): Promise<void>;
  finishExport(id: string, outcome: ExportOutcome): Promise<void>;
  getExport(id: string): Promise<ExportRecord | null>;
  /** Newest first. */
  listExports(tenantId: string, limit: number): Promise<ExportRecord[]>;
  expiredExports(nowMs: number): Promise<ExportRecord[]>;
  /** Exports left queued or running by a process that stopped. */
  unfinishedExports(): Promise<ExportRecord[]>;
  deleteExports(ids: readonly string[]): Promise<number>;

  insertSchedule(schedule: ExportScheduleRecord): Promise<void>;
  listSchedules(tenantId: string | null): Promise<ExportScheduleRecord[]>;
  deleteSchedule(tenantId: string, id: string): Promise<boolean>;
  markScheduleRun(id: string, atMs: number, exportId: string | null): Promise<void>;

  /** A named server secret, created with `generate` (and kept) the first time it is asked for. */
  serverSecret(name: string, generate: () => string, nowMs: number): Promise<string>;

  /** Writes the prices of a query to `file`, ordered as the API orders them; returns the rows written. */
  exportPrices(query: PriceExportQuery, file: string, format: FileFormat): Promise<number>;
  /** Writes rows computed elsewhere to `file`. */
  exportTable(table: ExportTable, file: string, format: FileFormat): Promise<number>;
}
