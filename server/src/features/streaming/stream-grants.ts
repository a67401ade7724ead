import type { Entitlement } from '../../domain/access/entitlement.js';

/** The product live prices belong to: a stream row is an LMP observation of a price instrument. */
const PRICE_PRODUCT = 'lmp';

/** `SIM.HUB_NORTH` → `SIM`: instrument ids start with their market. */
export const marketOfInstrument = (instrumentId: string): string => {
  const dot = instrumentId.indexOf('.');
  return dot < 0 ? instrumentId : instrumentId.slice(0, dot);
};

interface Window {
  readonly instruments: ReadonlySet<string> | null;
  readonly fromMs: number;
  readonly toMs: number;
}

/**
 * A caller's price grants compiled for checks made row by row: which instruments it may see, and for which
 * interval starts (data windows). Built once per connection and again whenever grants change, so the check on the
 * fan-out path is a map lookup, not a scan of every grant.
 */
export class StreamGrants {
  readonly #byMarket = new Map<string, Window[]>();
  readonly #unrestricted: boolean;
  /** Identifies the grants, so connections holding identical ones can share one rendered message. */
  readonly key: string;

  /** `grants` are the caller's own for its channel; null = everything (the local command line). */
  constructor(grants: readonly Entitlement[] | null) {
    this.#unrestricted = grants === null;
    const priceGrants = (grants ?? []).filter((g) => g.product === PRICE_PRODUCT);
    for (const grant of priceGrants) {
      const windows = this.#byMarket.get(grant.market) ?? [];
      windows.push({
        instruments: grant.instruments === null ? null : new Set(grant.instruments),
        fromMs: grant.dataFromMs ?? Number.NEGATIVE_INFINITY,
        toMs: grant.dataToMs ?? Number.POSITIVE_INFINITY,
      });
      this.#byMarket.set(grant.market, windows);
    }
    this.key =
      grants === null
        ? '*'
        : priceGrants
            .map((g) => g.id)
            .sort()
            .join(',');
  }

  /** Whether any grant covers the market (a whole-market subscription needs one). */
  coversMarket(market: string): boolean {
    return this.#unrestricted || this.#byMarket.has(market);
  }

  /** Whether any grant covers the instrument at some time (what a subscription to it needs). */
  coversInstrument(instrumentId: string): boolean {
    if (this.#unrestricted) {
      return true;
    }
    const windows = this.#byMarket.get(marketOfInstrument(instrumentId));
    return windows !== undefined && windows.some((w) => w.instruments?.has(instrumentId) ?? true);
  }

  /** Whether the caller may see this interval of this instrument: the per-row check. */
  allows(instrumentId: string, market: string, intervalStartMs: number): boolean {
    if (this.#unrestricted) {
      return true;
    }
    const windows = this.#byMarket.get(market);
    if (windows === undefined) {
      return false;
    }
    for (const w of windows) {
      if (
        intervalStartMs >= w.fromMs &&
        intervalStartMs < w.toMs &&
        (w.instruments === null || w.instruments.has(instrumentId))
      ) {
        return true;
      }
    }
    return false;
  }
}
