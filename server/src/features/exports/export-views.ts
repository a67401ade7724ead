import type { ExportJob, ExportSchedule } from '@254carbon/contracts';
import type { ExportRecord, ExportScheduleRecord } from '../../ports/export-store.js';
import { nextRunMs } from './export-schedules.js';

const iso = (ms: number): string => new Date(ms).toISOString();

/** An export as the API shows it, with a fresh signed link once its file is ready. */
export const exportView = (
  record: ExportRecord,
  link: { path: string; expiresAtMs: number } | null,
): ExportJob => ({
  id: record.id,
  dataset: record.dataset,
  format: record.format,
  gzip: record.gzip,
  status: record.status,
  request: record.request,
  rows: record.rows,
  bytes: record.bytes,
  checksum: record.checksum,
  error: record.error,
  fileName: record.fileName,
  scheduleId: record.scheduleId,
  createdAt: iso(record.createdAtMs),
  finishedAt: record.finishedAtMs === null ? null : iso(record.finishedAtMs),
  expiresAt: iso(record.expiresAtMs),
  downloadUrl: link?.path ?? null,
  downloadExpiresAt: link === null ? null : iso(link.expiresAtMs),
});

/** A schedule as the API shows it; `nextRunAt` is the firing its next run acts on (past = due now). */
export const scheduleView = (s: ExportScheduleRecord): ExportSchedule => {
  const next = nextRunMs(s, s.lastRunAtMs ?? s.createdAtMs);
  return {
    id: s.id,
    name: s.name,
    cron: s.cron,
    timezone: s.timezone,
    dataset: s.dataset,
    format: s.format,
    gzip: s.gzip,
    filters: s.filters,
    createdBy: s.actor,
    createdAt: iso(s.createdAtMs),
    lastRunAt: s.lastRunAtMs === null ? null : iso(s.lastRunAtMs),
    lastExportId: s.lastExportId,
    nextRunAt: next === null ? null : iso(next),
  };
};
