import {
  instrumentId,
  type InstrumentAlias,
  type InstrumentDefinition,
  type InstrumentKind,
  type InstrumentProduct,
} from '../../../domain/instruments/instrument.js';
import type { MarketDefinition } from '../../../domain/markets/market.js';

export const PJM_MARKET_ID = 'PJM';
/** PJM publishes in Eastern Prevailing Time; we read its UTC fields and use this zone for local days only. */
export const PJM_TIMEZONE = 'America/New_York';
/** Alias source for PJM's own location names. */
export const PJM_SOURCE = 'pjm';
/** Alias source for PJM's numeric pnode ids, which stay fixed when a pnode is renamed. */
export const PJM_PNODE_ID_SOURCE = 'pjm.pnode_id';

export const PJM_MARKET: MarketDefinition = Object.freeze({
  id: PJM_MARKET_ID,
  name: 'PJM Interconnection',
  timezone: PJM_TIMEZONE,
  currency: 'USD',
  runs: Object.freeze([
    Object.freeze({
      id: 'DA' as const,
      intervalMinutes: 60,
      description: 'Day-ahead hourly LMPs (Data Miner 2 da_hrl_lmps)',
    }),
    Object.freeze({
      id: 'RT5' as const,
      intervalMinutes: 5,
      description:
        'Real-time 5-minute LMPs (rt_fivemin_hrl_lmps, or rt_unverified_fivemin_lmps until verified)',
    }),
    Object.freeze({
      id: 'RT60' as const,
      intervalMinutes: 60,
      description: 'Real-time hourly integrated LMPs (rt_hrl_lmps)',
    }),
  ]),
  synthetic: false,
});

export const PJM_SYSTEM_LOAD_CODE = 'SYSTEM_LOAD';
export const PJM_SYSTEM_GEN_CODE = 'SYSTEM_GEN';

/**
 * The twelve PJM trading hubs by the names Data Miner gives them. Their pnode ids are not listed here: the public
 * lists we could check give the ids without names, so each hub's `pjm.pnode_id` comes with the data instead.
 */
export const PJM_HUB_NAMES: readonly string[] = Object.freeze([
  'WESTERN HUB',
  'EASTERN HUB',
  'AEP-DAYTON HUB',
  'N ILLINOIS HUB',
  'DOMINION HUB',
  'NEW JERSEY HUB',
  'CHICAGO HUB',
  'OHIO HUB',
  'AEP GEN HUB',
  'ATSI GEN HUB',
  'CHICAGO GEN HUB',
  'WEST INT HUB',
]);

/**
 * Pnode ids of the hubs (order unrelated to PJM_HUB_NAMES). Used only to ask Data Miner for the hub rows; the
 * names and types come back in the response.
 */
export const PJM_HUB_PNODE_IDS: readonly number[] = Object.freeze([
  51217, 116013751, 35010337, 34497151, 34497127, 34497125, 33092315, 33092313, 33092311, 4669664,
  51288, 51287,
]);

export interface PjmZone {
  readonly pnodeId: number;
  readonly code: string;
  readonly name: string;
}

