import type { InstrumentDefinition, InstrumentKind } from '../../domain/instruments/instrument.js';
import { isInstrumentId } from '../../domain/instruments/instrument.js';
import type { MarketDefinition } from '../../domain/markets/market.js';
import { AppError, invalidRequest, notFound } from '../../platform/errors.js';
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

/** Markets and instruments: the reference data every other query is phrased in. */
export class CatalogService {
  readonly #metadata: MetadataStore;

  constructor(metadata: MetadataStore) {
    this.#metadata = metadata;
  }

  listMarkets(): Promise<MarketDefinition[]> {
    return this.#metadata.listMarkets();
  }

  async getMarket(id: string): Promise<MarketDefinition> {
    const market = await this.#metadata.getMarket(id);
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
    const found = await this.#metadata.getInstruments(ids);
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
    const zones = new Map((await this.#metadata.listMarkets()).map((m) => [m.id, m.timezone]));
    return instruments.map((i) => ({ ...i, timezone: zones.get(i.market) ?? 'UTC' }));
  }
}
