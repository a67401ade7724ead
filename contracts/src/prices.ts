import { Type, type Static } from 'typebox';
import { MarketRunId } from './markets.js';

const Price = (description: string) =>
  Type.Union([Type.Number(), Type.Null()], {
    description: `${description} in the market currency per MWh.`,
  });

/**
 * One price interval. `intervalStart` is UTC; the interval covers
 * [intervalStart, intervalStart + intervalMinutes). Components are null where the market does not publish them.
 */
export const PriceRow = Type.Object({
  instrument: Type.String(),
  run: MarketRunId,
  intervalStart: Type.String({ format: 'date-time' }),
  intervalMinutes: Type.Integer(),
  lmp: Type.Number({ description: 'Locational marginal price per MWh.' }),
  energy: Price('Energy component'),
  congestion: Price('Congestion component'),
  loss: Price('Loss component'),
  ghg: Price('Greenhouse-gas component (CAISO)'),
  samples: Type.Optional(
    Type.Integer({ description: 'Resampled rows only: source intervals inside the bucket.' }),
  ),
});
export type PriceRow = Static<typeof PriceRow>;

export const ResampleFrequency = Type.Enum(['5m', '15m', '1h', '1d', '1mo'], {
  description: 'Bucket size. Days and months follow the market’s local calendar (23/25-hour days).',
});
export type ResampleFrequency = Static<typeof ResampleFrequency>;

export const Aggregation = Type.Enum(['avg', 'min', 'max', 'first', 'last'], {
  description:
    'avg is weighted by interval length; min/max apply to each price field independently.',
});
export type Aggregation = Static<typeof Aggregation>;

export const PriceQuery = Type.Object({
  instruments: Type.String({
    minLength: 1,
    maxLength: 2000,
    description: 'Comma-separated instrument ids, e.g. SIM.HUB_NORTH,SIM.HUB_SOUTH.',
  }),
  start: Type.String({
    description:
      'Inclusive start: ISO 8601 with Z or an offset, or a date (YYYY-MM-DD) read in `tz`.',
  }),
  end: Type.String({ description: 'Exclusive end, same forms as start.' }),
  runs: Type.Optional(
    Type.String({ maxLength: 100, description: 'Comma-separated market runs (default: all).' }),
  ),
  resample: Type.Optional(ResampleFrequency),
  agg: Type.Optional(Aggregation),
  tz: Type.Optional(
    Type.String({
      maxLength: 64,
      description: 'Zone for date-only start/end: "market" (default) or "UTC" or an IANA zone.',
    }),
  ),
  format: Type.Optional(Type.Enum(['json', 'csv'])),
});
export type PriceQuery = Static<typeof PriceQuery>;

export const PriceResponse = Type.Object({
  data: Type.Array(PriceRow),
  meta: Type.Object({
    instruments: Type.Array(Type.String()),
    runs: Type.Array(MarketRunId),
    start: Type.String({ format: 'date-time' }),
    end: Type.String({ format: 'date-time' }),
    resample: Type.Union([ResampleFrequency, Type.Null()]),
    agg: Type.Union([Aggregation, Type.Null()]),
    rowCount: Type.Integer(),
    rowLimit: Type.Integer(),
  }),
});
export type PriceResponse = Static<typeof PriceResponse>;

export const LatestPrice = Type.Object({
  ...PriceRow.properties,
  receivedAt: Type.String({ format: 'date-time', description: 'When this value was stored.' }),
});
export type LatestPrice = Static<typeof LatestPrice>;

export const LatestPriceQuery = Type.Object({
  market: Type.Optional(Type.String({ maxLength: 32 })),
  instruments: Type.Optional(Type.String({ maxLength: 2000 })),
  runs: Type.Optional(Type.String({ maxLength: 100 })),
});
export type LatestPriceQuery = Static<typeof LatestPriceQuery>;

export const LatestPriceResponse = Type.Object({ data: Type.Array(LatestPrice) });
export type LatestPriceResponse = Static<typeof LatestPriceResponse>;
