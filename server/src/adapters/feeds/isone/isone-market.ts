import {
  instrumentId,
  type InstrumentDefinition,
  type InstrumentKind,
  type InstrumentProduct,
} from '../../../domain/instruments/instrument.js';
import type { MarketDefinition } from '../../../domain/markets/market.js';

export const ISONE_MARKET_ID = 'ISONE';
export const ISONE_TIMEZONE = 'America/New_York';
/** Vendor-alias source for ISO-NE's own location names. */
export const ISONE_SOURCE = 'isone';

export const ISONE_MARKET: MarketDefinition = Object.freeze({
  id: ISONE_MARKET_ID,
  name: 'ISO New England',
  timezone: ISONE_TIMEZONE,
  currency: 'USD',
  runs: Object.freeze([
    Object.freeze({ id: 'DA' as const, intervalMinutes: 60, description: 'Day-ahead hourly LMPs' }),
    Object.freeze({
      id: 'RT5' as const,
      intervalMinutes: 5,
      description: 'Real-time 5-minute LMPs (preliminary, then final)',
    }),
    Object.freeze({
      id: 'RT60' as const,
      intervalMinutes: 60,
      description: 'Real-time hourly LMPs (preliminary, then final)',
    }),
  ]),
  synthetic: false,
});

export const SYSTEM_LOAD_CODE = 'SYSTEM_LOAD';
export const SYSTEM_GEN_CODE = 'SYSTEM_GEN';
/** How ISO-NE names the whole control area in its load reports. */
export const CONTROL_AREA_NAME = 'NEPOOL AREA';

export const INTERNAL_HUB = '.H.INTERNAL_HUB';

/** The eight load zones with the sheet names the SMD hourly workbook gives them. */
export const LOAD_ZONES: readonly { code: string; sheet: string; name: string }[] = Object.freeze([
  { code: '.Z.MAINE', sheet: 'ME', name: 'Maine' },
  { code: '.Z.NEWHAMPSHIRE', sheet: 'NH', name: 'New Hampshire' },
  { code: '.Z.VERMONT', sheet: 'VT', name: 'Vermont' },
  { code: '.Z.CONNECTICUT', sheet: 'CT', name: 'Connecticut' },
  { code: '.Z.RHODEISLAND', sheet: 'RI', name: 'Rhode Island' },
  { code: '.Z.SEMASS', sheet: 'SEMA', name: 'Southeast Massachusetts' },
  { code: '.Z.WCMASS', sheet: 'WCMA', name: 'West/Central Massachusetts' },
  { code: '.Z.NEMASSBOST', sheet: 'NEMA', name: 'Northeast Massachusetts/Boston' },
]);

/**
 * Load of one area: `LOAD.<ISO-NE location name>`, kept verbatim (leading dot included) like the price codes, so
 * `.Z.CONNECTICUT` finds both its LMP (`ISONE..Z.CONNECTICUT`) and its load (`ISONE.LOAD..Z.CONNECTICUT`).
 */
export const loadCode = (location: string): string => `LOAD.${location}`;

/**
 * Instrument kind of a priced location, from the `@LocType` ISO-NE attaches to every location in its LMP
 * responses, else from the name prefix ISO-NE uses (.H. hub, .Z. load zone, .I. external interface).
 *
 * External nodes (`EXT. NODE`, the `.I.*` interface locations such as `.I.ROSETON 345 1`) are kind `node`: each is
 * one priced bus at the boundary with a neighbouring area, not an average of buses (hub) or a load area (zone).
 * Demand-response aggregation zones (`DRR AGGREGATION ZONE`) are averages over the load buses of an area, so `zone`.
 */
export const locationKind = (name: string, locType: string | null): InstrumentKind => {
  switch ((locType ?? '').trim().toUpperCase()) {
    case 'HUB':
      return 'hub';
    case 'LOAD ZONE':
    case 'DRR AGGREGATION ZONE':
      return 'zone';
    case 'NETWORK NODE':
    case 'EXT. NODE':
      return 'node';
    default:
      return name.startsWith('.H.') ? 'hub' : name.startsWith('.Z.') ? 'zone' : 'node';
  }
};

export const isoneInstrument = (
  code: string,
  name: string,
  kind: InstrumentKind,
  product: InstrumentProduct,
): InstrumentDefinition => ({
  id: instrumentId(ISONE_MARKET_ID, code),
  market: ISONE_MARKET_ID,
  code,
  name,
  kind,
  product,
  aliases: [{ source: ISONE_SOURCE, code, validFromMs: null, validToMs: null }],
});

/** A priced location first seen in the data: named as ISO-NE names it. */
export const pricedLocation = (name: string, locType: string | null): InstrumentDefinition =>
  isoneInstrument(name, name, locationKind(name, locType), 'lmp');

/** The instrument master known before any data: the hub, the eight load zones, their loads, system series. */
export const isoneInstruments = (): InstrumentDefinition[] => [
  isoneInstrument(INTERNAL_HUB, 'Internal Hub (ISO-NE)', 'hub', 'lmp'),
  ...LOAD_ZONES.map((z) => isoneInstrument(z.code, `${z.name} load zone (ISO-NE)`, 'zone', 'lmp')),
  ...LOAD_ZONES.map((z) =>
    isoneInstrument(loadCode(z.code), `${z.name} load (ISO-NE)`, 'zone', 'load'),
  ),
  isoneInstrument(SYSTEM_LOAD_CODE, 'ISO-NE system load', 'system', 'load'),
  isoneInstrument(SYSTEM_GEN_CODE, 'ISO-NE generation mix', 'system', 'gen_mix'),
];
