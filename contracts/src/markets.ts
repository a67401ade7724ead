import { Type, type Static } from 'typebox';

/** A market run: which clearing of the market a price belongs to (day-ahead, 5-minute real time …). */
export const MarketRunId = Type.Enum(['DA', 'RT5', 'RT15', 'RT60', 'HASP'], {
  description: 'DA = day-ahead; RT5/RT15 = real-time 5/15-minute; RT60 = real-time hourly.',
});
export type MarketRunId = Static<typeof MarketRunId>;

export const MarketRun = Type.Object({
  id: MarketRunId,
  intervalMinutes: Type.Integer({ description: 'Length of one price interval of this run.' }),
  description: Type.String(),
});
export type MarketRun = Static<typeof MarketRun>;

export const Market = Type.Object({
  id: Type.String({ description: 'Market code, e.g. CAISO, MISO, SIM.' }),
  name: Type.String(),
  timezone: Type.String({ description: 'IANA zone used for local views and peak buckets.' }),
  currency: Type.String({ description: 'ISO 4217 currency of published prices.' }),
  runs: Type.Array(MarketRun),
  synthetic: Type.Boolean({
    description: 'True for the simulator: data is generated, not real.',
  }),
});
export type Market = Static<typeof Market>;

export const MarketList = Type.Object({ data: Type.Array(Market) });
export type MarketList = Static<typeof MarketList>;
