import {
  instrumentId,
  type InstrumentDefinition,
  type InstrumentKind,
} from '../../../domain/instruments/instrument.js';
import type { MarketDefinition } from '../../../domain/markets/market.js';

export const SPP_MARKET_ID = 'SPP';
/** SPP's market clock is Central prevailing time; its files also carry the UTC interval end. */
export const SPP_TIMEZONE = 'America/Chicago';
/** Vendor-alias source for SPP settlement-location names. */
export const SPP_SOURCE = 'spp';

export const SPP_MARKET: MarketDefinition = Object.freeze({
  id: SPP_MARKET_ID,
  name: 'Southwest Power Pool (Integrated Marketplace)',
  timezone: SPP_TIMEZONE,
  currency: 'USD',
  runs: Object.freeze([
    Object.freeze({
      id: 'DA' as const,
      intervalMinutes: 60,
      description: 'Day-ahead market hourly LMPs by settlement location',
    }),
    Object.freeze({
      id: 'RT5' as const,
      intervalMinutes: 5,
      description: 'Real-time balancing market (RTBM) 5-minute LMPs by settlement location',
    }),
  ]),
  synthetic: false,
});

/**
 * SPP's two trading hubs. Many other settlement locations carry "HUB" in their names (KCPLHUB, UCUHUB17,
 * NPPD.HUB.PY2018, GRDA_HUB …); those are participants' own aggregates, not traded hubs, and stay nodes.
 */
const TRADING_HUBS: ReadonlyMap<string, string> = new Map([
  ['SPPNORTH_HUB', 'SPP North Hub'],
  ['SPPSOUTH_HUB', 'SPP South Hub'],
]);

/**
 * Kind of a settlement location, from SPP's own naming. Only the two trading hubs are hubs. A settlement
 * location priced at a load-area pnode (SPP names those `<…>_LA`, e.g. KCPL_KCPL → KCPL_LA, WR_WR → WR_LA) is a
 * zone: a load-weighted area, which is what the other ISOs call load zones. Everything else (resource pnodes
 * `_RA`, aggregate pnodes `_H`, demand response `DDR`, external interfaces such as MISO or ERCOTN) is a node.
 */
export const settlementLocationKind = (location: string, pnode: string | null): InstrumentKind => {
  if (TRADING_HUBS.has(location)) {
    return 'hub';
  }
  return pnode !== null && pnode.endsWith('_LA') ? 'zone' : 'node';
};

const KIND_WORDS: Readonly<Record<InstrumentKind, string>> = {
  hub: 'trading hub',
  zone: 'load area',
  node: 'settlement location',
  system: 'system',
};

/** The instrument for one SPP settlement location as its price files name it. */
export const settlementLocationInstrument = (
  location: string,
  pnode: string | null,
): InstrumentDefinition => {
  const kind = settlementLocationKind(location, pnode);
  const described = TRADING_HUBS.get(location) ?? `${location} (SPP ${KIND_WORDS[kind]})`;
  return {
    id: instrumentId(SPP_MARKET_ID, location),
    market: SPP_MARKET_ID,
    code: location,
    name: pnode === null || kind === 'hub' ? described : `${described}, pnode ${pnode}`,
    kind,
    product: 'lmp',
    aliases: [{ source: SPP_SOURCE, code: location, validFromMs: null, validToMs: null }],
  };
};

/**
 * What the feed knows before reading any file: the trading hubs. The ~1,250 other settlement locations are
 * registered from the price files themselves (each file lists every location it prices).
 */
export const sppInstruments = (): InstrumentDefinition[] =>
  [...TRADING_HUBS.keys()].map((code) => settlementLocationInstrument(code, null));
