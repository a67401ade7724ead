import {
  CurveIdParams,
  CurvePricesQuery,
  CurveRunParams,
  CurveRunsQuery,
  InstrumentQuery,
  LatestPriceQuery,
  PriceQuery,
  type Curve,
  type CurvePrices,
  type CurveRunDetail,
  type CurveRunPage,
  type CurveRunSummary,
  type Instrument,
  type InstrumentPage,
  type LatestPrice,
  type Market,
  type PriceResponse,
} from '@254carbon/contracts';
import { Type } from 'typebox';
import type { Principal } from '../../domain/access/principal.js';
import type { MarketDefinition } from '../../domain/markets/market.js';
import type { RequestContext } from '../../features/access/request-context.js';
import {
  curvePricesView,
  curveView,
  runDetailView,
  runSummaryView,
} from '../../features/curves/curve-views.js';
import { priceRows } from '../../features/prices/price-rows.js';
import type { HttpDeps } from '../http-deps.js';
import { latestRows } from '../render.js';
import { instrumentView } from '../routes/instruments.routes.js';
import { checkArguments, commaList } from './arguments.js';

/** Who is asking, set per request by the access-control hook; every resolver hands it to the use case. */
export interface GraphqlContext {
  readonly principal: Principal | null;
  readonly requestContext: RequestContext;
}

type GraphqlDeps = Pick<HttpDeps, 'catalog' | 'prices' | 'curves'>;

/** A curve as resolved: its definition, and its latest run when the parent query already loaded it. */
interface CurveNode extends Curve {
  readonly latestAsOf: string | null;
  readonly loadedLatestRun?: CurveRunSummary | null;
}

const marketView = (m: MarketDefinition): Market => ({
  id: m.id,
  name: m.name,
  timezone: m.timezone,
  currency: m.currency,
  runs: m.runs.map((r) => ({ ...r })),
  synthetic: m.synthetic,
});

const MarketIdArgs = Type.Object({ id: Type.String({ maxLength: 32 }) });
const InstrumentIdArgs = Type.Object({ id: Type.String({ maxLength: 200 }) });

interface PriceArgs {
  instruments: string[];
  start: string;
  end: string;
  runs?: string[] | null;
  resample?: string | null;
  agg?: string | null;
  tz?: string | null;
}

interface LatestArgs {
  market?: string | null;
  instruments?: string[] | null;
  runs?: string[] | null;
}

interface InstrumentArgs {
  market?: string | null;
  kind?: string | null;
  q?: string | null;
  limit?: number | null;
  cursor?: string | null;
}

interface CurvePriceArgs {
  asOf?: string | null;
  scenario?: string | null;
  granularity?: string | null;
  bucket?: string | null;
  from?: string | null;
  to?: string | null;
}

interface CurveRunsArgs {
  scenario?: string | null;
  limit?: number | null;
  cursor?: string | null;
}

/**
 * Resolvers: each one phrases its arguments as the REST endpoint's query, checks them against the same contract
 * schema, and calls the same use case with the caller's principal and request context, so entitlement checks,
 * row limits and audit records are those of REST. Results are built with the REST views.
 */
