import { Type, type Static } from 'typebox';
import { PageInfo, PageQuery } from './pagination.js';

const Day = (description: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10, description });

const NullableNumber = (description: string) =>
  Type.Union([Type.Number(), Type.Null()], { description });

const CURVE_ID_TEXT =
  'Upper-case letters, digits, - and _, starting with a letter: PJM-WH-POWER, HH-GAS.';

export const CurveCommodity = Type.Enum(['power', 'gas'], {
  description: 'power: shaped by peak buckets, may go negative; gas: daily, one bucket.',
});
export type CurveCommodity = Static<typeof CurveCommodity>;

export const CurveGranularity = Type.Enum(['month', 'day', 'hour'], {
  description:
    'month and day: delivery-weighted averages over market-local months and days (23/25-hour days included); ' +
    'hour: each local hour, with the hourly shape.',
});
export type CurveGranularity = Static<typeof CurveGranularity>;

export const CurveBucket = Type.Enum(
  ['5x16', '2x16', '7x8', '7x24', 'wrap', '6x16', 'base', 'peak', 'offpeak'],
  {
    description:
      'Hours the price covers. US calendars: 5x16, 2x16, 7x8, 7x24, wrap, 6x16; European: base, peak, offpeak; ' +
      'gas curves: the all-hours bucket only (7x24 or base).',
  },
);
export type CurveBucket = Static<typeof CurveBucket>;

export const CurveExtension = Type.Object({
  longRunLevel: NullableNumber(
    'Long-run price in today’s money the curve reverts to after the last quote; null = the last quote’s level.',
  ),
  escalationPerYear: Type.Number({
    description: 'Yearly escalation of the long-run level (0.02 = 2 %).',
  }),
  reversionYears: Type.Number({ description: 'e-folding time of the reversion, in years.' }),
});
export type CurveExtension = Static<typeof CurveExtension>;

export const CurveMethod = Type.Object({
  smoothness: Type.Number({
    description: 'λ: weight of the squared second differences of the daily level.',
  }),
  priorWeight: Type.Number({
    description: 'ω: weight of the distance to the seasonal prior; small, so quotes always win.',
  }),
  shapeHistoryYears: Type.Number({
    description:
      'Years of stored day-ahead prices the seasonal and hourly shape is estimated from.',
  }),
  staleAfterDays: Type.Number({
    description: 'A quote older than this at the as-of date is reported stale.',
  }),
});
export type CurveMethod = Static<typeof CurveMethod>;

/** A forward curve: one commodity at one hub, built daily from its quotes out to December 2050. */
export const Curve = Type.Object({
  id: Type.String(),
  name: Type.String(),
  market: Type.String({ description: 'Market whose `curve` entitlements govern the curve.' }),
  commodity: CurveCommodity,
  calendar: Type.String({
    description: 'Peak calendar: zone, on-peak hours, holidays (e.g. US_EASTERN).',
  }),
  currency: Type.String(),
  unit: Type.String({ description: 'e.g. USD/MWh or USD/MMBtu.' }),
  shapeInstrument: Type.Union([Type.String(), Type.Null()], {
    description:
      'Instrument whose day-ahead prices give the shape; null = no shape (flat within buckets).',
  }),
  buckets: Type.Array(CurveBucket, { description: 'Buckets the curve is quoted and served in.' }),
  extension: CurveExtension,
  method: CurveMethod,
});
export type Curve = Static<typeof Curve>;

