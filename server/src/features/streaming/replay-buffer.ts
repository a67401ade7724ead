import type { StreamUpdate } from './stream-update.js';

export type ReplayResult =
  | { readonly kind: 'updates'; readonly updates: readonly StreamUpdate[] }
  | { readonly kind: 'reset'; readonly reason: string };

/**
 * The most recent updates, for clients that reconnect with the last sequence number they saw. Bounded three ways
 * (updates, rows, age), so a burst of ingestion can never grow memory without limit; what falls out is answered
 * with a reset instead of a silent gap.
 */
export class ReplayBuffer {
  readonly #updates: StreamUpdate[] = [];
  #head = 0;
  #rows = 0;
  /** Newest sequence number ever dropped: asking for anything at or before it cannot be answered. */
  #droppedThrough = 0;

  readonly #limits: {
    readonly maxUpdates: number;
    readonly maxRows: number;
    readonly maxAgeMs: number;
  };

  constructor(limits: { maxUpdates: number; maxRows: number; maxAgeMs: number }) {
    this.#limits = limits;
  }

  add(update: StreamUpdate, nowMs: number): void {
    this.#updates.push(update);
    this.#rows += update.rowJson.length;
    this.trim(nowMs);
  }

  /** Drops what is over the bounds (also called by the heartbeat, so old updates age out when all is quiet). */
  trim(nowMs: number): void {
    while (this.#head < this.#updates.length) {
      const oldest = this.#updates[this.#head] as StreamUpdate;
      const over =
        this.#updates.length - this.#head > this.#limits.maxUpdates ||
        this.#rows > this.#limits.maxRows ||
        nowMs - oldest.publishedAtMs > this.#limits.maxAgeMs;
      if (!over) {
        break;
      }
      this.#rows -= oldest.rowJson.length;
      this.#droppedThrough = oldest.seq;
      this.#head++;
    }
    // Compact now and then rather than shifting on every drop.
    if (this.#head > 1024 && this.#head * 2 > this.#updates.length) {
      this.#updates.splice(0, this.#head);
      this.#head = 0;
    }
  }

  /**
   * Updates after `afterSeq`. `lastSeq` is the newest published; a sequence number from the future (another
   * server process, or a client bug) and one older than what is kept are both answered with a reset.
   */
  since(afterSeq: number, lastSeq: number, firstSeq: number): ReplayResult {
    if (afterSeq > lastSeq) {
      return {
        kind: 'reset',
        reason: `sequence ${afterSeq} was not issued by this server process (newest is ${lastSeq})`,
      };
    }
    if (afterSeq < this.#droppedThrough || afterSeq < firstSeq - 1) {
      return {
        kind: 'reset',
        reason: `updates after ${afterSeq} are no longer kept for replay; re-read the gap over REST`,
      };
    }
    const updates: StreamUpdate[] = [];
    for (let i = this.#updates.length - 1; i >= this.#head; i--) {
      const update = this.#updates[i] as StreamUpdate;
      if (update.seq <= afterSeq) {
        break;
      }
      updates.push(update);
    }
    return { kind: 'updates', updates: updates.reverse() };
  }
}
