import type { AuditRecord, AuditResult, ChainAnchor } from '../domain/access/audit-chain.js';
import type { Page, PageRequest } from './metadata-store.js';

export interface AuditFilter {
  readonly tenantId?: string;
  readonly actor?: string;
  /** Prefix match: `admin.` finds every admin change. */
  readonly action?: string;
  readonly result?: AuditResult;
  readonly fromMs?: number;
  readonly toMs?: number;
}

/**
 * The append-only audit trail. Records arrive already chained (seq, prevHash, hash); the store keeps them in seq
 * order, never updates them, and removes only the oldest ones under the retention policy, remembering the last
 * removed link as the anchor where verification starts.
 */
export interface AuditStore {
  append(records: readonly AuditRecord[]): Promise<void>;
  /** The newest link, or null when empty. */
  head(): Promise<ChainAnchor | null>;
  /** Where the retained chain starts (genesis when nothing was ever pruned). */
  anchor(): Promise<ChainAnchor>;
  /** Records with seq > afterSeq, ascending, for verification. */
  scan(afterSeq: number, limit: number): Promise<AuditRecord[]>;
  /** Newest first, filtered. */
  list(filter: AuditFilter, page: PageRequest): Promise<Page<AuditRecord>>;
  /** Removes records older than `beforeMs`; returns how many and the new anchor. */
  prune(beforeMs: number): Promise<{ removed: number; anchor: ChainAnchor }>;
}