export const NewCurve = Type.Object(
  {
    id: Type.String({ maxLength: 64, description: CURVE_ID_TEXT }),
    name: Type.String({ maxLength: 200 }),
    market: Type.String({ maxLength: 32 }),
    commodity: Type.String({ maxLength: 10, description: 'power or gas.' }),
    calendar: Type.String({ maxLength: 40 }),
    currency: Type.Optional(Type.String({ maxLength: 3, description: 'Default: the market’s.' })),
    unit: Type.Optional(
      Type.String({
        maxLength: 20,
        description: 'Default: <currency>/MWh (power) or /MMBtu (gas).',
      }),
    ),
    shapeInstrument: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    extension: Type.Optional(Type.Partial(CurveExtension, { additionalProperties: false })),
    method: Type.Optional(Type.Partial(CurveMethod, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type NewCurve = Static<typeof NewCurve>;

/** One immutable build of a curve, without its values. */
export const CurveRunSummary = Type.Object({
  runId: Type.String({
    description: 'Derived from the inputs hash: the same inputs give the same run.',
  }),
  curve: Type.String(),
  asOf: Type.String({ format: 'date' }),
  scenario: Type.String(),
  inputsHash: Type.String({
    description: 'SHA-256 of the engine version, settings, quotes used and shape history.',
  }),
  engineVersion: Type.String(),
  builtAt: Type.String({ format: 'date-time' }),
  quotes: Type.Integer({ description: 'Quotes the curve was built from.' }),
  maxAbsResidual: Type.Number({
    description: 'Largest miss of a quoted price, in the curve’s unit.',
  }),
  warnings: Type.Integer(),
  lastQuotedDay: Type.Union([Type.String({ format: 'date' }), Type.Null()], {
    description: 'Last day covered by a quote; the extension takes over after it.',
  }),
});
export type CurveRunSummary = Static<typeof CurveRunSummary>;

export const CurveListItem = Type.Object({
  ...Curve.properties,
  latestAsOf: Type.Union([Type.String({ format: 'date' }), Type.Null()], {
    description: 'As-of date of the latest base run; null before the first build.',
  }),
});
export type CurveListItem = Static<typeof CurveListItem>;

export const CurveList = Type.Object({ data: Type.Array(CurveListItem) });
export type CurveList = Static<typeof CurveList>;

export const CurveDetail = Type.Object({
  curve: Curve,
  latestRun: Type.Union([CurveRunSummary, Type.Null()]),
});
export type CurveDetail = Static<typeof CurveDetail>;

export const CurveDefined = Type.Object({
  curve: Curve,
  result: Type.Enum(['created', 'updated', 'unchanged']),
});
export type CurveDefined = Static<typeof CurveDefined>;

export const CurveIdParams = Type.Object({ curveId: Type.String({ maxLength: 64 }) });

/** One forward quote as stored. Delivery dates are market-local days; deliveryEnd is exclusive. */
export const ForwardQuote = Type.Object({
  curve: Type.String(),
  asOf: Type.String({ format: 'date' }),
  contract: Type.String({
    description: 'Canonical name: Jan-2027, Q3-2027, Cal-2028, Sum-2027, BalMo-2026-03 …',
  }),
  deliveryStart: Type.String({ format: 'date' }),
  deliveryEnd: Type.String({ format: 'date', description: 'The day after the last delivery day.' }),
  bucket: CurveBucket,
  settle: NullableNumber('Settlement price.'),
  mid: NullableNumber('Mid price.'),
  bid: NullableNumber('Bid.'),
  ask: NullableNumber('Ask.'),
  source: Type.String(),
  quoteDate: Type.String({ format: 'date', description: 'When the price was observed.' }),
});
export type ForwardQuote = Static<typeof ForwardQuote>;

const QuotePrice = (description: string) =>
  Type.Optional(Type.Union([Type.Number(), Type.Null()], { description }));

/** A quote to load: a contract name, or its delivery dates (end exclusive), and a settle, a mid or bid and ask. */
export const NewQuote = Type.Object(
  {
    curve: Type.Optional(
      Type.String({ maxLength: 64, description: 'Default: the curve of the path.' }),
    ),
    asOf: Type.String({
      maxLength: 10,
      description: 'The date the quote is marked for, YYYY-MM-DD.',
    }),
    contract: Type.Optional(
      Type.Union([Type.String({ maxLength: 40 }), Type.Null()], {
        description:
          'Jan-27, 2027-01, Q3-27, Cal-27, Sum-27, Win-27, GY-27, BalMo, 2027-06-03 or 2027-06-03..2027-06-09.',
      }),
    ),
    deliveryStart: Type.Optional(Type.Union([Type.String({ maxLength: 10 }), Type.Null()])),
    deliveryEnd: Type.Optional(
      Type.Union([Type.String({ maxLength: 10 }), Type.Null()], {
        description: 'With deliveryStart instead of contract: the day after the last delivery day.',
      }),
    ),
    bucket: Type.String({ maxLength: 10 }),
    settle: QuotePrice('Settlement price.'),
    mid: QuotePrice('Mid price.'),
    bid: QuotePrice('Bid; with ask, a band the curve must stay inside.'),
    ask: QuotePrice('Ask.'),
    source: Type.Optional(Type.String({ maxLength: 64, description: 'Default: manual.' })),
    quoteDate: Type.Optional(
      Type.Union([Type.String({ maxLength: 10 }), Type.Null()], { description: 'Default: asOf.' }),
    ),
  },
  { additionalProperties: false },
);
export type NewQuote = Static<typeof NewQuote>;

export const NewQuotes = Type.Array(NewQuote, { minItems: 1, maxItems: 5000 });

export const QuotesLoaded = Type.Object({
  quotes: Type.Integer({ description: 'Distinct quotes in the request.' }),
  inserted: Type.Integer(),
  replaced: Type.Integer({
    description: 'Re-marked: same curve, as-of, contract, bucket and source.',
  }),
  unchanged: Type.Integer(),
  curves: Type.Array(Type.String()),
  asOfs: Type.Array(Type.String({ format: 'date' })),
  warnings: Type.Array(Type.Object({ row: Type.String(), message: Type.String() }), {
    description: 'Stored, but worth knowing (a bid above its ask …).',
  }),
});
export type QuotesLoaded = Static<typeof QuotesLoaded>;

export const CurveQuotesQuery = Type.Object({
  asOf: Type.Optional(Day('As-of date; default the latest with quotes.')),
});

export const CurveQuotes = Type.Object({
  data: Type.Array(ForwardQuote),
  meta: Type.Object({ curve: Type.String(), asOf: Type.Union([Type.String(), Type.Null()]) }),
});
export type CurveQuotes = Static<typeof CurveQuotes>;

export const NewBuild = Type.Object(
  {
    asOf: Type.String({ maxLength: 10, description: 'As-of date, YYYY-MM-DD.' }),
    scenario: Type.Optional(Type.String({ maxLength: 32, description: 'Default: base.' })),
  },
  { additionalProperties: false },
);

export const BuildResult = Type.Object({
  created: Type.Boolean({
    description: 'false when a run with the same inputs existed: it is returned unchanged.',
  }),
  run: CurveRunSummary,
});
export type BuildResult = Static<typeof BuildResult>;

const SeriesSelection = {
  scenario: Type.Optional(Type.String({ maxLength: 32, description: 'Default: base.' })),
  granularity: Type.Optional(CurveGranularity),
  bucket: Type.Optional(CurveBucket),
};

export const CurvePricesQuery = Type.Object({
  asOf: Type.Optional(
    Type.String({
      maxLength: 10,
      description:
        'Serve the latest run at or before this date (YYYY-MM-DD), or `latest` (default).',
    }),
  ),
  ...SeriesSelection,
  from: Type.Optional(Day('First market-local delivery day (inclusive).')),
  to: Type.Optional(Day('Last market-local delivery day (inclusive).')),
  format: Type.Optional(Type.Enum(['json', 'csv'])),
});
export type CurvePricesQuery = Static<typeof CurvePricesQuery>;

/** One delivery period of a curve and its price. */
export const CurvePoint = Type.Object({
  period: Type.String({
    description: 'Local label: 2027-01 (month), 2027-01-15 (day), 2027-01-15T07 (hour beginning).',
  }),
  start: Type.String({ format: 'date-time', description: 'UTC start of delivery.' }),
  end: Type.String({ format: 'date-time', description: 'UTC end of delivery (exclusive).' }),
  price: Type.Number(),
});
export type CurvePoint = Static<typeof CurvePoint>;

export const CurvePrices = Type.Object({
  data: Type.Array(CurvePoint),
  meta: Type.Object({
    curve: Type.String(),
    runId: Type.String(),
    asOf: Type.String({ format: 'date' }),
    scenario: Type.String(),
    granularity: CurveGranularity,
    bucket: CurveBucket,
    currency: Type.String(),
    unit: Type.String(),
    rowCount: Type.Integer(),
    rowLimit: Type.Integer(),
  }),
});
export type CurvePrices = Static<typeof CurvePrices>;

export const CurveRunsQuery = Type.Object({
  scenario: Type.Optional(Type.String({ maxLength: 32 })),
  ...PageQuery,
});

export const CurveRunPage = Type.Object({ data: Type.Array(CurveRunSummary), page: PageInfo });
export type CurveRunPage = Static<typeof CurveRunPage>;

export const CurveRunParams = Type.Object({
  curveId: Type.String({ maxLength: 64 }),
  runId: Type.String({ maxLength: 64 }),
});

export const ContractResidual = Type.Object({
  contract: Type.String(),
  bucket: CurveBucket,
  deliveryStart: Type.String({ format: 'date' }),
  deliveryEnd: Type.String({ format: 'date' }),
  side: Type.Enum(['settle', 'mid', 'band']),
  target: NullableNumber('The price the curve had to reproduce; null for a band.'),
  bid: NullableNumber('Bid of a band.'),
  ask: NullableNumber('Ask of a band.'),
  average: Type.Number({ description: 'The curve’s delivery-weighted average over the contract.' }),
  residual: Type.Number({
    description: 'average − target; for a band, the distance outside it (0 inside).',
  }),
  constraint: Type.Enum(['equal', 'low', 'high', 'inside', 'redundant'], {
    description: 'low/high: the curve sits on the bid/ask (an active constraint).',
  }),
});

export const CurveWarning = Type.Object({
  level: Type.Enum(['warning', 'info']),
  code: Type.String({
    description: 'gap, stale-quote, crossed-band, redundant-quote, derived-offpeak …',
  }),
  message: Type.String(),
  contracts: Type.Array(Type.String()),
});

export const CurveRunDetail = Type.Object({
  ...CurveRunSummary.properties,
  diagnostics: Type.Object({
    residuals: Type.Array(ContractResidual),
    maxAbsResidual: Type.Number(),
    warnings: Type.Array(CurveWarning),
    activeConstraints: Type.Array(Type.String(), {
      description: 'Quotes whose bid or ask bounds the curve, as `contract bucket side`.',
    }),
    lastQuotedDay: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
    solveMs: Type.Number(),
  }),
  quotesUsed: Type.Array(ForwardQuote),
});
export type CurveRunDetail = Static<typeof CurveRunDetail>;

export const CurveDiffQuery = Type.Object({
  from: Type.Optional(Day('Earlier as-of date (required).')),
  to: Type.Optional(Day('Later as-of date (required).')),
  ...SeriesSelection,
  deliveryFrom: Type.Optional(Day('First market-local delivery day (inclusive).')),
  deliveryTo: Type.Optional(Day('Last market-local delivery day (inclusive).')),
});
export type CurveDiffQuery = Static<typeof CurveDiffQuery>;

export const CurveDiffRow = Type.Object({
  period: Type.String(),
  start: Type.String({ format: 'date-time' }),
  end: Type.String({ format: 'date-time' }),
  priceFrom: NullableNumber(
    'Price in the run at `from`; null when that run does not cover the period.',
  ),
  priceTo: NullableNumber('Price in the run at `to`.'),
  change: NullableNumber('priceTo − priceFrom.'),
});
export type CurveDiffRow = Static<typeof CurveDiffRow>;

export const CurveDiff = Type.Object({
  data: Type.Array(CurveDiffRow),
  meta: Type.Object({
    curve: Type.String(),
    from: Type.Object({ asOf: Type.String({ format: 'date' }), runId: Type.String() }),
    to: Type.Object({ asOf: Type.String({ format: 'date' }), runId: Type.String() }),
    scenario: Type.String(),
    granularity: CurveGranularity,
    bucket: CurveBucket,
    rowCount: Type.Integer(),
  }),
});
export type CurveDiff = Static<typeof CurveDiff>;
