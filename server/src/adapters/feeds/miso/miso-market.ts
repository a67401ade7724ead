import {
  instrumentId,
  type InstrumentDefinition,
  type InstrumentKind,
  type InstrumentProduct,
} from '../../../domain/instruments/instrument.js';
import type { MarketDefinition } from '../../../domain/markets/market.js';

export const MISO_MARKET_ID = 'MISO';
/**
 * MISO's market clock is Eastern Standard Time all year ("All Hours-Ending are Eastern Standard Time (EST)"), never
 * EDT. `Etc/GMT+5` is the IANA zone for a fixed UTC−5 (the sign is inverted by POSIX convention); using
 * America/New_York here was the original system's one-hour error every summer.
 */
export const MISO_TIMEZONE = 'Etc/GMT+5';
/** Vendor-alias source for MISO's own codes. */
export const MISO_SOURCE = 'miso';

export const MISO_MARKET: MarketDefinition = Object.freeze({
  id: MISO_MARKET_ID,
  name: 'Midcontinent ISO (MISO)',
  timezone: MISO_TIMEZONE,
  currency: 'USD',
  runs: Object.freeze([
    Object.freeze({
      id: 'DA' as const,
      intervalMinutes: 60,
      description: 'Day-ahead ex-post hourly LMPs (the day-ahead settlement prices)',
    }),
    Object.freeze({
      id: 'RT5' as const,
      intervalMinutes: 5,
      description:
        'Real-time 5-minute ex-post LMPs (preliminary from the public API, final weekly)',
    }),
    Object.freeze({
      id: 'RT60' as const,
      intervalMinutes: 60,
      description: 'Real-time hourly final ex-post LMPs',
    }),
  ]),
  synthetic: false,
});

/** MISO's trading hubs, as named in its reports and API. */
export const MISO_HUBS: readonly { code: string; name: string }[] = Object.freeze([
  { code: 'ARKANSAS.HUB', name: 'Arkansas Hub' },
  { code: 'ILLINOIS.HUB', name: 'Illinois Hub' },
  { code: 'INDIANA.HUB', name: 'Indiana Hub' },
  { code: 'LOUISIANA.HUB', name: 'Louisiana Hub' },
  { code: 'MICHIGAN.HUB', name: 'Michigan Hub' },
  { code: 'MINN.HUB', name: 'Minnesota Hub' },
  { code: 'MS.HUB', name: 'Mississippi Hub' },
  { code: 'TEXAS.HUB', name: 'Texas Hub' },
]);

/**
 * Local Resource Zones as the forecast-and-actual-load report groups them (column prefixes of `_df_al.xls`).
 * Zones 2/7, 3/5 and 8/9/10 are reported combined, so they are single instruments.
 */
export const MISO_LOAD_ZONES: readonly { code: string; name: string }[] = Object.freeze([
  { code: 'LRZ1', name: 'Local Resource Zone 1' },
  { code: 'LRZ2_7', name: 'Local Resource Zones 2 and 7' },
  { code: 'LRZ3_5', name: 'Local Resource Zones 3 and 5' },
  { code: 'LRZ4', name: 'Local Resource Zone 4' },
  { code: 'LRZ6', name: 'Local Resource Zone 6' },
  { code: 'LRZ8_9_10', name: 'Local Resource Zones 8, 9 and 10' },
]);

export const SYSTEM_LOAD_CODE = 'SYSTEM_LOAD';
/** How the load report names the whole footprint's column ("MISO MTLF (MWh)"). */
export const MISO_TOTAL_LABEL = 'MISO';

/** Our instrument code for a load area of the report: `LOAD.<LRZ>`, or SYSTEM_LOAD for the MISO total. */
export const loadCodeFor = (area: string): string =>
  area === MISO_TOTAL_LABEL ? SYSTEM_LOAD_CODE : `LOAD.${area}`;

/**
 * The instrument kind for MISO's `Type` column in the LMP reports. Interfaces are priced points standing for a
 * neighbouring area (PJM, SPP, …): an aggregate of many external buses, so they are zones, like load zones,
 * rather than nodes. Gennodes and anything MISO adds later are single commercial pricing nodes.
 */
export const kindForNodeType = (type: string | null, code: string): InstrumentKind => {
  switch ((type ?? '').trim().toLowerCase()) {
    case 'hub':
      return 'hub';
    case 'loadzone':
    case 'interface':
      return 'zone';
    case 'gennode':
      return 'node';
    default:
      return kindFromCode(code);
  }
};

/** Where a source gives no type (the 5-minute reports and API): hubs end in `.HUB`, the rest are nodes. */
export const kindFromCode = (code: string): InstrumentKind =>
  code.toUpperCase().endsWith('.HUB') ? 'hub' : 'node';

export const misoInstrument = (
  code: string,
  name: string,
  kind: InstrumentKind,
  product: InstrumentProduct,
  operatorCode: string = code,
): InstrumentDefinition => ({
  id: instrumentId(MISO_MARKET_ID, code),
  market: MISO_MARKET_ID,
  code,
  name,
  kind,
  product,
  aliases: [{ source: MISO_SOURCE, code: operatorCode, validFromMs: null, validToMs: null }],
});

/** A priced location found in a report, named after its code (MISO publishes no friendlier name). */
export const pricedLocation = (code: string, kind: InstrumentKind): InstrumentDefinition => {
  const hub = MISO_HUBS.find((h) => h.code === code);
  return misoInstrument(code, hub ? `${hub.name} (MISO)` : `${code} (MISO)`, kind, 'lmp');
};

/** The instrument master known before any data: trading hubs, load zones and the system load. */
export const misoInstruments = (): InstrumentDefinition[] => [
  ...MISO_HUBS.map((h) => pricedLocation(h.code, 'hub')),
  ...MISO_LOAD_ZONES.map((z) =>
    misoInstrument(loadCodeFor(z.code), `${z.name} load (MISO)`, 'zone', 'load', z.code),
  ),
  misoInstrument(SYSTEM_LOAD_CODE, 'MISO system load', 'system', 'load', MISO_TOTAL_LABEL),
];
