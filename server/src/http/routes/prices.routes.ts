import {
  LatestPriceQuery,
  LatestPriceResponse,
  PriceQuery,
  PriceResponse,
  Problem,
} from '@254carbon/contracts';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../access-control.js';
import type { HttpDeps } from '../http-deps.js';
import { latestRows, priceCsv, priceRowsJson } from '../render.js';

export const priceRoutes =
  (deps: HttpDeps): FastifyPluginCallbackTypebox =>
  (app, _options, done) => {
    app.get(
      '/prices',
      {
        config: {
          access: {
            permission: 'data:read',
            limit: (request) =>
              (request.query as { format?: string }).format === 'csv' ? 'export' : 'general',
          },
        },
        schema: {
          tags: ['prices'],
          summary: 'Prices for instruments over a time range, raw or resampled, as JSON or CSV',
          description:
            'Times are UTC interval starts; each row covers [intervalStart, intervalStart + intervalMinutes). ' +
            'A date-only start/end is local midnight in the market zone (tz=market) unless tz says otherwise. ' +
            'Responses are capped; a larger query gets a 400 that says how to narrow it.',
          querystring: Type.Object(PriceQuery.properties, { additionalProperties: false }),
          response: {
            200: {
              description: 'Prices (JSON by default; CSV with format=csv)',
              content: {
                'application/json': { schema: PriceResponse },
                'text/csv': {
                  schema: Type.String({ description: 'Header row, then one row per interval' }),
                },
              },
            },
            400: Problem,
            404: Problem,
          },
        },
      },
      async (request, reply) => {
        const { format, ...input } = request.query;
        const result = await deps.prices.query(request.principal, input, contextOf(request), {
          asFile: format === 'csv',
        });
        if (format === 'csv') {
          const name = `prices_${new Date(result.range.fromMs).toISOString().slice(0, 10)}.csv`;
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `inline; filename="${name}"`)
            .send(priceCsv(result.prices, result.samples));
        }
        const meta = {
          instruments: [...result.instruments],
          runs: [...result.runs],
          start: new Date(result.range.fromMs).toISOString(),
          end: new Date(result.range.toMs).toISOString(),
          resample: result.resample,
          agg: result.aggregation,
          rowCount: result.prices.length,
          rowLimit: result.rowLimit,
        };
        // Rows are serialised straight from columns (the hottest path); see features/prices/price-json.ts.
        return reply
          .type('application/json; charset=utf-8')
          .send(
            `{"data":${priceRowsJson(result.prices, result.samples)},"meta":${JSON.stringify(meta)}}`,
          );
      },
    );

    app.get(
      '/prices/latest',
      {
        config: { access: { permission: 'data:read' } },
        schema: {
          tags: ['prices'],
          summary: 'The newest interval per instrument and run',
          querystring: Type.Object(LatestPriceQuery.properties, { additionalProperties: false }),
          response: { 200: LatestPriceResponse, 400: Problem, 404: Problem },
        },
      },
      async (request) => {
        const latest = await deps.prices.latest(
          request.principal,
          request.query,
          contextOf(request),
        );
        return { data: latestRows(latest.prices, latest.receivedAtMs) };
      },
    );
    done();
  };
