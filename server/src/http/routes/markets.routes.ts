import { Market, MarketList, Problem } from '@254carbon/contracts';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../access-control.js';
import type { HttpDeps } from '../http-deps.js';

export const marketRoutes =
  (deps: HttpDeps): FastifyPluginCallbackTypebox =>
  (app, _options, done) => {
    app.get(
      '/markets',
      {
        config: { access: { permission: 'data:read' } },
        schema: {
          tags: ['reference data'],
          summary: 'Markets held by this server',
          response: { 200: MarketList },
        },
      },
      async (request) => ({
        data: (await deps.catalog.listMarkets(request.principal, contextOf(request))).map((m) => ({
          ...m,
          runs: [...m.runs],
        })),
      }),
    );

    app.get(
      '/markets/:id',
      {
        config: { access: { permission: 'data:read' } },
        schema: {
          tags: ['reference data'],
          summary: 'One market',
          params: Type.Object({ id: Type.String({ maxLength: 32 }) }),
          response: { 200: Market, 404: Problem },
        },
      },
      async (request) => {
        const market = await deps.catalog.getMarketFor(
          request.principal,
          request.params.id,
          contextOf(request),
        );
        return { ...market, runs: [...market.runs] };
      },
    );
    done();
  };
