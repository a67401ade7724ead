import { MARKET_ID_PATTERN } from '../markets/market.js';

export type InstrumentKind = 'hub' | 'node' | 'zone' | 'system';
/**
 * What a grant sells and what an instrument carries: prices, load and generation mix of instruments, and forward
 * curves (`curve`, entitled per curve market like instruments; grants limited to named curves list curve ids).
 */
export type InstrumentProduct = 'lmp' | 'load' | 'gen_mix' | 'curve';

export const INSTRUMENT_KINDS: readonly InstrumentKind[] = ['hub', 'node', 'zone', 'system'];
export const INSTRUMENT_PRODUCTS: readonly InstrumentProduct[] = [
  'lmp',
  'load',
  'gen_mix',
  'curve',
];

/** A vendor code valid for an instrument during [validFromMs, validToMs); null bounds are open. */
export interface InstrumentAlias {
  readonly source: string;
  readonly code: string;
  readonly validFromMs: number | null;
  readonly validToMs: number | null;
}

/**
 * A priced or measured location: `CAISO.TH_SP15_GEN-APND`, `MISO.INDIANA.HUB`, `SIM.HUB_NORTH`.
 * The id is the market code, a dot, and the operator's own code for the location.
 */
export interface InstrumentDefinition {
  readonly id: string;
  readonly market: string;
  readonly code: string;
  readonly name: string;
  readonly kind: InstrumentKind;
  readonly product: InstrumentProduct;
  readonly aliases: readonly InstrumentAlias[];
}

/** Operator codes may contain dots and spaces (PJM "WESTERN HUB", NYISO "N.Y.C.") but no commas or control characters. */
const CODE_PATTERN = /^[^\s,\p{Cc}][^,\p{Cc}]{0,127}$/u;

export const instrumentId = (market: string, code: string): string => `${market}.${code}`;

/** Splits an instrument id at its first dot, or returns null when it is not a well-formed id. */
export const parseInstrumentId = (id: string): { market: string; code: string } | null => {
  const dot = id.indexOf('.');
  if (dot < 0) {
    return null;
  }
  const market = id.slice(0, dot);
  const code = id.slice(dot + 1);
  if (!MARKET_ID_PATTERN.test(market) || !CODE_PATTERN.test(code) || code.trim() !== code) {
    return null;
  }
  return { market, code };
};

export const isInstrumentId = (id: string): boolean => parseInstrumentId(id) !== null;

/**
 * A forward curve's id: upper-case letters, digits, `-` and `_`, starting with a letter (PJM-WH-POWER, HH-GAS).
 * Never a dot, so a curve id cannot be mistaken for an instrument id in a grant's list.
 */
export const CURVE_ID_PATTERN = /^[A-Z][A-Z0-9_-]{1,63}$/;

export const isCurveId = (id: string): boolean => CURVE_ID_PATTERN.test(id);