export const resolversFor = (deps: GraphqlDeps) => ({
  Query: {
    markets: async (_root: unknown, _args: unknown, ctx: GraphqlContext): Promise<Market[]> =>
      (await deps.catalog.listMarkets(ctx.principal, ctx.requestContext)).map(marketView),

    market: async (_root: unknown, args: { id: string }, ctx: GraphqlContext): Promise<Market> => {
      const { id } = checkArguments(MarketIdArgs, args);
      return marketView(await deps.catalog.getMarketFor(ctx.principal, id, ctx.requestContext));
    },

    instruments: async (
      _root: unknown,
      args: InstrumentArgs,
      ctx: GraphqlContext,
    ): Promise<InstrumentPage> => {
      const query = checkArguments(InstrumentQuery, args) as {
        market?: string;
        kind?: Instrument['kind'];
        q?: string;
        limit?: number;
        cursor?: string;
      };
      const page = await deps.catalog.listInstruments(ctx.principal, query, ctx.requestContext);
      return {
        data: page.items.map(instrumentView),
        page: { limit: query.limit ?? 100, nextCursor: page.nextCursor },
      };
    },

    instrument: async (
      _root: unknown,
      args: { id: string },
      ctx: GraphqlContext,
    ): Promise<Instrument> => {
      const { id } = checkArguments(InstrumentIdArgs, args);
      return instrumentView(
        await deps.catalog.getInstrument(ctx.principal, id, ctx.requestContext),
      );
    },

    prices: async (
      _root: unknown,
      args: PriceArgs,
      ctx: GraphqlContext,
    ): Promise<PriceResponse> => {
      const input = checkArguments(PriceQuery, {
        instruments: commaList(args.instruments) ?? '',
        start: args.start,
        end: args.end,
        runs: commaList(args.runs),
        resample: args.resample ?? undefined,
        agg: args.agg ?? undefined,
        tz: args.tz ?? undefined,
      });
      const result = await deps.prices.query(ctx.principal, input, ctx.requestContext);
      const data = priceRows(result.prices, result.samples);
      return {
        data,
        meta: {
          instruments: [...result.instruments],
          runs: [...result.runs],
          start: new Date(result.range.fromMs).toISOString(),
          end: new Date(result.range.toMs).toISOString(),
          resample: result.resample,
          agg: result.aggregation,
          rowCount: data.length,
          rowLimit: result.rowLimit,
        },
      };
    },

    latestPrices: async (
      _root: unknown,
      args: LatestArgs,
      ctx: GraphqlContext,
    ): Promise<LatestPrice[]> => {
      const input = checkArguments(LatestPriceQuery, {
        market: args.market ?? undefined,
        instruments: commaList(args.instruments),
        runs: commaList(args.runs),
      });
      const latest = await deps.prices.latest(ctx.principal, input, ctx.requestContext);
      return latestRows(latest.prices, latest.receivedAtMs);
    },

    curves: async (_root: unknown, _args: unknown, ctx: GraphqlContext): Promise<CurveNode[]> =>
      (await deps.curves.list(ctx.principal, ctx.requestContext)).map((entry) => ({
        ...curveView(entry.definition),
        latestAsOf: entry.latestAsOf,
      })),

    curve: async (
      _root: unknown,
      args: { id: string },
      ctx: GraphqlContext,
    ): Promise<CurveNode> => {
      const { curveId } = checkArguments(CurveIdParams, { curveId: args.id });
      const found = await deps.curves.get(ctx.principal, curveId, ctx.requestContext);
      const latestRun = found.latestRun === null ? null : runSummaryView(found.latestRun);
      return {
        ...curveView(found.definition),
        latestAsOf: latestRun?.asOf ?? null,
        loadedLatestRun: latestRun,
      };
    },
  },

  Curve: {
    latestRun: async (
      curve: CurveNode,
      _args: unknown,
      ctx: GraphqlContext,
    ): Promise<CurveRunSummary | null> => {
      if (curve.loadedLatestRun !== undefined) {
        return curve.loadedLatestRun;
      }
      const found = await deps.curves.get(ctx.principal, curve.id, ctx.requestContext);
      return found.latestRun === null ? null : runSummaryView(found.latestRun);
    },

    prices: async (
      curve: CurveNode,
      args: CurvePriceArgs,
      ctx: GraphqlContext,
    ): Promise<CurvePrices> => {
      const query = checkArguments(CurvePricesQuery, { ...args });
      return curvePricesView(
        await deps.curves.series(ctx.principal, curve.id, query, ctx.requestContext),
      );
    },

    runs: async (
      curve: CurveNode,
      args: CurveRunsArgs,
      ctx: GraphqlContext,
    ): Promise<CurveRunPage> => {
      const query = checkArguments(CurveRunsQuery, { ...args });
      const page = await deps.curves.runs(ctx.principal, curve.id, query, ctx.requestContext);
      return {
        data: page.items.map(runSummaryView),
        page: { limit: query.limit ?? 100, nextCursor: page.nextCursor },
      };
    },

    run: async (
      curve: CurveNode,
      args: { runId: string },
      ctx: GraphqlContext,
    ): Promise<CurveRunDetail> => {
      const { runId } = checkArguments(CurveRunParams, { curveId: curve.id, runId: args.runId });
      return runDetailView(
        await deps.curves.run(ctx.principal, curve.id, runId, ctx.requestContext),
      );
    },
  },
});
