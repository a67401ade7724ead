/** Market briefs: one record per requested or scheduled report, with its HTML and (when printed) its PDF. */
export type ReportKind = 'daily' | 'monthly';
export type ReportStatus = 'queued' | 'running' | 'succeeded' | 'failed';
/** `unavailable`: no Chromium on this host, so only the HTML exists; `failed`: Chromium was there but printing failed. */
export type ReportPdfStatus = 'pending' | 'rendered' | 'unavailable' | 'failed';
export type ReportTrigger = 'on_demand' | 'schedule';

export interface ReportRecord {
  readonly id: string;
  /** The tenant that asked for it; null for scheduled briefs, which any tenant entitled to their data may read. */
  readonly tenantId: string | null;
  readonly market: string;
  readonly kind: ReportKind;
  /** The market-local day (YYYY-MM-DD) or month (YYYY-MM) the brief covers. */
  readonly period: string;
  /** The UTC span of that local day or month. */
  readonly fromMs: number;
  readonly toMs: number;
  /** Instruments whose data the brief shows; reading it needs an entitlement to each of them. */
  readonly instruments: readonly string[];
  readonly status: ReportStatus;
  readonly pdfStatus: ReportPdfStatus;
  /** Why the PDF is unavailable or failed, or why the report failed. */
  readonly message: string | null;
  readonly trigger: ReportTrigger;
  readonly requestedBy: string;
  readonly createdAtMs: number;
  readonly finishedAtMs: number | null;
  readonly htmlBytes: number;
  readonly pdfBytes: number;
}

/** What finishing (or failing) a report changes. */
export interface ReportOutcome {
  readonly status: ReportStatus;
  readonly pdfStatus: ReportPdfStatus;
  readonly message: string | null;
  readonly instruments: readonly string[];
  readonly finishedAtMs: number | null;
  readonly html: string | null;
  readonly pdf: Uint8Array | null;
}

export interface ReportListFilter {
  /** Reports of this tenant plus the scheduled ones; null = every report (the local command line). */
  readonly tenantId: string | null;
  readonly market?: string | undefined;
  readonly limit: number;
}

export interface ReportStore {
  create(record: ReportRecord): Promise<void>;
  /** Marks a report running (or finished) and stores its content; content fields left null are kept. */
  update(id: string, outcome: ReportOutcome): Promise<void>;
  get(id: string): Promise<ReportRecord | null>;
  /** Newest first. */
  list(filter: ReportListFilter): Promise<ReportRecord[]>;
  /** Marks every queued or running report failed with `message` (a process stopped mid-way); returns how many. */
  failUnfinished(atMs: number, message: string): Promise<number>;
  /** The stored HTML (UTF-8) or PDF bytes, or null when there are none. */
  content(id: string, format: 'html' | 'pdf'): Promise<Uint8Array | null>;
}
