import { Instrument, InstrumentPage, InstrumentQuery, Problem } from '@254carbon/contracts';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { InstrumentView } from '../../features/catalog/catalog.service.js';
import { contextOf } from '../access-control.js';
import type { HttpDeps } from '../http-deps.js';

/** An instrument as the API shows it (REST and GraphQL). */
export const instrumentView = (i: InstrumentView): Instrument => ({
  id: i.id,
  market: i.market,
  code: i.code,
  name: i.name,
  kind: i.kind,
  product: i.product,
  timezone: i.timezone,
  aliases: i.aliases.map((a) => ({
    source: a.source,
    code: a.code,
    validFrom: a.validFromMs === null ? null : new Date(a.validFromMs).toISOString(),
    validTo: a.validToMs === null ? null : new Date(a.validToMs).toISOString(),
  })),
});

export const instrumentRoutes =
  (deps: HttpDeps): FastifyPluginCallbackTypebox =>
  (app, _options, done) => {
    app.get(
      '/instruments',
      {
        config: { access: { permission: 'data:read' } },
        schema: {
          tags: ['reference data'],
          summary: 'Search instruments (nodes, hubs, zones) by market, kind and text',
          querystring: Type.Object(InstrumentQuery.properties, { additionalProperties: false }),
          response: { 200: InstrumentPage, 400: Problem },
        },
      },
      async (request) => {
        const { market, kind, q, limit, cursor } = request.query;
        const page = await deps.catalog.listInstruments(
          request.principal,
          { market, kind, q, limit, cursor },
          contextOf(request),
        );
        return {
          data: page.items.map(instrumentView),
          page: { limit: limit ?? 100, nextCursor: page.nextCursor },
        };
      },
    );

    app.get(
      '/instruments/:id',
      {
        config: { access: { permission: 'data:read' } },
        schema: {
          tags: ['reference data'],
          summary: 'One instrument by id',
          params: Type.Object({ id: Type.String({ maxLength: 200 }) }),
          response: { 200: Instrument, 400: Problem, 404: Problem },
        },
      },
      async (request) =>
        instrumentView(
          await deps.catalog.getInstrument(
            request.principal,
            request.params.id,
            contextOf(request),
          ),
        ),
    );
    done();
  };
