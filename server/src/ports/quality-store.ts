import type { MarketRunId } from '../domain/markets/market.js';
import type { DayCoverage, DayPresence } from '../domain/quality/completeness.js';
import type { QualityFinding } from '../domain/quality/problem-tally.js';
import type {
  QualityCheck,
  QualityProblem,
  QualitySeverity,
} from '../domain/quality/quality-check.js';
import type { SeriesVariable } from '../domain/series/series-batch.js';
import type { IsoDate } from '../domain/time/zoned.js';
import type { InstrumentScope, Page, PageRequest } from './metadata-store.js';

/** Which feed dataset a quality record belongs to. */
export interface QualityTarget {
  readonly market: string;
  readonly feed: string;
  readonly dataset: string;
}

/** Which feed dataset, and which file or URL, a finding came from. */
export interface InspectedSource extends QualityTarget {
  /** File name or URL the data came from. */
  readonly source: string;
}

/** A problem as stored: what was found, where it came from, and whether it still stands. */
export interface StoredProblem extends QualityProblem {
  readonly id: string;
  readonly market: string;
  readonly feed: string;
  readonly dataset: string;
  /** File name or URL of the data it was (last) found in. */
  readonly source: string;
  readonly firstDetectedAtMs: number;
  readonly detectedAtMs: number;
  /** When a later ingest no longer found it (corrected data, a filled gap); null while it stands. */
  readonly resolvedAtMs: number | null;
}

export type ProblemStatus = 'open' | 'resolved' | 'all';

export interface QualityFilter {
  /** Only instruments inside one of these scopes (entitlements); omitted = everything. */
  readonly scope?: readonly InstrumentScope[];
  readonly market?: string;
  readonly feed?: string;
  readonly dataset?: string;
  /** Inclusive market-local days. */
  readonly fromDay?: IsoDate;
  readonly toDay?: IsoDate;
}

export interface ProblemFilter extends QualityFilter {
  readonly check?: QualityCheck;
  readonly severity?: QualitySeverity;
  readonly instrumentId?: string;
  /** Default `open`. */
  readonly status?: ProblemStatus;
}

/** Open problems per dataset, check and severity, for summaries. */
export interface ProblemCount extends QualityTarget {
  readonly check: QualityCheck;
  readonly severity: QualitySeverity;
  readonly problems: number;
  /** Intervals affected, summed over the problems. */
  readonly intervals: number;
}

/** What one stored batch adds to completeness: the minutes its window claimed and the intervals it held. */
export interface CompletenessUpdate extends QualityTarget {
  readonly coverage: readonly DayCoverage[];
  readonly presence: readonly DayPresence[];
  readonly atMs: number;
}

/** Completeness of one dataset stream (run or variable) on one local day, over the instruments in scope. */
export interface DayCompleteness extends QualityTarget {
  readonly run: MarketRunId | null;
  readonly variable: SeriesVariable | null;
  readonly localDay: IsoDate;
  /** 1380, 1440 or 1500 across daylight-saving changes. */
  readonly dayMinutes: number;
  /** Minutes of the day the fetched windows or files have covered so far. */
  readonly coveredMinutes: number;
  readonly intervalMinutes: number;
  /** Intervals each instrument should have that day (276, 288 or 300 five-minute intervals …). */
  readonly expectedIntervals: number;
  readonly instruments: number;
  /** Fully fetched days with every interval present. */
  readonly complete: number;
  /** Fully fetched days with intervals missing. */
  readonly incomplete: number;
  /** Days not fully fetched yet, so not judged. */
  readonly partial: number;
  readonly presentIntervals: number;
  /** Missing intervals on judged (fully fetched) days only. */
  readonly missingIntervals: number;
}

/** The last successful ingest of a feed dataset, for freshness. */
export interface IngestRecord extends QualityTarget {
  readonly atMs: number;
  /** End of the newest interval in what was stored (null when the batch was empty). */
  readonly newestIntervalEndMs: number | null;
  readonly rows: number;
  readonly source: string;
}

export interface IngestStatus extends QualityTarget {
  readonly lastIngestAtMs: number;
  /** End of the newest interval ever stored through the quality gate. */
  readonly newestIntervalEndMs: number | null;
  readonly lastRows: number;
  readonly lastSource: string;
}

/**
 * Data-quality records: problems found on ingest, per-day completeness and the last ingest per feed dataset.
 * Implemented by the embedded DuckDB adapter; every implementation passes server/test/contract/quality-store.
 */
export interface QualityStore {
  /**
   * Records what one inspection found. Each problem is one row per check, subject and local day that remembers
   * which intervals are affected: the minutes this inspection covered are replaced by what it found there, so
   * overlapping windows (revisits, re-ingested files) never count an interval twice, a problem found again in
   * another window grows, and a problem whose intervals are all found clean again is resolved (never deleted).
   */
  replaceProblems(
    source: InspectedSource,
    findings: readonly QualityFinding[],
    coverage: readonly DayCoverage[],
    atMs: number,
  ): Promise<{ open: number; resolved: number }>;

  /**
   * Merges a stored batch into completeness (coverage and present intervals only grow, so re-ingesting can only
   * improve a day) and returns every instrument's day among the touched days that is now fully fetched but
   * still missing intervals, with all intervals present so far.
   */
  mergeCompleteness(update: CompletenessUpdate): Promise<DayPresence[]>;

  /**
   * Sets the completeness problems of the given days: the given problems are opened or updated, and open
   * completeness problems of those days not among them (filled gaps) are resolved.
   */
  putCompletenessProblems(
    source: InspectedSource,
    days: readonly IsoDate[],
    problems: readonly QualityProblem[],
    atMs: number,
  ): Promise<{ open: number; resolved: number }>;

  /** Problems, newest local day first, then errors before warnings; keyset-paged. */
  listProblems(filter: ProblemFilter, page: PageRequest): Promise<Page<StoredProblem>>;
  countProblems(filter: ProblemFilter): Promise<ProblemCount[]>;
  /** Per dataset, stream and local day (newest first). */
  completeness(filter: QualityFilter): Promise<DayCompleteness[]>;

  recordIngest(record: IngestRecord): Promise<void>;
  ingestStatuses(): Promise<IngestStatus[]>;
}
