import type { MarketRunId } from '../../domain/markets/market.js';
import type { Principal } from '../../domain/access/principal.js';
import type { RequestContext } from '../access/request-context.js';
import type { StreamGrants } from './stream-grants.js';
import type { StreamUpdate } from './stream-update.js';

/** What a connection's transport (WebSocket or SSE) must offer the hub. Sending never waits. */
export interface StreamSink {
  /** Queues one message; `seq` is set on price messages (SSE sends it as the event id). */
  send(type: string, json: string, seq: number | null): void;
  /** Bytes queued for this client and not yet taken by the network. */
  bufferedBytes(): number;
  /** Ends the connection, telling the client why (WebSocket close reason; SSE final error event). */
  close(kind: 'slow' | 'done', reason: string): void;
}

export interface Subscription {
  readonly instruments: ReadonlySet<string>;
  readonly markets: ReadonlySet<string>;
  /** null = every run. */
  readonly runs: ReadonlySet<MarketRunId> | null;
}

export const EMPTY_SUBSCRIPTION: Subscription = {
  instruments: new Set(),
  markets: new Set(),
  runs: null,
};

/**
 * One live client: who it is, what it subscribed to, the grants it holds now, and its transport. The hub decides
 * what it receives; this class filters rows and guards the client's queue.
 */
export class StreamConnection {
  readonly principal: Principal;
  readonly context: RequestContext;
  readonly #sink: StreamSink;
  readonly #maxBufferedBytes: number;
  #subscription: Subscription = EMPTY_SUBSCRIPTION;
  #grants: StreamGrants;
  #closed = false;
  /** Same key, same rows: connections with identical subscriptions and grants share one rendered message. */
  #viewKey = '';
  /** Newest sequence delivered (or skipped as irrelevant), so replay and live updates never overlap. */
  deliveredSeq = 0;

  constructor(deps: {
    principal: Principal;
    context: RequestContext;
    sink: StreamSink;
    grants: StreamGrants;
    maxBufferedBytes: number;
  }) {
    this.principal = deps.principal;
    this.context = deps.context;
    this.#sink = deps.sink;
    this.#grants = deps.grants;
    this.#maxBufferedBytes = deps.maxBufferedBytes;
    this.#refreshKey();
  }

  get closed(): boolean {
    return this.#closed;
  }

  get subscription(): Subscription {
    return this.#subscription;
  }

  get grants(): StreamGrants {
    return this.#grants;
  }

  get viewKey(): string {
    return this.#viewKey;
  }

  setSubscription(subscription: Subscription): void {
    this.#subscription = subscription;
    this.#refreshKey();
  }

  setGrants(grants: StreamGrants): void {
    this.#grants = grants;
    this.#refreshKey();
  }

  /** The update's message for this connection, or null when none of its rows are for this client. */
  render(update: StreamUpdate): string | null {
    const { instruments, markets, runs } = this.#subscription;
    if (instruments.size === 0 && markets.size === 0) {
      return null;
    }
    const picked: string[] = [];
    for (let i = 0; i < update.rowJson.length; i++) {
      const instrument = update.instrument[i] as string;
      const market = update.market[i] as string;
      if (
        (instruments.has(instrument) || markets.has(market)) &&
        (runs === null || runs.has(update.run[i] as MarketRunId)) &&
        this.#grants.allows(instrument, market, update.intervalStartMs[i] as number)
      ) {
        picked.push(update.rowJson[i] as string);
      }
    }
    if (picked.length === 0) {
      return null;
    }
    return `{"type":"prices","seq":${update.seq},"publishedAt":"${new Date(update.publishedAtMs).toISOString()}","rows":[${picked.join(',')}]}`;
  }

  /**
   * Queues a message unless the client is too far behind; a client over its queue bound is disconnected with the
   * reason rather than allowed to hold memory or slow anyone else down. Returns whether it was queued.
   */
  send(type: string, json: string, seq: number | null = null): boolean {
    if (this.#closed) {
      return false;
    }
    const waiting = this.#sink.bufferedBytes();
    // A client with nothing waiting always gets the message, however large; one still behind may not add to it.
    if (waiting > 0 && waiting + json.length > this.#maxBufferedBytes) {
      this.close(
        'slow',
        `client too slow: ${waiting} bytes waiting, the limit is ${this.#maxBufferedBytes}`,
      );
      return false;
    }
    this.#sink.send(type, json, seq);
    return true;
  }

  sendError(code: string, message: string): void {
    this.send('error', JSON.stringify({ type: 'error', code, message }));
  }

  close(kind: 'slow' | 'done', reason: string): void {
    if (this.#closed) {
      return;
    }
    this.#closed = true;
    this.#sink.close(kind, reason);
  }

  /** Marks the connection gone (the client went away); nothing more is sent. */
  detach(): void {
    this.#closed = true;
  }

  #refreshKey(): void {
    const { instruments, markets, runs } = this.#subscription;
    this.#viewKey = JSON.stringify([
      this.#grants.key,
      [...instruments].sort(),
      [...markets].sort(),
      runs === null ? null : [...runs].sort(),
    ]);
  }
}
