import type { Principal } from '../../domain/access/principal.js';
import { isInstrumentId } from '../../domain/instruments/instrument.js';
import { isMarketRunId, type MarketRunId } from '../../domain/markets/market.js';
import { AppError, invalidRequest } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import type { Bus } from '../../ports/bus.js';
import type { AccessService } from '../access/access.service.js';
import type { AuditService } from '../access/audit.service.js';
import type { RequestContext } from '../access/request-context.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import { StreamConnection, type StreamSink } from './stream-connection.js';
import { StreamGrants } from './stream-grants.js';
import type { StreamHub } from './stream-hub.js';

/** A subscription change as a client phrases it (WebSocket message or SSE query), before validation. */
export interface SubscribeInput {
  readonly instruments?: readonly string[] | undefined;
  readonly markets?: readonly string[] | undefined;
  readonly runs?: readonly string[] | undefined;
  /** Replay every update after this sequence number. */
  readonly after?: number | undefined;
}

export interface UnsubscribeInput {
  readonly instruments?: readonly string[] | undefined;
  readonly markets?: readonly string[] | undefined;
}

/** Bounds what one connection holds in memory; a whole market is one entry, however many nodes it has. */
export const MAX_INSTRUMENTS_PER_CONNECTION = 10_000;

const list = (values: readonly string[] | undefined): string[] => [
  ...new Set((values ?? []).map((v) => v.trim()).filter((v) => v !== '')),
];

/**
 * Live prices as a use case: opening a connection (signed in, holding data entitlements for its channel),
 * subscribing (every instrument and market checked against the caller's grants, the subscription audited like a
 * data read), and keeping connections honest when grants change mid-stream. Delivery itself is the hub's.
 */
export class StreamService {
  readonly #hub: StreamHub;
  readonly #access: AccessService;
  readonly #catalog: CatalogService;
  readonly #audit: AuditService;
  readonly #logger: Logger;
  readonly #maxBufferedBytes: number;

