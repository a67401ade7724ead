import { JobList, JobRunPage, JobRunQuery, Problem } from '@254carbon/contracts';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../access-control.js';
import type { HttpDeps } from '../http-deps.js';
import { jobRunView } from '../render.js';

export const jobRoutes =
  (deps: HttpDeps): FastifyPluginCallbackTypebox =>
  (app, _options, done) => {
    app.get(
      '/jobs',
      {
        config: { access: { permission: 'platform:operations' } },
        schema: {
          tags: ['operations'],
          summary: 'Scheduled jobs with their next and last run',
          response: { 200: JobList },
        },
      },
      async (request) => ({
        data: (await deps.jobs.listJobs(request.principal, contextOf(request))).map((job) => ({
          name: job.definition.name,
          description: job.definition.description,
          schedule: job.definition.schedule,
          timezone: job.definition.timezone,
          enabled: job.nextRunAtMs !== null,
          nextRunAt: job.nextRunAtMs === null ? null : new Date(job.nextRunAtMs).toISOString(),
          lastRun: job.lastRun === null ? null : jobRunView(job.lastRun),
        })),
      }),
    );

    app.get(
      '/jobs/runs',
      {
        config: { access: { permission: 'platform:operations' } },
        schema: {
          tags: ['operations'],
          summary: 'Job runs, newest first: start, end, status, rows and error of every attempt',
          querystring: Type.Object(JobRunQuery.properties, { additionalProperties: false }),
          response: { 200: JobRunPage, 400: Problem },
        },
      },
      async (request) => {
        const page = await deps.jobs.listRuns(request.principal, request.query, contextOf(request));
        return {
          data: page.items.map(jobRunView),
          page: { limit: request.query.limit ?? 50, nextCursor: page.nextCursor },
        };
      },
    );
    done();
  };
