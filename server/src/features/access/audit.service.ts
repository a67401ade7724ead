import {
  chain,
  verifyLinks,
  type AuditEvent,
  type AuditRecord,
  type ChainAnchor,
  type ChainProblem,
} from '../../domain/access/audit-chain.js';
import type { Clock } from '../../platform/clock.js';
import type { Logger } from '../../platform/logger.js';
import type { AuditFilter, AuditStore } from '../../ports/audit-store.js';
import type { Page, PageRequest } from '../../ports/metadata-store.js';

export type AuditEntry = Omit<AuditEvent, 'atMs'>;

export interface VerifyReport {
  readonly ok: boolean;
  readonly checked: number;
  readonly anchor: ChainAnchor;
  readonly head: ChainAnchor | null;
  readonly problems: readonly ChainProblem[];
}

const VERIFY_PAGE = 10_000;

/**
 * The tamper-evident audit trail. `record` chains each event to the previous one at once (so the order is the
 * order things happened) and queues it; a timer writes the queue in batches, so auditing every request costs a
 * hash, not a database round trip. `stop()` writes whatever is left.
 */
export class AuditService {
  readonly #store: AuditStore;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #flushMs: number;
  #last: ChainAnchor | null = null;
  #queue: AuditRecord[] = [];
  #flushing: Promise<void> | null = null;
  #timer: NodeJS.Timeout | null = null;

  constructor(deps: { store: AuditStore; clock: Clock; logger: Logger; flushMs: number }) {
    this.#store = deps.store;
    this.#clock = deps.clock;
    this.#logger = deps.logger;
    this.#flushMs = deps.flushMs;
  }

  /** Reads where the chain ends; must run before the first record. */
  async init(): Promise<void> {
    this.#last = (await this.#store.head()) ?? (await this.#store.anchor());
  }

  start(): void {
    this.#timer ??= setInterval(() => void this.flush(), this.#flushMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    if (this.#timer) {
      clearInterval(this.#timer);
      this.#timer = null;
    }
    await this.flush();
  }

  record(entry: AuditEntry): void {
    if (this.#last === null) {
      throw new Error('AuditService.init() must run before records are written');
    }
    const record = chain(this.#last, { ...entry, atMs: this.#clock.now() });
    this.#last = record;
    this.#queue.push(record);
  }

  /** Writes queued records in order. A failed write keeps them queued for the next attempt. */
  async flush(): Promise<void> {
    while (this.#flushing) {
      await this.#flushing;
    }
    if (this.#queue.length === 0) {
      return;
    }
    const batch = this.#queue;
    this.#queue = [];
    this.#flushing = this.#store
      .append(batch)
      .catch((error: unknown) => {
        this.#queue = [...batch, ...this.#queue];
        this.#logger.error(
          { err: error, records: batch.length },
          'audit records could not be written; will retry',
        );
      })
      .finally(() => {
        this.#flushing = null;
      });
    await this.#flushing;
  }

  /** Walks the retained chain from its anchor to its head and reports every broken link. */
  async verify(): Promise<VerifyReport> {
    await this.flush();
    const anchor = await this.#store.anchor();
    const head = await this.#store.head();
    const problems: ChainProblem[] = [];
    let last = anchor;
    let checked = 0;
    for (;;) {
      const page = await this.#store.scan(last.seq, VERIFY_PAGE);
      if (page.length === 0) {
        break;
      }
      const result = verifyLinks(last, page);
      problems.push(...result.problems);
      checked += page.length;
      last = result.last;
    }
    if (head !== null && (last.seq !== head.seq || last.hash !== head.hash)) {
      problems.push({
        seq: head.seq,
        problem: 'head-mismatch',
        detail: 'the newest record is not the end of the chain',
      });
    }
    if (this.#last && this.#last.seq > last.seq) {
      // Records this process wrote that are no longer there: the newest records were deleted.
      problems.push({
        seq: last.seq + 1,
        problem: 'missing-before',
        detail: `records ${last.seq + 1}–${this.#last.seq} written by this server are gone`,
      });
    }
    return { ok: problems.length === 0, checked, anchor, head, problems };
  }

  async list(filter: AuditFilter, page: PageRequest): Promise<Page<AuditRecord>> {
    await this.flush();
    return this.#store.list(filter, page);
  }

  /** Removes records older than the retention period; the chain stays verifiable from the new anchor. */
  async prune(retentionMs: number): Promise<number> {
    await this.flush();
    const { removed, anchor } = await this.#store.prune(this.#clock.now() - retentionMs);
    if (removed > 0) {
      this.#logger.info({ removed, anchor }, 'audit retention applied');
    }
    return removed;
  }

  /** The newest link, for publishing outside the database (external anchoring). */
  head(): ChainAnchor | null {
    return this.#last;
  }
}
