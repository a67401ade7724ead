import type { JobRun } from '@254carbon/contracts';
import type { JobRunRecord } from '../features/jobs/jobs.service.js';

export { latestRows, priceCsv } from '../features/prices/price-rows.js';
export { priceRowsJson } from '../features/prices/price-json.js';

const iso = (ms: number): string => new Date(ms).toISOString();

export const jobRunView = (run: JobRunRecord): JobRun => ({
  id: run.id,
  job: run.job,
  trigger: run.trigger,
  attempt: run.attempt,
  status: run.status,
  startedAt: iso(run.startedAtMs),
  finishedAt: run.finishedAtMs === null ? null : iso(run.finishedAtMs),
  durationMs: run.finishedAtMs === null ? null : run.finishedAtMs - run.startedAtMs,
  rows: run.rows,
  error: run.error,
});
