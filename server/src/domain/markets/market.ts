/** Which clearing of a market a price belongs to. */
export type MarketRunId = 'DA' | 'RT5' | 'RT15' | 'RT60' | 'HASP';

export const MARKET_RUN_IDS: readonly MarketRunId[] = ['DA', 'RT5', 'RT15', 'RT60', 'HASP'];

export const isMarketRunId = (value: string): value is MarketRunId =>
  (MARKET_RUN_IDS as readonly string[]).includes(value);

export interface MarketRunSpec {
  readonly id: MarketRunId;
  /** Length of one price interval published for this run. */
  readonly intervalMinutes: number;
  readonly description: string;
}

/**
 * A wholesale market (an ISO/RTO, an exchange bidding zone, or the simulator). `timezone` is the IANA zone
 * used for local views, local days and peak buckets; stored data stays in UTC.
 */
export interface MarketDefinition {
  readonly id: string;
  readonly name: string;
  readonly timezone: string;
  readonly currency: string;
  readonly runs: readonly MarketRunSpec[];
  /** True for generated data (the SIM market). Shown to users so nobody mistakes it for a real market. */
  readonly synthetic: boolean;
}

/** Market codes are short upper-case identifiers: CAISO, MISO, ISONE, DE-LU, SIM. */
export const MARKET_ID_PATTERN = /^[A-Z][A-Z0-9_-]{1,15}$/;