  constructor(deps: {
    hub: StreamHub;
    access: AccessService;
    catalog: CatalogService;
    audit: AuditService;
    bus: Bus;
    logger: Logger;
    maxBufferedBytes: number;
  }) {
    this.#hub = deps.hub;
    this.#access = deps.access;
    this.#catalog = deps.catalog;
    this.#audit = deps.audit;
    this.#logger = deps.logger;
    this.#maxBufferedBytes = deps.maxBufferedBytes;
    // Synchronous on purpose: the ingest awaits its publish, and fan-out only queues.
    deps.bus.subscribe('prices.written', (event) => {
      this.#hub.publish(event);
    });
    deps.bus.subscribe('access.changed', () => this.#regrantAll());
  }

  get hub(): StreamHub {
    return this.#hub;
  }

  /** Accepts a connection from a caller allowed to read data at all; it receives nothing until it subscribes. */
  async open(
    principal: Principal | null,
    context: RequestContext,
    sink: StreamSink,
  ): Promise<StreamConnection> {
    const p = await this.#access.requireDataAccess(principal, 'data:read', 'stream.open', context);
    const connection = new StreamConnection({
      principal: p,
      context,
      sink,
      grants: new StreamGrants(await this.#access.grantsFor(p)),
      maxBufferedBytes: this.#maxBufferedBytes,
    });
    this.#hub.add(connection);
    return connection;
  }

  /**
   * Adds instruments and markets to a connection's subscription, then acknowledges it and replays what the client
   * missed. Anything not allowed refuses the whole request (naming every item) and changes nothing.
   */
  async subscribe(connection: StreamConnection, input: SubscribeInput): Promise<void> {
    const { principal, context } = connection;
    const instruments = list(input.instruments);
    const markets = list(input.markets).map((m) => m.toUpperCase());
    const runs = input.runs === undefined ? null : list(input.runs);
    const malformed = instruments.filter((id) => !isInstrumentId(id));
    const badRuns = (runs ?? []).filter((r) => !isMarketRunId(r));
    if (instruments.length + markets.length === 0 || malformed.length + badRuns.length > 0) {
      throw invalidRequest(
        [
          instruments.length + markets.length === 0
            ? 'Name instruments and/or markets to subscribe to'
            : null,
          malformed.length > 0
            ? `not instrument ids: ${malformed.join(', ')} (ids look like MARKET.CODE, e.g. SIM.HUB_NORTH)`
            : null,
          badRuns.length > 0
            ? `unknown runs: ${badRuns.join(', ')} (DA, RT5, RT15, RT60, HASP)`
            : null,
        ]
          .filter((s) => s !== null)
          .join('; '),
      );
    }
    const total = new Set([...connection.subscription.instruments, ...instruments]).size;
    if (total > MAX_INSTRUMENTS_PER_CONNECTION) {
      throw invalidRequest(
        `A connection may follow at most ${MAX_INSTRUMENTS_PER_CONNECTION} instruments (this would make ${total}); subscribe to their market instead.`,
      );
    }
    // Entitlement first, existence second: an id another tenant holds is refused, never confirmed.
    const grants = connection.grants;
    const refused = [
      ...instruments.filter((id) => !grants.coversInstrument(id)),
      ...markets.filter((m) => !grants.coversMarket(m)),
    ];
    const action = 'stream.subscribe';
    if (refused.length > 0) {
      const reason = `not entitled to ${refused.join(', ')} through the ${principal.channel} channel`;
      this.#access.recordDenial(principal, action, refused.join(','), context, reason);
      throw new AppError('not_entitled', `Your organisation is ${reason}; nothing was subscribed.`);
    }
    const resolved =
      instruments.length > 0 ? await this.#catalog.resolveInstruments(instruments) : [];
    const notPrices = resolved.filter((i) => i.product !== 'lmp').map((i) => i.id);
    if (notPrices.length > 0) {
      throw invalidRequest(`Not price instruments (only prices stream): ${notPrices.join(', ')}.`);
    }
    for (const market of markets) {
      await this.#catalog.getMarket(market);
    }
    if (resolved.length > 0) {
      // Audits the read and claims seats on seat-limited grants, as for any data request.
      await this.#access.requireData(
        principal,
        { instruments: resolved, range: null, asFile: false },
        action,
        context,
      );
    }
    for (const market of markets) {
      this.#audit.record({
        actor: principal.actor,
        tenantId: principal.tenantId,
        action,
        resourceType: 'market',
        resourceId: market,
        result: 'success',
        ip: context.ip,
        requestId: context.requestId,
        details: { channel: principal.channel },
      });
    }
    const current = connection.subscription;
    connection.setSubscription({
      instruments: new Set([...current.instruments, ...instruments]),
      markets: new Set([...current.markets, ...markets]),
      runs: runs === null ? current.runs : new Set(runs as MarketRunId[]),
    });
    this.#acknowledge(connection);
    this.#replay(connection, input.after);
  }

  unsubscribe(connection: StreamConnection, input: UnsubscribeInput): void {
    const drop = new Set([
      ...list(input.instruments),
      ...list(input.markets).map((m) => m.toUpperCase()),
    ]);
    const current = connection.subscription;
    connection.setSubscription({
      instruments: new Set([...current.instruments].filter((i) => !drop.has(i))),
      markets: new Set([...current.markets].filter((m) => !drop.has(m))),
      runs: current.runs,
    });
    this.#acknowledge(connection);
  }

  close(connection: StreamConnection): void {
    this.#hub.remove(connection);
  }

  /** Ends every connection (server shutdown); the hub keeps publishing for connections opened later. */
  closeAll(reason: string): void {
    for (const connection of this.#hub.connections()) {
      connection.close('done', reason);
      this.#hub.remove(connection);
    }
  }

  #acknowledge(connection: StreamConnection): void {
    const { instruments, markets, runs } = connection.subscription;
    connection.send(
      'subscribed',
      JSON.stringify({
        type: 'subscribed',
        instruments: [...instruments].sort(),
        markets: [...markets].sort(),
        runs: runs === null ? null : [...runs].sort(),
        seq: this.#hub.lastSeq,
      }),
    );
  }

  /** Sends what was missed after `after`, then lets live updates continue from the newest. Runs without awaiting. */
  #replay(connection: StreamConnection, after: number | undefined): void {
    const newest = this.#hub.lastSeq;
    const missed = after === undefined || after === newest ? null : this.#hub.replaySince(after);
    if (missed?.kind === 'reset') {
      connection.send(
        'reset',
        JSON.stringify({ type: 'reset', reason: missed.reason, seq: newest }),
      );
    }
    for (const update of missed?.kind === 'updates' ? missed.updates : []) {
      const json = connection.render(update);
      if (json !== null && !connection.send('prices', json, update.seq)) {
        return;
      }
    }
    connection.deliveredSeq = Math.max(connection.deliveredSeq, newest);
  }

  /** Grants changed: recompile every connection's, and drop (with an error naming them) what is no longer allowed. */
  async #regrantAll(): Promise<void> {
    for (const connection of this.#hub.connections()) {
      try {
        const grants = new StreamGrants(await this.#access.grantsFor(connection.principal));
        connection.setGrants(grants);
        const { instruments, markets, runs } = connection.subscription;
        const lost = [
          ...[...instruments].filter((i) => !grants.coversInstrument(i)),
          ...[...markets].filter((m) => !grants.coversMarket(m)),
        ];
        if (lost.length > 0) {
          const gone = new Set(lost);
          connection.setSubscription({
            instruments: new Set([...instruments].filter((i) => !gone.has(i))),
            markets: new Set([...markets].filter((m) => !gone.has(m))),
            runs,
          });
          connection.sendError(
            'not_entitled',
            `Your organisation's entitlements changed: no longer entitled to ${lost.join(', ')}; removed from this subscription.`,
          );
          this.#acknowledge(connection);
        }
      } catch (error) {
        this.#logger.error({ err: error }, 'could not refresh a stream connection’s grants');
      }
    }
  }
}
