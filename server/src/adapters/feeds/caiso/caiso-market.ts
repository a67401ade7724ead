import {
  instrumentId,
  type InstrumentDefinition,
  type InstrumentKind,
  type InstrumentProduct,
} from '../../../domain/instruments/instrument.js';
import type { MarketDefinition } from '../../../domain/markets/market.js';

export const CAISO_MARKET_ID = 'CAISO';
export const CAISO_TIMEZONE = 'America/Los_Angeles';
/** Vendor-alias source for CAISO's own codes (OASIS node names, TAC area names, trading hub names). */
export const CAISO_SOURCE = 'caiso';

export const CAISO_MARKET: MarketDefinition = Object.freeze({
  id: CAISO_MARKET_ID,
  name: 'California ISO',
  timezone: CAISO_TIMEZONE,
  currency: 'USD',
  runs: Object.freeze([
    Object.freeze({
      id: 'DA' as const,
      intervalMinutes: 60,
      description: 'Integrated Forward Market (day-ahead) hourly LMPs, OASIS PRC_LMP DAM',
    }),
    Object.freeze({
      id: 'RT15' as const,
      intervalMinutes: 15,
      description: 'Fifteen-Minute Market (FMM) LMPs, OASIS PRC_RTPD_LMP RTPD',
    }),
    Object.freeze({
      id: 'RT5' as const,
      intervalMinutes: 5,
      description: 'Real-time dispatch (RTD) 5-minute LMPs, OASIS PRC_INTVL_LMP RTM',
    }),
  ]),
  synthetic: false,
});

/** System-wide series: Today's Outlook demand and fuel mix, and the CAISO-wide load forecast. */
export const SYSTEM_LOAD_CODE = 'SYSTEM_LOAD';
export const SYSTEM_GEN_CODE = 'SYSTEM_GEN';
/**
 * OASIS's name for the CAISO balancing area as a whole in the load forecast reports. Its forecast is the
 * forecast of the demand Today's Outlook reports as "Current demand", so both land on SYSTEM_LOAD.
 */
export const CAISO_SYSTEM_TAC_AREA = 'CA ISO-TAC';

export const TRADING_HUBS: readonly { code: string; name: string; region: string }[] = [
  { code: 'TH_NP15_GEN-APND', name: 'NP15 trading hub', region: 'NP15' },
  { code: 'TH_SP15_GEN-APND', name: 'SP15 trading hub', region: 'SP15' },
  { code: 'TH_ZP26_GEN-APND', name: 'ZP26 trading hub', region: 'ZP26' },
];

const DEFAULT_LOAD_AGGREGATION_POINTS: readonly { code: string; name: string }[] = [
  { code: 'DLAP_PGAE-APND', name: 'PG&E default load aggregation point' },
  { code: 'DLAP_SCE-APND', name: 'SCE default load aggregation point' },
  { code: 'DLAP_SDGE-APND', name: 'SDG&E default load aggregation point' },
  { code: 'DLAP_VEA-APND', name: 'VEA default load aggregation point' },
];

/** Transmission access charge areas inside the CAISO balancing area, as the load forecast names them. */
const CAISO_TAC_AREAS: readonly string[] = ['PGE-TAC', 'SCE-TAC', 'SDGE-TAC', 'VEA-TAC'];

/**
 * Kind of a priced location from CAISO's naming: `TH_*` are the trading hubs, `DLAP_*`/`SLAP_*` the default
 * and sub load aggregation points (zonal load prices), everything else an individual APNode.
 */
export const priceLocationKind = (code: string): InstrumentKind =>
  code.startsWith('TH_')
    ? 'hub'
    : code.startsWith('DLAP_') || code.startsWith('SLAP_')
      ? 'zone'
      : 'node';

/** Instrument code of a load forecast area: the whole balancing area is SYSTEM_LOAD, others LOAD.<TAC>. */
export const loadAreaCode = (tacAreaName: string): string =>
  tacAreaName === CAISO_SYSTEM_TAC_AREA ? SYSTEM_LOAD_CODE : `LOAD.${tacAreaName}`;

/** Instrument code of a renewables-forecast region (OASIS TRADING_HUB NP15/SP15/ZP26). */
export const generationRegionCode = (tradingHub: string): string => `GEN.${tradingHub}`;

const definition = (
  code: string,
  name: string,
  kind: InstrumentKind,
  product: InstrumentProduct,
  sourceCodes: readonly string[] = [code],
): InstrumentDefinition => ({
  id: instrumentId(CAISO_MARKET_ID, code),
  market: CAISO_MARKET_ID,
  code,
  name,
  kind,
  product,
  aliases: sourceCodes.map((sourceCode) => ({
    source: CAISO_SOURCE,
    code: sourceCode,
    validFromMs: null,
    validToMs: null,
  })),
});

/** A priced location seen in OASIS data; nodes have no better name than their code. */
export const priceLocation = (code: string): InstrumentDefinition => {
  const known =
    TRADING_HUBS.find((h) => h.code === code) ??
    DEFAULT_LOAD_AGGREGATION_POINTS.find((d) => d.code === code);
  return definition(code, known?.name ?? code, priceLocationKind(code), 'lmp');
};

export const loadArea = (tacAreaName: string): InstrumentDefinition =>
  tacAreaName === CAISO_SYSTEM_TAC_AREA
    ? systemLoadInstrument()
    : definition(loadAreaCode(tacAreaName), `${tacAreaName} load (TAC area)`, 'zone', 'load', [
        tacAreaName,
      ]);

export const generationRegion = (tradingHub: string): InstrumentDefinition =>
  definition(
    generationRegionCode(tradingHub),
    `${tradingHub} wind and solar generation`,
    'zone',
    'gen_mix',
    [tradingHub],
  );

export const systemLoadInstrument = (): InstrumentDefinition =>
  definition(SYSTEM_LOAD_CODE, 'CAISO system load', 'system', 'load', [
    SYSTEM_LOAD_CODE,
    CAISO_SYSTEM_TAC_AREA,
  ]);

export const systemGenInstrument = (): InstrumentDefinition =>
  definition(SYSTEM_GEN_CODE, 'CAISO system generation mix', 'system', 'gen_mix');

/** The instrument master known before any data: hubs, DLAPs, system series, CAISO TAC areas, regions. */
export const caisoInstruments = (): InstrumentDefinition[] => [
  ...TRADING_HUBS.map((h) => priceLocation(h.code)),
  ...DEFAULT_LOAD_AGGREGATION_POINTS.map((d) => priceLocation(d.code)),
  systemLoadInstrument(),
  systemGenInstrument(),
  ...CAISO_TAC_AREAS.map(loadArea),
  ...TRADING_HUBS.map((h) => generationRegion(h.region)),
];
