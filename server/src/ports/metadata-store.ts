import type {
  InstrumentDefinition,
  InstrumentKind,
  InstrumentProduct,
} from '../domain/instruments/instrument.js';
import type { MarketDefinition } from '../domain/markets/market.js';

export type JobRunStatus = 'running' | 'succeeded' | 'failed';
export type JobTrigger = 'schedule' | 'startup' | 'manual' | 'retry';

/** One attempt of a job, as recorded by the scheduler. */
export interface JobRunRecord {
  readonly id: string;
  readonly job: string;
  readonly trigger: JobTrigger;
  readonly attempt: number;
  readonly status: JobRunStatus;
  readonly startedAtMs: number;
  readonly finishedAtMs: number | null;
  readonly rows: number | null;
  readonly error: string | null;
}

export interface JobRunFilter {
  readonly job?: string;
  readonly status?: JobRunStatus;
}

/** Keyset pagination: `after` is the opaque position returned as `next` by the previous page. */
export interface PageRequest {
  readonly limit: number;
  readonly after?: string | null;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly next: string | null;
}

/** A slice of the instrument master a caller may see: a market and product, optionally only named instruments. */
export interface InstrumentScope {
  readonly market: string;
  readonly product: InstrumentProduct;
  readonly instruments: readonly string[] | null;
}

export interface InstrumentFilter {
  /** Only instruments inside one of these scopes (entitlements); omitted = everything. */
  readonly scope?: readonly InstrumentScope[];
  readonly market?: string;
  readonly kind?: InstrumentKind;
  /** Case-insensitive substring of id, code or name. */
  readonly text?: string;
}

/** Where an ingestion stream got to, so a restarted backfill resumes instead of starting over. */
export interface Checkpoint {
  readonly feed: string;
  readonly dataset: string;
  /** Everything before this UTC instant has been stored. */
  readonly watermarkMs: number;
  readonly updatedAtMs: number;
}

/**
 * Reference data and operational records: markets, instruments and aliases, job runs, ingestion checkpoints.
 * Embedded mode keeps them in the same DuckDB file as the time series; scale-out mode in PostgreSQL.
 */
export interface MetadataStore {
  upsertMarkets(markets: readonly MarketDefinition[]): Promise<void>;
  listMarkets(): Promise<MarketDefinition[]>;
  getMarket(id: string): Promise<MarketDefinition | null>;

  /** Inserts new instruments and updates changed ones; aliases are replaced by the given set. */
  upsertInstruments(
    instruments: readonly InstrumentDefinition[],
  ): Promise<{ created: number; updated: number }>;
  getInstruments(ids: readonly string[]): Promise<InstrumentDefinition[]>;
  listInstruments(filter: InstrumentFilter, page: PageRequest): Promise<Page<InstrumentDefinition>>;
  /** The instrument a vendor code named at a given time, or null. */
  resolveAlias(source: string, code: string, atMs: number): Promise<string | null>;

  startJobRun(
    run: Omit<JobRunRecord, 'status' | 'finishedAtMs' | 'rows' | 'error'>,
  ): Promise<JobRunRecord>;
  finishJobRun(
    id: string,
    outcome: {
      status: Exclude<JobRunStatus, 'running'>;
      finishedAtMs: number;
      rows: number | null;
      error: string | null;
    },
  ): Promise<void>;
  listJobRuns(filter: JobRunFilter, page: PageRequest): Promise<Page<JobRunRecord>>;
  /** The most recent run of each job, keyed by job name. */
  latestJobRuns(): Promise<Map<string, JobRunRecord>>;

  getCheckpoint(feed: string, dataset: string): Promise<Checkpoint | null>;
  putCheckpoint(checkpoint: Checkpoint): Promise<void>;

  ping(): Promise<void>;
  close(): Promise<void>;
}
