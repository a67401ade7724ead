import type { FastifyInstance } from 'fastify';
import mercurius from 'mercurius';
import type { RouteAccess } from '../access-control.js';
import { contextOf } from '../access-control.js';
import type { HttpDeps } from '../http-deps.js';
import { formatExecution, sendRequestError } from './graphql-errors.js';
import { queryLimitsRule, type ListSizeHints, type QueryLimits } from './query-limits.js';
import { resolversFor, type GraphqlContext } from './resolvers.js';
import { schemaSdl } from './schema.js';

export const GRAPHQL_PATH = '/graphql';

/** The defaults of CARBON_GRAPHQL_MAX_DEPTH and CARBON_GRAPHQL_MAX_COST. */
export const DEFAULT_GRAPHQL_LIMITS: QueryLimits = { maxDepth: 8, maxCost: 20_000 };

/**
 * Assumed list lengths of this schema for the cost estimate (see query-limits.ts). Time-series rows are capped by the
 * row limit of the use case; counting them as 1,000 keeps one query to about 20 series at the default cost, so
 * aliases cannot fan one request out into thousands of price queries.
 */
const LIST_SIZES: ListSizeHints = {
  pages: new Set(['InstrumentPage.data', 'CurveRunPage.data']),
  defaultPageSize: 100,
  sizes: {
    'Query.markets': 20,
    'Query.curves': 50,
    'Query.latestPrices': 1000,
    'PriceSeries.data': 1000,
    'CurvePrices.data': 1000,
  },
  defaultSize: 5,
};

/** Same policy as the REST reads: signed in with data:read; each field's use case then checks entitlements. */
const ACCESS: RouteAccess = { permission: 'data:read' };

/**
 * GraphQL at /graphql (POST, and GET for queries) over the same use cases as REST. Registered in its own scope
 * because mercurius installs an error handler on the scope it is registered in.
 */
export const graphqlRoutes = (deps: HttpDeps) => async (scope: FastifyInstance) => {
  const limits = deps.graphql ?? DEFAULT_GRAPHQL_LIMITS;
  await scope.register(mercurius, {
    schema: schemaSdl,
    resolvers: resolversFor(deps) as unknown as mercurius.IResolvers,
    path: GRAPHQL_PATH,
    graphiql: false,
    // Cost depends on variables (a `limit` may be one), so validation runs per request and cannot be cached.
    cache: false,
    additionalRouteOptions: { config: { access: ACCESS } },
    context: (request): GraphqlContext => ({
      principal: request.principal,
      requestContext: contextOf(request),
    }),
    validationRules: ({ variables }) => [
      queryLimitsRule(limits, LIST_SIZES, (variables ?? {}) as Record<string, unknown>),
    ],
    errorFormatter: (execution, context) => formatExecution(execution, context.reply.request),
    errorHandler: (error, request, reply) => {
      sendRequestError(error, request, reply);
    },
  });
};
