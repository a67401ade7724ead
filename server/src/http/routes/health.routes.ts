import { Health, Readiness } from '@254carbon/contracts';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import type { HttpDeps } from '../http-deps.js';

/** Liveness, readiness and Prometheus metrics. Not under /api/v1: they are for operators and probes. */
export const healthRoutes =
  (deps: HttpDeps): FastifyPluginCallbackTypebox =>
  (app, _options, done) => {
    app.get(
      '/healthz',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['operations'],
          summary: 'Liveness: the process is up',
          response: { 200: Health },
        },
      },
      () => ({ status: 'ok' as const, version: deps.version }),
    );

    app.get(
      '/readyz',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['operations'],
          summary: 'Readiness: the stores answer',
          response: { 200: Readiness, 503: Readiness },
        },
      },
      async (_request, reply) => {
        const report = await deps.readiness.check();
        return reply.code(report.ready ? 200 : 503).send({
          status: report.ready ? ('ready' as const) : ('not_ready' as const),
          checks: report.checks,
        });
      },
    );

    app.get(
      '/metrics',
      {
        config: { access: { public: true } },
        schema: { tags: ['operations'], summary: 'Prometheus metrics (text exposition format)' },
      },
      async (_request, reply) =>
        reply.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics()),
    );
    done();
  };
