import type { JobDefinition } from '../jobs/job-scheduler.js';
import type { ExportSchedulesService } from './export-schedules.js';
import type { ExportsService } from './exports.service.js';

/** The scheduler's part in exports: recurring exports when due, and removal of expired files and records. */
export const exportJobs = (deps: {
  exports: ExportsService;
  schedules: ExportSchedulesService;
}): JobDefinition[] => [
  {
    name: 'exports.schedules',
    description: 'Create the scheduled exports that are due',
    // Every minute: each schedule's own cron (in its zone) decides whether it is due.
    schedule: '0 * * * * *',
    timezone: 'UTC',
    run: async () => ({ rows: await deps.schedules.runDue() }),
  },
  {
    name: 'exports.cleanup',
    description: 'Delete expired export files and their records (CARBON_EXPORT_TTL)',
    schedule: '0 5 * * * *',
    timezone: 'UTC',
    run: async () => ({ rows: await deps.exports.deleteExpired() }),
  },
];
