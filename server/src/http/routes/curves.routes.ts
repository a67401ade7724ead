import {
  BuildResult,
  CurveDefined,
  CurveDetail,
  CurveDiff,
  CurveDiffQuery,
  CurveIdParams,
  CurveList,
  CurvePrices,
  CurvePricesQuery,
  CurveQuotes,
  CurveQuotesQuery,
  CurveRunDetail,
  CurveRunPage,
  CurveRunParams,
  CurveRunsQuery,
  NewBuild,
  NewCurve,
  NewQuotes,
  Problem,
  QuotesLoaded,
} from '@254carbon/contracts';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  curveCsv,
  curveView,
  diffRowView,
  curvePricesView,
  quoteView,
  runDetailView,
  runSummaryView,
} from '../../features/curves/curve-views.js';
import { contextOf } from '../access-control.js';
import type { HttpDeps } from '../http-deps.js';

const TAGS = ['curves'];
const READ_ERRORS = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const WRITE_ERRORS = { ...READ_ERRORS, 409: Problem, 422: Problem };
const NO_QUERY = Type.Object({}, { additionalProperties: false });

export const curveRoutes =
  (deps: HttpDeps): FastifyPluginCallbackTypebox =>
  (app, _options, done) => {
    app.get(
      '/curves',
      {
        config: { access: { permission: 'data:read' } },
        schema: {
          tags: TAGS,
          summary: 'Forward curves you may see, with the as-of date of their latest run',
          description:
            'A curve is visible with a grant for its market and product `curve` through your channel ' +
            '(optionally limited to named curve ids).',
          querystring: NO_QUERY,
          response: { 200: CurveList, ...READ_ERRORS },
        },
      },
      async (request) => ({
        data: (await deps.curves.list(request.principal, contextOf(request))).map((e) => ({
          ...curveView(e.definition),
          latestAsOf: e.latestAsOf,
        })),
      }),
    );

    app.get(
      '/curves/:curveId',
      {
        config: { access: { permission: 'data:read' } },
        schema: {
          tags: TAGS,
          summary: 'A curve’s definition and its latest base run',
          params: CurveIdParams,
          querystring: NO_QUERY,
          response: { 200: CurveDetail, ...READ_ERRORS },
        },
      },
      async (request) => {
        const found = await deps.curves.get(
          request.principal,
          request.params.curveId,
          contextOf(request),
        );
        return {
          curve: curveView(found.definition),
          latestRun: found.latestRun === null ? null : runSummaryView(found.latestRun),
        };
      },
    );

    app.get(
      '/curves/:curveId/prices',
      {
        config: {
          access: {
            permission: 'data:read',
            limit: (request) =>
              (request.query as { format?: string }).format === 'csv' ? 'export' : 'general',
          },
        },
        schema: {
          tags: TAGS,
          summary:
            'A curve’s prices by month, day or hour, from its latest run at or before an as-of date',
          description:
            'Months and days are market-local (23- and 25-hour days included); hours carry the historical hourly ' +
            'shape without moving any daily or contract average. Responses are capped at the server’s row limit: ' +
            'hourly to 2050 is about 220,000 rows, so narrow it with from/to (delivery days) — the 400 says by ' +
            'how much.',
          params: CurveIdParams,
          querystring: Type.Object(CurvePricesQuery.properties, { additionalProperties: false }),
          response: {
            200: {
              description: 'Prices (JSON by default; CSV with format=csv)',
              content: {
                'application/json': { schema: CurvePrices },
                'text/csv': {
                  schema: Type.String({
                    description: 'Header row, then one row per delivery period',
                  }),
                },
              },
            },
            ...READ_ERRORS,
          },
        },
      },
      async (request, reply) => {
        const { format, ...query } = request.query;
        const result = await deps.curves.series(
          request.principal,
          request.params.curveId,
          query,
          contextOf(request),
          { asFile: format === 'csv' },
        );
        if (format === 'csv') {
          const name = `${result.definition.id}_${result.run.asOf}_${result.granularity}_${result.bucket}.csv`;
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `inline; filename="${name}"`)
            .send(curveCsv(result));
        }
        return reply.type('application/json; charset=utf-8').send(curvePricesView(result));
      },
    );

    app.get(
      '/curves/:curveId/runs',
      {
        config: { access: { permission: 'data:read' } },
        schema: {
          tags: TAGS,
          summary: 'The runs (vintages) of a curve, newest as-of first',
          params: CurveIdParams,
          querystring: Type.Object(CurveRunsQuery.properties, { additionalProperties: false }),
          response: { 200: CurveRunPage, ...READ_ERRORS },
        },
      },
      async (request) => {
        const page = await deps.curves.runs(
          request.principal,
          request.params.curveId,
          request.query,
          contextOf(request),
        );
        return {
          data: page.items.map(runSummaryView),
          page: { limit: request.query.limit ?? 100, nextCursor: page.nextCursor },
        };
      },
    );

    app.get(
      '/curves/:curveId/runs/:runId',
      {
        config: { access: { permission: 'data:read' } },
        schema: {
          tags: TAGS,
          summary:
            'One run: residual per quote, warnings, active bid/ask constraints, and the quotes used',
          params: CurveRunParams,
          querystring: NO_QUERY,
          response: { 200: CurveRunDetail, ...READ_ERRORS },
        },
      },
      async (request) =>
        runDetailView(
          await deps.curves.run(
            request.principal,
            request.params.curveId,
            request.params.runId,
            contextOf(request),
          ),
        ),
    );

    app.get(
      '/curves/:curveId/diff',
      {
        config: { access: { permission: 'data:read' } },
        schema: {
          tags: TAGS,
          summary: 'How a curve moved between two as-of dates, per delivery period',
          description:
            '`from` and `to` are as-of dates (each served by its latest run at or before it); deliveryFrom and ' +
            'deliveryTo narrow the delivery periods.',
          params: CurveIdParams,
          querystring: Type.Object(CurveDiffQuery.properties, { additionalProperties: false }),
          response: { 200: CurveDiff, ...READ_ERRORS },
        },
      },
      async (request) => {
        const diff = await deps.curves.diff(
          request.principal,
          request.params.curveId,
          request.query,
          contextOf(request),
        );
        return {
          data: diff.rows.map(diffRowView),
          meta: {
            curve: diff.definition.id,
            from: { asOf: diff.from.asOf, runId: diff.from.runId },
            to: { asOf: diff.to.asOf, runId: diff.to.runId },
            scenario: diff.scenario,
            granularity: diff.granularity,
            bucket: diff.bucket,
            rowCount: diff.rows.length,
          },
        };
      },
    );

    app.get(
      '/curves/:curveId/quotes',
      {
        config: { access: { permission: 'data:read' } },
        schema: {
          tags: TAGS,
          summary: 'The quotes marked for one as-of date',
          params: CurveIdParams,
          querystring: Type.Object(CurveQuotesQuery.properties, { additionalProperties: false }),
          response: { 200: CurveQuotes, ...READ_ERRORS },
        },
      },
      async (request) => {
        const found = await deps.curves.quotes(
          request.principal,
          request.params.curveId,
          request.query,
          contextOf(request),
        );
        return {
          data: found.quotes.map(quoteView),
          meta: { curve: request.params.curveId, asOf: found.asOf },
        };
      },
    );

    app.post(
      '/curves',
      {
        config: { access: { permission: 'curves:write' } },
        schema: {
          tags: TAGS,
          summary: 'Define a curve, or replace its definition',
          description:
            'Settings left out take their defaults. Market, commodity, calendar, currency and unit are fixed once ' +
            'the curve exists (409 otherwise). Needs curves:write.',
          body: NewCurve,
          response: { 200: CurveDefined, 201: CurveDefined, ...WRITE_ERRORS },
        },
      },
      async (request, reply) => {
        const defined = await deps.curves.define(
          request.principal,
          request.body,
          contextOf(request),
        );
        return reply
          .code(defined.result === 'created' ? 201 : 200)
          .send({ curve: curveView(defined.definition), result: defined.result });
      },
    );

    app.post(
      '/curves/:curveId/quotes',
      {
        config: { access: { permission: 'curves:write' } },
        schema: {
          tags: TAGS,
          summary: 'Load quotes: all are stored, or none',
          description:
            'Every quote is checked first and one 400 names every problem by row. A quote with the same as-of, ' +
            'contract, bucket and source as a stored one re-marks it. A bid above its ask is stored and reported ' +
            'in warnings. Needs curves:write.',
          params: CurveIdParams,
          body: NewQuotes,
          response: { 200: QuotesLoaded, ...WRITE_ERRORS },
        },
      },
      async (request) => {
        const loaded = await deps.curves.loadQuotes(
          request.principal,
          { rows: request.body, origin: { kind: 'body' }, curveId: request.params.curveId },
          contextOf(request),
        );
        return {
          ...loaded,
          curves: [...loaded.curves],
          asOfs: [...loaded.asOfs],
          warnings: [...loaded.warnings],
        };
      },
    );

    app.post(
      '/curves/:curveId/builds',
      {
        config: { access: { permission: 'curves:write' } },
        schema: {
          tags: TAGS,
          summary:
            'Build the curve as of a date (201), or get the run the same inputs built before (200)',
          description:
            'Quotes marked at or before the as-of date are used (the latest per contract and bucket). Quotes that ' +
            'contradict one another are a 422 naming them. Needs curves:write.',
          params: CurveIdParams,
          body: NewBuild,
          response: { 200: BuildResult, 201: BuildResult, ...WRITE_ERRORS },
        },
      },
      async (request, reply) => {
        const outcome = await deps.curves.build(
          request.principal,
          { curveId: request.params.curveId, ...request.body },
          contextOf(request),
        );
        return reply
          .code(outcome.created ? 201 : 200)
          .send({ created: outcome.created, run: runSummaryView(outcome.run) });
      },
    );
    done();
  };
