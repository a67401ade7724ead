import type { JobDefinition } from '../jobs/job-scheduler.js';
import type { ReportsService } from './reports.service.js';

/**
 * Day-ahead results are published around midday in every US market; 14:00 local leaves time for the DA ingest,
 * and the previous day's real-time prices are complete by then.
 */
const DAILY = '0 0 14 * * *';
/** On the 1st, the month just ended. */
const MONTHLY = '0 30 14 1 * *';

export const reportJobName = (market: string, kind: 'daily' | 'monthly'): string =>
  `reports.${kind}.${market}`;

/** A market's scheduled briefs: yesterday's daily brief each day, last month's brief on the 1st. */
export const reportJobs = (
  reports: ReportsService,
  market: { readonly id: string; readonly timezone: string },
): JobDefinition[] => [
  {
    name: reportJobName(market.id, 'daily'),
    description: `${market.id}: daily market brief of the previous local day (HTML and PDF)`,
    schedule: DAILY,
    timezone: market.timezone,
    run: () => reports.runScheduled(market.id, 'daily'),
  },
  {
    name: reportJobName(market.id, 'monthly'),
    description: `${market.id}: monthly market brief of the previous local month (HTML and PDF)`,
    schedule: MONTHLY,
    timezone: market.timezone,
    run: () => reports.runScheduled(market.id, 'monthly'),
  },
];
