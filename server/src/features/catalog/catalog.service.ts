import type { InstrumentDefinition, InstrumentKind } from '../../domain/instruments/instrument.js';
import { isInstrumentId } from '../../domain/instruments/instrument.js';
import type { MarketDefinition } from '../../domain/markets/market.js';
import { AppError, invalidRequest, notFound } from '../../platform/errors.js';
import { systemClock, type Clock } from '../../platform/clock.js';
import type { Bus } from '../../ports/bus.js';
import type { MetadataStore } from '../../ports/metadata-store.js';
import type { Principal } from '../../domain/access/principal.js';
import type { AccessService } from '../access/access.service.js';
import type { RequestContext } from '../access/request-context.js';
import { decodeCursor, encodeCursor } from '../cursor.js';

/** An instrument with its market's time zone, as shown to users. */
export interface InstrumentView extends InstrumentDefinition {
  readonly timezone: string;
}

export interface InstrumentListQuery {
  readonly market?: string;
  readonly kind?: InstrumentKind;
  readonly q?: string;
  readonly limit?: number;
  readonly cursor?: string;
}

const DEFAULT_PAGE = 100;

/** How long reference data is trusted without an invalidation event (covers writers in other processes). */
const REFERENCE_TTL_MS = 60_000;

/**
 * Markets and instruments: the reference data every other query is phrased in. It changes only when a feed
 * registers new instruments, so lookups are served from memory; a `catalog.changed` event (or the TTL) drops them.
 */
export class CatalogService {
  readonly #metadata: MetadataStore;
  readonly #access: AccessService;
  readonly #clock: Clock;
  #markets: Promise<Map<string, MarketDefinition>> | null = null;
  readonly #instruments = new Map<string, InstrumentDefinition>();
  #loadedAtMs = 0;

  constructor(
    metadata: MetadataStore,
    access: AccessService,
    options: { bus?: Bus; clock?: Clock } = {},
  ) {
    this.#metadata = metadata;
    this.#access = access;
    this.#clock = options.clock ?? systemClock;
    options.bus?.subscribe('catalog.changed', () => this.invalidate());
  }

  /** Forgets cached reference data; the next lookup reads the store. */
  invalidate(): void {
    this.#markets = null;
    this.#instruments.clear();
  }

  /** Markets the caller is entitled to see; refuses callers with no data entitlement at all. */
  async listMarkets(
    principal: Principal | null,
    context: RequestContext,
  ): Promise<MarketDefinition[]> {
    const p = await this.#access.requireDataAccess(principal, 'data:read', 'markets.list', context);
    const allowed = await this.#access.marketsOf(p);
    const markets = [...(await this.#marketMap()).values()].filter(
      (m) => allowed === null || allowed.has(m.id),
    );
    if (allowed !== null && allowed.size === 0) {
      this.#access.recordDenial(p, 'markets.list', 'markets', context, 'no data entitlements');
      throw new AppError(
        'not_entitled',
        'Your organisation has no data entitlements yet; ask your administrator.',
      );
    }
    return markets;
  }

  async getMarketFor(
    principal: Principal | null,
    id: string,
    context: RequestContext,
  ): Promise<MarketDefinition> {
    const p = await this.#access.requireDataAccess(principal, 'data:read', 'markets.get', context);
    const allowed = await this.#access.marketsOf(p);
    if (allowed !== null && !allowed.has(id)) {
      throw notFound(`Unknown market "${id}". GET /api/v1/markets lists the markets you can use.`);
    }
    return this.getMarket(id);
  }

  /** A market by id, without access checks (for use cases that check access themselves). */
  async getMarket(id: string): Promise<MarketDefinition> {
    const market = (await this.#marketMap()).get(id);
    if (!market) {
      throw notFound(
        `Unknown market "${id}". GET /api/v1/markets lists the markets this server holds.`,
      );
    }
    return market;
  }

  /** Instruments the caller is entitled to see, filtered and paged in the store. */
  async listInstruments(
    principal: Principal | null,
    query: InstrumentListQuery,
    context: RequestContext,
  ): Promise<{ items: InstrumentView[]; nextCursor: string | null }> {
    const p = await this.#access.requireDataAccess(
      principal,
      'data:read',
      'instruments.list',
      context,
    );
    const scope = await this.#access.scopeOf(p);
    if (scope !== null && scope.length === 0) {
      this.#access.recordDenial(
        p,
        'instruments.list',
        'instruments',
        context,
        'no data entitlements',
      );
      throw new AppError(
        'not_entitled',
        'Your organisation has no data entitlements yet; ask your administrator.',
      );
    }
    const page = await this.#metadata.listInstruments(
      {
        ...(scope ? { scope } : {}),
        ...(query.market ? { market: query.market } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.q ? { text: query.q } : {}),
      },
      { limit: query.limit ?? DEFAULT_PAGE, after: decodeCursor(query.cursor) },
    );
    return { items: await this.#withZones(page.items), nextCursor: encodeCursor(page.next) };
  }

