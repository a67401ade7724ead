import { createReadStream } from 'node:fs';
import {
  ExportDownloadQuery,
  ExportJob,
  ExportList,
  ExportRequest,
  ExportSchedule,
  ExportScheduleList,
  ExportScheduleRequest,
  Problem,
} from '@254carbon/contracts';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contentType } from '../../features/exports/export-files.js';
import { exportView, scheduleView } from '../../features/exports/export-views.js';
import type { ExportRecord } from '../../features/exports/exports.service.js';
import { contextOf } from '../access-control.js';
import type { HttpDeps } from '../http-deps.js';

const TAGS = ['exports'];
const ERRORS = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const ID = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const exportRoutes =
  (deps: HttpDeps): FastifyPluginCallbackTypebox =>
  (app, _options, done) => {
    const view = (record: ExportRecord) => exportView(record, deps.exports.link(record));

    app.post(
      '/exports',
      {
        config: { access: { permission: 'data:export', limit: 'export' } },
        schema: {
          tags: TAGS,
          summary: 'Start an export of prices or a forward curve to CSV or Parquet',
          description:
            'Predefined datasets with typed filters (the same as the prices and curve APIs, without the ' +
            'per-response row cap). Access is checked at once as for a file download (downloads channel and ' +
            'data:export); the file is written in the background: poll GET /exports/{id} until it succeeded, ' +
            'then fetch its signed downloadUrl. With an Idempotency-Key header, repeating the same request ' +
            'returns the same export (200); the same key with a different request is a 409.',
          headers: Type.Object({
            'idempotency-key': Type.Optional(Type.String({ maxLength: 200 })),
          }),
          body: ExportRequest,
          response: { 200: ExportJob, 202: ExportJob, ...ERRORS, 409: Problem },
        },
      },
      async (request, reply) => {
        const { record, created } = await deps.exports.create(
          request.principal,
          request.body,
          request.headers['idempotency-key'] ?? null,
          contextOf(request),
        );
        return reply.code(created ? 202 : 200).send(view(record));
      },
    );

    app.get(
      '/exports',
      {
        config: { access: { permission: 'data:export' } },
        schema: {
          tags: TAGS,
          summary: "Your organisation's exports, newest first",
          querystring: Type.Object(
            { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) },
            { additionalProperties: false },
          ),
          response: { 200: ExportList, ...ERRORS },
        },
      },
      async (request) => ({
        data: (
          await deps.exports.list(request.principal, request.query.limit, contextOf(request))
        ).map(view),
      }),
    );

    app.get(
      '/exports/:id',
      {
        config: { access: { permission: 'data:export' } },
        schema: {
          tags: TAGS,
          summary:
            'An export: status, rows, bytes, checksum, expiry and (when ready) a signed download link',
          params: ID,
          response: { 200: ExportJob, ...ERRORS },
        },
      },
      async (request) =>
        view(await deps.exports.get(request.principal, request.params.id, contextOf(request))),
    );

    app.get(
      '/exports/:id/download',
      {
        // The signed link is the credential (it works without a session or key until it expires).
        config: { access: { public: true } },
        schema: {
          tags: TAGS,
          summary: 'Download an export file through its signed, expiring link',
          description: 'A tampered or expired link is a 403. Every download is audited.',
          params: ID,
          querystring: Type.Object(ExportDownloadQuery.properties, { additionalProperties: false }),
          response: {
            200: {
              description: 'The file (CSV, gzip CSV or Parquet)',
              content: {
                'application/octet-stream': {
                  schema: Type.Unknown({ description: 'The file bytes (streamed)' }),
                },
              },
            },
            ...ERRORS,
          },
        },
      },
      async (request, reply) => {
        const download = await deps.exports.download(
          request.params.id,
          request.query.expires,
          request.query.signature,
          contextOf(request),
        );
        const { record } = download;
        const hex = (record.checksum ?? '').replace(/^sha256:/, '');
        return reply
          .type(contentType(record))
          .header('content-disposition', `attachment; filename="${download.downloadName}"`)
          .header('content-length', String(record.bytes ?? 0))
          .header('repr-digest', `sha-256=:${Buffer.from(hex, 'hex').toString('base64')}:`)
          .header('cache-control', 'private, no-store')
          .send(createReadStream(download.file));
      },
    );

    app.post(
      '/exports/schedules',
      {
        config: { access: { permission: 'data:export' } },
        schema: {
          tags: TAGS,
          summary:
            'Schedule a recurring export (a cron in a zone; filters relative to the run date)',
          description:
            'Each run creates an ordinary export as its creator, so today’s entitlements decide. For prices, ' +
            'startDay/endDay count local days from the run date: -1 and 0 export yesterday.',
          body: ExportScheduleRequest,
          response: { 201: ExportSchedule, ...ERRORS },
        },
      },
      async (request, reply) => {
        const schedule = await deps.exportSchedules.create(
          request.principal,
          request.body,
          contextOf(request),
        );
        return reply.code(201).send(scheduleView(schedule));
      },
    );

    app.get(
      '/exports/schedules',
      {
        config: { access: { permission: 'data:export' } },
        schema: {
          tags: TAGS,
          summary: "Your organisation's export schedules",
          response: { 200: ExportScheduleList, ...ERRORS },
        },
      },
      async (request) => ({
        data: (await deps.exportSchedules.list(request.principal, contextOf(request))).map(
          scheduleView,
        ),
      }),
    );

    app.delete(
      '/exports/schedules/:id',
      {
        config: { access: { permission: 'data:export' } },
        schema: {
          tags: TAGS,
          summary: 'Delete an export schedule (exports it made are kept until they expire)',
          params: ID,
          response: { 204: Type.Null({ description: 'Deleted' }), ...ERRORS },
        },
      },
      async (request, reply) => {
        await deps.exportSchedules.delete(request.principal, request.params.id, contextOf(request));
        return reply.code(204).send(null);
      },
    );
    done();
  };
