import {
  instrumentId,
  type InstrumentDefinition,
  type InstrumentKind,
  type InstrumentProduct,
} from '../../../domain/instruments/instrument.js';
import type { MarketDefinition } from '../../../domain/markets/market.js';

export const ERCOT_MARKET_ID = 'ERCOT';
/** ERCOT's market clock is Central prevailing time (with DST); its files say which hour repeats. */
export const ERCOT_TIMEZONE = 'America/Chicago';
/** Vendor-alias source for ERCOT settlement-point and report codes. */
export const ERCOT_SOURCE = 'ercot';

export const ERCOT_MARKET: MarketDefinition = Object.freeze({
  id: ERCOT_MARKET_ID,
  name: 'Electric Reliability Council of Texas (ERCOT)',
  timezone: ERCOT_TIMEZONE,
  currency: 'USD',
  runs: Object.freeze([
    Object.freeze({
      id: 'DA' as const,
      intervalMinutes: 60,
      description:
        'Day-ahead market hourly Settlement Point Prices (SPP, NP4-190-CD). An SPP is what ERCOT settles at and ' +
        'can differ from the LMP; it is stored as the price, with no energy/congestion/loss components.',
    }),
    Object.freeze({
      id: 'RT15' as const,
      intervalMinutes: 15,
      description:
        'Real-time 15-minute Settlement Point Prices (SPP, NP6-905-CD): SCED LMPs averaged over the interval ' +
        'plus the real-time reserve and reliability-deployment price adders (scarcity). Stored as the price; ' +
        'no components are published.',
    }),
    Object.freeze({
      id: 'RT5' as const,
      intervalMinutes: 5,
      description:
        'SCED 5-minute LMPs by settlement point (NP6-788-CD): the LMP of each SCED run, without the scarcity ' +
        'adders that SPPs include; ERCOT publishes no components for it.',
    }),
  ]),
  synthetic: false,
});

/** The trading hubs ERCOT prices in every settlement-point report. */
const TRADING_HUBS: ReadonlyMap<string, string> = new Map([
  ['HB_NORTH', 'ERCOT North Hub'],
  ['HB_SOUTH', 'ERCOT South Hub'],
  ['HB_WEST', 'ERCOT West Hub'],
  ['HB_HOUSTON', 'ERCOT Houston Hub'],
  ['HB_PAN', 'ERCOT Panhandle Hub'],
  ['HB_BUSAVG', 'ERCOT Hub Bus Average'],
  ['HB_HUBAVG', 'ERCOT Hub Average (of the four zonal hubs)'],
]);

/** Competitive load zones and the municipal/co-op load zones that settle separately. */
const LOAD_ZONES: ReadonlyMap<string, string> = new Map([
  ['LZ_NORTH', 'ERCOT North Load Zone'],
  ['LZ_SOUTH', 'ERCOT South Load Zone'],
  ['LZ_WEST', 'ERCOT West Load Zone'],
  ['LZ_HOUSTON', 'ERCOT Houston Load Zone'],
  ['LZ_AEN', 'ERCOT Austin Energy Load Zone'],
  ['LZ_CPS', 'ERCOT CPS Energy Load Zone'],
  ['LZ_LCRA', 'ERCOT LCRA Load Zone'],
  ['LZ_RAYBN', 'ERCOT Rayburn Load Zone'],
]);

/**
 * Real-time SPP files price each load zone twice: type `LZ` and the energy-weighted `LZEW` (likewise `LZ_DC` and
 * `LZ_DCEW` for DC-tie zones), at different prices. The weighted series gets its own instrument, `<zone>_EW`.
 */
export const ENERGY_WEIGHTED_TYPES: readonly string[] = ['LZEW', 'LZ_DCEW'];
export const ENERGY_WEIGHTED_SUFFIX = '_EW';

const TYPE_KINDS: Readonly<Record<string, InstrumentKind>> = {
  HU: 'hub',
  LZ: 'zone',
  LZEW: 'zone',
  LZ_DC: 'zone',
  LZ_DCEW: 'zone',
  RN: 'node',
};

/**
 * Kind of a settlement point: from the report's SettlementPointType where it has one (RT SPP files), otherwise
 * from ERCOT's naming (hubs `HB_`, load zones `LZ_`, DC-tie load zones `DC_`); every other point is a resource node.
 */
