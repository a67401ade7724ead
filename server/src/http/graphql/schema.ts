/**
 * The GraphQL schema (SDL). Types mirror the REST contracts in @254carbon/contracts field for field, so a query
 * returns what the matching REST endpoint returns. Arguments whose REST values are not valid GraphQL enum names
 * (resample "1h", bucket "5x16") are strings checked against the same contract schemas as REST.
 * Every data field is non-null: a refused or failed field fails the whole response with its error code, as REST does.
 */
export const schemaSdl = /* GraphQL */ `
  """
  254Carbon market data. The same use cases, entitlements, limits and error codes as the REST API under /api/v1;
  errors carry the REST code in extensions.code (not_authenticated, not_entitled, not_found, invalid_request …).
  """
  type Query {
    "Markets held by this server that you may see (GET /api/v1/markets)."
    markets: [Market!]!
    "One market (GET /api/v1/markets/{id})."
    market(id: String!): Market!
    "Search instruments by market, kind and text, a page at a time (GET /api/v1/instruments)."
    instruments(
      market: String
      "hub, node, zone or system."
      kind: String
      "Case-insensitive text in id, code or name."
      q: String
      "Page size (1–1000, default 100)."
      limit: Int
      "nextCursor of the previous page."
      cursor: String
    ): InstrumentPage!
    "One instrument by id (GET /api/v1/instruments/{id})."
    instrument(id: String!): Instrument!
    """
    Prices for instruments over a time range, raw or resampled (GET /api/v1/prices). Capped at the server's row
    limit; a larger query is refused with invalid_request saying how to narrow it.
    """
    prices(
      "Instrument ids, e.g. [\\"SIM.HUB_NORTH\\"] (at most 100)."
      instruments: [String!]!
      "Inclusive start: ISO 8601 with Z or an offset, or a date read in tz."
      start: String!
      "Exclusive end, same forms as start."
      end: String!
      "Market runs (default: all), e.g. [\\"DA\\", \\"RT5\\"]."
      runs: [String!]
      "5m, 15m, 1h, 1d or 1mo (days and months are market-local)."
      resample: String
      "avg, min, max, first or last."
      agg: String
      "Zone for date-only start/end: market (default), UTC or an IANA zone."
      tz: String
    ): PriceSeries!
    "The newest interval per instrument and run (GET /api/v1/prices/latest)."
    latestPrices(market: String, instruments: [String!], runs: [String!]): [LatestPrice!]!
    "Forward curves you may see, with the as-of date of their latest run (GET /api/v1/curves)."
    curves: [Curve!]!
    "One forward curve (GET /api/v1/curves/{id}); its latest run, prices, runs and diagnostics are fields of it."
    curve(id: String!): Curve!
  }

  type MarketRun {
    id: String!
    intervalMinutes: Int!
    description: String!
  }

  type Market {
    id: String!
    name: String!
    timezone: String!
    currency: String!
    runs: [MarketRun!]!
    synthetic: Boolean!
  }

  type InstrumentAlias {
    source: String!
    code: String!
    validFrom: String
    validTo: String
  }

  type Instrument {
    id: String!
    market: String!
    code: String!
    name: String!
    kind: String!
    product: String!
    timezone: String!
    aliases: [InstrumentAlias!]!
  }

  "Cursor pagination: pass nextCursor back as cursor for the next page; null means the end."
  type PageInfo {
    limit: Int!
    nextCursor: String
  }

  type InstrumentPage {
    data: [Instrument!]!
    page: PageInfo!
  }

  "One price interval [intervalStart, intervalStart + intervalMinutes), UTC. Components are null when unpublished."
  type PriceRow {
    instrument: String!
    run: String!
    intervalStart: String!
    intervalMinutes: Int!
    lmp: Float!
    energy: Float
    congestion: Float
    loss: Float
    ghg: Float
    "Resampled rows only: source intervals inside the bucket."
    samples: Int
  }

  type PriceMeta {
    instruments: [String!]!
    runs: [String!]!
    start: String!
    end: String!
    resample: String
    agg: String
    rowCount: Int!
    rowLimit: Int!
  }

  type PriceSeries {
    data: [PriceRow!]!
    meta: PriceMeta!
  }

  type LatestPrice {
    instrument: String!
    run: String!
    intervalStart: String!
    intervalMinutes: Int!
    lmp: Float!
    energy: Float
    congestion: Float
    loss: Float
    ghg: Float
    "When this value was stored."
    receivedAt: String!
  }

  type CurveExtension {
    longRunLevel: Float
    escalationPerYear: Float!
    reversionYears: Float!
  }

  type CurveMethod {
    smoothness: Float!
    priorWeight: Float!
    shapeHistoryYears: Float!
    staleAfterDays: Float!
  }

  "A forward curve: one commodity at one hub, built daily from its quotes out to December 2050."
  type Curve {
    id: String!
    name: String!
    market: String!
    commodity: String!
    calendar: String!
    currency: String!
    unit: String!
    shapeInstrument: String
    buckets: [String!]!
    extension: CurveExtension!
    method: CurveMethod!
    "As-of date of the latest base run; null before the first build."
    latestAsOf: String
    "The latest base run; null before the first build."
    latestRun: CurveRun
    """
    Prices by month, day or hour from the latest run at or before asOf (GET /api/v1/curves/{id}/prices).
    Capped at the server's row limit: narrow hours with from/to (delivery days).
    """
    prices(
      "YYYY-MM-DD or latest (default)."
      asOf: String
      "Default: base."
      scenario: String
      "month, day or hour."
      granularity: String
      "One of the curve's buckets, e.g. 5x16, 7x24, peak."
      bucket: String
      "First market-local delivery day (inclusive)."
      from: String
      "Last market-local delivery day (inclusive)."
      to: String
    ): CurvePrices!
    "The runs (vintages), newest as-of first (GET /api/v1/curves/{id}/runs)."
    runs(scenario: String, limit: Int, cursor: String): CurveRunPage!
    "One run with its diagnostics and the quotes used (GET /api/v1/curves/{id}/runs/{runId})."
    run(runId: String!): CurveRunDetail!
  }

  type CurveRun {
    runId: String!
    curve: String!
    asOf: String!
    scenario: String!
    inputsHash: String!
    engineVersion: String!
    builtAt: String!
    quotes: Int!
    maxAbsResidual: Float!
    warnings: Int!
    lastQuotedDay: String
  }

  type CurveRunPage {
    data: [CurveRun!]!
    page: PageInfo!
  }

  type CurvePoint {
    "Local label: 2027-01 (month), 2027-01-15 (day), 2027-01-15T07 (hour beginning)."
    period: String!
    start: String!
    end: String!
    price: Float!
  }

  type CurvePricesMeta {
    curve: String!
    runId: String!
    asOf: String!
    scenario: String!
    granularity: String!
    bucket: String!
    currency: String!
    unit: String!
    rowCount: Int!
    rowLimit: Int!
  }

  type CurvePrices {
    data: [CurvePoint!]!
    meta: CurvePricesMeta!
  }

  type ContractResidual {
    contract: String!
    bucket: String!
    deliveryStart: String!
    deliveryEnd: String!
    side: String!
    target: Float
    bid: Float
    ask: Float
    average: Float!
    residual: Float!
    constraint: String!
  }

  type CurveWarning {
    level: String!
    code: String!
    message: String!
    contracts: [String!]!
  }

  type CurveDiagnostics {
    residuals: [ContractResidual!]!
    maxAbsResidual: Float!
    warnings: [CurveWarning!]!
    activeConstraints: [String!]!
    lastQuotedDay: String
    solveMs: Float!
  }

  type ForwardQuote {
    curve: String!
    asOf: String!
    contract: String!
    deliveryStart: String!
    deliveryEnd: String!
    bucket: String!
    settle: Float
    mid: Float
    bid: Float
    ask: Float
    source: String!
    quoteDate: String!
  }

  type CurveRunDetail {
    runId: String!
    curve: String!
    asOf: String!
    scenario: String!
    inputsHash: String!
    engineVersion: String!
    builtAt: String!
    quotes: Int!
    maxAbsResidual: Float!
    warnings: Int!
    lastQuotedDay: String
    diagnostics: CurveDiagnostics!
    quotesUsed: [ForwardQuote!]!
  }
`;
