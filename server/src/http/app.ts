import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { newId } from '../platform/ids.js';
import type { HttpDeps } from './http-deps.js';
import { handleError, problemOf, sendProblem } from './problem.js';
import { accessControl, type RouteAccess } from './access-control.js';
import { graphqlRoutes } from './graphql/graphql.routes.js';
import { adminRoutes } from './routes/admin.routes.js';
import { auditRoutes } from './routes/audit.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { curveRoutes } from './routes/curves.routes.js';
import { exportRoutes } from './routes/exports.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { instrumentRoutes } from './routes/instruments.routes.js';
import { jobRoutes } from './routes/jobs.routes.js';
import { marketRoutes } from './routes/markets.routes.js';
import { priceRoutes } from './routes/prices.routes.js';
import { qualityRoutes } from './routes/quality.routes.js';
import { streamRoutes } from './routes/stream.routes.js';
import { reportRoutes } from './routes/reports.routes.js';

export const API_PREFIX = '/api/v1';
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The HTTP server: REST API under /api/v1, OpenAPI at /docs, probes and metrics, and the web hub at /.
 * Every error leaves as application/problem+json with the request id.
 */
export const createHttpApp = async (deps: HttpDeps) => {
  const app = Fastify({
    loggerInstance: deps.logger,
    // Honour a caller's request id (for tracing across services) when it is well-formed; otherwise make one.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : newId();
    },
    ajv: {
      // Reject unknown query parameters instead of silently dropping them: a typo must not change a result.
      customOptions: {
        removeAdditional: false,
        coerceTypes: 'array',
        allErrors: true,
        useDefaults: true,
      },
    },
    routerOptions: { maxParamLength: 200 },
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Every route with its access policy, for the route-table test and for operators auditing exposure.
  const registered: {
    method: string;
    url: string;
    options: { config?: { access?: RouteAccess } };
  }[] = [];
  app.addHook('onRoute', (route) => {
    // Read the policy after start-up: plugin scopes (the public one) may set it after this hook has run.
    for (const method of [route.method].flat()) {
      registered.push({ method, url: route.url, options: route });
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    deps.metrics.httpRequestSeconds.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
  app.setErrorHandler(handleError);
  await app.register(fastifyCookie);
  await app.register(accessControl, { deps });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: '254Carbon API',
        version: deps.version,
        description:
          'Market data for wholesale power and gas. Times are UTC interval starts plus a length in minutes; ' +
          'errors are RFC 9457 problem details with a stable code and the request id.',
      },
      tags: [
        { name: 'prices', description: 'Nodal, hub and zonal prices' },
        { name: 'reference data', description: 'Markets and instruments' },
        { name: 'operations', description: 'Health, metrics and scheduled jobs' },
        {
          name: 'data quality',
          description: 'Freshness, completeness and problems found on ingest',
        },
        {
          name: 'curves',
          description:
            'Forward curves: definitions, quotes, builds (runs) and their prices to 2050',
        },
        {
          name: 'exports',
          description:
            'CSV and Parquet exports (on demand and scheduled), downloaded through signed links',
        },
        {
          name: 'reports',
          description: 'Daily and monthly market briefs as self-contained HTML and PDF',
        },
      ],
    },
  });

  await app.register(healthRoutes(deps));
  await app.register(
    async (api) => {
      await api.register(marketRoutes(deps));
      await api.register(instrumentRoutes(deps));
      await api.register(priceRoutes(deps));
      await api.register(jobRoutes(deps));
      await api.register(qualityRoutes(deps));
      await api.register(curveRoutes(deps));
      await api.register(exportRoutes(deps));
      await api.register(streamRoutes(deps));
      await api.register(reportRoutes(deps));
      await api.register(authRoutes(deps));
      await api.register(adminRoutes(deps));
      await api.register(auditRoutes(deps));
    },
    { prefix: API_PREFIX },
  );
  // GraphQL over the same use cases, in its own scope (mercurius sets an error handler on its scope).
  await app.register(graphqlRoutes(deps));

  const webDir = deps.webDir && existsSync(join(deps.webDir, 'index.html')) ? deps.webDir : null;
  // API documentation and the web hub's files are public; routes registered in this scope are marked so.
  await app.register(async (publicScope) => {
    publicScope.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), access: { public: true } };
    });
    await publicScope.register(fastifySwaggerUi, { routePrefix: '/docs' });
    if (webDir) {
      // wildcard: files are looked up per request, so a rebuilt hub is served without a restart.
      await publicScope.register(fastifyStatic, {
        root: webDir,
        wildcard: true,
        index: ['index.html'],
      });
    }
  });
  const indexHtml = webDir ? readFileSync(join(webDir, 'index.html'), 'utf8') : null;
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      (request.headers.accept ?? '').includes('text/html');
    if (indexHtml !== null && isPage) {
      // Client-side routes of the web hub all load the same page.
      return reply.type('text/html; charset=utf-8').send(indexHtml);
    }
    return sendProblem(
      reply,
      problemOf(
        'not_found',
        `No route ${request.method} ${request.url.split('?')[0]}. See /docs for the API.`,
        request.id,
      ),
    );
  });
  await app.ready();
  const routes: readonly RouteEntry[] = registered.map((r) => ({
    method: r.method,
    url: r.url,
    access: r.options.config?.access ?? null,
  }));
  return { app, routes };
};

export type HttpApp = Awaited<ReturnType<typeof createHttpApp>>['app'];

/** One registered route and its declared access policy (null = none declared, which means closed). */
export interface RouteEntry {
  readonly method: string;
  readonly url: string;
  readonly access: RouteAccess | null;
}
