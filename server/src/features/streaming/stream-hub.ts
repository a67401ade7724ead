import type { Clock } from '../../platform/clock.js';
import type { Logger } from '../../platform/logger.js';
import type { PricesWrittenEvent } from '../../ports/bus.js';
import { ReplayBuffer } from './replay-buffer.js';
import type { StreamConnection } from './stream-connection.js';
import { NewRowSelector, renderUpdate, type StreamUpdate } from './stream-update.js';

export interface StreamHubSettings {
  readonly heartbeatMs: number;
  readonly replayUpdates: number;
  readonly replayRows: number;
  readonly replayAgeMs: number;
}

/**
 * Turns stored batches into numbered updates and fans them out to live connections. Publishing never waits for a
 * client: each connection gets its message queued (or is dropped for being too slow) in the same synchronous pass,
 * so a stalled socket cannot hold up ingestion or the other clients.
 */
export class StreamHub {
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #settings: StreamHubSettings;
  readonly #replay: ReplayBuffer;
  readonly #selector = new NewRowSelector();
  readonly #connections = new Set<StreamConnection>();
  /**
   * Sequence numbers start from the process start time (in microsecond-sized steps), so they keep increasing across
   * restarts and a number from an earlier process is recognised as too old instead of being misread.
   */
  readonly #firstSeq: number;
  #lastSeq: number;
  #timer: NodeJS.Timeout | null = null;
  /**
   * Until a first client connects nobody can ask for a replay, so batches (the start-up catch-up, backfills) are
   * only noted for new-row selection, not numbered, rendered or kept.
   */
  #everConnected = false;

  constructor(deps: { clock: Clock; logger: Logger; settings: StreamHubSettings }) {
    this.#clock = deps.clock;
    this.#logger = deps.logger;
    this.#settings = deps.settings;
    this.#replay = new ReplayBuffer({
      maxUpdates: deps.settings.replayUpdates,
      maxRows: deps.settings.replayRows,
      maxAgeMs: deps.settings.replayAgeMs,
    });
    this.#lastSeq = Math.floor(deps.clock.now()) * 1000;
    this.#firstSeq = this.#lastSeq + 1;
  }

  get lastSeq(): number {
    return this.#lastSeq;
  }

  get connectionCount(): number {
    return this.#connections.size;
  }

  connections(): readonly StreamConnection[] {
    return [...this.#connections];
  }

  add(connection: StreamConnection): void {
    this.#everConnected = true;
    this.#connections.add(connection);
    this.#startHeartbeat();
  }

  remove(connection: StreamConnection): void {
    connection.detach();
    this.#connections.delete(connection);
  }

  /** Publishes the new rows of a stored batch as one update; returns it (null when nothing in it was new). */
  publish(event: PricesWrittenEvent): StreamUpdate | null {
    if (event.prices === undefined || event.prices.length === 0) {
      return null;
    }
    const rows = this.#selector.select(event.prices, event.unchanged ?? 0);
    if (rows.length === 0 || !this.#everConnected) {
      return null;
    }
    const nowMs = this.#clock.now();
    this.#lastSeq += 1;
    const update = renderUpdate(this.#lastSeq, nowMs, event.prices, rows);
    this.#replay.add(update, nowMs);
    this.#fanOut(update);
    return update;
  }

  /** Missed updates for a reconnecting client, or why they cannot be replayed. */
  replaySince(afterSeq: number) {
    return this.#replay.since(afterSeq, this.#lastSeq, this.#firstSeq);
  }

  heartbeat(): void {
    const nowMs = this.#clock.now();
    this.#replay.trim(nowMs);
    const json = JSON.stringify({
      type: 'heartbeat',
      seq: this.#lastSeq,
      at: new Date(nowMs).toISOString(),
    });
    for (const connection of this.#connections) {
      connection.send('heartbeat', json);
    }
  }

  close(): void {
    if (this.#timer) {
      clearInterval(this.#timer);
      this.#timer = null;
    }
    for (const connection of this.#connections) {
      connection.close('done', 'server shutting down');
    }
    this.#connections.clear();
  }

  #fanOut(update: StreamUpdate): void {
    // Connections with the same subscription and grants get the same text, rendered once.
    const rendered = new Map<string, string | null>();
    for (const connection of this.#connections) {
      if (connection.closed) {
        this.#connections.delete(connection);
        continue;
      }
      if (connection.deliveredSeq >= update.seq) {
        continue;
      }
      connection.deliveredSeq = update.seq;
      let json = rendered.get(connection.viewKey);
      if (json === undefined) {
        json = connection.render(update);
        rendered.set(connection.viewKey, json);
      }
      if (json !== null && !connection.send('prices', json, update.seq)) {
        this.#logger.info(
          { actor: connection.principal.actor, requestId: connection.context.requestId },
          'stream client dropped',
        );
      }
    }
  }

  #startHeartbeat(): void {
    if (this.#timer !== null) {
      return;
    }
    this.#timer = setInterval(() => this.heartbeat(), this.#settings.heartbeatMs);
    this.#timer.unref();
  }
}
