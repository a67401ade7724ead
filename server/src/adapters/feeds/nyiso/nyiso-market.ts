import {
  instrumentId,
  type InstrumentDefinition,
  type InstrumentKind,
  type InstrumentProduct,
} from '../../../domain/instruments/instrument.js';
import type { MarketDefinition } from '../../../domain/markets/market.js';

export const NYISO_MARKET_ID = 'NYISO';
/** NYISO's files are in Eastern wall-clock time, observing DST (connectors.md §3). */
export const NYISO_TIMEZONE = 'America/New_York';
/** Vendor-alias source for NYISO's own location names. */
export const NYISO_SOURCE = 'nyiso';

export const NYISO_MARKET: MarketDefinition = Object.freeze({
  id: NYISO_MARKET_ID,
  name: 'New York ISO',
  timezone: NYISO_TIMEZONE,
  currency: 'USD',
  runs: Object.freeze([
    Object.freeze({
      id: 'DA' as const,
      intervalMinutes: 60,
      description: 'Day-ahead market hourly LBMPs (damlbmp)',
    }),
    Object.freeze({
      id: 'RT5' as const,
      intervalMinutes: 5,
      description: 'Real-time dispatch (RTD) 5-minute LBMPs (realtime)',
    }),
    Object.freeze({
      id: 'RT60' as const,
      intervalMinutes: 60,
      description: 'Real-time hourly time-weighted LBMPs (rtlbmp)',
    }),
  ]),
  synthetic: false,
});

export interface NyisoLocation {
  /** NYISO's name for the location, exactly as its files write it (the instrument code). */
  readonly code: string;
  readonly name: string;
  /** NYISO's point identifier, stable across renames. */
  readonly ptid: number;
}

/** The eleven NYCA load zones, A–K, as the zonal LBMP, load and forecast files name them. */
export const NYISO_LOAD_ZONES: readonly NyisoLocation[] = Object.freeze([
  { code: 'WEST', name: 'West (zone A)', ptid: 61752 },
  { code: 'GENESE', name: 'Genesee (zone B)', ptid: 61753 },
  { code: 'CENTRL', name: 'Central (zone C)', ptid: 61754 },
  { code: 'NORTH', name: 'North (zone D)', ptid: 61755 },
  { code: 'MHK VL', name: 'Mohawk Valley (zone E)', ptid: 61756 },
  { code: 'CAPITL', name: 'Capital (zone F)', ptid: 61757 },
  { code: 'HUD VL', name: 'Hudson Valley (zone G)', ptid: 61758 },
  { code: 'MILLWD', name: 'Millwood (zone H)', ptid: 61759 },
  { code: 'DUNWOD', name: 'Dunwoodie (zone I)', ptid: 61760 },
  { code: 'N.Y.C.', name: 'New York City (zone J)', ptid: 61761 },
  { code: 'LONGIL', name: 'Long Island (zone K)', ptid: 61762 },
]);

/**
 * The external proxy buses the zonal LBMP files also price. They are kind `node`, not `zone`: each is one proxy
 * generator bus standing for a neighbouring control area at which interchange is scheduled and settled, with no
 * NYCA load behind it, so "zone" keeps meaning the eleven load zones whose load and forecasts we also carry.
 */
export const NYISO_EXTERNAL_PROXIES: readonly NyisoLocation[] = Object.freeze([
  { code: 'H Q', name: 'Hydro-Québec proxy bus (external)', ptid: 61844 },
  { code: 'NPX', name: 'ISO New England proxy bus (external)', ptid: 61845 },
  { code: 'O H', name: 'Ontario (IESO) proxy bus (external)', ptid: 61846 },
  { code: 'PJM', name: 'PJM proxy bus (external)', ptid: 61847 },
]);

const ZONE_CODES = new Set(NYISO_LOAD_ZONES.map((z) => z.code));

/** Series codes: system totals and load by zone (`LOAD.<zone>`). */
export const SYSTEM_LOAD_CODE = 'SYSTEM_LOAD';
export const SYSTEM_GEN_CODE = 'SYSTEM_GEN';
export const loadCode = (zone: string): string => `LOAD.${zone}`;

export const nyisoInstrument = (
  code: string,
  name: string,
  kind: InstrumentKind,
  product: InstrumentProduct,
): InstrumentDefinition => ({
  id: instrumentId(NYISO_MARKET_ID, code),
  market: NYISO_MARKET_ID,
  code,
  name: `${name} (NYISO)`,
  kind,
  product,
  aliases: [{ source: NYISO_SOURCE, code, validFromMs: null, validToMs: null }],
});

/**
 * The instrument a priced location in an LBMP file stands for. Zonal files carry the eleven load zones and the
 * external proxy buses (anything there that is not a load zone is a proxy bus, kind node); generator files carry
 * generator buses, kind node, named with their PTID so a renamed unit can be matched up.
 */
export const lbmpLocationInstrument = (
  code: string,
  ptid: number | null,
  file: 'zone' | 'gen',
): InstrumentDefinition => {
  const known = [...NYISO_LOAD_ZONES, ...NYISO_EXTERNAL_PROXIES].find((l) => l.code === code);
  if (file === 'zone' && known) {
    return nyisoInstrument(code, known.name, ZONE_CODES.has(code) ? 'zone' : 'node', 'lmp');
  }
  const id = ptid === null ? '' : `, PTID ${ptid}`;
  const what = file === 'gen' ? 'generator bus' : 'proxy bus';
  return nyisoInstrument(code, `${code} ${what}${id}`, 'node', 'lmp');
};

/** Load by zone (from `pal` and `isolf`), kind zone. */
export const loadZoneInstrument = (zone: string): InstrumentDefinition => {
  const known = NYISO_LOAD_ZONES.find((z) => z.code === zone);
  return nyisoInstrument(loadCode(zone), `Load, ${known?.name ?? zone}`, 'zone', 'load');
};

export const systemLoadInstrument = (): InstrumentDefinition =>
  nyisoInstrument(SYSTEM_LOAD_CODE, 'System load, NYCA', 'system', 'load');

export const systemGenInstrument = (): InstrumentDefinition =>
  nyisoInstrument(SYSTEM_GEN_CODE, 'System generation mix, NYCA', 'system', 'gen_mix');

/** What NYISO publishes up front: zones and proxy buses for prices, zonal and system load, generation mix. */
export const nyisoInstruments = (): InstrumentDefinition[] => [
  ...NYISO_LOAD_ZONES.map((z) => lbmpLocationInstrument(z.code, z.ptid, 'zone')),
  ...NYISO_EXTERNAL_PROXIES.map((p) => lbmpLocationInstrument(p.code, p.ptid, 'zone')),
  ...NYISO_LOAD_ZONES.map((z) => loadZoneInstrument(z.code)),
  systemLoadInstrument(),
  systemGenInstrument(),
];
