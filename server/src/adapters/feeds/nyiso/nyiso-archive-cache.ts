import type { SourceDocument } from '../../../ports/market-feed.js';

/**
 * The monthly archives fetched recently, so a backfill over a month downloads each archive once rather than once
 * per day (gridstatus issue #56). Bounded in entries — a generator-bus archive of 5-minute prices runs to tens
 * of megabytes — and in age, because the current month's archive grows every day. A failed download is not
 * kept; a missing archive (404, null) is, for the same time, so each missing month is asked for once.
 */
export class ArchiveCache {
  readonly #maxEntries: number;
  readonly #maxAgeMs: number;
  readonly #now: () => number;
  readonly #entries = new Map<
    string,
    { readonly atMs: number; readonly document: Promise<SourceDocument | null> }
  >();

  constructor(options: { maxEntries: number; maxAgeMs: number; now: () => number }) {
    this.#maxEntries = options.maxEntries;
    this.#maxAgeMs = options.maxAgeMs;
    this.#now = options.now;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The archive at `url`, downloading it with `load` unless a fresh copy is held. */
  get(url: string, load: () => Promise<SourceDocument | null>): Promise<SourceDocument | null> {
    const nowMs = this.#now();
    const held = this.#entries.get(url);
    this.#entries.delete(url);
    if (held && nowMs - held.atMs < this.#maxAgeMs) {
      // Re-inserted so the Map's order stays least recently used first.
      this.#entries.set(url, held);
      return held.document;
    }
    const document = load();
    const entry = { atMs: nowMs, document };
    this.#entries.set(url, entry);
    document.catch(() => {
      if (this.#entries.get(url) === entry) {
        this.#entries.delete(url);
      }
    });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) {
        break;
      }
      this.#entries.delete(oldest);
    }
    return document;
  }
}