export const settlementPointKind = (
  code: string,
  pointType: string | null = null,
): InstrumentKind => {
  const byType = pointType === null ? undefined : TYPE_KINDS[pointType.trim().toUpperCase()];
  if (byType !== undefined) {
    return byType;
  }
  if (code.startsWith('HB_')) {
    return 'hub';
  }
  return code.startsWith('LZ_') || code.startsWith('DC_') ? 'zone' : 'node';
};

const KIND_WORDS: Readonly<Record<InstrumentKind, string>> = {
  hub: 'trading hub',
  zone: 'load zone',
  node: 'resource node',
  system: 'system',
};

const definition = (
  code: string,
  name: string,
  kind: InstrumentKind,
  product: InstrumentProduct,
): InstrumentDefinition => ({
  id: instrumentId(ERCOT_MARKET_ID, code),
  market: ERCOT_MARKET_ID,
  code,
  name,
  kind,
  product,
  aliases: [{ source: ERCOT_SOURCE, code, validFromMs: null, validToMs: null }],
});

/** The price instrument for a settlement point as a report names it (`code` already carries any `_EW`). */
export const settlementPointInstrument = (
  code: string,
  kind: InstrumentKind = settlementPointKind(code),
): InstrumentDefinition => {
  const known = TRADING_HUBS.get(code) ?? LOAD_ZONES.get(code);
  const weightedBase = code.endsWith(ENERGY_WEIGHTED_SUFFIX)
    ? LOAD_ZONES.get(code.slice(0, -ENERGY_WEIGHTED_SUFFIX.length))
    : undefined;
  const name =
    known ??
    (weightedBase === undefined
      ? `${code} (ERCOT ${KIND_WORDS[kind]})`
      : `${weightedBase}, energy-weighted (real time)`);
  return definition(code, name, kind, 'lmp');
};

export const SYSTEM_LOAD_CODE = 'SYSTEM_LOAD';
export const SYSTEM_GEN_CODE = 'SYSTEM_GEN';

/** ERCOT's four forecast zones (load forecasts by forecast zone), stored as `LOAD.<ZONE>`. */
export const FORECAST_ZONES: readonly string[] = ['NORTH', 'SOUTH', 'WEST', 'HOUSTON'];
export const loadAreaCode = (zone: string): string => `LOAD.${zone.trim().toUpperCase()}`;

/**
 * Wind regions of the hourly wind report (NP4-732-CD), stored as `GEN.<region>`. The system-wide hourly series is
 * `GEN.SYSTEM_WIDE`, apart from SYSTEM_GEN: the 5-minute fuel mix already fills SYSTEM_GEN's wind actuals, and an
 * hourly average on the same instrument would share its interval starts and overwrite them.
 */
export const WIND_REGIONS: readonly string[] = [
  'SYSTEM_WIDE',
  'LZ_SOUTH_HOUSTON',
  'LZ_WEST',
  'LZ_NORTH',
];
export const windRegionCode = (region: string): string => `GEN.${region}`;

export const loadAreaInstrument = (zone: string): InstrumentDefinition =>
  definition(
    loadAreaCode(zone),
    `ERCOT ${zone.trim().toUpperCase()} forecast zone load`,
    'zone',
    'load',
  );

export const windRegionInstrument = (region: string): InstrumentDefinition =>
  region === 'SYSTEM_WIDE'
    ? definition(
        windRegionCode(region),
        'ERCOT system-wide wind generation (hourly)',
        'system',
        'gen_mix',
      )
    : definition(
        windRegionCode(region),
        `ERCOT ${region} wind generation (hourly)`,
        'zone',
        'gen_mix',
      );

export const systemLoadInstrument = (): InstrumentDefinition =>
  definition(SYSTEM_LOAD_CODE, 'ERCOT system load', 'system', 'load');

export const systemGenInstrument = (): InstrumentDefinition =>
  definition(SYSTEM_GEN_CODE, 'ERCOT generation by fuel', 'system', 'gen_mix');

/**
 * What the feed knows before reading any report: hubs, load zones, system load and generation, forecast-zone
 * load and wind regions. The ~1,000 resource nodes are registered from the price files themselves.
 */
export const ercotInstruments = (): InstrumentDefinition[] => [
  ...[...TRADING_HUBS.keys()].map((code) => settlementPointInstrument(code, 'hub')),
  ...[...LOAD_ZONES.keys()].map((code) => settlementPointInstrument(code, 'zone')),
  systemLoadInstrument(),
  systemGenInstrument(),
  ...FORECAST_ZONES.map(loadAreaInstrument),
  ...WIND_REGIONS.map(windRegionInstrument),
];
