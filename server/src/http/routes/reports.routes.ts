import {
  NewReport,
  Problem,
  Report,
  ReportIdParams,
  ReportList,
  ReportListQuery,
} from '@254carbon/contracts';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { reportView } from '../../features/reports/report-view.js';
import { contextOf } from '../access-control.js';
import type { HttpDeps } from '../http-deps.js';

const TAGS = ['reports'];
const READ_ERRORS = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const FILE_ERRORS = { ...READ_ERRORS, 409: Problem, 503: Problem };
const NO_QUERY = Type.Object({}, { additionalProperties: false });

export const reportRoutes =
  (deps: HttpDeps): FastifyPluginCallbackTypebox =>
  (app, _options, done) => {
    app.post(
      '/reports',
      {
        config: { access: { permission: 'data:read', limit: 'export' } },
        schema: {
          tags: TAGS,
          summary: 'Request a daily or monthly market brief (HTML and PDF)',
          description:
            'Stored at once as queued and generated in the background from stored data, through your ' +
            'entitlements: hub DA and RT prices (average, min/max, on-/off-peak), the DA−RT spread, the hourly ' +
            'profile or daily averages, the data-quality summary and the latest forward curve of the market. ' +
            'Poll GET /reports/{id}; the PDF is unavailable (pdfStatus) on servers without Chromium.',
          body: NewReport,
          response: { 202: Report, ...READ_ERRORS },
        },
      },
      async (request, reply) => {
        const record = await deps.reports.request(
          request.principal,
          request.body,
          contextOf(request),
        );
        return reply.code(202).send(reportView(record));
      },
    );

    app.get(
      '/reports',
      {
        config: { access: { permission: 'data:read' } },
        schema: {
          tags: TAGS,
          summary: 'Reports you may read, newest first',
          description:
            'Your organisation’s reports and the scheduled briefs of markets you are entitled to.',
          querystring: ReportListQuery,
          response: { 200: ReportList, ...READ_ERRORS },
        },
      },
      async (request) => ({
        data: (await deps.reports.list(request.principal, request.query, contextOf(request))).map(
          reportView,
        ),
      }),
    );

    app.get(
      '/reports/:reportId',
      {
        config: { access: { permission: 'data:read' } },
        schema: {
          tags: TAGS,
          summary: 'One report’s status and links',
          params: ReportIdParams,
          querystring: NO_QUERY,
          response: { 200: Report, ...READ_ERRORS },
        },
      },
      async (request) =>
        reportView(
          await deps.reports.get(request.principal, request.params.reportId, contextOf(request)),
        ),
    );

    for (const format of ['html', 'pdf'] as const) {
      app.get(
        `/reports/:reportId/${format}`,
        {
          config: { access: { permission: 'data:export', limit: 'export' } },
          schema: {
            tags: TAGS,
            summary: `Download a report’s ${format.toUpperCase()}`,
            description:
              'A file download: needs data:export and an entitlement with the downloads channel to every ' +
              'instrument the report shows over its period; audited. 409 while the report is not finished' +
              (format === 'pdf' ? '; 503 when the PDF could not be printed (see pdfStatus).' : '.'),
            params: ReportIdParams,
            querystring: NO_QUERY,
            response: {
              200: {
                description: format === 'html' ? 'Self-contained HTML' : 'PDF',
                content: {
                  [format === 'html' ? 'text/html' : 'application/pdf']: {
                    // Bytes, sent as they are stored (serialisation does not touch a Buffer).
                    schema: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }),
                  },
                },
              },
              ...FILE_ERRORS,
            },
          },
        },
        async (request, reply) => {
          const doc = await deps.reports.document(
            request.principal,
            request.params.reportId,
            format,
            contextOf(request),
          );
          if (format === 'html') {
            // Opened in a browser, the brief runs its own inline scripts in a sandbox with an opaque origin: it can
            // draw its charts but never read this site's cookies or call the API, and it may load nothing.
            void reply.header(
              'content-security-policy',
              "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; sandbox allow-scripts",
            );
          }
          return reply
            .type(format === 'html' ? 'text/html; charset=utf-8' : 'application/pdf')
            .header('content-disposition', `attachment; filename="${doc.fileName}"`)
            .send(Buffer.from(doc.bytes));
        },
      );
    }

    done();
  };
