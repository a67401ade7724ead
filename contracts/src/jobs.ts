import { Type, type Static } from 'typebox';
import { PageInfo, PageQuery } from './pagination.js';

export const JobRunStatus = Type.Enum(['running', 'succeeded', 'failed']);
export type JobRunStatus = Static<typeof JobRunStatus>;

export const JobTrigger = Type.Enum(['schedule', 'startup', 'manual', 'retry']);
export type JobTrigger = Static<typeof JobTrigger>;

export const JobRun = Type.Object({
  id: Type.String(),
  job: Type.String(),
  trigger: JobTrigger,
  attempt: Type.Integer({ description: '1 for the first try; retries count up.' }),
  status: JobRunStatus,
  startedAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  durationMs: Type.Union([Type.Integer(), Type.Null()]),
  rows: Type.Union([Type.Integer(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
});
export type JobRun = Static<typeof JobRun>;

export const Job = Type.Object({
  name: Type.String(),
  description: Type.String(),
  schedule: Type.String({ description: 'Cron expression (seconds field first).' }),
  timezone: Type.String(),
  enabled: Type.Boolean(),
  nextRunAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastRun: Type.Union([JobRun, Type.Null()]),
});
export type Job = Static<typeof Job>;

export const JobList = Type.Object({ data: Type.Array(Job) });
export type JobList = Static<typeof JobList>;

export const JobRunQuery = Type.Object({
  job: Type.Optional(Type.String({ maxLength: 100 })),
  status: Type.Optional(JobRunStatus),
  ...PageQuery,
});
export type JobRunQuery = Static<typeof JobRunQuery>;

export const JobRunPage = Type.Object({ data: Type.Array(JobRun), page: PageInfo });
export type JobRunPage = Static<typeof JobRunPage>;
