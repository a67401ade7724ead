import type { InstrumentDefinition, InstrumentKind } from '../../domain/instruments/instrument.js';
import { isInstrumentId } from '../../domain/instruments/instrument.js';
import type { MarketDefinition } from '../../domain/markets/market.js';
import { AppError, invalidRequest, notFound } from '../../platform/errors.js';
import { systemClock, type Clock } from '../../platform/clock.js';
import type { Bus } from '../../ports/bus.js';
import type { MetadataStore } from '../../ports/metadata-store.js';
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
  readonly #clock: Clock;
  #markets: Promise<Map<string, MarketDefinition>> | null = null;
  readonly #instruments = new Map<string, InstrumentDefinition>();
  #loadedAtMs = 0;

  constructor(metadata: MetadataStore, options: { bus?: Bus; clock?: Clock } = {}) {
    this.#metadata = metadata;
    this.#clock = options.clock ?? systemClock;
    options.bus?.subscribe('catalog.changed', () => this.invalidate());
  }

  /** Forgets cached reference data; the next lookup reads the store. */
  invalidate(): void {
    this.#markets = null;
    this.#instruments.clear();
  }

  async listMarkets(): Promise<MarketDefinition[]> {
    return [...(await this.#marketMap()).values()];
  }

  async getMarket(id: string): Promise<MarketDefinition> {
    const market = (await this.#marketMap()).get(id);
    if (!market) {
      throw notFound(
        `Unknown market "${id}". GET /api/v1/markets lists the markets this server holds.`,
      );
    }
    return market;
  }

  async listInstruments(
    query: InstrumentListQuery,
  ): Promise<{ items: InstrumentView[]; nextCursor: string | null }> {
    const page = await this.#metadata.listInstruments(
      {
        ...(query.market ? { market: query.market } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.q ? { text: query.q } : {}),
      },
      { limit: query.limit ?? DEFAULT_PAGE, after: decodeCursor(query.cursor) },
    );
    return { items: await this.#withZones(page.items), nextCursor: encodeCursor(page.next) };
  }

  async getInstrument(id: string): Promise<InstrumentView> {
    const [found] = await this.resolveInstruments([id]);
    return found as InstrumentView;
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