/** Transmission zones with their pnode ids, as in the recorded da_hrl_lmps response (type ZONE, 23 pnodes). */
export const PJM_ZONES: readonly PjmZone[] = Object.freeze([
  { pnodeId: 1, code: 'PJM-RTO', name: 'PJM RTO (system-wide zone price)' },
  { pnodeId: 3, code: 'MID-ATL/APS', name: 'Mid-Atlantic/APS aggregate zone' },
  { pnodeId: 51291, code: 'AECO', name: 'AECO zone (Atlantic City Electric)' },
  { pnodeId: 51292, code: 'BGE', name: 'BGE zone (Baltimore Gas and Electric)' },
  { pnodeId: 51293, code: 'DPL', name: 'DPL zone (Delmarva Power & Light)' },
  { pnodeId: 51295, code: 'JCPL', name: 'JCPL zone (Jersey Central Power & Light)' },
  { pnodeId: 51296, code: 'METED', name: 'METED zone (Metropolitan Edison)' },
  { pnodeId: 51297, code: 'PECO', name: 'PECO zone (PECO Energy)' },
  { pnodeId: 51298, code: 'PEPCO', name: 'PEPCO zone (Potomac Electric Power)' },
  { pnodeId: 51299, code: 'PPL', name: 'PPL zone (PPL Electric Utilities)' },
  { pnodeId: 51300, code: 'PENELEC', name: 'PENELEC zone (Pennsylvania Electric)' },
  { pnodeId: 51301, code: 'PSEG', name: 'PSEG zone (Public Service Electric & Gas)' },
  { pnodeId: 7633629, code: 'RECO', name: 'RECO zone (Rockland Electric)' },
  { pnodeId: 8394954, code: 'APS', name: 'APS zone (Allegheny Power)' },
  { pnodeId: 8445784, code: 'AEP', name: 'AEP zone (American Electric Power)' },
  { pnodeId: 33092371, code: 'COMED', name: 'COMED zone (Commonwealth Edison)' },
  { pnodeId: 34508503, code: 'DAY', name: 'DAY zone (Dayton Power & Light)' },
  { pnodeId: 34964545, code: 'DOM', name: 'DOM zone (Dominion)' },
  { pnodeId: 37737283, code: 'DUQ', name: 'DUQ zone (Duquesne Light)' },
  { pnodeId: 116013753, code: 'ATSI', name: 'ATSI zone (American Transmission Systems)' },
  { pnodeId: 124076095, code: 'DEOK', name: 'DEOK zone (Duke Energy Ohio/Kentucky)' },
  { pnodeId: 970242670, code: 'EKPC', name: 'EKPC zone (East Kentucky Power Cooperative)' },
  { pnodeId: 1709725933, code: 'OVEC', name: 'OVEC zone (Ohio Valley Electric)' },
]);

const ZONE_BY_PNODE_ID = new Map(PJM_ZONES.map((zone) => [zone.pnodeId, zone]));

/** The zone a pnode id is known to be, if it is one of PJM's transmission zones. */
export const knownZone = (pnodeId: number): PjmZone | undefined => ZONE_BY_PNODE_ID.get(pnodeId);

/** What the LMP datasets ask for unless told otherwise: every hub and zone (35 pnodes). */
export const PJM_DEFAULT_PNODE_IDS: readonly number[] = Object.freeze([
  ...PJM_HUB_PNODE_IDS,
  ...PJM_ZONES.map((zone) => zone.pnodeId),
]);

const alias = (source: string, code: string): InstrumentAlias => ({
  source,
  code,
  validFromMs: null,
  validToMs: null,
});

/** A PJM instrument: id `PJM.<code>`, with the operator's name (and pnode id, when known) as aliases. */
export const pjmInstrument = (
  code: string,
  name: string,
  kind: InstrumentKind,
  product: InstrumentProduct,
  aliases: readonly InstrumentAlias[] = [alias(PJM_SOURCE, code)],
): InstrumentDefinition => ({
  id: instrumentId(PJM_MARKET_ID, code),
  market: PJM_MARKET_ID,
  code,
  name,
  kind,
  product,
  aliases,
});

/** A priced pnode seen in Data Miner: code is its name (what users know), its id an alias. */
export const pnodeInstrument = (
  code: string,
  pnodeName: string,
  pnodeId: number,
  kind: InstrumentKind,
): InstrumentDefinition =>
  pjmInstrument(code, pnodeName, kind, 'lmp', [
    alias(PJM_SOURCE, pnodeName),
    alias(PJM_PNODE_ID_SOURCE, String(pnodeId)),
  ]);

/** The static instrument master: hubs, zones, system load and system generation mix. */
export const pjmInstruments = (): InstrumentDefinition[] => [
  ...PJM_HUB_NAMES.map((name) => pjmInstrument(name, `${name} (PJM trading hub)`, 'hub', 'lmp')),
  ...PJM_ZONES.map((zone) => ({
    ...pnodeInstrument(zone.code, zone.code, zone.pnodeId, 'zone'),
    name: zone.name,
  })),
  pjmInstrument(PJM_SYSTEM_LOAD_CODE, 'PJM RTO load', 'system', 'load', [alias(PJM_SOURCE, 'RTO')]),
  pjmInstrument(PJM_SYSTEM_GEN_CODE, 'PJM generation by fuel', 'system', 'gen_mix', [
    alias(PJM_SOURCE, 'gen_by_fuel'),
  ]),
];
