import {
  instrumentId,
  type InstrumentDefinition,
  type InstrumentKind,
  type InstrumentProduct,
} from '../../../domain/instruments/instrument.js';
import type { MarketDefinition } from '../../../domain/markets/market.js';

export const SIM_MARKET_ID = 'SIM';
export const SIM_TIMEZONE = 'America/Chicago';
/** Vendor-alias source for simulator codes. */
export const SIM_SOURCE = 'sim';

export const SIM_MARKET: MarketDefinition = Object.freeze({
  id: SIM_MARKET_ID,
  name: 'Simulated market (synthetic data)',
  timezone: SIM_TIMEZONE,
  currency: 'USD',
  runs: Object.freeze([
    Object.freeze({
      id: 'DA' as const,
      intervalMinutes: 60,
      description: 'Day-ahead hourly LMPs (synthetic)',
    }),
    Object.freeze({
      id: 'RT5' as const,
      intervalMinutes: 5,
      description: 'Real-time 5-minute LMPs (synthetic)',
    }),
  ]),
  synthetic: true,
});

/**
 * A priced location. The simulated grid has three constraints:
 *  A — north→south interface, binds at high load (south pays, north discounts);
 *  B — west solar export, binds at sunny middays (west nodes go negative);
 *  C — east load pocket, binds at evening peaks (sharp positive congestion).
 * `shift[k]` is the location's congestion per $ of constraint k's shadow price.
 */
export interface SimPriceLocation {
  readonly code: string;
  readonly name: string;
  readonly kind: 'hub' | 'node';
  readonly shift: readonly [a: number, b: number, c: number];
  /** Marginal loss as a fraction of the energy price (at average load). */
  readonly lossFactor: number;
  /** Standard deviation of location-specific RT congestion noise, $/MWh (DA uses a third). */
  readonly noiseSd: number;
}

export const SIM_PRICE_LOCATIONS: readonly SimPriceLocation[] = Object.freeze([
  hub('HUB_NORTH', 'North Hub', [-0.2, 0, 0], -0.01),
  hub('HUB_SOUTH', 'South Hub', [0.4, 0, 0.15], 0.015),
  hub('HUB_WEST', 'West Hub', [0, -0.55, 0], -0.005),
  node('NODE_N01', 'Northfield 345 kV', [-0.45, 0, 0], -0.025, 0.3),
  node('NODE_N02', 'Lakeside 138 kV', [-0.25, 0, 0], -0.012, 0.2),
  node('NODE_N03', 'Riverbend 345 kV', [0.02, -0.04, 0], 0.004, 0.08),
  node('NODE_N04', 'Southgate 345 kV', [0.8, 0, 0.1], 0.022, 0.4),
  node('NODE_N05', 'Bayport 138 kV (load pocket)', [1, 0, 1.4], 0.035, 0.6),
  node('NODE_N06', 'Mesa Solar 230 kV (export constrained)', [-0.1, -2.1, 0], -0.03, 0.5),
  node('NODE_N07', 'Dry Creek 115 kV (export constrained)', [-0.2, -1.5, 0], -0.02, 0.4),
  node('NODE_N08', 'Eastport 138 kV', [0.3, -0.1, 1], 0.018, 0.4),
]);

function hub(
  code: string,
  name: string,
  shift: SimPriceLocation['shift'],
  lossFactor: number,
): SimPriceLocation {
  return Object.freeze({
    code,
    name: `${name} (SIM)`,
    kind: 'hub',
    shift,
    lossFactor,
    noiseSd: 0.05,
  });
}

function node(
  code: string,
  name: string,
  shift: SimPriceLocation['shift'],
  lossFactor: number,
  noiseSd: number,
): SimPriceLocation {
  return Object.freeze({ code, name: `${name} (SIM)`, kind: 'node', shift, lossFactor, noiseSd });
}

export const SIM_LOAD_CODE = 'SYSTEM_LOAD';
export const SIM_GEN_CODE = 'SYSTEM_GEN';
export const SIM_LOAD_ID = instrumentId(SIM_MARKET_ID, SIM_LOAD_CODE);
export const SIM_GEN_ID = instrumentId(SIM_MARKET_ID, SIM_GEN_CODE);

const definition = (
  code: string,
  name: string,
  kind: InstrumentKind,
  product: InstrumentProduct,
): InstrumentDefinition => ({
  id: instrumentId(SIM_MARKET_ID, code),
  market: SIM_MARKET_ID,
  code,
  name,
  kind,
  product,
  aliases: [{ source: SIM_SOURCE, code, validFromMs: null, validToMs: null }],
});

/** The simulator's instrument master: 3 hubs, 8 nodes, system load and generation mix. */
export const simInstruments = (): InstrumentDefinition[] => [
  ...SIM_PRICE_LOCATIONS.map((l) => definition(l.code, l.name, l.kind, 'lmp')),
  definition(SIM_LOAD_CODE, 'System load (SIM)', 'system', 'load'),
  definition(SIM_GEN_CODE, 'System generation mix (SIM)', 'system', 'gen_mix'),
];