  /** One instrument, if the caller may see it; otherwise reported as unknown (no probing of other markets). */
  async getInstrument(
    principal: Principal | null,
    id: string,
    context: RequestContext,
  ): Promise<InstrumentView> {
    const p = await this.#access.requireDataAccess(
      principal,
      'data:read',
      'instruments.get',
      context,
    );
    const [found] = await this.resolveInstruments([id]);
    if (!found || !(await this.#access.mayList(p, found))) {
      throw notFound(`Unknown instrument: ${id}. Search with GET /api/v1/instruments?q=<text>.`);
    }
    return found;
  }

  /**
   * Looks up instruments by id, in the order given. Malformed ids are a 400 and unknown ids a 404, each naming
   * every offending id at once.
   */
  async resolveInstruments(ids: readonly string[]): Promise<InstrumentView[]> {
    const malformed = ids.filter((id) => !isInstrumentId(id));
    if (malformed.length > 0) {
      throw invalidRequest(
        `Not instrument ids: ${malformed.map((id) => `"${id}"`).join(', ')}. Ids look like MARKET.CODE, e.g. SIM.HUB_NORTH.`,
        malformed.map((id) => ({
          field: 'instruments',
          message: `"${id}" is not of the form MARKET.CODE`,
        })),
      );
    }
    this.#expireIfStale();
    const missing = ids.filter((id) => !this.#instruments.has(id));
    if (missing.length > 0) {
      for (const instrument of await this.#metadata.getInstruments(missing)) {
        this.#instruments.set(instrument.id, instrument);
      }
    }
    const found = ids.flatMap((id) => this.#instruments.get(id) ?? []);
    const known = new Set(found.map((i) => i.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new AppError(
        'not_found',
        `Unknown instrument${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. ` +
          'Search with GET /api/v1/instruments?q=<text>.',
      );
    }
    return this.#withZones(found);
  }

  async #withZones(instruments: readonly InstrumentDefinition[]): Promise<InstrumentView[]> {
    const markets = await this.#marketMap();
    return instruments.map((i) => ({ ...i, timezone: markets.get(i.market)?.timezone ?? 'UTC' }));
  }

  #marketMap(): Promise<Map<string, MarketDefinition>> {
    this.#expireIfStale();
    if (!this.#markets) {
      const loading = this.#metadata
        .listMarkets()
        .then((list) => new Map(list.map((m) => [m.id, m])));
      // A failed load must not be cached.
      loading.catch(() => {
        if (this.#markets === loading) {
          this.#markets = null;
        }
      });
      this.#markets = loading;
    }
    return this.#markets;
  }

  #expireIfStale(): void {
    const now = this.#clock.now();
    if (now - this.#loadedAtMs > REFERENCE_TTL_MS) {
      this.invalidate();
      this.#loadedAtMs = now;
    }
  }
}
